/**
 * Pure string builders shared by every command's output: delimited text (CSV/TSV) with the
 * formula-injection guard, Markdown tables and terminal tables. No I/O; colour only through
 * the Chalk instance the caller passes (level 0 gives plain text).
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { visible } from '../core/text.js';
import tableUtils from 'cli-table3/src/utils.js';
import { maxOf } from '../core/arrays.js';
import { tokenize } from '../load/csv.js';
import { msg, render } from '../core/messages.js';

export type Format = 'table' | 'csv' | 'tsv' | 'json' | 'md' | 'xlsx';
export const FORMATS: readonly Format[] = ['table', 'csv', 'tsv', 'json', 'md', 'xlsx'];

/** A column: its header, alignment, and a cell per row. */
export interface Column {
  header: string;
  align: 'left' | 'right';
  cells: string[];
  /** Marks text taken from user data (names), which the CSV guard neutralises. */
  text?: boolean;
  /** Markdown output: the cells are Markdown already, their data escaped with `escapeMd` by the caller. */
  markdown?: boolean;
  /**
   * Terminal tables: the tool's own styling of a cell (a chart's colour), applied after the
   * cell's text is escaped and measured. Cells stay plain text, so data is escaped and the
   * styling is not (colour codes in a cell would be shown as <U+001B>).
   */
  style?: (cell: string) => string;
}

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe, as OWASP's CSV-injection advice says. Numbers are never touched.
 */
