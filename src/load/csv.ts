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
import type { Cell, Decimal, Table } from '../core/model.js';
import type { Row } from './rows.js';
import { type Diagnostic, error } from '../core/diagnostics.js';
import { msg } from '../core/messages.js';
import { numberIn } from '../core/values.js';

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
  const [header = [], ...rows] = Array.from(rowsOf(text, opts, errors), (r) => r.cells());
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
 * as cells: each row keeps where its fields are, and makes a cell only when asked for one. Problems are pushed to `errors`; after an unrecoverable one (an
 * unclosed quote) the rows end.
 */
export function rowsOf(text: string, opts: TokenizeOptions, errors: Diagnostic[]): CsvReader {
  return new CsvReader(text, opts, errors);
}

/**
 * A row of a CSV text: where each field is (start and end in the text, line and column of its
 * first character), four numbers in a block shared by many rows; a quoted field's value (its
 * quotes undone) beside. Cells are made only when asked for, by a diagnostic or a header.
 */
export class CsvRow implements Row {
  constructor(
    private readonly source: string,
    private readonly pos: Int32Array,
    private readonly off: number,
    readonly length: number,
    /** The values of quoted fields, by field (undefined: the field is its text). */
    private readonly quoted: (string | undefined)[] | null,
  ) {}
  text(k: number): string {
    const q = this.quoted?.[k];
    if (q !== undefined) return q;
    const o = this.off + 4 * k;
    return this.source.slice(this.pos[o]!, this.pos[o + 1]!);
  }
  line(k: number): number { return this.pos[this.off + 4 * k + 3]!; }
  col(k: number): number { return this.pos[this.off + 4 * k + 2]!; }
  value(): undefined { return undefined; }
  uncalculated(): boolean { return false; }
  number(k: number, decimal: Decimal): number {
    const q = this.quoted?.[k];
    if (q !== undefined) return numberIn(q, decimal);
    const o = this.off + 4 * k;
    return numberIn(this.source, decimal, this.pos[o]!, this.pos[o + 1]!);
  }
  cell(k: number): Cell { return { text: this.text(k), line: this.line(k), col: this.col(k) }; }
  cells(): Cell[] {
    const out: Cell[] = [];
    for (let k = 0; k < this.length; k++) out.push(this.cell(k));
    return out;
  }
}

/** Fields per block of positions (rows longer than a block get one of their own). */
const BLOCK = 2048;

/** The tokenizer, a row per `next()`. */
export class CsvReader implements IterableIterator<CsvRow> {
  private readonly D: number;
  private readonly delimiter: string;
  private readonly file: string | undefined;
  private readonly maxField: number;
  private readonly n: number;
  private i: number;
  private line = 1;
  private lineStart: number; // index of the first character of the current line
  // The row being read: its fields' positions from `off` in `pos`, `count` of them.
  private pos = new Int32Array(0);
  private off = 0;
  private count = 0;
  private blank = true;
  private quoted: (string | undefined)[] | null = null;
  private tooLong = false;
  private rowStart: number;
  private rowLine = 1;
  private rowTooLong = false;
  private done = false;
  // The next delimiter, \n and \r found by indexOf (n: none) and where each search started:
  // valid for any position between the two, so a pass over the text searches it once for
  // each (see fieldEnd). A start past the end: not searched yet.
  private dFrom = Infinity; private dAt = 0;
  private lfFrom = Infinity; private lfAt = 0;
  private crFrom = Infinity; private crAt = 0;

  constructor(readonly text: string, opts: TokenizeOptions, private readonly errors: Diagnostic[]) {
    this.delimiter = (opts.delimiter ?? ',').charAt(0);
    this.D = this.delimiter.charCodeAt(0);
    this.file = opts.file;
    this.maxField = opts.maxField ?? DEFAULT_MAX_FIELD;
    this.n = text.length;
    this.i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.lineStart = this.i;
    this.rowStart = this.i;
  }

  [Symbol.iterator](): this { return this; }

  /**
   * Where an unquoted field starting at `i` ends: the first delimiter, \n or \r at or after
   * `i`, or n. Found by the engine's indexOf rather than a character loop, which matters at
   * start-up (a loop over every character of a small file runs interpreted).
   */
  private fieldEnd(i: number): number {
    if (!(this.dFrom <= i && i <= this.dAt)) {
      const at = this.delimiter === '' ? -1 : this.text.indexOf(this.delimiter, i); // no delimiter: none ends a field
      this.dFrom = i; this.dAt = at < 0 ? this.n : at;
    }
    if (!(this.lfFrom <= i && i <= this.lfAt)) {
      const at = this.text.indexOf('\n', i);
      this.lfFrom = i; this.lfAt = at < 0 ? this.n : at;
    }
    if (!(this.crFrom <= i && i <= this.crAt)) {
      const at = this.text.indexOf('\r', i);
      this.crFrom = i; this.crAt = at < 0 ? this.n : at;
    }
    const end = this.dAt < this.lfAt ? this.dAt : this.lfAt;
    return end < this.crAt ? end : this.crAt;
  }

  private at(line: number, col: number) { return { ...(this.file === undefined ? {} : { file: this.file }), line, col }; }

