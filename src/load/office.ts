/**
 * Tables as offices really make them, turned into the plain table `readDataset` reads:
 * title rows above the header (or `--skip-lines N`), an STT/TT column, empty columns,
 * Vietnamese names for the unit and year columns, an office's own header for an indicator
 * (`column:` on a leaf), totals rows (Tổng cộng, Cả nước…) skipped with a warning, note rows
 * starting with '#'. Also the guesses a CSV needs: the delimiter and the decimal mark, made
 * only when the file leaves no doubt. Pure: rows in, rows out, diagnostics pushed.
 */
import type { Cell, Decimal } from '../core/model.js';
import { type Row, type RowTable, CellsRow, asRow } from './rows.js';
import { type Diagnostic, error, warning } from '../core/diagnostics.js';
import { msg, render } from '../core/messages.js';
import type { Framework } from '../core/framework.js';
import type { IndicatorNode } from '../core/definitions.js';
import { normaliseMethodOf } from '../core/methods/normalise/index.js';
import type { Lang } from '../core/messages.js';
import { fold } from '../core/text.js';

/** A header cell's text compared loosely: NFC, lower case, single spaces, no spaces around '/'. */
export function headerKey(s: string): string {
  return s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/ ?\/ ?/g, '/');
}

/** Names offices give the columns `dti` reads, by the canonical name. */
export const COLUMN_ALIASES: Record<'province' | 'unit' | 'year' | 'indicator' | 'value', readonly string[]> = {
  province: ['province', 'tỉnh', 'tỉnh/thành phố', 'tỉnh, thành phố', 'tỉnh/thành', 'tỉnh/tp', 'tên tỉnh', 'tên tỉnh/thành phố', 'địa phương', 'tỉnh/thành phố trực thuộc trung ương'],
  unit: ['unit', 'đơn vị', 'tên đơn vị', 'huyện', 'quận/huyện', 'huyện/thị xã/thành phố', 'xã', 'xã/phường', 'sở/ngành', 'cơ quan'],
  year: ['year', 'năm'],
  indicator: ['indicator', 'chỉ tiêu', 'mã chỉ tiêu'],
  value: ['value', 'giá trị'],
};
const CANONICAL = new Map<string, string>(Object.entries(COLUMN_ALIASES).flatMap(([k, vs]) => vs.map((v) => [headerKey(v), k] as [string, string])));
const UNIT_NAMES = new Set(['province', 'unit']);

/** Row-number columns, ignored: STT, TT, Số TT, No. */
const NUMBERING = new Set(['stt', 'tt', 'số tt', 'số thứ tự', 'no', 'no.', 'stt.']);

/** Totals and averages (by the unit cell, without diacritics): skipped with a warning. */
export const TOTALS = /^(tong cong|tong so|tong|ca nuoc|toan quoc|trung binh|binh quan|total|average|mean|national)\b/;

export interface Detected {
  /** Line (row) of the header. */
  headerLine: number;
  /** Rows above the header left out. */
  titleRows: number;
  /** Headers read under another name: [as written, as read]. */
  renamed: [string, string][];
  /** Columns left out (STT, empty), by header text or column number. */
  ignored: string[];
  /** The decimal mark found in the values, when --decimal was not given. */
  decimal?: Decimal;
}

export interface OfficeOptions {
  file?: string;
  /** `--skip-lines N`: the header is the first row after line N. */
  skipLines?: number;
  /** Given by the user; otherwise guessed from the values when unambiguous. */
  decimal?: Decimal;
  /** Rows may be shorter than the header (a workbook leaves empty trailing cells out). */
  ragged?: boolean;
  /** Workbook positions: columns as letters in messages. */
  columnLabel?: (col: number) => string;
}

const LOOKAHEAD = 30;
const DECIMAL_SAMPLE = 500;

/**
 * Whether a unit's name may be a totals row: its first letter (after spaces) is, without its
 * diacritics, that of one of TOTALS' words (t, c, b, a, m, n). Only those are folded and tested.
 */
