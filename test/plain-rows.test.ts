// The loader's fast path for large CSVs (CsvReader.nextPlain: ordinary rows read as field
// offsets and plain decimals, no cell per field) against the general path it stands in for
// (every row read as cells by next()), and against csv-parse as an independent tokenizer.
// Random texts with quotes, CRLF and lone CR, a BOM, blank and delimiter-only lines, a
// trailing delimiter, no final line break, comma decimals, note and totals rows, rows of the
// wrong width, bad values and years, duplicates: the same rows, values, positions and
// diagnostics, in the same order.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell } from '../src/core/data.js';
import { CsvReader, PlainRow, rowsOf } from '../src/core/csv.js';
import type { Diagnostic } from '../src/core/diagnostics.js';
import { plainNumber } from '../src/core/values.js';
import { TOTALS, isTotalsName } from '../src/core/sheet.js';
import { fold } from '../src/core/text.js';
import { loadData, loadRows } from '../src/load-data.js';
import { csvWithPositions, defs, fw } from './helpers.js';

/** A load's result with each record as a plain object, its lines and cols included (they may be made on demand). */
const plainResult = (r: ReturnType<typeof loadData>) => (r.ok
  ? { ...r, value: { ...r.value, records: r.value.records.map((x) => ({ ...x, lines: [...x.lines], cols: [...x.cols], values: [...x.values] })) } }
  : r);

/** Every row by next() alone. */
function byCells(text: string, delimiter = ','): { rows: Cell[][]; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  return { rows: [...rowsOf(text, { delimiter, file: 'f.csv' }, errors)], errors };
}

/** Every row by nextPlain where it can, next() where it says so; plain rows turned into cells. */
function byPlain(text: string, delimiter = ','): { rows: Cell[][]; errors: Diagnostic[]; plain: number; nums: [string, number][] } {
  const errors: Diagnostic[] = [];
  const r = new CsvReader(text, { delimiter, file: 'f.csv' }, errors);
  const buf = new PlainRow(text);
  const rows: Cell[][] = [];
  const nums: [string, number][] = [];
  let plain = 0;
  for (;;) {
    const got = r.nextPlain(buf);
    if (got === 'end') break;
    if (got === 'cells') {
      const x = r.next();
      if (x.done === true) break;
      rows.push(x.value);
      continue;
    }
    plain++;
    rows.push(buf.cells());
    for (let k = 0; k < buf.count; k++) nums.push([buf.textOf(k), buf.num[k]!]);
  }
  return { rows, errors, plain, nums };
}

// Pieces of a CSV text: numbers of every shape, words, quoted fields with delimiters, quotes
// and line breaks, empty fields.
const piece = fc.oneof(
  fc.constantFrom('', '1', '-0', '0.5', '12.50', '-3.25', '007', '1.', '.5', '1e3', '+1', '--1', '1.2.3', ' 2', '75,7', '3.743.092',
    '123456789012345', '1234567890123456', '12345678901234567890', '123456789012345678901', '9007199254740993', '0.000000000000001',
    'NA', '-', 'x', 'Hà Nội', 'Tổng cộng', 'Đơn vị 7', '#note', ' ', '\u00a0', '1,5'),
  fc.array(fc.constantFrom('a', 'Hà', ' ', ',', ';', '"', '\n', '\r\n', '\r', '1', '.'), { maxLength: 5 }).map((p) => `"${p.join('').replace(/"/g, '""')}"`),
  fc.string({ maxLength: 4 }),
);
const eol = fc.constantFrom('\n', '\r\n', '\r');

