// dti sensitivity: seeded Monte Carlo of ranks, Sobol indices, validation before any run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from './helpers.js';
import { sensitivity } from './helpers.js';
import { aggregate, normaliseMatrix, rankKeys } from '../src/engine/index.js';
import { cli, data, defs, fw } from './helpers.js';
import { loadSensitivitySpec } from '../src/load/sensitivity-spec.js';
import { loadDefinitions } from '../src/load/definitions.js';
import { render } from '../src/core/messages.js';

// Six units on two indicators that pull opposite ways: with equal weights they nearly tie, so
// any change of weights reorders them. U5 has a missing value.
const TWO = defs(`  - id: g
    name: G
    children:
      - id: a
        name: A
      - id: b
        name: B
  - id: c
    name: C
`, 'missing: exclude\nscore: { ties: exact }\n');
const CSV = `unit,a,b,c
U0,0.00,1.00,0.50
U1,0.21,0.80,0.50
U2,0.39,0.60,0.51
U3,0.62,0.41,0.49
U4,0.80,0.19,0.50
U5,,0.30,0.70
`;

const run = (spec: Parameters<typeof sensitivity>[3], csv = CSV, yaml = TWO) => {
  const f = fw(yaml);
  const r = sensitivity(f, data(csv, f).records, null, spec, { keepRuns: true });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
};