export function isTotalsName(text: string): boolean {
  return mayBeTotals(text) && TOTALS.test(fold(text.trim()));
}

function mayBeTotals(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  if (i === text.length) return false;
  const code = text.charCodeAt(i);
  let c = code | 32;
  if (code > 127) {
    const ch = text[i]!;
    if (ch === 'đ' || ch === 'Đ') return false; // folds to d
    if (/\s/.test(ch)) return true; // a space trim() removes: test the whole
    c = ch.normalize('NFD').charCodeAt(0) | 32;
    if (c > 127) return true; // not a Latin letter with marks: test the whole
  }
  return c === 116 || c === 99 || c === 98 || c === 97 || c === 109 || c === 110;
}

/**
 * A leaf's heading as `dti template` writes it and people read it: its name, then its unit in
 * brackets ('yes/no' for a yes/no indicator): `Hạ tầng số (chỉ số 0–1)`.
 */
export function leafHeading(def: IndicatorNode, lang: Lang): string {
  const unit = normaliseMethodOf(def.normalize.method).yesNo ? render(msg('label.yesNo'), lang) : def.unit?.[lang] ?? null;
  return `${def.name[lang]}${unit === null || unit === '' ? '' : ` (${unit})`}`;
}

const byName = new WeakMap<Framework, Map<string, string>>();
/**
 * The leaves by the names a header may give them (compared by headerKey): the Vietnamese and
 * English names, and each with its unit as `dti template` writes it. A name two leaves share
 * names neither. Built once per framework.
 */
export function leavesByName(fw: Framework): Map<string, string> {
  let m = byName.get(fw);
  if (m !== undefined) return m;
  m = new Map();
  const shared = new Set<string>();
  for (const ni of fw.leaves) {
    const def = fw.nodes[ni]!.def!;
    const keys = new Set([def.name.vi, def.name.en, leafHeading(def, 'vi'), leafHeading(def, 'en')].map(headerKey));
    for (const k of keys) {
      const other = m.get(k);
      if (other !== undefined && other !== def.id) shared.add(k);
      else m.set(k, def.id);
    }
  }
  for (const k of shared) m.delete(k);
  byName.set(fw, m);
  return m;
}

/** Does this row look like a header: a unit column by one of its names, or two indicators by id or name? */
export function isHeaderRow(row: readonly Cell[], fw?: Framework): boolean {
  if (row.some((c) => UNIT_NAMES.has(CANONICAL.get(headerKey(c.text)) ?? ''))) return true;
  if (fw === undefined) return false;
  const ids = new Set(fw.leafIds);
  const names = leavesByName(fw);
  return row.filter((c) => ids.has(c.text.trim()) || names.has(headerKey(c.text))).length >= 2;
}

/**
 * From raw rows to the table readDataset reads. `errors` and `warnings` receive what is
 * found on the way (totals rows, values under no header).
 */