describe('CsvReader.nextPlain', () => {
  it('gives the same rows, positions and diagnostics as next() alone, on any text', () => {
    const text = fc.tuple(fc.boolean(), fc.array(fc.tuple(fc.array(piece, { maxLength: 5 }), eol), { maxLength: 8 }), fc.boolean(), fc.constantFrom(',', ';', '\t'))
      .map(([bom, lines, last, d]) => ({ d, text: (bom ? '\uFEFF' : '') + lines.map(([cells, e], i) => cells.join(d) + (i < lines.length - 1 || last ? e : '')).join('') }));
    let plainRows = 0;
    fc.assert(fc.property(text, ({ d, text: t }) => {
      const a = byCells(t, d);
      const b = byPlain(t, d);
      expect(b.rows).toEqual(a.rows);
      expect(b.errors).toEqual(a.errors);
      // Each plain field's number is plainNumber's reading of its text, bit for bit (-0 too).
      for (const [s, x] of b.nums) expect(Object.is(x, plainNumber(s))).toBe(true);
      plainRows += b.plain;
    }), { seed: 20261202, numRuns: 1500 });
    expect(plainRows).toBeGreaterThan(1000); // the fast path was taken, not only the fallback
  });

  it('reads the same rows again after reset, by either path (field ends found by indexOf are remembered per position)', () => {
    const text = fc.tuple(fc.array(fc.tuple(fc.array(piece, { maxLength: 5 }), eol), { maxLength: 8 }), fc.constantFrom(',', ';', '\t'))
      .map(([lines, d]) => ({ d, text: lines.map(([cells, e]) => cells.join(d) + e).join('') }));
    fc.assert(fc.property(text, fc.array(fc.boolean(), { maxLength: 12 }), fc.nat(4), ({ d, text: t }, how, markAt) => {
      const read = (r: CsvReader, buf: PlainRow) => how.map((plain) => {
        const got = plain ? r.nextPlain(buf) : undefined;
        if (got === 'plain') return buf.cells();
        if (got === 'end') return 'end';
        const x = r.next();
        return x.done === true ? 'end' : x.value;
      });
      const errors: Diagnostic[] = [];
      const r = new CsvReader(t, { delimiter: d, file: 'f.csv' }, errors);
      const buf = new PlainRow(t);
      for (let k = 0; k < markAt; k++) r.next();
      const m = r.mark();
      const first = read(r, buf);
      r.reset(m);
      expect(read(r, buf)).toEqual(first);
    }), { seed: 20261203, numRuns: 500 });
  });

  it('agrees with csv-parse on the records of well-formed CSVs, and says where each cell starts', () => {
    const plain = fc.constantFrom('', '1', '-2.5', 'Hà Nội', '75,7', 'x y', '0.125', '-0');
    const quoted = fc.array(fc.constantFrom('a', 'Hà', ' ', ',', '"', '\n', '\r\n', '1'), { maxLength: 4 }).map((p) => p.join(''));
    const field = fc.oneof(plain.map((v) => ({ v, raw: v.includes(',') ? `"${v}"` : v })), quoted.map((v) => ({ v, raw: `"${v.replace(/"/g, '""')}"` })));
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (rs, e, lastEol) => {
      const { text, expected } = csvWithPositions(rs, e, lastEol);
      const blank = (cells: string[]) => cells.every((c) => c === '');
      const want = expected.filter((x) => !blank(x.texts));
      const ours = byPlain(text);
      expect(ours.errors).toEqual([]);
      expect(ours.rows.map((r) => r.map((c) => c.text))).toEqual(want.map((x) => x.texts));
      expect(ours.rows.map((r) => r.map((c) => [c.line, c.col]))).toEqual(want.map((x) => x.at));
      const theirs = (parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]).filter((r) => !blank(r));
      expect(ours.rows.map((r) => r.map((c) => c.text))).toEqual(theirs);
    }), { seed: 20261203, numRuns: 400 });
  });
});