describe('Monte Carlo of ranks', () => {
  it('nominal ranks are the ranks of dti score', () => {
    const f = fw(TWO);
    const ranks = new Map(score(f, data(CSV, f)).rankings.map((u) => [u.unit, u.rank]));
    for (const u of run({ runs: 10 }).result.units) expect(u.nominalRank).toBe(ranks.get(u.unit));
  });
  it('runs the whole pipeline: a unit screened out (too little data) stays unranked, as in dti score', () => {
    // U5 has 2 of 3 leaves' weight share (b: 1/4, c: 1/2 → 0.75 observed); with min_coverage 0.8 it is screened out.
    const yaml = TWO.replace('missing: exclude', 'missing: exclude\nscreen: { min_coverage: 0.8 }');
    const f = fw(yaml);
    const ranked = score(f, data(CSV, f)).rankings;
    expect(ranked.find((u) => u.unit === 'U5')!.rank).toBeNull();
    const r = run({ runs: 20, weights: { spread: 0 } }, CSV, yaml).result;
    expect(r.units.find((u) => u.unit === 'U5')).toMatchObject({ nominalRank: null, medianRank: null });
    for (const u of ranked.filter((x) => x.rank !== null)) expect(r.units.find((x) => x.unit === u.unit)!.p95).toBe(u.rank);
  });
  it('uses the year’s own method: a node outside it is neither scored nor perturbed', () => {
    const yaml = defs(`  - id: a
    name: A
    years: -2023
  - id: b
    name: B
    years: -2023
  - id: z
    name: Z
    years: 2024-
`, 'missing: zero\nscore: { ties: exact }\n');
    const f = fw(yaml);
    const csv = 'unit,year,a,b,z\nP,2023,0.2,0.9,\nQ,2023,0.5,0.5,\nR,2023,0.9,0.1,\n';
    const ranked = new Map(score(f, data(csv, f)).rankings.map((u) => [u.unit, u.rank]));
    const v = sensitivity(f, data(csv, f).records, 2023, { runs: 50, weights: { spread: 0.5 }, leaveOneOut: true }, { keepRuns: true });
    if (!v.ok) throw new Error(v.errors[0]!.message);
    expect(v.value.result.inputs.map((x) => x.options)).toEqual([['a', 'b'], ['none', 'a', 'b']]);
    for (const u of v.value.result.units) expect(u.nominalRank).toBe(ranked.get(u.unit));
  });
  it('with nothing uncertain (--weights 0) every interval collapses to the nominal rank', () => {
    const r = run({ runs: 50, weights: { spread: 0 } }).result;
    expect(r.defaultInputs).toBe(false);
    for (const u of r.units) {
      expect([u.medianRank, u.p5, u.p95]).toEqual([u.nominalRank, u.nominalRank, u.nominalRank]);
      expect(u.meanAbsShift).toBe(0);
    }
  });
  it('with no input named, weights ±25% is the default and says so', () => {
    const r = run({ runs: 200 }).result;
    expect(r.defaultInputs).toBe(true);
    expect(r.inputs.map((x) => [x.id, x.spread])).toEqual([['weights@1', 0.25], ['weights@2', 0.25]]);
    // Weights that move make ranks move.
    expect(r.units.some((u) => u.meanAbsShift! > 0)).toBe(true);
    expect(r.units.every((u) => u.p5! <= u.medianRank! && u.medianRank! <= u.p95!)).toBe(true);
  });
  it('medians and percentiles are R type 7 over ranks recomputed by the engine from each run’s weights', () => {
    const f = fw(TWO);
    const ds = data(CSV, f);
    const n = ds.records.length;
    const norm = normaliseMatrix(f, ds.records);
    const type7 = (xs: number[], p: number) => {
      const a = [...xs].sort((x, y) => x - y);
      const h = (a.length - 1) * p;
      const lo = Math.floor(h);
      return a[lo]! + (h - lo) * (a[Math.min(lo + 1, a.length - 1)]! - a[lo]!);
    };
    // 5 runs (fewer than units + 2: sorted) and 40 runs (counted).
    for (const runs of [5, 40]) {
      const v = run({ runs, weights: { spread: 0.5 } });
      const ids = v.weightIds.map((id) => f.index.get(id)!);
      const perUnit = new Map<string, number[]>();
      for (const rec of v.records) {
        const w = Float64Array.from(f.nodes, (x) => x.weight);
        ids.forEach((k, t) => { w[k] = rec.weights[t]!; });
        const agg = aggregate(f, norm, n, w);
        const keys = Float64Array.from({ length: n }, (_, i) => agg.nodes[f.root * n + i]!);
        const { ranks } = rankKeys(keys, ds.records.map((r) => r.unit));
        ds.records.forEach((r, i) => perUnit.set(r.unit, [...(perUnit.get(r.unit) ?? []), ranks[i]!]));
      }
      for (const u of v.result.units) {
        const xs = perUnit.get(u.unit)!;
        // Equal up to the binary noise of (runs − 1) × p, which the output rounds away.
        expect(u.medianRank).toBeCloseTo(type7(xs, 0.5), 9);
        expect(u.p5).toBeCloseTo(type7(xs, 0.05), 9);
        expect(u.p95).toBeCloseTo(type7(xs, 0.95), 9);
        for (const q of [u.medianRank, u.p5, u.p95]) expect(String(q)).toMatch(/^\d+(\.\d{1,9})?$/);
        expect(u.meanAbsShift).toBeCloseTo(xs.reduce((s, x) => s + Math.abs(x - u.nominalRank!), 0) / runs, 12);
      }
    }
  });
  it('draws every weight from U(1 − s, 1 + s) × its own, per run', () => {
    const v = run({ runs: 400, weights: { spread: 0.5, levels: [2] } });
    expect(v.weightIds).toEqual(['a', 'b']);
    const ws = v.records.flatMap((r) => [...r.weights]);
    expect(Math.min(...ws)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...ws)).toBeLessThanOrEqual(1.5);
    // The mean of U(0.5, 1.5) is 1: 800 draws, standard error 0.29/√800 ≈ 0.01.
    expect(ws.reduce((s, x) => s + x, 0) / ws.length).toBeCloseTo(1, 1);
  });
  it('picks alternative methods run by run; runs that keep every nominal choice keep every nominal rank', () => {
    const v = run({ runs: 300, normalisation: ['rank'], aggregation: ['geometric'], missing: ['zero'], leaveOneOut: true });
    expect(v.result.inputs.map((x) => x.id)).toEqual(['normalisation', 'aggregation', 'missing', 'leave-one-out']);
    const seen = (k: 'normalisation' | 'aggregation' | 'missing' | 'leftOut') => new Set(v.records.map((r) => r[k]));
    expect(seen('normalisation')).toEqual(new Set(['nominal', 'rank']));
    expect(seen('aggregation')).toEqual(new Set(['nominal', 'geometric']));
    expect(seen('missing')).toEqual(new Set(['nominal', 'zero']));
    expect(seen('leftOut')).toEqual(new Set(['', 'a', 'b', 'c']));
    const nominal = v.records.filter((r) => r.normalisation === 'nominal' && r.aggregation === 'nominal' && r.missing === 'nominal' && r.leftOut === '');
    expect(nominal.length).toBeGreaterThan(0);
    for (const r of nominal) expect(r.meanAbsShift).toBe(0);
    expect(v.records.some((r) => r.meanAbsShift > 0)).toBe(true);
  });
  it('leaving an indicator out equals scoring without it', () => {
    // Leaving out c leaves g alone at the root: ranks are those of g = mean(a, b).
    const v = run({ runs: 200, leaveOneOut: true });
    const f = fw(TWO);
    const withoutC = fw(TWO.replace(/  - id: c\n    name: C\n/, ''));
    const ranks = score(withoutC, data(CSV.replace(/,[^,\n]*$/gm, '').replace('unit,a,b', 'unit,a,b'), withoutC)).rankings;
    const nominal = new Map(score(f, data(CSV, f)).rankings.map((u) => [u.unit, u.rank!]));
    const expected = ranks.reduce((s, u) => s + Math.abs(u.rank! - nominal.get(u.unit)!), 0) / ranks.length;
    const runs = v.records.filter((r) => r.leftOut === 'c');
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(r.meanAbsShift).toBeCloseTo(expected, 12);
  });
});

