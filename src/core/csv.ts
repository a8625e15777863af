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
import { msg } from './messages.js';
import { POW10 } from './values.js';

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
export function rowsOf(text: string, opts: TokenizeOptions, errors: Diagnostic[]): CsvReader {
  return new CsvReader(text, opts, errors);
}

/**
 * A row read by `CsvReader.nextPlain` without making a cell of each field: where each field
 * starts and ends in the text, its column, and its value when it is a plain decimal
 * ("-12.5", "80": what `plainNumber` reads; NaN otherwise). All on one line.
 */
export class PlainRow {
  count = 0;
  line = 0;
  start = new Int32Array(64);
  end = new Int32Array(64);
  col = new Int32Array(64);
  num = new Float64Array(64);
  constructor(readonly text: string) {}
  grow(): void {
    const m = this.start.length * 2;
    const g32 = (a: Int32Array) => { const b = new Int32Array(m); b.set(a); return b; };
    this.start = g32(this.start);
    this.end = g32(this.end);
    this.col = g32(this.col);
    const num = new Float64Array(m);
    num.set(this.num);
    this.num = num;
  }
  textOf(k: number): string { return this.text.slice(this.start[k]!, this.end[k]!); }
  cell(k: number): Cell { return { text: this.textOf(k), line: this.line, col: this.col[k]! }; }
  /** The row as cells, as `next()` would have given it. */
  cells(): Cell[] {
    const out: Cell[] = [];
    for (let k = 0; k < this.count; k++) out.push(this.cell(k));
    return out;
  }
}

export interface ReaderMark {
  i: number; line: number; lineStart: number; tooLong: boolean; rowStart: number; rowLine: number; rowTooLong: boolean; done: boolean;
}

/** The tokenizer, a row per `next()`; `nextPlain` reads an ordinary row without making cells. */
export class CsvReader implements IterableIterator<Cell[]> {
  private readonly D: number;
  private readonly delimiter: string;
  private readonly file: string | undefined;
  private readonly maxField: number;
  private readonly n: number;
  private i: number;
  private line = 1;
  private lineStart: number; // index of the first character of the current line
  private row: Cell[] = [];
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

  /** Problems reported so far. */
  get reported(): number { return this.errors.length; }

  /** Where the reader stands, between rows, to come back to with `reset`. */
  mark(): ReaderMark {
    return { i: this.i, line: this.line, lineStart: this.lineStart, tooLong: this.tooLong, rowStart: this.rowStart, rowLine: this.rowLine, rowTooLong: this.rowTooLong, done: this.done };
  }

  reset(m: ReaderMark): void {
    this.i = m.i; this.line = m.line; this.lineStart = m.lineStart; this.tooLong = m.tooLong;
    this.rowStart = m.rowStart; this.rowLine = m.rowLine; this.rowTooLong = m.rowTooLong; this.done = m.done;
    this.row = [];
  }

  private at(line: number, col: number) { return { ...(this.file === undefined ? {} : { file: this.file }), line, col }; }

  /** The finished row, or null for a blank one; starts the next. */
  private endRow(): Cell[] | null {
    if (this.i - this.rowStart > MAX_ROW && !this.rowTooLong) {
      this.rowTooLong = true;
      this.errors.push(error('CSV_SYNTAX.rowTooLong', { max: MAX_ROW }, this.at(this.rowLine, 1), msg('hint.lineBreaks')));
    }
    const row = this.row;
    const done = row.every((c) => c.text === '') ? null : row;
    this.row = [];
    this.rowStart = this.i;
    this.rowLine = this.line;
    return done;
  }

  next(): IteratorResult<Cell[]> {
    const r = this.read();
    if (r === null) { this.done = true; return { done: true, value: undefined }; }
    return { done: false, value: r };
  }