  /** A field of the row being read: [start, end) in the text, its line and column; `value` when quoted. */
  private push(start: number, end: number, line: number, col: number, value: string | undefined): void {
    let o = this.off + 4 * this.count;
    if (o + 4 > this.pos.length) {
      // A new block; the row's fields so far move to it.
      const next = new Int32Array(Math.max(4 * BLOCK, 8 * (this.count + 1)));
      next.set(this.pos.subarray(this.off, o));
      this.pos = next;
      this.off = 0;
      o = 4 * this.count;
    }
    const p = this.pos;
    p[o] = start; p[o + 1] = end; p[o + 2] = col; p[o + 3] = line;
    if (value !== undefined) {
      this.quoted ??= [];
      this.quoted[this.count] = value;
      if (value !== '') this.blank = false;
    } else if (end > start) this.blank = false;
    this.count++;
  }

  /** The finished row, or null for a blank one; starts the next. */
  private endRow(): CsvRow | null {
    if (this.i - this.rowStart > MAX_ROW && !this.rowTooLong) {
      this.rowTooLong = true;
      this.errors.push(error('CSV_SYNTAX.rowTooLong', { max: MAX_ROW }, this.at(this.rowLine, 1), msg('hint.lineBreaks')));
    }
    const row = this.blank ? null : new CsvRow(this.text, this.pos, this.off, this.count, this.quoted);
    if (row !== null) this.off += 4 * this.count;
    this.count = 0;
    this.blank = true;
    this.quoted = null;
    this.rowStart = this.i;
    this.rowLine = this.line;
    return row;
  }

  next(): IteratorResult<CsvRow> {
    const r = this.read();
    if (r === null) { this.done = true; return { done: true, value: undefined }; }
    return { done: false, value: r };
  }

  /**
   * The quoted field starting at `start` (line `startLine`, column `col`): "" is a quote, line
   * breaks inside are part of the value. Pushed, with `i` past it; false after an unrecoverable
   * problem (unclosed, or longer than maxField), which ends the rows.
   */
  private quotedField(start: number, startLine: number, col: number): boolean {
    const { text, n, D, errors, maxField } = this;
    let j = start + 1;
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
        if (ch === 10 || (ch === 13 && text.charCodeAt(k + 1) !== 10)) { this.line++; this.lineStart = k + 1; }
      }
      buf += chunk;
      j = chunkEnd;
      if (buf.length > maxField) break;
    }
    if (buf.length > maxField) {
      errors.push(error('CSV_SYNTAX.fieldTooLong', { max: maxField }, this.at(startLine, col), msg('hint.closingQuote')));
      return false;
    }
    if (!closed) {
      errors.push(error('CSV_SYNTAX.unclosed', {}, this.at(startLine, col), msg('hint.closeQuote')));
      return false;
    }
    let value = buf;
    // Anything between the closing quote and the delimiter is a mistake; keep it, report it.
    let k = j;
    while (k < n && text.charCodeAt(k) !== D && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
    if (k > j) {
      errors.push(error('CSV_SYNTAX.afterQuote', { text: text.slice(j, k) }, this.at(this.line, j - this.lineStart + 1), msg('hint.quoteWhole')));
      value += text.slice(j, k);
    }
    this.i = k;
    this.push(start, k, startLine, col, value);
    return true;
  }

  /** The next non-blank row, or null at the end. */
  private read(): CsvRow | null {
    if (this.done) return null;
    const { text, n, D, errors, maxField } = this;
    while (this.i <= n) {
      const col = this.i - this.lineStart + 1;
      const startLine = this.line;
      const start = this.i;
      if (this.i < n && text.charCodeAt(this.i) === 34 /* " */) {
        // Quoted field (its own method: the loop over plain fields stays small, so V8 optimises it sooner).
        if (!this.quotedField(start, startLine, col)) return null;
      } else {
        const k = this.fieldEnd(this.i);
        if (k - this.i > maxField && !this.tooLong) {
          this.tooLong = true;
          errors.push(error('CSV_SYNTAX.fieldTooLong', { max: maxField }, this.at(this.line, col), msg('hint.reallyCsv')));
        }
        this.i = k;
        this.push(start, k, startLine, col, undefined);
      }
      // Checked while reading: a row past the limit is reported once and dropped here, before
      // it grows to millions of fields.
      if (this.i - this.rowStart > MAX_ROW) {
        if (!this.rowTooLong) {
          this.rowTooLong = true;
          errors.push(error('CSV_SYNTAX.rowTooLong', { max: MAX_ROW }, this.at(this.rowLine, 1), msg('hint.lineBreaks')));
        }
        while (this.i < n && text.charCodeAt(this.i) !== 10 && text.charCodeAt(this.i) !== 13) this.i++;
        this.count = 0;
        this.blank = true;
        this.quoted = null;
      }
      if (this.i >= n) { this.done = true; return this.endRow(); }
      const c = text.charCodeAt(this.i);
      if (c === D) {
        this.i++;
        if (this.i === n) {
          this.push(this.i, this.i, this.line, this.i - this.lineStart + 1, undefined);
          this.done = true;
          return this.endRow();
        }
        continue;
      }
      // Line break: \r\n, \n or \r.
      this.i += c === 13 && text.charCodeAt(this.i + 1) === 10 ? 2 : 1;
      this.line++;
      this.lineStart = this.i;
      const r = this.endRow();
      if (this.i === n) this.done = true;
      if (r !== null) return r;
      if (this.done) return null;
    }
    this.done = true;
    return null;
  }
}
