/**
 * Office Open XML spreadsheets (.xlsx) as plain data, both ways. Pure: the shell unzips
 * the parts and hands their text here (reading), and zips what this returns (writing).
 *
 * Reading gives every cell as text with its row and column (so diagnostics can say
 * `book.xlsx[Sheet]!C7`), plus the number itself where Excel stored a number: a number is
 * never re-read through the decimal-mark rules meant for text. Formulas give their cached
 * value; dates become ISO text (2024-03-31); a vertically merged cell's value is repeated
 * down the merge (a province name merged over its indicator rows), a horizontally merged
 * one (a title) stays in its first cell.
 */
import type { Cell } from '../core/data.js';
import { type XmlElement, XmlError, child, children, escapeXml, parseXml } from './xml.js';
import { columnName } from '../core/column-name.js';

export { XmlError };

/** A cell read from a workbook: text as shown, and the number when one was stored. */
export interface SheetCell extends Cell {
  value?: number;
}

export interface SheetInfo {
  name: string;
  /** Part name inside the archive, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

export interface Workbook {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStrings: string[];
  /** Per cell style index: is it a date format? ('year': a format showing the year alone, e.g. yyyy). */
  dateStyles: (boolean | 'year')[];
}

/** A cell reference "C7" → [row 7, column 3]. */
export function parseRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (m === null) return undefined;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), c];
}

export { columnName };

