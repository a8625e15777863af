// dti explain: points, contributions, rank targets and what-if against hand-worked values.
import { describe, expect, it } from 'vitest';
import { explain } from './helpers.js';
import { score } from './helpers.js';
import { ROOT, cli, data, defs, fw, runOf } from './helpers.js';
import { compare } from '../src/core/compare.js';
import { join } from 'node:path';
import { explain as libExplain, load } from '../src/index.js';

// Two main indices (600 and 400 points), goalposts 0–100 and 0–10.
const MEAN = defs(`  - id: a
    name: { vi: Chỉ số A, en: Index A }
    weight: 600
    children:
      - id: a1
        name: A1
        weight: 1
        normalize: { method: goalposts, min: 0, max: 100 }
      - id: a2
        name: A2
        weight: 3
        normalize: { method: goalposts, min: 0, max: 100 }
  - id: b
    name: { vi: Chỉ số B, en: Index B }
    weight: 400
    children:
      - id: b1
        name: B1
        normalize: { method: goalposts, min: 0, max: 10 }
`, 'missing: zero\nscore: { ties: exact }\n');

// Hand-worked, 2023:
//   X: a = (1·0.5 + 3·1)/4 = 0.875, b = 0.5 → (600·0.875 + 400·0.5)/1000 = 0.725
//   Y: a = (1·1 + 3·0.8)/4 = 0.85,  b = 0.8 → (510 + 320)/1000 = 0.83
//   Z: a = (0 + 3·0.2)/4 = 0.15,    b = 0.2 → (90 + 80)/1000 = 0.17
// 2022: X: a = (0.1 + 3·0.6)/4 = 0.475, b = 0.5 → 0.485 (Y and Z as in 2023); ranks Y, X, Z both years.
const CSV = `unit,year,a1,a2,b1
X,2022,10,60,5
Y,2022,100,80,8
Z,2022,0,20,2
X,2023,50,100,5
Y,2023,100,80,8
Z,2023,0,20,2
`;

const get = <T extends { id: string }>(xs: readonly T[], id: string) => xs.find((x) => x.id === id)!;