export function guardFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function quoteCsv(s: string, delim: string): string {
  return s.includes(delim) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** Every cell and header of every CSV/TSV output is guarded, whatever its column: only plain numbers pass as they are. */
function guardCell(s: string): string {
  return PLAIN_NUMBER.test(s) ? s : guardFormula(s);
}

/** Whether `s` is what PLAIN_NUMBER matches (a character loop: most cells of a ranking are numbers). */
function isPlainNumber(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  let k = digitsFrom(s, i);
  if (k === i) return false;
  i = k;
  if (i < n && s.charCodeAt(i) === 46 /* . */) { k = digitsFrom(s, i + 1); if (k === i + 1) return false; i = k; }
  if (i < n && (s.charCodeAt(i) | 32) === 101 /* e */) {
    i++;
    if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
    k = digitsFrom(s, i);
    if (k === i) return false;
    i = k;
  }
  return i === n;
}

/** Where the run of ASCII digits of `s` starting at `from` ends (a function of its own, not a closure made for every cell written). */
function digitsFrom(s: string, from: number): number {
  let k = from;
  while (k < s.length && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
  return k;
}

/** A cell of delimited output: guarded, then quoted if needed (a plain number needs neither). */
export function delimitedCell(s: string, delim: string): string {
  return s === '' || isPlainNumber(s) ? s : quoteCsv(guardFormula(s), delim);
}

export function renderDelimited(cols: readonly Column[], delim: ',' | '\t'): string {
  return [...delimitedChunks(cols, rowsOf(cols), delim)].join('');
}

/** The rows of materialised columns. */
function* rowsOf(cols: readonly Column[]): Generator<string[]> {
  const n = cols[0]?.cells.length ?? 0;
  for (let i = 0; i < n; i++) yield cols.map((c) => c.cells[i]!);
}

/** Delimited text a line at a time: the header, then one line per row of `rows`. */
export function* delimitedChunks(cols: readonly Pick<Column, 'header' | 'text'>[], rows: Iterable<string[]>, delim: ',' | '\t'): Generator<string> {
  yield cols.map((c) => quoteCsv(guardCell(c.header), delim)).join(delim) + '\n';
  for (const row of rows) {
    let line = '';
    for (let k = 0; k < row.length; k++) line += (k === 0 ? '' : delim) + delimitedCell(row[k]!, delim);
    yield line + '\n';
  }
}

/**
 * `--excel`: our CSV (pieces of whole lines, as `delimitedChunks` makes them) rewritten for
 * Excel set to Vietnamese, which reads ';' as the field separator and ',' as the decimal mark:
 * each plain number (0.8340, -1.5, 1e-7) gets a decimal comma, every other cell is written as it
 * was (its formula guard kept), fields separated by ';' and quoted when they hold one; the
 * header's keys named by `header` (the workbook's words). The byte-order mark that makes Excel
 * read UTF-8 is the caller's (emit).
 */
export function* excelCsv(pieces: Iterable<string>, header?: (key: string) => string): Generator<string> {
  let first = true;
  for (const piece of pieces) {
    if (piece === '') continue;
    const { table } = tokenize(piece, { delimiter: ',' });
    let out = '';
    for (const row of [table.header, ...table.rows]) {
      // The header line (the first of the output) named for a reader, as the command's workbook names it.
      const cells = first && header !== undefined ? row.map((c) => header(c.text)) : row.map((c) => c.text);
      first = false;
      out += cells.map((c) => (isPlainNumber(c) ? c.replace('.', ',') : c === '' ? '' : quoteCsv(c, ';'))).join(';') + '\n';
    }
    yield out;
  }
}

/**
 * A Markdown table cell that shows the text as it is and can do nothing else: no cell or row
 * break (`|`, line breaks), no HTML (`<`, `>`, `&` as entities), no emphasis, code or links
 * (backslash-escaped), no control or invisible characters (shown as <U+XXXX>).
 */
export function escapeMd(s: string): string {
  return visible(s.replace(/\r\n|\r|\n/g, ' '))
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderMarkdown(cols: readonly Column[]): string {
  return [...markdownChunks(cols, rowsOf(cols))].join('');
}

/** A Markdown table a line at a time. */
export function* markdownChunks(cols: readonly Pick<Column, 'header' | 'align' | 'markdown'>[], rows: Iterable<string[]>): Generator<string> {
  yield `| ${cols.map((c) => escapeMd(c.header)).join(' | ')} |\n`;
  yield `|${cols.map((c) => (c.align === 'right' ? '---:' : ':---')).join('|')}|\n`;
  for (const row of rows) yield `| ${row.map((s, k) => (cols[k]!.markdown === true ? s : escapeMd(s))).join(' | ')} |\n`;
}

/** Rows per cli-table3 call: it overflows the stack on a table of some 100,000 rows. */
const TABLE_CHUNK = 2000;

/** A compact terminal table: no vertical rules, a rule under the header, fits 80 columns for a typical ranking. */
export function renderTable(cols: readonly Column[], chalk: ChalkInstance, ascii: boolean, fit?: Fit): string {
  if (fit !== undefined && Number.isFinite(fit.width)) return fitTable(cols, chalk, ascii, fit);
  return drawTable(cols, chalk, ascii);
}

function drawTable(cols: readonly Column[], chalk: ChalkInstance, ascii: boolean): string {
  const h = ascii ? '-' : '─';
  const n = cols[0]?.cells.length ?? 0;
  // Data never reaches a terminal raw: escape sequences and other control characters are shown as <U+XXXX>.
  const head = cols.map((c) => chalk.bold(visible(c.header)));
  const cells = cols.map((c) => c.cells.map((x) => (c.style === undefined || x === '' ? visible(x) : c.style(visible(x)))));
  // A large table is drawn in chunks with the widths of the whole (content + 1 of padding).
  const colWidths = n <= TABLE_CHUNK ? undefined
    : cols.map((_, k) => Math.max(tableUtils.strlen(head[k]!), ...chunkMax(cells[k]!)) + 1);
  const draw = (from: number, to: number, withHead: boolean) => {
    const t = new Table({
      head: withHead ? head : [],
      colAligns: cols.map((c) => c.align),
      ...(colWidths === undefined ? {} : { colWidths }),
      // cli-table3 colours headers and borders by default, even when piped: empty its style.
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1, compact: true },
      chars: {
        top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
        bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
        left: '', 'left-mid': '', mid: h, 'mid-mid': h, right: '', 'right-mid': '', middle: ' ',
      },
    });
    for (let i = from; i < to; i++) t.push(cells.map((c) => c[i]!));
    // compact: cli-table3 draws the `mid` rule under the header only.
    return t.toString().split('\n').map((l) => l.trimEnd()).filter((l, i) => withHead || i > 0 || l !== '').join('\n');
  };
  if (colWidths === undefined) return draw(0, n, true) + '\n';
  const parts: string[] = [];
  for (let from = 0; from < n; from += TABLE_CHUNK) parts.push(draw(from, Math.min(n, from + TABLE_CHUNK), from === 0));
  return parts.join('\n') + '\n';
}

/** The widest cell of a column, measured in chunks (no spread of 100,000 arguments). */
function chunkMax(cells: readonly string[]): number[] {
  let m = 0;
  for (const c of cells) { const w = tableUtils.strlen(c); if (w > m) m = w; }
  return [m];
}

/** Fitting a terminal table to a width (COLUMNS): names shortened with '…', then the table split. */
export interface Fit {
  width: number;
  lang: 'vi' | 'en';
  /** Columns repeated in every part when the table is split (default: up to the first left-aligned one). */
  keep?: number;
}

/** Characters a terminal shows for a string (colour codes left out). */
export function shownWidth(s: string): number {
  // eslint-disable-next-line no-control-regex
  return [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/**
 * A line cut to `width` shown characters, with '…' where it was cut. The tool's colour codes
 * take no width and are kept (a line cut inside a styled part still ends its style).
 */
export function clip(s: string, width: number): string {
  if (shownWidth(s) <= width) return s;
  let out = '';
  let shown = 0;
  // eslint-disable-next-line no-control-regex
  for (const [, code, ch] of s.matchAll(/(\u001b\[[0-9;]*m)|([\s\S])/gu)) {
    if (code !== undefined) out += code;
    else if (shown < width - 1) { out += ch; shown++; }
  }
  return `${out}…`;
}

const MIN_NAME = 12;

function fitTable(cols: readonly Column[], chalk: ChalkInstance, ascii: boolean, fit: Fit): string {
  const W = Math.max(40, fit.width);
  const colWidth = (c: Column) => Math.max(shownWidth(c.header), maxOf(c.cells.map(shownWidth))) + 1;
  const total = (cs: readonly Column[]) => cs.reduce((s, c) => s + colWidth(c), 0) + Math.max(0, cs.length - 1);
  let work = cols.map((c) => ({ ...c, cells: [...c.cells] }));
  let cut = false;
  // 1. Shorten the widest text (left-aligned) columns, never below MIN_NAME.
  while (total(work) > W) {
    const lefts = work.map((c, k) => ({ c, k, w: colWidth(c) })).filter((x) => x.c.align === 'left' && x.w - 1 > MIN_NAME);
    if (lefts.length === 0) break;
    const widest = lefts.reduce((a, b) => (b.w > a.w ? b : a));
    const target = Math.max(MIN_NAME, widest.w - 1 - (total(work) - W));
    work[widest.k] = { ...widest.c, header: clip(widest.c.header, target), cells: widest.c.cells.map((x) => (shownWidth(x) > target ? clip(x, target) : x)) };
    cut = true;
  }
  if (total(work) <= W) return drawTable(work, chalk, ascii) + (cut ? note(fit.lang, W, false) : '');
  // 2. Split: the key columns in every part, the others packed into parts that fit.
  const firstLeft = work.findIndex((c) => c.align === 'left');
  const keep = Math.min(work.length, fit.keep ?? (firstLeft < 0 ? 1 : firstLeft + 1));
  // Squeezing the repeated columns to the minimum did not avoid the split, so give them back
  // up to a third of the width: labels cut to 12 characters read alike ('hoat-do…' three times).
  const cap = Math.max(MIN_NAME, Math.floor(W / 3));
  const key = cols.slice(0, keep).map((c, k) => (c.align !== 'left' ? work[k]! : { ...c, header: clip(c.header, cap), cells: c.cells.map((x) => (shownWidth(x) > cap ? clip(x, cap) : x)) }));
  const parts: Column[][] = [];
  let part: Column[] = [];
  for (const c of work.slice(keep)) {
    if (part.length > 0 && total([...key, ...part, c]) > W) { parts.push(part); part = []; }
    part.push(c);
  }
  if (part.length > 0) parts.push(part);
  work = [];
  const tables = parts.map((p) => drawTable([...key, ...p], chalk, ascii));
  return tables.join('\n') + note(fit.lang, W, true);
}

function note(lang: 'vi' | 'en', width: number, split: boolean): string {
  const what = render(msg('table.fit', { split, width }), lang);
  // Broken at '; ' only: the hint (`-f csv, hoặc | less -S`) is never split across lines.
  return `${wrap(what, width, '; ')}\n`;
}

/** A line broken at `sep` so that no part is wider than `width` (a part longer than that is broken at spaces, a word longer than that clipped). */
export function wrap(line: string, width: number | undefined, sep: string): string {
  if (width === undefined || shownWidth(line) <= width) return line;
  const parts = line.split(sep);
  const lines: string[] = [];
  let cur = '';
  for (const p of parts) {
    const next = cur === '' ? p : `${cur}${sep}${p}`;
    if (cur !== '' && shownWidth(next) > width) { lines.push(cur + sep.trimEnd()); cur = p; } else cur = next;
  }
  if (cur !== '') lines.push(cur);
  // A part wider than the line is broken at spaces (a separator other than a space), else clipped.
  return lines.map((l) => (sep !== ' ' && shownWidth(l) > width ? wrap(l, width, ' ') : clip(l, width))).join('\n');
}
