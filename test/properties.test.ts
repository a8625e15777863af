// Property-based tests (fast-check, fixed seed): for random valid definitions and data, the
// engine keeps its promises. And fuzz tests: arbitrary text into both loaders gives a result
// or located diagnostics, never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, UnitRecord } from '../src/core/model.js';
import { compile, type Framework } from '../src/core/framework.js';
import { validateDefinitions } from '../src/core/definitions.js';
import { score } from './helpers.js';
import { loadData, loadDefinitions } from '../src/load/definitions.js';
import { decode } from '../src/load/decode.js';

const SEED = 20261124;
const RUNS = 300;

type Method = 'target' | 'goalposts' | 'minmax' | 'rank' | 'none';
interface Spec { groups: { weight: number; aggregate: 'mean' | 'sum'; leaves: { weight: number; method: Method; lower: boolean }[] }[]; missing: 'zero' | 'exclude'; decimals: number }

const spec: fc.Arbitrary<Spec> = fc.record({
  groups: fc.array(fc.record({
    weight: fc.integer({ min: 1, max: 200 }),
    aggregate: fc.constantFrom('mean' as const, 'sum' as const),
    leaves: fc.array(fc.record({
      weight: fc.integer({ min: 1, max: 50 }),
      method: fc.constantFrom<Method>('target', 'goalposts', 'minmax', 'rank', 'none'),
      lower: fc.boolean(),
    }), { minLength: 1, maxLength: 4 }),
  }), { minLength: 1, maxLength: 4 }),
  missing: fc.constantFrom('zero' as const, 'exclude' as const),
  decimals: fc.integer({ min: 0, max: 6 }),
});

function build(s: Spec, weightFactor = 1): Framework {
  let j = 0;
  const raw = {
    schema: 'dti/v1', id: 'p', name: 'P', missing: s.missing, score: { decimals: s.decimals },
    indicators: s.groups.map((g, gi) => ({
      id: `g${gi}`, name: `G${gi}`, weight: g.weight * weightFactor, aggregate: g.aggregate,
      children: g.leaves.map((l) => ({
        id: `x${j++}`, name: 'X', weight: l.weight * weightFactor,
        direction: l.lower && l.method !== 'none' ? 'lower' : 'higher',
        normalize: l.method === 'target' ? { method: 'target', target: 80 } : l.method === 'goalposts' ? { method: 'goalposts', min: 0, max: 100 } : { method: l.method },
      })),
    })),
    pillars: [{ id: 'p1', name: 'P1', members: ['g0'] }],
  };
  const v = validateDefinitions(raw);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return compile(v.value);
}

/** `none` leaves take values in [0, 1] (an index already); the others 0–100. */
const valuesFor = (fw: Framework, units: number) => fc.array(
  fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { freq: 6 }), { minLength: fw.leaves.length, maxLength: fw.leaves.length }),
  { minLength: units, maxLength: units });

function dataset(fw: Framework, rows: (number | null)[][], names?: string[]): Dataset {
  const records: UnitRecord[] = rows.map((vals, i) => ({
    unit: names?.[i] ?? `Đơn vị ${i}`, code: null, key: names?.[i] ?? `Đơn vị ${i}`, region: null, year: 2023, line: i + 2,
    values: Float64Array.from(vals, (v, j) => (v === null ? NaN : fw.nodes[fw.leaves[j]!]!.def!.normalize.method === 'none' ? v / 100 : v)),
    lines: new Int32Array(vals.length), cols: new Int32Array(vals.length),
  }));
  return { unitKind: 'unit', layout: 'wide', map: null, records };
}

const withData = (minUnits = 1) => spec.chain((s) => {
  const fw = build(s);
  return fc.integer({ min: minUnits, max: 12 }).chain((n) => valuesFor(fw, n).map((rows) => ({ s, fw, rows })));
});

const byUnit = (rs: ReturnType<typeof score>['rankings']) => new Map(rs.map((r) => [r.unit, r]));