  /** The next non-blank row, or null at the end. */
  private read(): Cell[] | null {
    if (this.done) return null;
    const { text, n, D, errors, maxField } = this;
    while (this.i <= n) {
      const col = this.i - this.lineStart + 1;
      const startLine = this.line;
      let value: string;
      if (this.i < n && text.charCodeAt(this.i) === 34 /* " */) {
        // Quoted field: "" is a quote; line breaks inside are part of the value.
        let j = this.i + 1;
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
          return null;
        }
        if (!closed) {
          errors.push(error('CSV_SYNTAX.unclosed', {}, this.at(startLine, col), msg('hint.closeQuote')));
          return null;
        }
        value = buf;
        // Anything between the closing quote and the delimiter is a mistake; keep it, report it.
        let k = j;
        while (k < n && text.charCodeAt(k) !== D && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
        if (k > j) {
          errors.push(error('CSV_SYNTAX.afterQuote', { text: text.slice(j, k) }, this.at(this.line, j - this.lineStart + 1), msg('hint.quoteWhole')));
          value += text.slice(j, k);
        }
        this.i = k;
      } else {
        const k = this.fieldEnd(this.i);
        value = text.slice(this.i, k);
        if (value.length > maxField && !this.tooLong) {
          this.tooLong = true;
          errors.push(error('CSV_SYNTAX.fieldTooLong', { max: maxField }, this.at(this.line, col), msg('hint.reallyCsv')));
        }
        this.i = k;
      }
      this.row.push({ text: value, line: startLine, col });
      // Checked while reading: a row past the limit is reported once and dropped here, before
      // it grows to millions of cells.
      if (this.i - this.rowStart > MAX_ROW) {
        if (!this.rowTooLong) {
          this.rowTooLong = true;
          errors.push(error('CSV_SYNTAX.rowTooLong', { max: MAX_ROW }, this.at(this.rowLine, 1), msg('hint.lineBreaks')));
        }
        while (this.i < n && text.charCodeAt(this.i) !== 10 && text.charCodeAt(this.i) !== 13) this.i++;
        this.row = [];
      }
      if (this.i >= n) { this.done = true; return this.endRow(); }
      const c = text.charCodeAt(this.i);
      if (c === D) {
        this.i++;
        if (this.i === n) {
          this.row.push({ text: '', line: this.line, col: this.i - this.lineStart + 1 });
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

  /**
   * The next non-blank row into `out` when it is an ordinary one (no quote, no field or row
   * past the limits): 'plain'. 'cells': the next row is not (then `next()` reads it, exactly as
   * always). 'end': no more rows. Blank rows are skipped, as `next()` does.
   */
  nextPlain(out: PlainRow): 'plain' | 'cells' | 'end' {
    const { text, n, D } = this;
    for (;;) {
      if (this.done) return 'end';
      if (this.i >= n) return 'cells'; // an empty text: next() ends it
      const from = this.i;
      let i = from;
      let k = 0;
      let blank = true;
      for (;;) {
        if (k === out.start.length) out.grow();
        const s = i;
        let c = text.charCodeAt(i);
        if (c === 34 /* " */) return 'cells';
        // The field, and its value if it is a plain decimal: digits as an integer over a
        // power of ten (exact up to 15 digits, as in plainNumber).
        const neg = c === 45; /* - */
        if (neg) i++;
        const d0 = i;
        let m = 0;
        let dot = -1;
        let plain = true;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === D || c === 10 || c === 13) break;
          const d = c - 48;
          if (d >= 0 && d <= 9) m = m * 10 + d;
          else if (c === 46 && dot < 0) dot = i;
          else {
            // Not a plain number: the rest of the field is only skipped.
            plain = false;
            i = this.fieldEnd(i);
            c = text.charCodeAt(i);
            break;
          }
          i++;
        }
        const len = i - s;
        if (len > this.maxField) return 'cells';
        out.start[k] = s;
        out.end[k] = i;
        out.col[k] = s - this.lineStart + 1;
        if (len > 0) blank = false;
        let v = NaN;
        if (plain && len <= 20 && i > d0 && dot !== d0 && dot !== i - 1) {
          const digits = i - d0 - (dot < 0 ? 0 : 1);
          if (digits > 15) v = Number(text.slice(s, i));
          else {
            const x = m / POW10[dot < 0 ? 0 : i - dot - 1]!;
            v = neg ? -x : x;
          }
        }
        out.num[k] = v;
        k++;
        if (i - from > MAX_ROW) return 'cells';
        if (i >= n) break;
        if (c === D) {
          i++;
          if (i === n) {
            // A delimiter at the very end: one more, empty field.
            if (k === out.start.length) out.grow();
            out.start[k] = i; out.end[k] = i; out.col[k] = i - this.lineStart + 1; out.num[k] = NaN;
            k++;
            break;
          }
          continue;
        }
        break; // a line break
      }
      // The row is plain: consume it.
      out.count = k;
      out.line = this.line;
      if (i < n) {
        i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        this.line++;
        this.lineStart = i;
      }
      this.i = i;
      this.rowStart = i;
      this.rowLine = this.line;
      if (i >= n) this.done = true;
      if (!blank) return 'plain';
    }
  }
}