describe('points and priorities', () => {
  const f = fw(MEAN);
  const r = explain(f, data(CSV, f), 'X', { lang: 'en' });
  if (!r.ok) throw new Error(r.errors[0]!.message);
  const e = r.value;

  it('scores and ranks the latest year', () => {
    expect(e.year).toBe(2023);
    expect(e.score).toBeCloseTo(0.725, 12);
    expect(e.rank).toBe(2);
    expect(e.totalPoints).toBe(1000);
  });
  it('gives each node its points, maximum and points lost, on the root weights’ scale', () => {
    // a: 600·0.875 = 525 of 600; b: 400·0.5 = 200 of 400; a1: 600·(1/4) = 150 max, 75 points; a2: 450 of 450.
    expect(get(e.nodes, 'a')).toMatchObject({ depth: 1, points: 525, maxPoints: 600, pointsLost: 75, rank: 1 });
    expect(get(e.nodes, 'b')).toMatchObject({ depth: 1, points: 200, maxPoints: 400, pointsLost: 200, rank: 2 });
    expect(get(e.nodes, 'a1')).toMatchObject({ depth: 2, points: 75, maxPoints: 150, pointsLost: 75, raw: 50, value: 0.5 });
    expect(get(e.nodes, 'a2')).toMatchObject({ points: 450, maxPoints: 450, pointsLost: 0 });
  });
  it('points lost at each depth sum to (1 − score) × the index’s points', () => {
    for (const d of [1, 2]) {
      const lost = e.nodes.filter((n) => n.depth === d).reduce((s, n) => s + n.pointsLost!, 0);
      expect(lost).toBeCloseTo((1 - e.score!) * 1000, 9);
    }
  });
  it('sorts by points lost within each depth', () => {
    expect(e.nodes.map((n) => n.id)).toEqual(['b', 'a', 'b1', 'a1', 'a2']);
  });
  it('names strengths and weaknesses by rank among all units, above and below their median', () => {
    // X ranks 1st on a (0.875 vs 0.85, 0.15) and a2 (1 vs 0.8, 0.2): above the median, strengths.
    // It is 2nd of 3 on a1 (0.5 of 1, 0.5, 0), b and b1 (0.5 of 0.8, 0.5, 0.2): the median itself,
    // neither a strength (rank 2 of 3 was one) nor a weakness.
    expect(e.strengths.map((s) => [s.id, s.rank, s.of])).toEqual([['a', 1, 3], ['a2', 1, 3]]);
    expect(e.weaknesses).toEqual([]);
    // Z, last everywhere, has only weaknesses.
    const z = explain(f, data(CSV, f), 'Z', { lang: 'en' });
    if (!z.ok) throw new Error('Z');
    expect(z.value.strengths).toEqual([]);
    expect(z.value.weaknesses.map((w) => w.id)).toEqual(['a', 'a1', 'a2', 'b', 'b1']);
  });
  it('splits the change of score into weight × change, summing exactly to the change', () => {
    const c = e.change!;
    expect(c.previousYear).toBe(2022);
    expect(c.scoreChange).toBeCloseTo(0.24, 12);
    expect(c.rankChange).toBe(0);
    // a: 0.6·(0.875 − 0.475) = 0.24; b: 0; a1: 0.6·0.25·0.4 = 0.06; a2: 0.6·0.75·0.4 = 0.18.
    expect(get(c.contributions, 'a').contribution).toBeCloseTo(0.24, 12);
    expect(get(c.contributions, 'b').contribution).toBeCloseTo(0, 12);
    expect(get(c.contributions, 'a1').contribution).toBeCloseTo(0.06, 12);
    expect(get(c.contributions, 'a2').contribution).toBeCloseTo(0.18, 12);
    expect(get(c.contributions, 'a').pointsChange).toBeCloseTo(240, 9);
    const top = c.contributions.filter((x) => x.depth === 1).reduce((s, x) => s + x.contribution, 0);
    expect(top).toBeCloseTo(c.scoreChange, 14);
  });
});

