// detectDelimiter finds a data file's delimiter (',', ';' or tab) from its first 40 non-blank
// lines: each delimiter that splits the lines into a constant number (≥ 2) of fields (or 90 % of
// 4 or more lines), and of those the one that splits the most lines (a decimal comma splits the
// data lines but not the header). Checked against hand-worked texts, and against csv-parse (the
// project's CSV oracle) counting the fields of random tables written with a delimiter.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../src/load/office.js';
import { ROOT } from './helpers.js';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The answer from csv-parse's field counts (undefined when csv-parse cannot read the text by
 * one of the delimiters): each delimiter's records (blank lines skipped) of
 * more than one field, fitting when they all have the first one's count (or 90 % of 4 or
 * more); the fitting delimiters that split the most lines.
 */
function byCsvParse(text: string): { delimiter: string | undefined; candidates: string[] } | undefined {
  const fits: { d: string; lines: number }[] = [];
  for (const d of DELIMITERS) {
    let records: string[][];
    try {
      records = parse(text, { delimiter: d, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }) as string[][];
    } catch {
      return undefined;
    }
    const counts = records.map((r) => r.length).filter((n) => n > 1);
    if (counts.length === 0) continue;
    const w = counts[0]!;
    if (counts.every((n) => n === w) || (counts.length >= 4 && counts.filter((n) => n === w).length >= counts.length * 0.9)) fits.push({ d, lines: counts.length });
  }
  const most = Math.max(0, ...fits.map((f) => f.lines));
  const candidates = fits.filter((f) => f.lines === most).map((f) => f.d);
  return { delimiter: candidates.length === 1 ? candidates[0] : undefined, candidates };
}

/** A table written with delimiter `d`: a cell holding `d` or a quote is quoted, its quotes doubled. */
function write(rows: readonly (readonly string[])[], d: string, eol: string): string {
  const cell = (c: string) => (c.includes(d) || c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((r) => r.map(cell).join(d)).join(eol) + eol;
}

describe('detectDelimiter, hand-worked', () => {
  const cases: [string, string, string | undefined, string[]][] = [
    ['commas', 'province,year,x\nHà Nội,2023,0.5\nHuế,2023,0.7\n', ',', [',']],
    // ';' splits 3 lines in 3; ',' splits only the 2 data lines (decimal commas) in 2.
    ['semicolons and decimal commas', 'province;year;x\nHà Nội;2023;0,5\nHuế;2023;0,7\n', ';', [';']],
    ['tabs, CRLF and a BOM', '\ufeffprovince\tyear\tx\r\nHà Nội\t2023\t0.5\r\n', '\t', ['\t']],
    // The quoted comma hides: 2 fields per line by ',' (by ';' none splits).
    ['a quoted comma', 'name,x\n"Hà Nội, Việt Nam",0.5\n"Huế, ""cố đô""",0.7\n', ',', [',']],
    // A ';' inside quotes does not split: by ';' no line has two fields.
    ['a quoted semicolon', 'a,b\n"x;y",1\n', ',', [',']],
    // Both split both lines in 2: no answer, both named.
    ['a tie', 'a,b;c\n1,2;3\n', undefined, [',', ';']],
    ['one column', 'x\n1\n2\n', undefined, []],
    // 10 lines of 3 fields and one of 4 by ',': 90 % agree, it fits.
    ['one line of eleven off', `a,b,c\n${'1,2,3\n'.repeat(9)}1,2,3,4\n`, ',', [',']],
    // One of eight off: 7/8 is under 90 %, ',' does not fit.
    ['one line of eight off', `a,b,c\n${'1,2,3\n'.repeat(6)}1,2,3,4\n`, undefined, []],
    // 2 of 3 lines agree (under 4 lines): ',' does not fit, ';' does.
    ['uneven commas, even semicolons', 'a,b;c\n1;2\n1,2,3;4\n', ';', [';']],
    // A quote inside an unquoted field opens a quoted part here (csv-parse keeps it as a
    // character): the ';' after it does not split, so ';' splits the first line in 2, not 3.
    ['a quote inside a field', 'A;x"y;z"\nB;1\n', ';', [';']],
  ];
  for (const [name, text, delimiter, candidates] of cases) {
    it(name, () => {
      expect(detectDelimiter(text)).toEqual({ delimiter, candidates });
    });
  }
});

describe('detectDelimiter against csv-parse', () => {
  it('random tables written with each delimiter: the answer from csv-parse\'s field counts, the delimiter written when it alone splits the most lines', () => {
    // Quotes and delimiters only in a row's first cell: quoted there when it holds the delimiter
    // written, it is a quoted field by any delimiter (a quote in the middle of a field is read
    // differently: see 'a quote inside a field').
    const first = fc.array(fc.constantFrom('Hà Nội', '7,5', 'x;y', 'p\tq', '"', '😀', 'a b', 'U1'), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
    const cell = fc.array(fc.constantFrom('a', 'Hà Nội', '😀', ' ', '', '0.61', 'Đắk Lắk'), { maxLength: 3 }).map((p) => p.join(''));
    const table = fc.integer({ min: 2, max: 6 }).chain((w) => fc.array(fc.tuple(first, fc.array(cell, { minLength: w - 1, maxLength: w - 1 })).map(([u, r]) => [u, ...r]), { minLength: 1, maxLength: 40 }));
    let agreed = 0;
    let written = 0;
    fc.assert(fc.property(table, fc.constantFrom(...DELIMITERS), fc.constantFrom('\n', '\r\n'), (rows, d, eol) => {
      const text = write(rows, d, eol);
      // The writer is right: csv-parse reads the table back.
      expect(parse(text, { delimiter: d, relax_column_count: true })).toEqual(rows);
      const expected = byCsvParse(text);
      // Only texts that are CSV by every delimiter (see byCsvParse).
      fc.pre(expected !== undefined);
      expect(detectDelimiter(text)).toEqual(expected);
      agreed++;
      if (expected!.delimiter === d) written++;
    }), { numRuns: 2000, seed: 15 });
    // Most tables are told by their own delimiter (the others are ties with a delimiter inside cells).
    expect(agreed).toBeGreaterThan(1500);
    expect(written).toBeGreaterThan(agreed * 0.5);
  });
  it('the shipped data files: commas, as csv-parse reads them', () => {
    const files = readdirSync(join(ROOT, 'data'), { recursive: true }).map(String).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(join(ROOT, 'data', f), 'utf8');
      // Comma-separated: csv-parse reads every line by ',' into the header's number of fields.
      expect((parse(text, { delimiter: ',', bom: true }) as string[][]).length).toBeGreaterThan(1);
      expect([f, detectDelimiter(text).delimiter]).toEqual([f, ',']);
      const expected = byCsvParse(text);
      if (expected !== undefined) expect([f, detectDelimiter(text)]).toEqual([f, expected]);
    }
  });
});
