// The CSV tokenizer: exact positions, CRLF, BOM, quotes, and agreement with csv-parse on records.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/load/csv.js';
import { csvWithPositions } from './helpers.js';

const texts = (t: ReturnType<typeof tokenize>) => [t.table.header.map((c) => c.text), ...t.table.rows.map((r) => r.map((c) => c.text))];

describe('tokenize', () => {
  it('reads a BOM, CRLF and a quoted field with a line break, keeping exact positions', () => {
    const t = tokenize('\uFEFFprovince,a\r\n"Hà\r\nNội",1\r\nHuế,"2,5"\r\n');
    expect(texts(t)).toEqual([['province', 'a'], ['Hà\r\nNội', '1'], ['Huế', '2,5']]);
    // "Hà\r\nNội" starts on line 2; the next record starts on line 4 (CRLF counted once).
    expect(t.table.rows[0]!.map((c) => [c.line, c.col])).toEqual([[2, 1], [3, 6]]);
    expect(t.table.rows[1]!.map((c) => [c.line, c.col])).toEqual([[4, 1], [4, 5]]);
  });
  it('keeps leading zeros and skips blank and delimiter-only lines', () => {
    const t = tokenize('code,a\n\n01,1\n,,\n02,2\n');
    expect(texts(t)).toEqual([['code', 'a'], ['01', '1'], ['02', '2']]);
    expect(t.table.rows[1]![0]!.line).toBe(5);
  });
  it('reads tabs for TSV and "" as a quote', () => {
    expect(texts(tokenize('a\tb\n"say ""hi"""\t2', { delimiter: '\t' }))).toEqual([['a', 'b'], ['say "hi"', '2']]);
  });
  it('reports an unclosed quote where it opens', () => {
    const t = tokenize('a,b\n1,"2\n3,4\n', { file: 'f.csv' });
    expect(t.errors).toEqual([expect.objectContaining({ code: 'CSV_SYNTAX', file: 'f.csv', line: 2, col: 3 })]);
  });
  it('reports text after a closing quote', () => {
    const t = tokenize('a,b\n"1"x,2\n');
    expect(t.errors[0]).toMatchObject({ code: 'CSV_SYNTAX', line: 2, col: 4 });
  });
  it('agrees with csv-parse on the records of any well-formed CSV', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-zA-Z0-9 .àáạđĐươ%-]{0,8}$/),
      fc.string({ maxLength: 8 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const row = fc.array(field, { minLength: 3, maxLength: 3 });
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
      const text = rows.map((r) => r.join(',')).join(eol) + eol;
      const ours = texts(tokenize(text)).filter((r) => !r.every((c) => c === ''));
      const theirs = (parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]).filter((r) => !r.every((c) => c === ''));
      expect(ours).toEqual(theirs);
    }), { seed: 20261124, numRuns: 300 });
  });
  it('agrees with csv-parse on records with line breaks inside quotes, and puts every cell where it starts', () => {
    // A field: plain text, or quoted text that may hold the delimiter, quotes and line breaks (LF or CRLF).
    const plain = fc.stringMatching(/^[a-zA-Z0-9 .àáạđĐươ%-]{0,6}$/);
    const quoted = fc.array(fc.constantFrom('a', 'Hà', ' ', ',', '"', '\n', '\r\n', 'Nội', '1'), { maxLength: 6 }).map((parts) => parts.join(''));
    const field = fc.oneof(plain.map((v) => ({ v, raw: v })), quoted.map((v) => ({ v, raw: `"${v.replace(/"/g, '""')}"` })));
    const rows = fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(rows, fc.constantFrom('\n', '\r\n'), fc.boolean(), (rs, eol, lastEol) => {
      // The text and, independently of the tokenizer, where each field starts.
      const { text, expected } = csvWithPositions(rs, eol, lastEol);
      const blank = (cells: string[]) => cells.every((c) => c === '');
      const t = tokenize(text);
      expect(t.errors).toEqual([]);
      const ours = [t.table.header, ...t.table.rows].filter((r) => r.length > 0); // no header at all when every row is blank
      const want = expected.filter((e) => !blank(e.texts));
      expect(ours.map((r) => r.map((c) => c.text))).toEqual(want.map((e) => e.texts));
      expect(ours.map((r) => r.map((c) => [c.line, c.col]))).toEqual(want.map((e) => e.at));
      const theirs = (parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]).filter((r) => !blank(r));
      expect(ours.map((r) => r.map((c) => c.text))).toEqual(theirs);
    }), { seed: 20261202, numRuns: 400 });
  });
});