describe('missing values counted by the rule the engine aggregates with (missingFill)', () => {
  // Missing values left out by default (missing: exclude), counted 0 in group a (missing: zero).
  const leaf = (id: string) => `      - id: ${id}\n        name: ${id.toUpperCase()}\n        normalize: { method: goalposts, min: 0, max: 100 }\n`;
  const MIXED = defs(`  - id: a\n    name: A\n    weight: 600\n    missing: zero\n    children:\n${leaf('a1')}${leaf('a2')}  - id: b\n    name: B\n    weight: 400\n    children:\n${leaf('b1')}${leaf('b2')}`, 'missing: exclude\nscore: { ties: exact }\n');
  // Hand-worked:
  //   X: a = (0.5 + 0 [a2 missing, counted 0])/2 = 0.25; b = 0.4 (b1 missing, left out) → (600·0.25 + 400·0.4)/1000 = 0.31
  //   V: a = (0.8 + 0.4)/2 = 0.6; b missing (both left out), b itself left out → 0.6
  //   Y: a = 0.9, b = 0.4 → 0.7;  Z: a = 0.1, b = 0.5 → 0.26
  const CSV_MIXED = 'unit,year,a1,a2,b1,b2\nX,2023,50,,,40\nV,2023,80,40,,\nY,2023,100,80,60,20\nZ,2023,0,20,10,90\n';
  const f = fw(MIXED);
  const ds = data(CSV_MIXED, f);
  const one = (unit: string) => {
    const r = explain(f, ds, unit, { lang: 'en' });
    if (!r.ok) throw new Error(r.errors[0]!.message);
    return r.value;
  };

  it("explain's score and rank are score's, for every unit", () => {
    const ranked = score(f, ds).rankings;
    expect(ranked.map((u) => [u.unit, Number(u.score!.toFixed(12))])).toEqual([['Y', 0.7], ['V', 0.6], ['X', 0.31], ['Z', 0.26]]);
    for (const u of ranked) expect([u.unit, one(u.unit).score, one(u.unit).rank]).toEqual([u.unit, u.score, u.rank]);
  });
  it('a missing value under zero: its share kept, no points; under exclude: no share, its points go to the others', () => {
    const x = one('X');
    // a1: half of a's 600, 150 of 300; a2 (missing, counted 0): 0 of 300; b1 (missing, left out): nothing; b2: all of b's 400, 160.
    expect(get(x.nodes, 'a')).toMatchObject({ points: 150, maxPoints: 600, pointsLost: 450 });
    expect(get(x.nodes, 'a1')).toMatchObject({ points: 150, maxPoints: 300, pointsLost: 150 });
    expect(get(x.nodes, 'a2')).toMatchObject({ points: 0, maxPoints: 300, pointsLost: 300 });
    expect(get(x.nodes, 'b1')).toMatchObject({ points: null, maxPoints: null, pointsLost: null });
    expect(get(x.nodes, 'b2')).toMatchObject({ points: 160, maxPoints: 400, pointsLost: 240 });
    // b left out altogether (V): a carries the whole index.
    const v = one('V');
    expect(get(v.nodes, 'a')).toMatchObject({ points: 600, maxPoints: 1000, pointsLost: 400 });
    expect(get(v.nodes, 'b')).toMatchObject({ points: null, maxPoints: null, pointsLost: null });
    for (const e of [x, v]) {
      for (const d of [1, 2]) expect(e.nodes.filter((n) => n.depth === d).reduce((s, n) => s + (n.pointsLost ?? 0), 0)).toBeCloseTo((1 - e.score!) * 1000, 9);
    }
  });
  it("compare's points lost of a missing indicator by the same rule: all of its 300 for a2 (counted 0), none for b1 (left out)", () => {
    // compare's leaf maxima are the leaf's fixed share of the 1000 points (a1, a2: 300; b1, b2: 200); Y: 300·0.2, 200·0.4, 200·0.8.
    const c = compare(runOf(f, ds), ['X', 'Y']);
    if (!c.ok) throw new Error(c.errors[0]!.message);
    const lost = (id: string) => c.value.rows.find((r) => r.id === id)!.pointsLost;
    expect([lost('a1'), lost('a2'), lost('b1'), lost('b2')]).toEqual([[150, 0], [300, 60], [null, 80], [120, 160]]);
  });
});

describe('a percentile leaf', () => {
  it('has a maximum of 1, so its points, maximum and points lost are there (they were null: no maximum)', () => {
    // p: percentile over X 10, Y 20, Z 30: X beats none (0/2), Y one (1/2), Z two (1); g: goalposts 0–100.
    // Y: (0.5 + 0.4)/2 = 0.45; each leaf weighs 1 point: p gives 0.5 of it, g 0.4.
    const f = fw(defs('  - id: p\n    name: P\n    normalize: { method: percentile }\n  - id: g\n    name: G\n    normalize: { method: goalposts, min: 0, max: 100 }\n'));
    const r = explain(f, data('unit,p,g\nX,10,90\nY,20,40\nZ,30,10\n', f), 'Y', { lang: 'en' });
    if (!r.ok) throw new Error(r.errors[0]!.message);
    expect(r.value.score).toBeCloseTo(0.45, 12);
    expect(r.value.totalPoints).toBe(2);
    expect(get(r.value.nodes, 'p')).toMatchObject({ value: 0.5, points: 0.5, maxPoints: 1, pointsLost: 0.5 });
    expect(get(r.value.nodes, 'g')).toMatchObject({ value: 0.4, points: 0.4, maxPoints: 1, pointsLost: 0.6 });
  });
});

