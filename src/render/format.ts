/**
 * Pure string builders shared by every command's output: delimited text (CSV/TSV) with the
 * formula-injection guard, Markdown tables and terminal tables. No I/O; colour only through
 * the Chalk instance the caller passes (level 0 gives plain text).
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';

export type Format = 'table' | 'csv' | 'tsv' | 'json' | 'md' | 'xlsx';
export const FORMATS: readonly Format[] = ['table', 'csv', 'tsv', 'json', 'md', 'xlsx'];

/** A column: its header, alignment, and a cell per row. */
export interface Column {
  header: string;
  align: 'left' | 'right';
  cells: string[];
  /** Marks text taken from user data (names), which the CSV guard neutralises. */
  text?: boolean;
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
  yield cols.map((c) => quoteCsv(c.header, delim)).join(delim) + '\n';
  for (const row of rows) yield row.map((s, k) => quoteCsv(cols[k]!.text === true ? guardFormula(s) : s, delim)).join(delim) + '\n';
}

function escapeMd(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

export function renderMarkdown(cols: readonly Column[]): string {
  return [...markdownChunks(cols, rowsOf(cols))].join('');
}

/** A Markdown table a line at a time. */
export function* markdownChunks(cols: readonly Pick<Column, 'header' | 'align'>[], rows: Iterable<string[]>): Generator<string> {
  yield `| ${cols.map((c) => escapeMd(c.header)).join(' | ')} |\n`;
  yield `|${cols.map((c) => (c.align === 'right' ? '---:' : ':---')).join('|')}|\n`;
  for (const row of rows) yield `| ${row.map(escapeMd).join(' | ')} |\n`;
}

/** A compact terminal table: no vertical rules, a rule under the header, fits 80 columns for a typical ranking. */
export function renderTable(cols: readonly Column[], chalk: ChalkInstance, ascii: boolean): string {
  const h = ascii ? '-' : '─';
  const t = new Table({
    head: cols.map((c) => chalk.bold(c.header)),
    colAligns: cols.map((c) => c.align),
    // cli-table3 colours headers and borders by default, even when piped: empty its style.
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1, compact: true },
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: h, 'mid-mid': h, right: '', 'right-mid': '', middle: ' ',
    },
  });
  const n = cols[0]?.cells.length ?? 0;
  for (let i = 0; i < n; i++) t.push(cols.map((c) => c.cells[i]!));
  // compact: cli-table3 draws the `mid` rule under the header only.
  return t.toString().split('\n').map((l) => l.trimEnd()).join('\n') + '\n';
}