describe('Sobol indices', () => {
  it('an input that explains everything has first and total order 1, one that does nothing 0', () => {
    // No value is missing in these rows, so the missing-value policy changes nothing.
    const csv = CSV.replace('U5,,0.30,0.70', 'U5,0.5,0.50,0.50');
    const v = run({ runs: 1000, weights: { spread: 0.5, levels: [2] }, missing: ['zero'], sobol: true, bootstrap: 500 }, csv);
    const s = v.result.sobol!;
    expect(s.totalRuns).toBe(1000 * (2 + 2));
    const w = s.indices.find((x) => x.input === 'weights@2')!;
    const m = s.indices.find((x) => x.input === 'missing')!;
    expect(w.firstCi![0]).toBeLessThanOrEqual(1);
    expect(w.firstCi![1]).toBeGreaterThanOrEqual(1);
    expect(w.totalCi![0]).toBeLessThanOrEqual(1);
    expect(w.totalCi![1]).toBeGreaterThanOrEqual(1);
    expect(m.first).toBe(0);
    expect(m.total).toBe(0);
    expect(m.firstCi).toEqual([0, 0]);
  });
  it('first order ≤ total order within the bootstrap tolerance, and the Monte Carlo part is the same with or without --sobol', () => {
    const spec = { runs: 600, weights: { spread: 0.5 }, aggregation: ['geometric'], seed: 3 };
    const v = run({ ...spec, sobol: true, bootstrap: 300 });
    for (const x of v.result.sobol!.indices) {
      const slack = Math.max(x.firstCi![1] - x.firstCi![0], x.totalCi![1] - x.totalCi![0]) / 2;
      expect(x.first!).toBeLessThanOrEqual(x.total! + slack);
    }
    expect(v.result.units).toEqual(run(spec).result.units);
  });
});

describe('validation before any run', () => {
  it('every problem at once: unknown node, level, method, policy, zscore under geometric', () => {
    const f = fw(TWO);
    const r = sensitivity(f, data(CSV, f).records, null, {
      weights: { spread: 0.25, nodes: ['gg'] }, normalisation: ['zscore', 'minmaxx'], aggregation: ['geometric', 'median'], missing: ['drop'],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code).sort()).toEqual(['BAD_SPEC', 'BAD_SPEC', 'BAD_SPEC', 'BAD_SPEC', 'UNKNOWN_NODE']);
    expect(r.errors.find((e) => e.code === 'UNKNOWN_NODE')!.hint).toMatch(/'g'/);
    expect(r.errors.some((e) => /minmax/.test(e.hint ?? ''))).toBe(true);
    const r3 = sensitivity(f, data(CSV, f).records, null, { runs: 9_000_000 });
    expect(!r3.ok && r3.errors.map((e) => e.message)).toEqual(['runs must be a whole number from 2 to 1000000, got 9000000']);
    const big = 'unit,a,b,c\n' + Array.from({ length: 60 }, (_, i) => `V${i},0.1,0.2,0.3`).join('\n') + '\n';
    const r4 = sensitivity(f, data(big, f).records, null, { runs: 900_000 });
    expect(!r4.ok && r4.errors.map((e) => [e.message, e.hint])).toEqual([['900000 runs × 60 units is 54000000 ranks to keep, more than 50000000', 'use at most 833333 runs for 60 units']]);
    const r2 = sensitivity(f, data(CSV, f).records, null, { weights: { spread: 1.5, levels: [3] }, runs: 1 });
    expect(!r2.ok && r2.errors.map((e) => e.message)).toEqual([
      'runs must be a whole number from 2 to 1000000, got 1',
      'the weight spread must be from 0 to 1, got 1.5',
      'weights: level 3 does not exist; the tree has levels 1 to 2',
    ]);
  });
});