describe('a rank target', () => {
  const f = fw(MEAN);
  const ds = data(CSV, f);
  const r = explain(f, ds, 'X', { targetRank: 1 });
  if (!r.ok) throw new Error(r.errors[0]!.message);
  const t = r.value.target!;
  const rescore = (edit: (line: string) => string) => {
    const lines = CSV.split('\n').map((l) => (l.startsWith('X,2023,') ? edit(l) : l)).join('\n');
    const res = score(f, data(lines, f));
    return res.rankings.find((u) => u.unit === 'X')!;
  };

  it('needs the score of the unit now at that rank, with the gap', () => {
    expect(t.scoreNeeded).toBeCloseTo(0.83, 12);
    expect(t.gap).toBeCloseTo(0.105, 12);
    expect(t.gapPoints).toBeCloseTo(105, 9);
    expect(t.reached).toBe(false);
  });
  it('finds the value each node alone would need, or says it is not reachable alone', () => {
    // a alone: 600·a + 200 ≥ 830 → a ≥ 1.05 > 1; b alone: 525 + 400·b ≥ 830 → b ≥ 0.7625 (b1 = 7.625).
    expect(get(t.byNode, 'a')).toMatchObject({ reachable: false, valueNeeded: null });
    expect(get(t.byNode, 'b').valueNeeded).toBeCloseTo(0.7625, 9);
    expect(get(t.byNode, 'b1').rawNeeded).toBeCloseTo(7.625, 9);
    // a1 alone: 150·a1 + 450 + 200 ≥ 830 → a1 ≥ 1.2 > 1.
    expect(get(t.byNode, 'a1').reachable).toBe(false);
  });
  it('reaches the rank when the needed raw value is put in the file and rescored', () => {
    const raw = get(t.byNode, 'b1').rawNeeded!;
    expect(rescore((l) => l.replace(/,5$/, `,${raw}`)).rank).toBe(1);
    // and a hair less does not
    expect(rescore((l) => l.replace(/,5$/, `,${raw - 1e-6}`)).rank).toBe(2);
  });
  it('gives a balanced plan: the same share of headroom everywhere, the gap exactly', () => {
    // Points lost: a 75, b 200 → share = 105/275.
    const p = t.plan!;
    expect(p.share).toBeCloseTo(105 / 275, 9);
    expect(get(p.steps, 'a').to).toBeCloseTo(0.875 + (105 / 275) * 0.125, 9);
    expect(p.steps.reduce((s, x) => s + x.pointsGained, 0)).toBeCloseTo(105, 6);
  });
  it('with ties rounded, a score that rounds to the needed one is enough', () => {
    const g = fw(MEAN.replace('ties: exact', 'ties: rounded'));
    const r2 = explain(g, data(CSV, g), 'X', { targetRank: 1 });
    // 0.82995 rounds to 0.8300: b needs (829.95 − 525)/400 = 0.762375.
    expect(r2.ok && get(r2.value.target!.byNode, 'b').valueNeeded).toBeCloseTo(0.762375, 9);
  });
  it('says when the target is already reached; the last rank is reached by any score, one past it is an error', () => {
    const r2 = explain(f, ds, 'X', { targetRank: 2 });
    expect(r2.ok && r2.value.target!).toMatchObject({ reached: true, byNode: [], plan: null });
    expect(r2.ok && r2.value.target!.scoreNeeded).toBeCloseTo(0.17, 12);
    const r3 = explain(f, ds, 'X', { targetRank: 3 });
    expect(r3.ok && r3.value.target!).toMatchObject({ reached: true, scoreNeeded: null, gap: 0 });
    for (const n of [0, 4]) {
      const bad = explain(f, ds, 'X', { targetRank: n });
      expect(!bad.ok && bad.errors.map((e) => [e.code, e.text.params, e.hint])).toEqual([['BAD_PARAMETER', { rank: n, units: 3 }, 'give a rank from 1 to 3']]);
    }
  });
});

