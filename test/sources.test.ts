// Every value in data/components/2022.csv and 2023.csv has exactly one row in data/components/sources.csv with
// the same value, every source row has its value, and every source row names a document of
// data/components/documents.csv (title, publisher, date, URL).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords, tokenize } from '../src/load/csv.js';
import { ROOT } from './helpers.js';

const rows = (p: string) => {
  const text = readFileSync(join(ROOT, p), 'utf8');
  expect(tokenize(text).errors).toEqual([]);
  return readRecords(text);
};

describe('data provenance', () => {
  const sources = rows('data/components/sources.csv');
  const values: { year: string; province: string; indicator: string; value: string }[] = [];
  for (const y of ['2022', '2023']) {
    for (const r of rows(`data/components/${y}.csv`)) {
      for (const [k, v] of Object.entries(r)) {
        if (k === 'province' || k === 'year' || v === '') continue;
        values.push({ year: r.year!, province: r.province!, indicator: k, value: v });
      }
    }
  }
  it('has values to trace', () => {
    expect(values.length).toBeGreaterThan(40);
  });
  it('gives every value exactly one source row with the same value', () => {
    for (const v of values) {
      const m = sources.filter((s) => s.year === v.year && s.province === v.province && s.indicator === v.indicator);
      expect(m, `${v.year} ${v.province} ${v.indicator}`).toHaveLength(1);
      expect(m[0]!.value).toBe(v.value);
    }
  });
  it('gives every source row a value in the data', () => {
    for (const s of sources) {
      expect(values.some((v) => v.year === s.year && v.province === s.province && v.indicator === s.indicator && v.value === s.value),
        `${s.year} ${s.province} ${s.indicator}`).toBe(true);
    }
  });
  it('cites every document by title, publisher, date and URL (or says that one was not recorded)', () => {
    // The phrases themselves are checked against the stored copies by hand:
    // node test/tools/check-quotes.mjs <folder> (the articles' text is not redistributed here).
    const docs = rows('data/components/documents.csv');
    const ids = new Set(docs.map((d) => d.document));
    const definitions = readFileSync(join(ROOT, 'indicators/dti-components.yaml'), 'utf8');
    for (const m of definitions.matchAll(/\[([a-z0-9-]+)\]/g)) expect(ids.has(m[1]!), `indicators/dti-components.yaml cites ${m[1]}`).toBe(true);
    for (const s of sources) expect(ids.has(s.document!), `${s.province} ${s.indicator}: ${s.document}`).toBe(true);
    for (const d of docs) {
      for (const k of ['title', 'publisher', 'date', 'url', 'stored_copy'] as const) expect(d[k], `${d.document} ${k}`).not.toBe('');
      expect(d.url === 'not recorded' || d.url!.startsWith('https://'), d.document).toBe(true);
      const cited = sources.some((s) => s.document === d.document) || definitions.includes(`[${d.document}]`);
      expect(cited, `${d.document} is cited by a value or a target`).toBe(true);
    }
  });
  it('records the arithmetic of every converted count', () => {
    // 59/68 systems → 86.7647% (Vĩnh Phúc 2023): 59/68 = 0.867647…
    const vp = sources.find((s) => s.province === 'Vĩnh Phúc' && s.indicator === 'attt-httt-phe-duyet-cap-do')!;
    expect(Number(vp.value)).toBeCloseTo((59 / 68) * 100, 4);
    expect(vp.arithmetic).toContain('59 / 68');
  });
});
