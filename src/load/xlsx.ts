/**
 * Office Open XML spreadsheets (.xlsx) read as plain data. Pure: the shell unzips the parts
 * and hands their text here. The writer is src/render/workbook.ts.
 *
 * Reading gives every cell as text with its row and column (so diagnostics can say
 * `book.xlsx[Sheet]!C7`), plus the number itself where Excel stored a number: a number is
 * never re-read through the decimal-mark rules meant for text. Formulas give their cached
 * value; dates become ISO text (2024-03-31); a vertically merged cell's value is repeated
 * down the merge (a province name merged over its indicator rows), a horizontally merged
 * one (a title) stays in its first cell.
 */
import type { Cell } from '../core/model.js';
import { type XmlElement, XmlError, child, children, parseXml } from './xml.js';
import { columnName } from '../core/column-name.js';
import { msg } from '../core/messages.js';

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
  if (wbText === undefined) throw new XmlError(msg('xlsx.noWorkbook'));
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
      if (col > MAX_COLS) throw new XmlError(msg('xlsx.tooWide', { column: columnName(MAX_COLS) }));
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