describe('what-if', () => {
  const f = fw(MEAN);
  const ds = data(CSV, f);
  it('equals rescoring an edited file', () => {
    const r = explain(f, ds, 'X', { whatIf: ['b1=9', 'a1=80'] });
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const edited = CSV.replace('X,2023,50,100,5', 'X,2023,80,100,9');
    const direct = score(f, data(edited, f)).rankings.find((u) => u.unit === 'X')!;
    expect(r.value.whatIf!.score).toBe(direct.score);
    expect(r.value.whatIf!.rank).toBe(direct.rank);
    expect(r.value.whatIf!.rank).toBe(1);
    expect(r.value.whatIf!.rankChange).toBe(1);
    expect(r.value.whatIf!.changes).toEqual([{ id: 'b1', from: 5, to: 9 }, { id: 'a1', from: 50, to: 80 }]);
  });
  it('takes either decimal mark on the command line', () => {
    const a = explain(f, ds, 'X', { whatIf: ['b1=7,5'] });
    const b = explain(f, ds, 'X', { whatIf: ['b1=7.5'] });
    expect(a.ok && a.value.whatIf!.changes).toEqual([{ id: 'b1', from: 5, to: 7.5 }]);
    expect(a.ok && b.ok && a.value.whatIf!.score === b.value.whatIf!.score).toBe(true);
  });
  it('rejects an unknown id, a group and a bad value, all at once', () => {
    const r = explain(f, ds, 'X', { whatIf: ['b2=1', 'a=0.5', 'b1=abc'] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['UNKNOWN_NODE', 'UNKNOWN_NODE', 'NOT_A_NUMBER']);
    expect(!r.ok && r.errors[0]!.hint).toMatch(/b1/);
  });
});

describe('what-if on an indicator the year does not score', () => {
  it("warns that it changes nothing (ha-tang-so is not in 2024's method: data/2024.csv), in vi and en; a scored one does not warn", async () => {
    const r = await cli(['explain', 'Nghệ An', 'data/2024.csv', '--what-if', 'ha-tang-so=0.8', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).whatIf.scoreChange).toBe(0);
    expect(r.stderr).toMatch(/cảnh báo: --what-if ha-tang-so: chỉ số này không được tính điểm trong năm 2024.*\[NOT_SCORED\]/);
    const en = await cli(['explain', 'Nghệ An', 'data/2024.csv', '--what-if', 'ha-tang-so=0.8', '--lang', 'en', '-f', 'json']);
    expect(en.stderr).toMatch(/warning: --what-if ha-tang-so: this indicator is not scored in 2024/);
    const scored = await cli(['explain', 'Nghệ An', 'data/2023.csv', '--what-if', 'ha-tang-so=0.8', '-f', 'json']);
    expect(scored.stderr).not.toMatch(/NOT_SCORED/);
  });
  it("the library's whatIf is { id: value }, 'id=value' or a string[]: anything else is one clear error at whatIf", async () => {
    const run = await load(join(ROOT, 'data/2024.csv'), { previous: false });
    if (!run.ok) throw new Error('load failed');
    for (const bad of [[0.8], 42, null, { 'ha-tang-so': [0.8] }]) {
      const r = libExplain(run.value, 'Nghệ An', { whatIf: bad as unknown as string[] });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors.map((e) => [e.code, e.path])).toEqual([['BAD_PARAMETER', 'whatIf']]);
      expect(!r.ok && r.errors[0]!.message).toMatch(/whatIf must be \{ id: value \}, 'id=value' or a list of 'id=value' strings/);
    }
    for (const good of [['ha-tang-so=0.8'], 'ha-tang-so=0.8', { 'ha-tang-so': 0.8 }]) {
      const r = libExplain(run.value, 'Nghệ An', { whatIf: good });
      expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['NOT_SCORED']);
    }
  });
});