const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function isDateFormat(code: string): boolean {
  // Drop quoted text, escapes and [colour]/[locale] sections, then look for date/time letters.
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** A format that shows the year alone (a year column typed as a date and shown as 2023). */
function isYearFormat(code: string): boolean {
  return /^y{2,4}$/i.test(code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').trim());
}

/** Read the workbook-level parts. `part` returns a part's text, or undefined when absent. */
export function readWorkbook(part: (name: string) => string | undefined): Workbook {
  const wbText = part('xl/workbook.xml');
  if (wbText === undefined) throw new XmlError('no xl/workbook.xml: this is a ZIP file but not an Excel workbook');
  const wb = parseXml(wbText);
  const rels = new Map<string, string>();
  const relText = part('xl/_rels/workbook.xml.rels');
  if (relText !== undefined) {
    for (const r of children(parseXml(relText), 'Relationship')) {
      const t = r.attrs.Target ?? '';
      rels.set(r.attrs.Id ?? '', t.startsWith('/') ? t.slice(1) : `xl/${t}`);
    }
  }
  const sheets = children(child(wb, 'sheets'), 'sheet').map((s, k) => ({
    name: s.attrs.name ?? `Sheet${k + 1}`,
    part: rels.get(s.attrs.id ?? '') ?? `xl/worksheets/sheet${k + 1}.xml`,
  }));
  const pr = child(wb, 'workbookPr');
  const date1904 = pr?.attrs.date1904 === '1' || pr?.attrs.date1904 === 'true';

  const sharedStrings: string[] = [];
  const sst = part('xl/sharedStrings.xml');
  if (sst !== undefined) {
    for (const si of children(parseXml(sst), 'si')) sharedStrings.push(stringItem(si));
  }
  const dateStyles: (boolean | 'year')[] = [];
  const st = part('xl/styles.xml');
  if (st !== undefined) {
    const styles = parseXml(st);
    const custom = new Map(children(child(styles, 'numFmts'), 'numFmt').map((f) => [Number(f.attrs.numFmtId), f.attrs.formatCode ?? '']));
    for (const xf of children(child(styles, 'cellXfs'), 'xf')) {
      const id = Number(xf.attrs.numFmtId ?? 0);
      const code = custom.get(id);
      dateStyles.push(code !== undefined ? (isYearFormat(code) ? 'year' : isDateFormat(code)) : BUILTIN_DATES.has(id));
    }
  }
  return { sheets, date1904, sharedStrings, dateStyles };
}

/** The text of a shared or inline string: its <t>, or its rich-text runs' <t>s (phonetic runs left out). */
function stringItem(si: XmlElement): string {
  let s = '';
  for (const c of si.children) {
    if (c.name === 't') s += c.text;
    else if (c.name === 'r') s += children(c, 't').map((t) => t.text).join('');
  }
  return s;
}

/** An Excel serial date as ISO text (time of day kept when there is one). */
export function serialToIso(serial: number, date1904: boolean): string {
  // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 Feb 1900 that never was.
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial < 61 ? 31 : 30);
  const ms = Math.round(serial * 86_400_000);
  const d = new Date(base + ms);
  const iso = d.toISOString();
  return ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

export interface SheetRows {
  /**
   * Rows in order, blank rows left out; each row's cells from column A, gaps filled with empty
   * cells. A formula with no saved value (openpyxl and pandas write `<f>…</f><v/>`: the
   * workbook was never calculated) is an empty cell marked `uncalculated`, so that reading it
   * as a value is an error at its cell rather than a silent missing value.
   */
  rows: SheetCell[][];
}

/** Longest row accepted, in cells (XFD is column 16384). */
const MAX_COLS = 16384;

/** Read one worksheet's cells. */
export function readSheet(wb: Workbook, xml: string): SheetRows {
  const ws = parseXml(xml);
  const data = child(ws, 'sheetData');
  const rowsByLine = new Map<number, SheetCell[]>();
  let lastRow = 0;
  for (const r of children(data, 'row')) {
    const line = r.attrs.r !== undefined ? Number(r.attrs.r) : lastRow + 1;
    lastRow = line;
    const cells: SheetCell[] = [];
    let lastCol = 0;
    for (const c of children(r, 'c')) {
      const pos = c.attrs.r === undefined ? undefined : parseRef(c.attrs.r);
      const col = pos?.[1] ?? lastCol + 1;
      lastCol = col;
      if (col > MAX_COLS) throw new XmlError(`a cell beyond column ${columnName(MAX_COLS)}`);
      const cell = readCell(wb, c, line, col);
      if (cell.text === '' && cell.uncalculated !== true) continue;
      while (cells.length < col - 1) cells.push({ text: '', line, col: cells.length + 1 });
      cells[col - 1] = cell;
    }
    if (cells.length > 0) rowsByLine.set(line, cells);
  }
  // Merged ranges: a vertical merge repeats its value down the range.
  for (const m of children(child(ws, 'mergeCells'), 'mergeCell')) {
    const [a, b] = (m.attrs.ref ?? '').split(':');
    const p = a === undefined ? undefined : parseRef(a);
    const q = b === undefined ? undefined : parseRef(b);
    if (p === undefined || q === undefined || q[0] <= p[0]) continue;
    const top = rowsByLine.get(p[0])?.[p[1] - 1];
    if (top === undefined || top.text === '') continue;
    for (let line = p[0] + 1; line <= q[0]; line++) {
      for (let col = p[1]; col <= Math.min(q[1], p[1]); col++) {
        let row = rowsByLine.get(line);
        if (row === undefined) { row = []; rowsByLine.set(line, row); }
        while (row.length < col) row.push({ text: '', line, col: row.length + 1 });
        row[col - 1] = { ...top, line, col };
      }
    }
  }
  const rows = [...rowsByLine.entries()].sort((x, y) => x[0] - y[0]).map(([, cells]) => cells);
  return { rows };
}

function readCell(wb: Workbook, c: XmlElement, line: number, col: number): SheetCell {
  const t = c.attrs.t ?? 'n';
  const v = child(c, 'v');
  const f = child(c, 'f');
  if (t === 'inlineStr') return { text: stringItem(child(c, 'is') ?? c), line, col };
  // A formula whose saved value is absent or empty (`<v/>`, as openpyxl writes it); an empty
  // text result (t="str") is a value.
  if (f !== undefined && t !== 'str' && (v === undefined || v.text.trim() === '')) return { text: '', line, col, uncalculated: true };
  if (v === undefined) return { text: '', line, col };
  const raw = v.text;
  switch (t) {
    case 's': return { text: wb.sharedStrings[Number(raw)] ?? '', line, col };
    case 'str': return { text: raw, line, col };
    case 'b': return { text: raw === '1' ? 'TRUE' : 'FALSE', line, col };
    case 'e': return { text: raw, line, col };
    case 'd': return { text: raw.length >= 10 ? raw.slice(0, raw.length > 10 && !raw.endsWith('T00:00:00') ? 19 : 10).replace('T', ' ') : raw, line, col };
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) return { text: raw, line, col };
      const style = Number(c.attrs.s ?? 0);
      const date = wb.dateStyles[style];
      if (date === 'year') return { text: serialToIso(n, wb.date1904).slice(0, 4), line, col };
      if (date === true) return { text: serialToIso(n, wb.date1904), line, col };
      return { text: String(n), value: n, line, col };
    }
  }
}

// --- writing ------------------------------------------------------------------------------

/** A value to write: text (a string cell), a number, or empty. */
export type OutValue = string | number | null;

export interface OutColumn {
  header: string;
  /** 'text' keeps numbers-looking text as text ('01'); 'number' with its decimals shown; 'general' as Excel shows any number. */
  kind: 'text' | 'number' | 'integer' | 'general';
  decimals?: number;
  /** Width in characters (a guess from the content when absent). */
  width?: number;
}