describe('dti sensitivity (CLI)', () => {
  it('runs on the shipped data, says the default, and the same seed gives the same bytes', async () => {
    const a = await cli(['sensitivity', 'data/2023.csv', '--runs', '200', '-f', 'json']);
    expect(a.code).toBe(0);
    const j = JSON.parse(a.stdout);
    expect(j.schema).toBe('dti-sensitivity/v1');
    expect(j.defaultInputs).toBe(true);
    expect(j.runs).toBe(200);
    const b = await cli(['sensitivity', 'data/2023.csv', '--runs', '200', '-f', 'json']);
    expect(b.stdout).toBe(a.stdout);
    const c = await cli(['sensitivity', 'data/2023.csv', '--runs', '200', '-f', 'json', '--seed', '2']);
    expect(c.stdout).not.toBe(a.stdout);
    const t = await cli(['sensitivity', 'data/2023.csv', '--runs', '50', '-f', 'table', '--lang', 'en'], { env: { LANG: 'en_US.UTF-8' } });
    expect(t.stdout).toMatch(/none named: weights ±25% by default/);
    expect(t.stdout).toMatch(/●/);
  });
  it('says what is wrong in Vietnamese by default', async () => {
    const r = await cli(['sensitivity', 'data/2023.csv', '--weights-level', '5', '--aggregation', 'median']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--weights: lỗi: weights: không có cấp 5; cây chỉ số có các cấp từ 1 đến \d \[BAD_SPEC\]/);
    expect(r.stderr).toMatch(/aggregation: không có phương pháp 'median'/);
  });
  it('a YAML spec: errors located in the file; --runs-out writes every run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-test-'));
    try {
      writeFileSync(join(dir, 'bad.yaml'), 'runs: 100\nweights: { spread: 0.2, levels: [9] }\nnormalisaton: [rank]\n');
      const bad = await cli(['sensitivity', 'data/2023.csv', '--spec', join(dir, 'bad.yaml'), '--lang', 'en']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/bad\.yaml:3:1: error: unknown key 'normalisaton' \[BAD_SPEC\]/);
      expect(bad.stderr).toMatch(/did you mean 'normalisation'/);
      writeFileSync(join(dir, 'lvl.yaml'), 'runs: 100\nweights: { spread: 0.2, levels: [9] }\n');
      const lvl = await cli(['sensitivity', 'data/2023.csv', '--spec', join(dir, 'lvl.yaml'), '--lang', 'en']);
      expect(lvl.code).toBe(2);
      expect(lvl.stderr).toMatch(/lvl\.yaml:2:\d+: error: weights: level 9 does not exist/);
      writeFileSync(join(dir, 'ok.yaml'), 'runs: 40\nseed: 9\nweights: 0.3\nsobol: true\nbootstrap: 50\n');
      const ok = await cli(['sensitivity', 'data/2023.csv', '--spec', join(dir, 'ok.yaml'), '--runs-out', join(dir, 'runs.csv'), '-f', 'json']);
      expect(ok.code).toBe(0);
      const j = JSON.parse(ok.stdout);
      expect([j.runs, j.seed, j.sobol.totalRuns]).toEqual([40, 9, 40 * (j.inputs.length + 2)]);
      const lines = readFileSync(join(dir, 'runs.csv'), 'utf8').trim().split('\n');
      expect(lines.length).toBe(1 + j.sobol.totalRuns);
      expect(lines[0]).toMatch(/^run,block,weight:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a spec value of the wrong type says what was given, in either language; a misspelt key of weights: is matched against the schema', () => {
    // zod drops an issue's input unless asked: Vietnamese read 'nhận được không có gì' (nothing received) for a string.
    const typed = loadSensitivitySpec('runs: abc\n', 's.yaml');
    expect(typed.ok).toBe(false);
    if (typed.ok) return;
    expect(typed.errors.map((e) => [e.code, e.line, e.col])).toEqual([['BAD_SPEC', 1, 7]]);
    expect(render(typed.errors[0]!.text, 'en')).toBe('runs: Invalid input: expected number, received string');
    expect(render(typed.errors[0]!.text, 'vi')).toBe('runs: Đầu vào không hợp lệ: mong đợi số, nhận được chuỗi');
    const key = loadSensitivitySpec('weights: { spread: 0.2, level: [1] }\n', 's.yaml');
    expect(key.ok ? [] : key.errors.map((e) => render(e.hintText!, 'en'))).toEqual(["did you mean 'levels'?"]);
  });
  it('a YAML spec is read as a definitions file is (one reader): the hint by kind, old Mac line ends, list items located', () => {
    // A duplicate key: the same hint as in a definitions file.
    const dup = loadSensitivitySpec('runs: 100\nruns: 200\n', 's.yaml');
    const dupDefs = loadDefinitions('schema: dti/v1\nid: t\nid: u\n', 'd.yaml');
    expect(dup.ok || dupDefs.ok).toBe(false);
    if (dup.ok || dupDefs.ok) return;
    expect(dup.errors.map((e) => [e.code, e.line, e.col, render(e.hintText!, 'en')])).toEqual([['YAML_SYNTAX', 2, 1, 'a key may appear once in a mapping; remove or rename one']]);
    expect(render(dupDefs.errors[0]!.hintText!, 'en')).toBe(render(dup.errors[0]!.hintText!, 'en'));
    // Lines ended by a lone CR are lines: the unknown key is on line 3.
    const cr = loadSensitivitySpec('runs: 100\rseed: 1\rrunz: 3\r', 's.yaml');
    expect(cr.ok ? [] : cr.errors.map((e) => [e.code, e.line, e.col])).toEqual([['BAD_SPEC', 3, 1]]);
    // An unclosed [ or { (which yaml calls bad indentation): the hint says to close it, in both readers and languages.
    for (const [text, hint, vi] of [['runs: [1,\n', "close the list with ']'", "đóng danh sách bằng dấu ']'"], ['weights: { spread: 1\n', "close the mapping with '}'", "đóng ánh xạ bằng dấu '}'"]] as const) {
      const spec = loadSensitivitySpec(text, 's.yaml');
      const definitions = loadDefinitions(`schema: dti/v1\n${text}`, 'd.yaml');
      for (const r of [spec, definitions]) {
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        expect(render(r.errors[0]!.hintText!, 'en')).toContain(hint);
        expect(render(r.errors[0]!.hintText!, 'vi')).toContain(vi);
        expect(render(r.errors[0]!.text, 'vi')).not.toMatch(/Flow|indented/);
      }
    }
    // A wrong list item is located at the item, not at the list.
    const item = loadSensitivitySpec('normalisation: [minmax, 3]\n', 's.yaml');
    expect(item.ok ? [] : item.errors.map((e) => [e.code, e.line, e.col])).toEqual([['BAD_SPEC', 1, 25]]);
  });
});

