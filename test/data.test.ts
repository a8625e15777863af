// Reading data: layouts, units, years, values, and located errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData, loadRows } from '../src/load/definitions.js';
import { numberIn, parseNumber } from '../src/core/values.js';
import { render } from '../src/core/messages.js';
import { defs, fw } from './helpers.js';

const f = fw(defs(`  - id: a
    name: A
    normalize: { method: target, target: 100 }
  - id: b
    name: B
    normalize: { method: boolean }
  - id: c
    name: C
    transform: log
    normalize: { method: goalposts, min: 1, max: 100 }
`));
const errors = (csv: string, opts = {}) => {
  const r = loadData(csv, f, { file: 'd.csv', ...opts });
  return r.ok ? [] : r.errors.map((e) => ({ code: e.code, line: e.line, col: e.col }));
};

describe('values', () => {
  it.each([
    ['75.7', 'dot', 75.7], ['75,7', 'comma', 75.7], ['3.743.092', 'comma', 3743092], ['92,47%', 'comma', 92.47],
    ['80%', 'dot', 80], [' 2.5 ', 'dot', 2.5], ['1e3', 'dot', 1000], ['-4', 'dot', -4],
  ] as const)('%s (%s) → %d', (t, d, v) => {
    expect(parseNumber(t, d)).toEqual({ kind: 'number', value: v });
  });
  it.each(['', 'NA', 'n/a', '-', 'N/A'])('"%s" is missing', (t) => {
    expect(parseNumber(t).kind).toBe('missing');
  });
  it.each(['abc', '1,5', '0x10', 'Infinity', '1e999', '1.2.3'])('"%s" is not a number', (t) => {
    expect(parseNumber(t).kind).toBe('invalid');
  });
  it('reads a decimal exactly as Number does, bit for bit, whatever the number of digits', () => {
    // Long mantissas, long fractions, leading zeros, -0: the digits-over-a-power-of-ten step
    // (at most 15 digits) and the general rules beyond it, against Number (JavaScript's own reading).
    const digits = fc.array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), { minLength: 1, maxLength: 22 }).map((d) => d.join(''));
    fc.assert(fc.property(fc.boolean(), digits, fc.option(digits, { nil: undefined }), (neg, a, b) => {
      const t = `${neg ? '-' : ''}${a}${b === undefined ? '' : `.${b}`}`;
      const v = parseNumber(t);
      expect(v.kind).toBe('number');
      expect(Object.is(v.kind === 'number' && v.value, Number(t))).toBe(true);
      // The same number read in place, as the CSV reader reads a field of a line.
      expect(Object.is(numberIn(`1,${t},x`, 'dot', 2, 2 + t.length), Number(t))).toBe(true);
    }), { seed: 20261207, numRuns: 5000 });
    for (const t of ['0.1', '0.3', '123456789012345', '1234567890123456', '9007199254740993', '0.000000000000001', '99.99', '-0.00', '00012.5000', '-0'])
      expect(Object.is((parseNumber(t) as { value: number }).value, Number(t))).toBe(true);
  });
  it('reads a field in place to NaN where the cell is missing or not a number', () => {
    for (const t of ['', 'NA', '-', 'abc', '1,5', '1e999', '1.2.3']) expect(numberIn(`;${t};`, 'dot', 1, 1 + t.length)).toBeNaN();
    expect(numberIn(';75,7;', 'comma', 1, 5)).toBe(75.7);
    expect(numberIn(';80%;', 'dot', 1, 4)).toBe(80);
    expect(numberIn('; 1e3 ;', 'dot', 1, 6)).toBe(1000);
  });
  it('suggests --decimal comma for Vietnamese-style numbers', () => {
    const v = parseNumber('75,7');
    expect(v.kind === 'invalid' && render(v.hint, 'en')).toContain('--decimal comma');
    expect(v.kind === 'invalid' && render(v.hint, 'vi')).toContain('thêm --decimal comma');
  });
});