describe('contributions under sum and geometric means', () => {
  it('sum: weight × change', () => {
    const f = fw(defs(`  - id: p
    name: P
    weight: 2
  - id: q
    name: Q
    weight: 3
`, 'aggregate: sum\n'));
    // 2022: 2·0.1 + 3·0.2 = 0.8; 2023: 2·0.4 + 3·0.1 = 1.1; change 0.3 = 2·0.3 + 3·(−0.1).
    const r = explain(f, data('unit,year,p,q\nX,2022,0.1,0.2\nX,2023,0.4,0.1\n', f), 'X');
    if (!r.ok) throw new Error('explain failed');
    const c = r.value.change!;
    expect(c.scoreChange).toBeCloseTo(0.3, 12);
    expect(get(c.contributions, 'p').contribution).toBeCloseTo(0.6, 12);
    expect(get(c.contributions, 'q').contribution).toBeCloseTo(-0.3, 12);
  });
  it('geometric: the log-mean split, exact', () => {
    const f = fw(defs(`  - id: p
    name: P
  - id: q
    name: Q
`, 'aggregate: geometric\n'));
    // 2022: √(0.25·1) = 0.5; 2023: √(1·0.64) = 0.8; change 0.3.
    // L(0.8, 0.5) = 0.3 / ln 1.6 = 0.638297; p: L · ½ ln(1/0.25) = 0.638297 · 0.693147 = 0.442435;
    // q: L · ½ ln 0.64 = 0.638297 · (−0.223144) = −0.142431 (sum 0.300004 at 6 digits: 0.3 exactly unrounded).
    const r = explain(f, data('unit,year,p,q\nX,2022,0.25,1\nX,2023,1,0.64\n', f), 'X');
    if (!r.ok) throw new Error('explain failed');
    const c = r.value.change!;
    expect(c.scoreChange).toBeCloseTo(0.3, 12);
    expect(get(c.contributions, 'p').contribution).toBeCloseTo(0.442435, 5);
    expect(get(c.contributions, 'q').contribution).toBeCloseTo(-0.142431, 5);
    expect(c.contributions.reduce((s, x) => s + x.contribution, 0)).toBeCloseTo(0.3, 14);
  });
  it('geometric: points lost go to the log shortfalls and still sum to (1 − score) × points', () => {
    const f = fw(defs(`  - id: p
    name: P
  - id: q
    name: Q
`, 'aggregate: geometric\n'));
    // √(0.25·1) = 0.5 of 2 points: 1 lost, all of it by p (q is at its maximum).
    const r = explain(f, data('unit,p,q\nX,0.25,1\nY,1,1\n', f), 'X');
    if (!r.ok) throw new Error('explain failed');
    expect(r.value.totalPoints).toBe(2);
    expect(get(r.value.nodes, 'p')).toMatchObject({ pointsLost: 1, maxPoints: 1, points: 0 });
    expect(get(r.value.nodes, 'q')).toMatchObject({ pointsLost: 0, maxPoints: 1, points: 1 });
  });
  it('nested: children’s contributions sum to their parent’s', () => {
    const f = fw(defs(`  - id: g
    name: G
    weight: 3
    aggregate: geometric
    children:
      - id: p
        name: P
      - id: q
        name: Q
        weight: 2
  - id: h
    name: H
`));
    const r = explain(f, data('unit,year,p,q,h\nX,2022,0.2,0.9,0.4\nX,2023,0.7,0.6,0.5\n', f), 'X');
    if (!r.ok) throw new Error('explain failed');
    const c = r.value.change!;
    const g = get(c.contributions, 'g').contribution;
    expect(get(c.contributions, 'p').contribution + get(c.contributions, 'q').contribution).toBeCloseTo(g, 14);
    expect(g + get(c.contributions, 'h').contribution).toBeCloseTo(c.scoreChange, 14);
  });
});