describe('a year with nothing to vary', () => {
  it('DTI 2024 (the published DTI alone) says so instead of reporting 1000 certain draws', async () => {
    const r = await cli(['sensitivity', 'data/2024.csv', '-f', 'table', '-q', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing to vary: the index of 2024 is a single indicator');
    expect(r.stdout).not.toContain('1000 runs');
    expect(r.stdout).not.toContain('●');
    const vi = await cli(['sensitivity', 'data/2024.csv', '-f', 'table', '-q']);
    expect(vi.stdout).toContain('Không có gì để thay đổi: chỉ số năm 2024 chỉ gồm một chỉ số');
    const j = JSON.parse((await cli(['sensitivity', 'data/2024.csv', '-f', 'json', '-q'])).stdout);
    expect(j).toMatchObject({ runs: 0, nothingToVary: true, inputs: [] });
    expect(j.units[0]).toEqual({ unit: 'Hồ Chí Minh', code: '79', nominalRank: 1, medianRank: null, p5: null, p95: null, meanAbsShift: null });
    expect(j.units).toHaveLength(63);
  });
  it('2023 (five main indices) still varies its weights', async () => {
    const j = JSON.parse((await cli(['sensitivity', 'data/2023.csv', '--runs', '20', '-f', 'json', '-q'])).stdout);
    expect(j.runs).toBe(20);
    expect(j.nothingToVary).toBeUndefined();
    expect(j.inputs[0].options).toHaveLength(5);
  });
});