export function officeTable(rows: Iterable<Row | readonly Cell[]>, fw: Framework, opts: OfficeOptions, errors: Diagnostic[], warnings: Diagnostic[]): { table: RowTable; detected: Detected } {
  const file = opts.file;
  const it = rows[Symbol.iterator]();
  const nextRow = (): Row | undefined => { const r = it.next(); return r.done === true ? undefined : asRow(r.value); };
  const { buffered, headerAt } = findHeader(nextRow, fw, opts.skipLines);
  const top = buffered[headerAt];
  const detected: Detected = { headerLine: top !== undefined && top.length > 0 ? top.line(0) : 1, titleRows: Math.max(0, headerAt), renamed: [], ignored: [] };
  if (top === undefined) return { table: { ...(file === undefined ? {} : { file }), header: [], rows: [] }, detected };
  const columns = readColumns(top.cells(), fw, detected);
  const project = rowProjector(columns, opts, errors, warnings);

  // The decimal mark, from a sample of the values (read ahead, then passed on first).
  const sample: Row[] = buffered.slice(headerAt + 1);
  if (opts.decimal === undefined) {
    for (;;) {
      if (sample.length >= DECIMAL_SAMPLE) break;
      const r = nextRow();
      if (r === undefined) break;
      sample.push(r);
    }
    const leafIds = new Set(fw.leafIds);
    const valueCols = columns.header.flatMap((c, k) => (leafIds.has(c.text) || c.text === 'value' ? [columns.keep[k]!] : []));
    const decimal = decimalOfValues(sample, valueCols);
    if (decimal !== undefined) detected.decimal = decimal;
  }

  function* body(): Generator<Row> {
    for (const r of sample) { const p = project(r); if (p !== null) yield p; }
    for (;;) {
      const r = nextRow();
      if (r === undefined) return;
      const p = project(r);
      if (p !== null) yield p;
    }
  }
  return { table: { ...(file === undefined ? {} : { file }), header: columns.header, rows: { [Symbol.iterator]: body } }, detected };
}

/**
 * The header among the first rows: the first row after `skipLines` when given, else the first
 * that looks like one (isHeaderRow) within LOOKAHEAD rows, else the first row. The rows read so
 * far come back (`headerAt` indexes the header among them, -1: no rows at all).
 */
function findHeader(nextRow: () => Row | undefined, fw: Framework, skipLines: number | undefined): { buffered: Row[]; headerAt: number } {
  const buffered: Row[] = [];
  const skip = skipLines ?? 0;
  let headerAt = -1;
  for (;;) {
    const r = nextRow();
    if (r === undefined) break;
    if ((r.length > 0 ? r.line(0) : 0) <= skip) continue;
    buffered.push(r);
    if (skipLines !== undefined) { headerAt = 0; break; }
    const cells = r.cells();
    if (isHeaderRow(cells, fw)) {
      headerAt = buffered.length - 1;
      const nextR = nextRow();
      if (nextR !== undefined) {
        const merged = twoRowHeader(cells, nextR.cells());
        if (merged !== undefined) buffered[headerAt] = new CellsRow(merged);
        else buffered.push(nextR);
      }
      break;
    }
    if (buffered.length >= LOOKAHEAD) break;
  }
  if (headerAt < 0) headerAt = buffered.length > 0 ? 0 : -1;
  return { buffered, headerAt };
}

/**
 * A header over two rows (group headings above the indicator names, the unit column merged
 * down or left empty below): one header, the lower row's name where it has one. Undefined when
 * the row below is data (numbers, or a unit's name under the unit column).
 */
function twoRowHeader(cells: readonly Cell[], next: readonly Cell[]): Cell[] | undefined {
  const unitCol = cells.findIndex((c) => UNIT_NAMES.has(CANONICAL.get(headerKey(c.text)) ?? ''));
  const below = next[unitCol]?.text ?? '';
  const texts = next.filter((c) => c.text.trim() !== '');
  if (!(unitCol >= 0 && (below.trim() === '' || below === cells[unitCol]!.text) && texts.length > 0
    && texts.every((c) => c.value === undefined && !/^[\d.,%\s+-]+$/.test(c.text)))) return undefined;
  return Array.from({ length: Math.max(cells.length, next.length) }, (_, i) => {
    const lo = next[i];
    const up = cells[i];
    return lo !== undefined && lo.text.trim() !== '' && i !== unitCol ? lo : up ?? lo!;
  });
}

/** What the header says, column by column: the columns kept and their canonical names. */
interface OfficeColumns {
  /** Cells of the raw header. */
  width: number;
  /** Raw column of each kept one. */
  keep: number[];
  /** The kept columns' headers, renamed to what readDataset reads (province, year, a leaf's id…). */
  header: Cell[];
  /** Raw columns with an empty header (a value under one is an error). */
  noHeader: number[];
  /** Every column kept, in place: a row of the full width is passed on as it is. */
  identity: boolean;
  indicatorCol: number;
  unitCol: number;
  /** Leaves by their `column:` (header key → id). */
  columnOf: Map<string, string>;
}