describe('properties of the engine', () => {
  it('scores lie in their range: [0, 1] under mean, [0, Σw] under sum', () => {
    fc.assert(fc.property(withData(), ({ s, fw, rows }) => {
      const res = score(fw, dataset(fw, rows));
      // A group's maximum: 1 under mean, Σw under sum. The root (a mean) is at most the largest
      // of them: under `exclude` it may average over a single group.
      const maxRoot = Math.max(...s.groups.map((g) => (g.aggregate === 'sum' ? g.leaves.reduce((a, l) => a + l.weight, 0) : 1)));
      for (const r of res.rankings) {
        if (r.score === null) continue;
        expect(r.score).toBeGreaterThanOrEqual(-1e-12);
        expect(r.score).toBeLessThanOrEqual(maxRoot + 1e-9);
        expect(r.coverage).toBeGreaterThanOrEqual(0);
        expect(r.coverage).toBeLessThanOrEqual(1 + 1e-9);
      }
    }), { seed: SEED, numRuns: RUNS });
  });

  it('ranks are a competition ranking of the rounded scores: 1, 2, 2, 4', () => {
    fc.assert(fc.property(withData(), ({ s, fw, rows }) => {
      const res = score(fw, dataset(fw, rows));
      const ranked = res.rankings.filter((r) => r.rank !== null);
      ranked.forEach((r, i) => {
        const key = Number(r.score!.toFixed(s.decimals));
        const better = ranked.filter((o) => Number(o.score!.toFixed(s.decimals)) > key).length;
        expect(r.rank).toBe(better + 1);
        if (i > 0) expect(ranked[i - 1]!.rank!).toBeLessThanOrEqual(r.rank!);
      });
      // unranked units come last
      const firstNull = res.rankings.findIndex((r) => r.rank === null);
      if (firstNull >= 0) expect(res.rankings.slice(firstNull).every((r) => r.rank === null)).toBe(true);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('reordering the rows or renaming the units changes no score', () => {
    fc.assert(fc.property(withData(2).chain((d) => fc.shuffledSubarray(d.rows.map((_, i) => i), { minLength: d.rows.length, maxLength: d.rows.length }).map((perm) => ({ ...d, perm }))), ({ fw, rows, perm }) => {
      const a = byUnit(score(fw, dataset(fw, rows)).rankings);
      const shuffledNames = perm.map((i) => `Đơn vị ${i}`);
      const b = byUnit(score(fw, dataset(fw, perm.map((i) => rows[i]!), shuffledNames)).rankings);
      for (const [unit, r] of a) {
        expect(b.get(unit)!.score).toBe(r.score);
        expect(b.get(unit)!.rank).toBe(r.rank);
      }
      // Renaming: scores follow the rows, whatever the names.
      const renamed = score(fw, dataset(fw, rows, rows.map((_, i) => `Tỉnh ${String.fromCharCode(65 + i)}`))).rankings;
      expect(renamed.map((r) => r.score).sort()).toEqual([...a.values()].map((r) => r.score).sort());
    }), { seed: SEED, numRuns: RUNS });
  });

  it('raising a higher-is-better indicator never lowers the unit’s score under mean (absolute methods)', () => {
    const absolute = spec.map((s) => ({ ...s, groups: s.groups.map((g) => ({ ...g, aggregate: 'mean' as const, leaves: g.leaves.map((l) => ({ ...l, lower: false, method: l.method === 'minmax' || l.method === 'rank' ? 'target' as const : l.method })) })) }));
    fc.assert(fc.property(absolute.chain((s) => {
      const fw = build(s);
      return fc.tuple(valuesFor(fw, 3), fc.nat(), fc.double({ min: 0, max: 50, noNaN: true })).map(([rows, j, bump]) => ({ fw, rows, j: j % fw.leaves.length, bump }));
    }), ({ fw, rows, j, bump }) => {
      const before = score(fw, dataset(fw, rows)).rankings.find((r) => r.unit === 'Đơn vị 0')!.score;
      // Raise a value the unit has (a missing one stays missing: filling it is not raising it).
      const raised = rows.map((r, i) => (i === 0 ? r.map((v, k) => (k === j && v !== null ? Math.min(100, v + bump) : v)) : r));
      const after = score(fw, dataset(fw, raised)).rankings.find((r) => r.unit === 'Đơn vị 0')!.score;
      if (before !== null && after !== null) expect(after).toBeGreaterThanOrEqual(before - 1e-12);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('scaling every weight by a constant changes nothing under mean', () => {
    const means = spec.map((s) => ({ ...s, groups: s.groups.map((g) => ({ ...g, aggregate: 'mean' as const })) }));
    fc.assert(fc.property(means.chain((s) => valuesFor(build(s), 4).map((rows) => ({ s, rows }))), fc.integer({ min: 2, max: 1000 }), ({ s, rows }, k) => {
      const a = score(build(s), dataset(build(s), rows)).rankings;
      const b = score(build(s, k), dataset(build(s, k), rows)).rankings;
      a.forEach((r, i) => {
        expect(b[i]!.unit).toBe(r.unit);
        if (r.score === null) expect(b[i]!.score).toBeNull();
        else expect(b[i]!.score!).toBeCloseTo(r.score, 12);
      });
    }), { seed: SEED, numRuns: RUNS });
  });

  it('exclude with full data equals zero with full data', () => {
    fc.assert(fc.property(spec.chain((s) => valuesFor(build(s), 4).map((rows) => ({ s, rows: rows.map((r) => r.map((v) => v ?? 50)) }))), ({ s, rows }) => {
      const z = build({ ...s, missing: 'zero' });
      const e = build({ ...s, missing: 'exclude' });
      const a = score(z, dataset(z, rows)).rankings;
      const b = score(e, dataset(e, rows)).rankings;
      expect(b.map((r) => [r.unit, r.score, r.rank])).toEqual(a.map((r) => [r.unit, r.score, r.rank]));
    }), { seed: SEED, numRuns: RUNS });
  });
});

describe('fuzzing the loaders', () => {
  const DEFS = 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n    normalize: { method: target, target: 100 }\n  - id: b\n    name: B\n    normalize: { method: boolean }\n';
  const defs = loadDefinitions(DEFS);
  if (!defs.ok) throw new Error('defs');
  const located = (r: { ok: boolean; errors?: { line?: number; col?: number; file?: string }[] }) => {
    if (r.ok) return;
    expect(r.errors!.length).toBeGreaterThan(0);
    for (const e of r.errors!) expect(e.file).toBe('f');
  };
  const csvish = fc.array(fc.constantFrom('unit', 'province', 'a', 'b', ',', '"', '\n', '\r\n', 'Hà Nội', 'x', '1', '0.5', 'có', ' ', '#', '1e999', '-', '%', '\t', 'year', '2023'), { maxLength: 40 }).map((a) => a.join(''));

  it('data: arbitrary text gives a dataset or located diagnostics, never a crash', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), csvish), (text) => {
      const r = loadData(text, defs.value, { file: 'f' });
      located(r);
      if (!r.ok) for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
    }), { seed: SEED, numRuns: 1000 });
  });
  it('definitions: arbitrary YAML-ish text gives definitions or located diagnostics, never a crash', () => {
    const yamlish = fc.array(fc.constantFrom('schema: dti/v1\n', 'id: t\n', 'name: T\n', 'indicators:\n', '  - id: a\n', '    name: A\n', '    weight: ', '-1', '0', 'x', '\n', '    children:\n', '      - id: b\n', '{', '}', '[', ']', ':', '&a ', '*a', '"', "'", '\t', '#', 'pillars:\n', '  - members: [a]\n'), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), yamlish), (text) => {
      const r = loadDefinitions(text, 'f');
      located(r);
      if (!r.ok) for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
    }), { seed: SEED, numRuns: 1000 });
  });
  it('bytes: arbitrary bytes decode to text or a located encoding error', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const text = decode(bytes, 'f');
      if (text.ok) located(loadData(text.value, defs.value, { file: 'f' }));
      else {
        expect(text.errors[0]).toMatchObject({ code: 'ENCODING', file: 'f' });
        expect(text.errors[0]!.line).toBeGreaterThanOrEqual(1);
      }
    }), { seed: SEED, numRuns: 1000 });
  });
});