describe('loadData', () => {
  it('reads a wide file with provinces by any spelling or code', () => {
    const r = loadData('province,year,a,b,c\nTP.HCM,2023,50,có,10\n40,2023,,không,\nVN-70,2023,80%,yes,100\n', f, { file: 'd.csv' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records.map((x) => [x.unit, x.code, x.year])).toEqual([['Hồ Chí Minh', '79', 2023], ['Nghệ An', '40', 2023], ['Vĩnh Phúc', '26', 2023]]);
    expect([...r.value.records[0]!.values]).toEqual([50, 1, 10]);
    expect([...r.value.records[1]!.values]).toEqual([NaN, 0, NaN]);
  });
  it('reads a long file and takes the year from the options', () => {
    const r = loadData('unit,indicator,value\nSở A,a,10\nSở A,c,5\nSở B,a,20\n', f, { file: 'd.csv', fileYear: 2022 });
    expect(r.ok && r.value.layout).toBe('long');
    if (r.ok) expect(r.value.records.map((x) => [x.unit, x.year, x.values[0]])).toEqual([['Sở A', 2022, 10], ['Sở B', 2022, 20]]);
  });
  it('keeps free units as written (districts of Vĩnh Phúc)', () => {
    const r = loadData('unit,a\nThành phố Vĩnh Yên,63.125\nHuyện Yên Lạc,\n', f, { file: 'd.csv' });
    expect(r.ok && r.value.records.map((x) => [x.unit, x.code])).toEqual([['Thành phố Vĩnh Yên', null], ['Huyện Yên Lạc', null]]);
  });
  it.each([
    ['unknown column', 'province,a,bb\nHà Nội,1,2\n', { code: 'UNKNOWN_COLUMN', line: 1, col: 12 }],
    ['no unit column', 'name,a\nX,1\n', { code: 'MISSING_UNIT_COLUMN', line: 1, col: 1 }],
    ['duplicate header', 'unit,a,a\nX,1,2\n', { code: 'DUPLICATE_HEADER', line: 1, col: 8 }],
    ['unknown province', 'province,a\nHà Nộii,1\n', { code: 'UNKNOWN_PROVINCE', line: 2, col: 1 }],
    ['duplicate province by another spelling', 'province,a\nTP.HCM,1\nHồ Chí Minh,2\n', { code: 'DUPLICATE_ROW', line: 3, col: 1 }],
    ['not a number', 'unit,a\nX,12abc\n', { code: 'NOT_A_NUMBER', line: 2, col: 3 }],
    ['not yes/no', 'unit,b\nX,maybe\n', { code: 'NOT_A_NUMBER', line: 2, col: 3 }],
    ['negative under log', 'unit,c\nX,-5\n', { code: 'OUT_OF_DOMAIN', line: 2, col: 3 }],
    ['ragged row', 'unit,a\nX,1,2\n', { code: 'CSV_SYNTAX', line: 2, col: 3 }],
    ['bad year', 'unit,year,a\nX,23,1\n', { code: 'BAD_YEAR', line: 2, col: 3 }],
    ['empty file', '', { code: 'EMPTY_FILE' }],
    ['header only', 'unit,a\n', { code: 'NO_DATA', line: 1, col: 1 }],
  ] as const)('%s', (_, csv, expected) => {
    expect(errors(csv)[0]).toMatchObject(expected);
  });
  it('suggests the province that was meant', () => {
    const r = loadData('province,a\nHà Nộii,1\n', f, { file: 'd.csv' });
    expect(!r.ok && r.errors[0]!.hint).toContain("'Hà Nội'");
  });
  it('reports every problem of a file at once', () => {
    expect(errors('province,a,zz\nHà Nội,x,1\nAtlantis,2,3\n').map((e) => e.code).sort())
      .toEqual(['NOT_A_NUMBER', 'UNKNOWN_COLUMN', 'UNKNOWN_PROVINCE']);
  });
  it("ignores note columns starting with '#'", () => {
    expect(errors('unit,a,#source\nX,1,https://example.org\n')).toEqual([]);
  });
});

describe('empty and uncalculated cells', () => {
  // Rows as a workbook's reader hands them over: a cell with text '' may be empty (missing), a
  // number stored with no text, or a formula openpyxl saved with no value (an error, located).
  const cell = (text: string, col: number, more: { value?: number; uncalculated?: true } = {}) => ({ text, line: 2, col, ...more });
  const header = ['province', 'year', 'a', 'b', 'c'].map((t, i) => ({ text: t, line: 1, col: i + 1 }));
  const read = (a: ReturnType<typeof cell>, b: ReturnType<typeof cell>, c: ReturnType<typeof cell>) =>
    loadRows([header, [cell('Hà Nội', 1), cell('2023', 2), a, b, c]], f, { file: 'd.xlsx' });
  it('an empty cell is missing for a number and a yes/no leaf alike', () => {
    const r = read(cell('', 3), cell('', 4), cell('5', 5));
    expect(r.ok && [...r.value.records[0]!.values]).toEqual([NaN, NaN, 5]);
  });
  it('a number stored with no text is that number', () => {
    const r = read(cell('', 3, { value: 42 }), cell('', 4), cell('5', 5));
    expect(r.ok && r.value.records[0]!.values[0]).toBe(42);
  });
  it('a formula with no saved value is an error at its cell, in a number and a yes/no leaf', () => {
    const r = read(cell('', 3, { uncalculated: true }), cell('', 4, { uncalculated: true }), cell('5', 5));
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.line, e.col])).toEqual([['UNCALCULATED_FORMULA', 2, 3], ['UNCALCULATED_FORMULA', 2, 4]]);
  });
});