/** The header read: STT and empty columns left out, office names read as dti's (noted in `detected`). */
function readColumns(rawHeader: readonly Cell[], fw: Framework, detected: Detected): OfficeColumns {
  const width = rawHeader.length;
  const columnOf = new Map<string, string>();
  for (const ni of fw.leaves) {
    const def = fw.nodes[ni]!.def!;
    if (def.column !== null && def.column !== undefined) columnOf.set(headerKey(def.column), def.id);
  }
  const ids = new Set(fw.leafIds);
  const names = leavesByName(fw);
  const keep: number[] = [];
  const header: Cell[] = [];
  const noHeader: number[] = [];
  rawHeader.forEach((c, i) => {
    const k = headerKey(c.text);
    if (NUMBERING.has(k)) { detected.ignored.push(c.text.trim()); return; }
    if (k === '') { noHeader.push(i); return; }
    // A column is read as a leaf by its id, its `column:`, or its name (`Hạ tầng số`, or
    // `Hạ tầng số (chỉ số 0–1)` as the template writes it, in either language).
    const canon = CANONICAL.get(k) ?? columnOf.get(k) ?? (ids.has(c.text.trim()) ? undefined : names.get(k));
    if (canon !== undefined && canon !== c.text.trim()) detected.renamed.push([c.text.trim(), canon]);
    keep.push(i);
    header.push({ ...c, text: canon ?? c.text });
  });
  return {
    width, keep, header, noHeader, identity: keep.length === width, columnOf,
    indicatorCol: header.findIndex((c) => c.text === 'indicator'),
    unitCol: header.findIndex((c) => UNIT_NAMES.has(c.text)),
  };
}

/**
 * A data row as readDataset reads it: the kept columns, or null for a row left out (empty,
 * only a row number, a note starting with '#', a totals row: warned), a long row's indicator
 * named by its `column:` read as the leaf's id. A value under no header is an error (once per column).
 */
function rowProjector(cols: OfficeColumns, opts: OfficeOptions, errors: Diagnostic[], warnings: Diagnostic[]): (row: Row) => Row | null {
  const { width, keep, noHeader, identity, indicatorCol, unitCol, columnOf } = cols;
  const file = opts.file;
  const at = (c: { line: number; col: number }) => ({ ...(file === undefined ? {} : { file }), line: c.line, col: c.col });
  const label = opts.columnLabel ?? ((c: number) => String(c));
  const reportedNoHeader = new Set<number>();
  return (row) => {
    if (row.length === 0) return null;
    if (!opts.ragged && row.length !== width) {
      if (identity) return row; // readDataset reports the width
      errors.push(error('CSV_SYNTAX.fields', { n: row.length, width }, at(row.cell(Math.min(row.length, width) - 1)), msg('hint.delimiter')));
      return null;
    }
    if (noHeader.length > 0 || row.length > width) {
      for (let i = 0; i < row.length; i++) {
        if ((i >= width || noHeader.includes(i)) && row.text(i).trim() !== '' && !reportedNoHeader.has(i)) {
          reportedNoHeader.add(i);
          errors.push(error('UNKNOWN_COLUMN.noHeader', { column: label(i + 1) }, at(row.cell(i)), msg('hint.giveHeader')));
        }
      }
    }
    // The common row (every column kept, none missing) is passed on as it is.
    const out = identity && row.length === width ? row : new KeptColumns(row, keep);
    let lead = '';
    for (let k = 0; k < out.length && lead === ''; k++) lead = out.text(k).trim();
    if (lead === '') return null; // only a row number
    if (lead.startsWith('#')) return null; // a note row
    if (unitCol >= 0 && unitCol < out.length) {
      const t = out.text(unitCol);
      if (isTotalsName(t)) {
        warnings.push(warning('TOTALS_ROW', { name: t.trim() }, at(out.cell(unitCol)), msg('hint.totals')));
        return null;
      }
    }
    if (indicatorCol >= 0 && indicatorCol < out.length) {
      const id = columnOf.get(headerKey(out.text(indicatorCol)));
      if (id !== undefined) {
        const renamed = out.cells();
        renamed[indicatorCol] = { ...renamed[indicatorCol]!, text: id };
        return new CellsRow(renamed);
      }
    }
    return out;
  };
}

