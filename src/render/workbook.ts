/**
 * Office Open XML spreadsheets (.xlsx) written: the parts of a workbook (name → XML text) from
 * sheets of plain values. Pure: the shell zips what this returns (cli/xlsx.ts). The reader is
 * src/load/xlsx.ts.
 */
import { columnName } from '../core/column-name.js';

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
        if (typeof v === 'number') {
          // A number that is none (NaN, ∞) is a mistake upstream: never written as a text 'NaN' over a value.
          if (!Number.isFinite(v)) throw new Error(`workbook ${s.name}!${ref}: ${String(v)} is not a number to write`);
          return `<c r="${ref}" s="${styleOf(c)}"><v>${String(v)}</v></c>`;
        }
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

export function escapeXml(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped (a control character from a data file).
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
