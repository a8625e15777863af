/**
 * A CSV tokenizer (RFC 4180 plus what spreadsheets export) that keeps the exact line and
 * column of every cell. Why not csv-parse 7: its `info.lines` counts a CRLF inside a quoted
 * field as two lines and its `raw` text carries the skipped blank lines before a record, so
 * the positions of our diagnostics would be wrong. The tests check this tokenizer against
 * csv-parse on the records themselves.
 *
 * Every cell stays a string. Blank lines, and lines of nothing but delimiters (Excel leaves
 * them under a table), are skipped.
 */
import type { Cell, Table } from './data.js';
import { type Diagnostic, error } from './diagnostics.js';

export interface TokenizeOptions {
  delimiter?: string;
  file?: string;
  /** Longest field accepted, in characters (a hostile or broken file must not exhaust memory). */
  maxField?: number;
}

export const DEFAULT_MAX_FIELD = 1_000_000;
/** Longest row accepted, in characters. */
export const MAX_ROW = 10_000_000;

/** Read a whole text into a table (header and rows). */
export function tokenize(text: string, opts: TokenizeOptions = {}): { table: Table & { rows: Cell[][] }; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const [header = [], ...rows] = rowsOf(text, opts, errors);
  return { table: { ...(opts.file === undefined ? {} : { file: opts.file }), header, rows }, errors };
}

/** A small CSV with a header as records keyed by column name (reference tables, sources). */
export function readRecords(text: string): Record<string, string>[] {
  const { table } = tokenize(text);
  const h = table.header.map((c) => c.text);
  return table.rows.map((r) => Object.fromEntries(r.map((c, i) => [h[i]!, c.text])));
}

/**
 * The rows of a text one at a time (the header first), so that a large file is never held
 * as cells all at once. Problems are pushed to `errors`; after an unrecoverable one (an
 * unclosed quote) the rows end.
 */
export function* rowsOf(text: string, opts: TokenizeOptions, errors: Diagnostic[]): Generator<Cell[]> {
  const delim = opts.delimiter ?? ',';
  const D = delim.charCodeAt(0);
  const file = opts.file;
  const maxField = opts.maxField ?? DEFAULT_MAX_FIELD;
  const at = (line: number, col: number) => ({ ...(file === undefined ? {} : { file }), line, col });
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i; // index of the first character of the current line
  const n = text.length;
  let row: Cell[] = [];
  let tooLong = false;

  let rowStart = i;
  let rowLine = line;
  let rowTooLong = false;
  /** The finished row, or null for a blank one; starts the next. */
  const endRow = (): Cell[] | null => {
    if (i - rowStart > MAX_ROW && !rowTooLong) {
      rowTooLong = true;
      errors.push(error('CSV_SYNTAX', `a row longer than ${MAX_ROW} characters`, at(rowLine, 1), 'is this really a CSV file, with line breaks?'));
    }
    const done = row.every((c) => c.text === '') ? null : row;
    row = [];
    rowStart = i;
    rowLine = line;
    return done;
  };

  while (i <= n) {
    const col = i - lineStart + 1;
    const startLine = line;
    let value: string;
    if (i < n && text.charCodeAt(i) === 34 /* " */) {
      // Quoted field: "" is a quote; line breaks inside are part of the value.
      let j = i + 1;
      let buf = '';
      let closed = false;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 34) {
          if (text.charCodeAt(j + 1) === 34) { buf += '"'; j += 2; continue; }
          closed = true;
          j++;
          break;
        }
        const next = text.indexOf('"', j);
        const chunkEnd = next === -1 ? n : next;
        const chunk = text.slice(j, chunkEnd);
        // Track line breaks inside the quotes (CRLF counts once).
        for (let k = j; k < chunkEnd; k++) {
          const ch = text.charCodeAt(k);
          if (ch === 10 || (ch === 13 && text.charCodeAt(k + 1) !== 10)) { line++; lineStart = k + 1; }
        }
        buf += chunk;
        j = chunkEnd;
        if (buf.length > maxField) break;
      }
      if (buf.length > maxField) {
        errors.push(error('CSV_SYNTAX', `a field longer than ${maxField} characters`, at(startLine, col), 'is a closing quote missing?'));
        return;
      }
      if (!closed) {
        errors.push(error('CSV_SYNTAX', 'a quote opened here is never closed', at(startLine, col),
          'close the quoted value with " (a quote inside a value is written "")'));
        return;
      }
      value = buf;
      // Anything between the closing quote and the delimiter is a mistake; keep it, report it.
      let k = j;
      while (k < n && text.charCodeAt(k) !== D && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      if (k > j) {
        errors.push(error('CSV_SYNTAX', `text after a closing quote: '${text.slice(j, k)}'`, at(line, j - lineStart + 1),
          'quote the whole value, e.g. "…" with no text after the closing quote'));
        value += text.slice(j, k);
      }
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === D || c === 10 || c === 13) break;
        k++;
      }
      value = text.slice(i, k);
      if (value.length > maxField && !tooLong) {
        tooLong = true;
        errors.push(error('CSV_SYNTAX', `a field longer than ${maxField} characters`, at(line, col), 'is this really a CSV file?'));
      }
      i = k;
    }
    row.push({ text: value, line: startLine, col });
    // Checked while reading: a row past the limit is reported once and dropped here, before
    // it grows to millions of cells.
    if (i - rowStart > MAX_ROW) {
      if (!rowTooLong) {
        rowTooLong = true;
        errors.push(error('CSV_SYNTAX', `a row longer than ${MAX_ROW} characters`, at(rowLine, 1), 'is this really a CSV file, with line breaks?'));
      }
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      row = [];
    }
    if (i >= n) { const r = endRow(); if (r !== null) yield r; return; }
    const c = text.charCodeAt(i);
    if (c === D) {
      i++;
      if (i === n) { row.push({ text: '', line, col: i - lineStart + 1 }); const r = endRow(); if (r !== null) yield r; return; }
      continue;
    }
    // Line break: \r\n, \n or \r.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    lineStart = i;
    const r = endRow();
    if (r !== null) yield r;
    if (i === n) return;
  }
}