/** The decimal mark the values' texts use, when they leave no doubt (comma only, or dot only); numbers stored as numbers do not count. */
function decimalOfValues(sample: readonly Row[], valueCols: readonly number[]): Decimal | undefined {
  let comma = 0;
  let dot = 0;
  for (const row of sample) {
    for (const i of valueCols) {
      if (i >= row.length || row.value(i) !== undefined) continue;
      // A text that starts with a digit or sign and ends with a digit is already trimmed.
      const x = row.text(i);
      const a = x.charCodeAt(0);
      const z = x.charCodeAt(x.length - 1);
      const t = ((a >= 48 && a <= 57) || a === 43 || a === 45) && z >= 48 && z <= 57 ? x : x.trim().replace(/%$/, '').trimEnd();
      const k = decimalMarkOf(t);
      if (k === 1) comma++;
      else if (k === 2) dot++;
    }
  }
  if (comma > 0 && dot === 0) return 'comma';
  if (dot > 0 && comma === 0) return 'dot';
  return undefined;
}

/** The columns of a row that the header keeps (an empty cell where the row is short). */
class KeptColumns implements Row {
  constructor(private readonly row: Row, private readonly keep: readonly number[]) {}
  get length(): number { return this.keep.length; }
  private has(k: number): boolean { return this.keep[k]! < this.row.length; }
  text(k: number): string { return this.has(k) ? this.row.text(this.keep[k]!) : ''; }
  line(k: number): number { return this.has(k) ? this.row.line(this.keep[k]!) : this.row.line(0); }
  col(k: number): number { return this.has(k) ? this.row.col(this.keep[k]!) : this.keep[k]! + 1; }
  value(k: number): number | undefined { return this.has(k) ? this.row.value(this.keep[k]!) : undefined; }
  uncalculated(k: number): boolean { return this.has(k) && this.row.uncalculated(this.keep[k]!); }
  number(k: number, decimal: Decimal): number { return this.has(k) ? this.row.number(this.keep[k]!, decimal) : NaN; }
  cell(k: number): Cell { return this.has(k) ? this.row.cell(this.keep[k]!) : { text: '', line: this.row.line(0), col: this.keep[k]! + 1 }; }
  cells(): Cell[] { return this.keep.map((_, k) => this.cell(k)); }
}

export type Delimiter = ',' | ';' | '\t';

/**
 * The delimiter of a CSV text when it is unambiguous: the one of `,` `;` tab that splits the
 * first lines into a constant number (≥ 2) of fields, lines of a single field (titles) aside,
 * and splits the most lines. `candidates` lists the best fits (none, one, or several: ambiguous).
 */
