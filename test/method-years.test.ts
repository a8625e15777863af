// One definitions file, several years: nodes with `years` are part of the index only in those
// years (formats: "One file, several years"). Values worked out by hand.
import { describe, expect, it } from 'vitest';
import { score } from './helpers.js';
import { forYear, methodChanged } from '../src/core/framework.js';
import { loadData, loadDefinitions } from '../src/load/definitions.js';
import { data, defs, fw } from './helpers.js';

// a (weight 1) in every year; b (weight 3) until 2017; c (weight 1) from 2018, inside group g.
const YAML = defs(`  - id: a
    name: A
    normalize: { method: none }
  - id: b
    name: B
    weight: 3
    normalize: { method: none }
    years: -2017
  - id: g
    name: G
    years: 2018-
    children:
      - id: c
        name: C
        normalize: { method: none }
`, 'missing: error\n');

describe('years', () => {
  it('reads 2018-, -2017 (a negative number to YAML), 2011-2017 and 2020', () => {
    const f = fw(defs(`  - { id: a, name: A, years: 2018- }\n  - { id: b, name: B, years: -2017 }\n  - { id: c, name: C, years: 2011-2017 }\n  - { id: d, name: D, years: 2020 }\n`));
    expect(f.definitions.indicators.map((n) => n.years)).toEqual([
      { from: 2018, to: null }, { from: null, to: 2017 }, { from: 2011, to: 2017 }, { from: 2020, to: 2020 }]);
  });
  it('rejects an empty or reversed range and a malformed one, located', () => {
    for (const y of ['2017-2011', '-', 'since 2018', '18-']) {
      const r = loadDefinitions(defs(`  - id: a\n    name: A\n    years: "${y}"\n`), 'd.yaml');
      expect(r.ok, y).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 7 });
    }
  });
  it('aggregates each year over the nodes of that year, as if the others were never defined', () => {
    const f = fw(YAML);
    const d = data('unit,year,a,b,c\nX,2017,0.2,0.6,\nX,2018,0.2,,0.8\n', f);
    // 2017: (1·0.2 + 3·0.6)/4 = 0.5; c (not part of 2017) neither counts nor is a missing value.
    const y17 = score(f, d, { year: 2017 });
    expect(y17.rankings[0]!.score).toBeCloseTo(0.5, 12);
    expect(y17.rankings[0]!.coverage).toBe(1);
    // 2018: (1·0.2 + 1·0.8)/2 = 0.5 (b gone, g = c).
    const y18 = score(f, d, { year: 2018 });
    expect(y18.rankings[0]!.score).toBeCloseTo(0.5, 12);
    expect(y18.rankings[0]!.coverage).toBe(1);
    expect(y18.warnings).toEqual([]);
    expect(y18.methodChanged).toBe(true);
    expect(methodChanged(f, 2017, 2018)).toBe(true);
    expect(methodChanged(f, 2018, 2024)).toBe(false);
  });
  it('missing: error applies only to the nodes of the row\'s year', () => {
    const f = fw(YAML);
    const bad = loadData('unit,year,a,b,c\nX,2018,0.2,0.5,\n', f, { file: 'x.csv' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.message)).toEqual(["X (2018) has no value for 'c'"]);
  });
  it('warns of a missing column only for nodes of the file\'s years', () => {
    const f = fw(YAML);
    const r = loadData('unit,year,a,b\nX,2017,0.2,0.6\n', f, { file: 'x.csv' });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
    const r18 = loadData('unit,year,a,c\nX,2018,0.2,0.6\n', f, { file: 'x.csv' });
    expect(r18.warnings).toEqual([]);
  });
  it('keeps the same framework when no node has years', () => {
    const f = fw(defs('  - { id: a, name: A }\n'));
    expect(forYear(f, 2020)).toBe(f);
  });
});