export interface OutSheet {
  name: string;
  columns: OutColumn[];
  rows: OutValue[][];
  /** Freeze the header row (default true). */
  freeze?: boolean;
}

/** Sheet names: at most 31 characters, none of []:*?/\ ; unique. */
export function sheetName(s: string, taken: Set<string>): string {
  let base = s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 28)} ${k}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The parts of a workbook (name → XML text), ready to be zipped in this order. */
export function workbookParts(sheets: readonly OutSheet[]): { name: string; text: string }[] {
  const decs = [...new Set(sheets.flatMap((s) => s.columns.filter((c) => c.kind === 'number').map((c) => c.decimals ?? 2)))].sort((a, b) => a - b);
  // Styles: 0 default, 1 bold header, 2 text (@), 3 integer, then one per number of decimals.
  const fmtId = (d: number) => 164 + decs.indexOf(d);
  const styleOf = (c: OutColumn) => (c.kind === 'text' ? 2 : c.kind === 'integer' ? 3 : c.kind === 'general' ? 0 : 4 + decs.indexOf(c.decimals ?? 2));
  const numFmts = decs.map((d) => `<numFmt numFmtId="${fmtId(d)}" formatCode="${d === 0 ? '0' : `0.${'0'.repeat(d)}`}"/>`).join('');
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    ...decs.map((d) => `<xf numFmtId="${fmtId(d)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
    + (decs.length > 0 ? `<numFmts count="${decs.length}">${numFmts}</numFmts>` : '')
    + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

  const sheetXml = (s: OutSheet): string => {
    const width = (c: OutColumn, k: number) => c.width ?? Math.min(60, Math.max(6, [c.header, ...s.rows.map((r) => cellShown(r[k] ?? null, c))].reduce((m, x) => Math.max(m, x.length), 0) + 2));
    const cols = s.columns.map((c, k) => `<col min="${k + 1}" max="${k + 1}" width="${width(c, k)}" customWidth="1"/>`).join('');
    const freeze = s.freeze !== false && s.rows.length > 0
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>'
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    const head = `<row r="1">${s.columns.map((c, k) => `<c r="${columnName(k + 1)}1" s="1" t="inlineStr"><is><t xml:space="preserve">${escapeXml(c.header)}</t></is></c>`).join('')}</row>`;
    const body = s.rows.map((r, i) => {
      const line = i + 2;
      const cells = s.columns.map((c, k) => {
        const v = r[k] ?? null;
        const ref = `${columnName(k + 1)}${line}`;
        if (v === null || v === '') return '';
        if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}" s="${styleOf(c)}"><v>${String(v)}</v></c>`;
        return `<c r="${ref}" s="${c.kind === 'text' ? 2 : 0}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(v))}</t></is></c>`;
      }).join('');
      return `<row r="${line}">${cells}</row>`;
    }).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
      + `${freeze}<sheetFormatPr defaultRowHeight="15"/>${cols.length > 0 ? `<cols>${cols}</cols>` : ''}<sheetData>${head}${body}</sheetData></worksheet>`;
  };

  const ns = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return [
    { name: '[Content_Types].xml', text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + sheets.map((_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
      + '</Types>' },
    { name: '_rels/.rels', text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ${ns}>${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>` },
    { name: 'xl/workbook.xml', text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`
      + `<bookViews><workbookView/></bookViews><sheets>${sheets.map((s, k) => `<sheet name="${escapeXml(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('')}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ${ns}>`
      + sheets.map((_, k) => rel(`rId${k + 1}`, 'worksheet', `worksheets/sheet${k + 1}.xml`)).join('') + rel(`rId${sheets.length + 1}`, 'styles', 'styles.xml') + '</Relationships>' },
    { name: 'xl/styles.xml', text: styles },
    ...sheets.map((s, k) => ({ name: `xl/worksheets/sheet${k + 1}.xml`, text: sheetXml(s) })),
  ];
}

function cellShown(v: OutValue, c: OutColumn): string {
  if (v === null) return '';
  if (typeof v === 'number') return c.kind === 'number' ? v.toFixed(c.decimals ?? 2) : String(v);
  return v;
}

/** A short, comparable dump of every sheet's cells (for --check by content). */
export function contentOf(wb: Workbook, sheetXml: (s: SheetInfo) => string | undefined): string {
  const out: string[] = [];
  for (const s of wb.sheets) {
    out.push(`[${s.name}]`);
    const x = sheetXml(s);
    if (x === undefined) continue;
    for (const row of readSheet(wb, x).rows) out.push(row.map((c) => (c.value === undefined ? `'${c.text}` : `#${c.value}`)).join('\t'));
  }
  return out.join('\n');
}