export function detectDelimiter(text: string): { delimiter: Delimiter | undefined; candidates: Delimiter[] } {
  const lines: string[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lines.length < 40 && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  // Each delimiter that splits lines into a constant number (≥ 2) of fields; of those, the
  // ones that split the most lines (a decimal comma splits data lines but not the header).
  const fits: { d: Delimiter; lines: number }[] = [];
  for (const d of [',', ';', '\t'] as Delimiter[]) {
    const counts = lines.map((l) => fieldCount(l, d)).filter((n) => n > 1);
    if (counts.length === 0) continue;
    const w = counts[0]!;
    if (counts.every((n) => n === w) || (counts.length >= 4 && counts.filter((n) => n === w).length >= counts.length * 0.9)) fits.push({ d, lines: counts.length });
  }
  const most = Math.max(0, ...fits.map((f) => f.lines));
  const candidates = fits.filter((f) => f.lines === most).map((f) => f.d);
  return { delimiter: candidates.length === 1 ? candidates[0] : undefined, candidates };
}

/**
 * Fields in one line, quotes respected (a line break inside quotes is rare in a header).
 * By UTF-16 units, which is by characters here: the quote and the delimiter are single units,
 * never half of a pair. (Run at every start-up on the first lines: no string iterator.)
 */
function fieldCount(line: string, d: string): number {
  let n = 1;
  if (line.indexOf('"') < 0) {
    for (let i = line.indexOf(d); i >= 0; i = line.indexOf(d, i + 1)) n++;
    return n;
  }
  const D = d.charCodeAt(0);
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) q = !q;
    else if (c === D && !q) n++;
  }
  return n;
}

/**
 * What a value's text says of the decimal mark, by one scan, only where it leaves no doubt:
 *
 * - 1 (comma): /^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+$/ but not /^[+-]?[1-9]\d{0,2},\d{3}$/
 *   (`75,7`, `3.743.092,5`, `0,834`; `1,234` may be English thousands);
 * - 2 (dot, or at least not a comma): /^[+-]?(\d+\.\d*|\.\d+)$/ but not
 *   /^[+-]?[1-9]\d{0,2}\.\d{3}$/ (`0.5`, `5.`, `1234.5`; `1.234` may be Vietnamese thousands),
 *   or English thousands /^[+-]?\d{1,3}(,\d{3})+\.\d+$|^[+-]?\d{1,3}(,\d{3}){2,}$/
 *   (`1,234.5`, `1,234,567`);
 * - 0 otherwise (no separator, ambiguous, or not a number at all: `1.2.3`).
 */
export function decimalMarkOf(t: string): 0 | 1 | 2 {
  const n = t.length;
  let i = 0;
  const c0 = t.charCodeAt(0);
  if (c0 === 43 || c0 === 45) i = 1;
  const lead = t.charCodeAt(i); // the first digit: '0' is never a thousands group's lead
  // Runs of digits between separators: the first run's length, the last's, whether every run
  // strictly between two separators has three digits, whether every run after the first has.
  let runs = 0;
  let first = 0;
  let last = 0;
  let run = 0;
  let dots = 0;
  let commas = 0;
  let inner3 = true;
  let after3 = true;
  let dotAfterComma = false;
  let commaAfterDot = false;
  for (; i <= n; i++) {
    const c = i < n ? t.charCodeAt(i) : -1;
    if (c >= 48 && c <= 57) { run++; continue; }
    if (c !== 46 && c !== 44 && c !== -1) return 0;
    if (runs === 0) first = run;
    else if (run !== 3) { after3 = false; if (c !== -1) inner3 = false; }
    runs++;
    if (c === -1) { last = run; break; }
    if (c === 44) { commas++; if (dots > 0) commaAfterDot = true; } else { dots++; if (commas > 0) dotAfterComma = true; }
    run = 0;
  }
  const group = first >= 1 && first <= 3; // a first run that can lead thousands groups
  if (commas === 1 && !dotAfterComma) {
    if (first === 0 || last === 0) return 0;
    if (dots === 0) return group && last === 3 && lead !== 48 ? 0 : 1;
    return group && inner3 ? 1 : 0;
  }
  if (commas === 0 && dots === 1) {
    if (first === 0 && last === 0) return 0;
    return group && last === 3 && lead !== 48 ? 0 : 2;
  }
  if (commas >= 1 && group && inner3) {
    if (dots === 1 && !commaAfterDot && last >= 1) return 2; // 1,234.5
    if (dots === 0 && commas >= 2 && after3) return 2; // 1,234,567
  }
  return 0;
}
