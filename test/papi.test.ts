// PAPI 2011–2016: the unweighted total is the sum of the six dimensions, and it reproduces the
// published totals (the '#papi_unweighted_published' note column, from
// data/reference/papi_2011_2016_dimensions.csv) for every province and year.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from './helpers.js';
import { loadData, loadDefinitions } from '../src/load/definitions.js';
import { ROOT } from './helpers.js';

const defs = loadDefinitions(readFileSync(join(ROOT, 'indicators/papi-dimensions.yaml'), 'utf8'), 'papi-dimensions.yaml');
if (!defs.ok) throw new Error('papi.yaml invalid');
const fw = defs.value;
const load = (y: number) => {
  const text = readFileSync(join(ROOT, `data/papi-dimensions/${y}.csv`), 'utf8');
  const r = loadData(text, fw, { file: `${y}.csv`, fileYear: y });
  if (!r.ok) throw new Error(r.errors[0]!.message);
  const published = new Map(text.trim().split('\n').slice(1).map((l) => l.split(',')).map((c) => [c[0]!, c[7] === '' ? NaN : Number(c[7])]));
  return { ds: r.value, published };
};

describe('PAPI', () => {
  it.each([2011, 2012, 2013, 2014, 2015, 2016])('%i totals equal the published unweighted totals', (y) => {
    const { ds, published } = load(y);
    const result = score(fw, ds);
    const ranked = result.rankings.filter((r) => r.score !== null);
    expect(ranked.length).toBe(y === 2014 ? 61 : 63);
    // Published totals are keyed by the spelling of the source ("TP. Hồ Chí Minh"); match by position in the file.
    for (const rec of ds.records) {
      const r = result.rankings.find((x) => x.code === rec.code)!;
      const line = [...published.values()][ds.records.indexOf(rec)]!;
      if (Number.isNaN(line)) expect(r.score).toBeNull();
      else expect(Math.abs(r.score! - line)).toBeLessThan(1e-5);
    }
  });
  it('lists the two provinces without 2014 scores unranked', () => {
    const result = score(fw, load(2014).ds);
    const unranked = result.rankings.filter((r) => r.rank === null).map((r) => r.unit);
    expect(unranked).toEqual(['Bắc Giang', 'Đồng Tháp']);
  });
  it('ranks 2016 against 2015 with rank changes worked out from the published totals', () => {
    const result = score(fw, load(2016).ds, { previous: load(2015).ds });
    expect(result.previousYear).toBe(2015);
    // Published totals 2016: Cần Thơ 39.5721 (1st), Hà Tĩnh 39.3165 (2nd), Đà Nẵng 38.5801 (3rd).
    // 2015: Hà Tĩnh 1st, Cần Thơ 2nd, Đà Nẵng 16th (ranks of the published 2015 totals).
    const pick = (u: string) => result.rankings.find((r) => r.unit === u)!;
    expect([pick('Cần Thơ').rank, pick('Cần Thơ').previousRank, pick('Cần Thơ').rankChange]).toEqual([1, 2, 1]);
    expect([pick('Hà Tĩnh').rank, pick('Hà Tĩnh').previousRank, pick('Hà Tĩnh').rankChange]).toEqual([2, 1, -1]);
    expect([pick('Đà Nẵng').rank, pick('Đà Nẵng').previousRank, pick('Đà Nẵng').rankChange]).toEqual([3, 16, 13]);
  });
});