describe('dti explain (CLI)', () => {
  it('runs on the shipped data with a target and names the unit', async () => {
    const r = await cli(['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '1', '-f', 'json']);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.schema).toBe('dti-explain/v1');
    expect(e.unit).toBe('Nghệ An');
    expect(e.target.rank).toBe(1);
    const lost = e.nodes.filter((n: { depth: number }) => n.depth === 1).reduce((s: number, n: { pointsLost: number }) => s + n.pointsLost, 0);
    expect(lost).toBeCloseTo((1 - e.score) * e.totalPoints, 6);
  });
  it('an unknown unit is a usage error with a hint', async () => {
    const r = await cli(['explain', 'Nghe Ann', 'data/2023.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/UNKNOWN_PROVINCE/);
    expect(r.stderr).toMatch(/hint/);
  });
  it('speaks Vietnamese by default', async () => {
    const r = await cli(['explain', 'Nghệ An', 'data/2023.csv', '-f', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Ưu tiên/);
    expect(r.stdout).toMatch(/So với 2022/);
  });
});

describe('the latest year: DTI 2024 publishes only the overall DTI', () => {
  it('explain "Nghệ An" data/2024.csv: points out of 1000, one line for no breakdown, the change not split across the change of method', async () => {
    const r = await cli(['explain', 'Nghệ An', 'data/2024.csv', '-f', 'table', '-q', '--lang', 'en']);
    expect(r.code).toBe(0);
    // Nghệ An's published DTI 2024 is 0.7184 (data/2024.csv): 718.4 of the DTI's 1000 points.
    expect(r.stdout).toContain('Score 0.7184, rank 27/63 (718.4 points out of 1000)');
    expect(r.stdout.split('\n').filter((l) => l.includes('no breakdown'))).toEqual(
      ['2024 publishes only the overall index (Published DTI): there is no breakdown by indicator.']);
    expect(r.stdout).not.toContain('Priorities');
    expect(r.stdout).not.toContain('Strengths');
    // 2023 → 2024 (0.6619 → 0.7184), given but not split into contributions.
    expect(r.stdout).toContain('0.6619 → 0.7184 (score change +0.0565), rank 42 → 27 (▲15)');
    expect(r.stdout).not.toContain('Contribution');
    expect(r.stdout).toContain('the change is not split into contributions');
    const j = JSON.parse((await cli(['explain', 'Nghệ An', 'data/2024.csv', '-f', 'json', '-q'])).stdout);
    expect(j.totalPoints).toBe(1000);
    expect(j.breakdown).toBe(false);
    expect(j.change).toMatchObject({ previousYear: 2023, methodChanged: true, contributions: [] });
    expect(j.strengths).toEqual([]);
    const vi = await cli(['explain', 'Nghệ An', 'data/2024.csv', '-f', 'table', '-q']);
    expect(vi.stdout).toContain('(718,4 điểm trên thang 1.000)');
    expect(vi.stdout).toContain('Năm 2024 chỉ công bố chỉ số tổng thể (DTI công bố): không có phân tách theo chỉ số.');
  });
  it('2023, whose method 2022 shares, still has its breakdown and contributions', async () => {
    const j = JSON.parse((await cli(['explain', 'Nghệ An', 'data/2023.csv', '-f', 'json', '-q'])).stdout);
    expect(j.breakdown).toBe(true);
    expect(j.change.methodChanged).toBe(false);
    expect(j.change.contributions.length).toBeGreaterThan(0);
  });
});

describe('strengths only above the median of the units', () => {
  it('Nghệ An 2023: rank 21 of 63 is a strength, 33 of 63 (below the median rank 32) a weakness, not a strength', async () => {
    const j = JSON.parse((await cli(['explain', 'Nghệ An', 'data/2023.csv', '-f', 'json', '-q'])).stdout);
    expect(j.strengths.map((x: { id: string; rank: number }) => [x.id, x.rank])).toEqual([['hoat-dong-xa-hoi-so', 21]]);
    expect(j.weaknesses.map((x: { rank: number }) => x.rank)).toEqual([50, 49, 33, 33]);
  });
  it('a unit at or below the median everywhere has no clear strength, and says so in both languages', async () => {
    const argv = ['explain', 'Nghệ An', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '-q', '--no-previous'];
    const j = JSON.parse((await cli([...argv, '-f', 'json'])).stdout);
    // Of three provinces: rank 2 is the median, and a top rank shared with another (0.60, 0.60, 0.37) is the median too.
    expect(j.strengths).toEqual([]);
    expect((await cli([...argv, '-f', 'table', '--lang', 'en'])).stdout).toContain('Strengths (best ranks)\nNo clear strength: no indicator is above the median of the units.\n');
    expect((await cli([...argv, '-f', 'table'])).stdout).toContain('Không có điểm mạnh rõ rệt: không chỉ số nào cao hơn trung vị của các đơn vị.');
  });
});