describe('loadData on a CSV (fast path) and on the same rows as cells (general path)', () => {
  const indicators = `  - id: a
    name: A
    normalize: { method: target, target: 100 }
  - id: b
    name: B
    normalize: { method: boolean }
  - id: c
    name: C
    missing: error
    normalize: { method: goalposts, min: 0, max: 100 }
`;
  const f = fw(defs(indicators));
  const general = (text: string, opts: Parameters<typeof loadData>[2]) => {
    const errors: Diagnostic[] = [];
    const reader = rowsOf(text, { ...(opts?.delimiter === undefined ? {} : { delimiter: opts.delimiter }), file: 'd.csv' }, errors);
    // A generator around the reader: not a CsvReader, so the table is read as cells.
    return loadRows((function* () { yield* reader; })(), f, { ...opts, file: 'd.csv' }, errors);
  };
  const value = fc.constantFrom('', '1', '2.5', '-0', '100', '75,7', '1.234,5', 'NA', 'x', 'yes', 'không', '0', '"3.5"', '"4,5"', '1e3', ' 7 ', '12345678901234567', '1e200');
  const unit = fc.constantFrom('Đơn vị 1', 'Đơn vị 2', 'Sở A', 'Tổng cộng', 'Trung bình', 'Cả nước', 'an', ' ', '', '#ghi chú', '"Hà, Nội"', 'Bình', 'đ', '\u00a0Total');
  const year = fc.constantFrom('2023', '2024', '23', '', 'x');
  const row = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(unit, year, value, value, value).map((c) => c.join(',')) },
    { weight: 1, arbitrary: fc.tuple(unit, year, value).map((c) => c.join(',')) }, // too short
    { weight: 1, arbitrary: fc.tuple(unit, year, value, value, value, value).map((c) => c.join(',')) }, // too long
    { weight: 1, arbitrary: fc.constantFrom('', ',,,,', '# a note', '"unclosed,1,2,3,4') },
  );
  const header = fc.constantFrom('unit,year,a,b,c', 'unit,year,c,b,a', 'Đơn vị,Năm,a,b,c', 'unit,year,a,b,d');
  it('gives the same dataset or the same diagnostics, positions included', () => {
    fc.assert(fc.property(header, fc.array(row, { maxLength: 12 }), eol, fc.boolean(), fc.constantFrom(undefined, 'dot', 'comma'), (h, rows, e, bom, decimal) => {
      const text = (bom ? '\uFEFF' : '') + [h, ...rows].join(e) + e;
      const opts = decimal === undefined ? {} : { decimal: decimal as 'dot' | 'comma' };
      const fast = loadData(text, f, { ...opts, file: 'd.csv' });
      const slow = general(text, opts);
      expect(plainResult(fast)).toEqual(plainResult(slow));
    }), { seed: 20261204, numRuns: 1500 });
  });
  it('gives the same dataset on files that load, past the 500 rows sampled for the decimal mark', () => {
    // Mostly clean files (so the records themselves are compared, not only the first error):
    // unique units, plain, empty, comma, yes/no and quoted values, a few note, totals and blank rows.
    const g = fw(defs(indicators.replace('    missing: error\n', '')));
    const cell = fc.constantFrom('', '1', '2.5', '-0', '100', '0.125', '3', '"4"', '7');
    const bool = fc.constantFrom('', 'yes', 'không', '1', '0');
    const extra = fc.constantFrom('# a note', 'Tổng cộng,2023,1,1,1', '', ',,,,');
    const file = fc.tuple(fc.integer({ min: 1, max: 700 }), fc.array(fc.tuple(cell, bool, cell), { minLength: 1, maxLength: 20 }), fc.array(fc.tuple(fc.nat(700), extra), { maxLength: 4 }), eol);
    let compared = 0;
    fc.assert(fc.property(file, fc.constantFrom(undefined, 'dot'), ([n, pattern, extras, e], decimal) => {
      const lines = ['unit,year,a,b,c'];
      for (let i = 0; i < n; i++) {
        const [a, b, c] = pattern[i % pattern.length]!;
        lines.push(`Đơn vị ${i},2023,${a},${b},${c}`);
      }
      for (const [at, x] of extras) lines.splice(1 + (at % n), 0, x);
      const text = lines.join(e) + e;
      const opts = decimal === undefined ? {} : { decimal: decimal as 'dot' };
      const fast = loadData(text, g, { ...opts, file: 'd.csv' });
      const errors: Diagnostic[] = [];
      const reader = rowsOf(text, { file: 'd.csv' }, errors);
      const slow = loadRows((function* () { yield* reader; })(), g, { ...opts, file: 'd.csv' }, errors);
      expect(plainResult(fast)).toEqual(plainResult(slow));
      if (fast.ok) compared += fast.value.records.length;
    }), { seed: 20261205, numRuns: 60 });
    expect(compared).toBeGreaterThan(5000);
  });

  it('takes the fast path on an ordinary file, with the values and positions of every cell', () => {
    const text = 'unit,year,a,b,c\r\nĐơn vị 0,2023,1,1,1\r\nĐơn vị 1,2023,1.5,yes,-0\r\nĐơn vị 2,2023,,0,12.25\r\n';
    // --decimal given: no rows are sampled, so all but the row read with the header come from the reader.
    const r = loadData(text, f, { file: 'd.csv', decimal: 'dot' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [, u1, u2] = r.value.records;
    expect([...u1!.values]).toEqual([1.5, 1, -0]);
    expect(Object.is(u1!.values[2], -0)).toBe(true);
    expect([...u1!.cols]).toEqual([15, 19, 23]);
    expect([...u1!.lines]).toEqual([3, 3, 3]);
    expect([...u2!.values].map(String)).toEqual(['NaN', '0', '12.25']);
    expect([...u2!.cols]).toEqual([15, 16, 18]);
    expect([...u2!.lines]).toEqual([4, 4, 4]);
  });
});

describe('isTotalsName, the totals row test with its first-letter shortcut', () => {
  it('says what folding and testing every name says', () => {
    const parts = ['Tổng cộng', 'tổng', 'TỔNG SỐ', 'Cả nước', 'Toàn quốc', 'Trung bình', 'Bình quân', 'Total', 'average', 'Mean', 'National',
      'Đơn vị', 'đ', 'Ấn', 'Ân', 'Nghệ An', 'Cà Mau', ' ', '\u00a0', '\u2003', '\ufeff', '\t', '\u0000', 'x', '1', '#', 'Ｔotal', 'T\u0300ổng', 'ǅ', '😀'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 3 }).map((p) => p.join('')), (name) => {
      expect(isTotalsName(name)).toBe(TOTALS.test(fold(name.trim())));
    }), { seed: 20261206, numRuns: 3000 });
  });
});
