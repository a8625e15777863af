// Every stage before normalisation against values worked out by hand in the comments:
// denominate, impute (each method), screen, treat (winsorisation and its moments), and the
// aggregation options of issue 12 (weight-0 children, the geometric floor).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { panelOf } from '../src/core/panel.js';
import { denominate } from '../src/core/stages/denominate.js';
import { impute } from '../src/core/stages/impute.js';
import { kurtosis, skewness, winsorise } from '../src/core/stages/treat.js';
import { TREAT_DEFAULTS } from '../src/core/definitions.js';
import { score } from './helpers.js';
import { normaliseMatrix } from '../src/engine/index.js';
import { scoreYear } from '../src/core/pipeline.js';
import { loadDefinitions } from '../src/load/definitions.js';
import { cli, data, defs, fw, tmp } from './helpers.js';

const leafX = (extra = '') => `  - id: x\n    name: X\n${extra}`;

/** The values of leaf 0 of a panel after a stage, by unit name and year. */
function byUnit(p: { rows: readonly { unit: string; year: number | null }[]; values: Float64Array; imputed: Uint8Array }) {
  const out: Record<string, number | null> = {};
  const imp: string[] = [];
  p.rows.forEach((r, i) => {
    const k = r.year === null ? r.unit : `${r.unit} ${r.year}`;
    out[k] = Number.isNaN(p.values[i]!) ? null : p.values[i]!;
    if (p.imputed[i] === 1) imp.push(k);
  });
  return { values: out, imputed: imp };
}

describe('denominate', () => {
  const yaml = defs(`  - id: fdi\n    name: FDI\n    denominator: Population\n    per: 1000\n  - id: y\n    name: Y\n`,
    'columns: { denominators: [Population] }\n');
  it('divides by the same unit-year\'s denominator, then multiplies by per', () => {
    const f = fw(yaml);
    const ds = data('unit,fdi,y,Population\nA,50,1,200\nB,30,1,\nC,,1,100\n', f);
    const { panel, log } = denominate(f, panelOf(ds.records, 2));
    // A: 50 / 200 × 1000 = 250. B: no denominator → missing. C: no numerator → missing.
    expect(byUnit(panel).values).toEqual({ A: 250, B: null, C: null });
    // B's value no longer counts as observed; y is untouched.
    expect([...panel.observed.subarray(0, 3)]).toEqual([1, 0, 0]);
    expect([...panel.values.subarray(3, 6)]).toEqual([1, 1, 1]);
    expect(log).toEqual([{ indicator: 'fdi', denominator: 'Population', per: 1000, lost: 1 }]);
  });
  it('reports the value and the lower coverage in the result', () => {
    const f = fw(yaml);
    const r = score(f, data('unit,fdi,y,Population\nA,50,1,200\nB,30,1,\n', f)).rankings;
    const a = r.find((u) => u.unit === 'A')!;
    const b = r.find((u) => u.unit === 'B')!;
    expect(a.indicators.fdi!.value).toBe(250);
    expect(b.indicators.fdi!.value).toBeNull();
    expect(b.coverage).toBe(0.5);
  });
  it('reads the denominator from each row of a long file; the rows of a unit must agree', () => {
    const f = fw(yaml);
    // A: fdi 50 / Population 200 × 1000 = 250.
    const ds = data('unit,Population,indicator,value\nA,200,fdi,50\nA,200,y,1\n', f);
    expect(byUnit(denominate(f, panelOf(ds.records, 2)).panel).values).toEqual({ A: 250 });
    expect(() => data('unit,Population,indicator,value\nA,200,fdi,50\nA,300,y,1\n', f)).toThrow(/3:3 Population: 300 differs from 200/);
  });
  it('a zero denominator under a value is a located data error; an unknown denominator a definitions error', () => {
    const f = fw(yaml);
    expect(() => data('unit,fdi,y,Population\nA,50,1,0\n', f)).toThrow(/2:8 fdi: cannot divide by Population = 0/);
    const bad = loadDefinitions(defs(`  - id: fdi\n    name: FDI\n    denominator: Populaton\n`, 'columns: { denominators: [Population] }\n'), 't.yaml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.message).toMatch(/denominator 'Populaton' is not a columns.denominators column/);
    if (!bad.ok) expect(bad.errors[0]!.hint).toMatch(/Population/);
  });
});

describe('impute within a year', () => {
  // Donors of x: A 2 (N), C 10 (S), E 4 (S), G 6 (N), H 1 (S). Missing: B (N), D (S), F (E, a zone with no value).
  const csv = 'unit,zone,x\nA,N,2\nB,N,\nC,S,10\nD,S,\nE,S,4\nF,E,\nG,N,6\nH,S,1\n';
  const run = (method: string) => {
    const f = fw(defs(leafX(), `columns: { groups: [zone] }\nimpute: ${method}\nimpute_group: zone\n`));
    return impute(f, panelOf(data(csv, f).records, 1));
  };
  it('mean: over the year\'s units with a value', () => {
    // (2 + 10 + 4 + 6 + 1) / 5 = 23 / 5 = 4.6
    const { values, imputed } = byUnit(run('mean').panel);
    expect([values.B, values.D, values.F]).toEqual([4.6, 4.6, 4.6]);
    expect(imputed).toEqual(['B', 'D', 'F']);
  });
  it('median: the middle donor (1, 2, 4, 6, 10 → 4)', () => {
    const { values } = byUnit(run('median').panel);
    expect([values.B, values.D, values.F]).toEqual([4, 4, 4]);
  });
  it('group-mean: over the same group; a group with no value leaves the cell missing', () => {
    // N: (2 + 6) / 2 = 4. S: (10 + 4 + 1) / 3 = 5. E: no donor.
    const { panel, log } = run('group-mean');
    const { values, imputed } = byUnit(panel);
    expect([values.B, values.D, values.F]).toEqual([4, 5, null]);
    expect(imputed).toEqual(['B', 'D']);
    expect(log).toEqual([{ indicator: 'x', method: 'group-mean', filled: 2, unfilled: 1 }]);
  });
  it('group-median: S has 1, 4, 10 → 4; N has 2, 6 → 4', () => {
    const { values } = byUnit(run('group-median').panel);
    expect([values.B, values.D, values.F]).toEqual([4, 4, null]);
  });
  it('region as the group of provinces', () => {
    // Nghệ An, Hà Tĩnh, Thanh Hoá: Bắc Trung Bộ; Hà Nội: Đồng bằng sông Hồng.
    const f = fw(defs(leafX(), 'impute: group-mean\nimpute_group: region\n'));
    const p = impute(f, panelOf(data('province,x\nNghệ An,3\nHà Tĩnh,\nThanh Hoá,5\nHà Nội,100\n', f).records, 1)).panel;
    expect(byUnit(p).values['Hà Tĩnh']).toBe(4); // (3 + 5) / 2, Hà Nội's 100 not counted
  });
});

describe('impute along a unit\'s years', () => {
  // P: 2020 10, 2021 –, 2022 –, 2023 40. Q: only 2021 (5). R: nothing.
  const csv = 'unit,year,x\nP,2020,10\nP,2021,\nP,2022,\nP,2023,40\nQ,2020,\nQ,2021,5\nQ,2022,\nQ,2023,\nR,2022,\nR,2023,\n';
  const run = (method: string) => {
    const f = fw(defs(leafX(`    impute: ${method}\n`)));
    return byUnit(impute(f, panelOf(data(csv, f).records, 1)).panel);
  };
  it('linear: between the nearest years with a value; the nearest value outside them', () => {
    const { values } = run('linear');
    // P 2021: 10 + (40 − 10)·(2021 − 2020)/(2023 − 2020) = 20; P 2022: 10 + 30·2/3 = 30.
    expect(values['P 2021']).toBeCloseTo(20, 12);
    expect(values['P 2022']).toBeCloseTo(30, 12);
    // Q has one observed year: every other year takes it, before and after.
    expect([values['Q 2020'], values['Q 2022'], values['Q 2023']]).toEqual([5, 5, 5]);
    expect([values['R 2022'], values['R 2023']]).toEqual([null, null]);
  });
  it('previous: the latest earlier value; nothing before the first', () => {
    const { values, imputed } = run('previous');
    expect([values['P 2021'], values['P 2022']]).toEqual([10, 10]);
    expect([values['Q 2020'], values['Q 2022'], values['Q 2023']]).toEqual([null, 5, 5]);
    expect(imputed).toEqual(['P 2021', 'P 2022', 'Q 2022', 'Q 2023']);
  });
  it('the result flags imputed values and reports the imputed share; coverage stays observed', () => {
    const f = fw(defs(`${leafX('    impute: previous\n')}  - id: y\n    name: Y\n`));
    const r = score(f, data('unit,year,x,y\nP,2022,8,1\nP,2023,,1\nQ,2022,2,1\nQ,2023,2,1\n', f)).rankings;
    const p = r.find((u) => u.unit === 'P')!;
    expect(p.indicators.x).toEqual({ value: 8, normalized: 8, imputed: true });
    expect(p.imputed).toBe(0.5);
    expect(p.coverage).toBe(0.5);
    expect(r.find((u) => u.unit === 'Q')!.indicators.x).toEqual({ value: 2, normalized: 2 });
  });
});

describe('missing: error with imputation', () => {
  it('applies to what imputation leaves missing, located at the cell', async () => {
    const dir = tmp();
    try {
      writeFileSync(join(dir, 'd.yaml'), defs(leafX('    impute: previous\n    missing: error\n')));
      // P 2023 is filled from 2022; Q 2022 has nothing earlier.
      writeFileSync(join(dir, 'd.csv'), 'unit,year,x\nP,2022,5\nP,2023,\nQ,2022,\nQ,2023,4\n');
      const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'json', '--lang', 'en'], { cwd: dir });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain("d.csv:4:8: error: Q (2022) has no value for 'x', and impute: previous found none to fill it");
      expect(r.stderr).not.toContain('P (2023)');
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});

describe('screen', () => {
  // Three leaves of weight 1: A has all (coverage 1), B two (2/3), C one (1/3).
  const yaml = (min: number) => defs('  - id: a\n    name: A\n  - id: b\n    name: B\n  - id: c\n    name: C\n',
    `missing: exclude\nscreen: { min_coverage: ${min} }\n`);
  const csv = 'unit,a,b,c\nA,0.5,0.5,0.5\nB,0.6,0.6,\nC,1,,\n';
  it('lists a unit below min_coverage unranked, whatever its score', () => {
    const f = fw(yaml(0.5));
    const r = score(f, data(csv, f)).rankings;
    // Under exclude C's score is 1 (its one value), the highest; it is listed last, unranked.
    expect(r.map((u) => [u.unit, u.rank, u.screened ?? false])).toEqual([['B', 1, false], ['A', 2, false], ['C', null, true]]);
    expect(r[2]!.score).toBe(1);
  });
  it('2/3 is not below 0.66; with 0.7 B is screened too', () => {
    expect(score(fw(yaml(0.66)), data(csv, fw(yaml(0.66)))).rankings.filter((u) => u.screened).map((u) => u.unit)).toEqual(['C']);
    expect(score(fw(yaml(0.7)), data(csv, fw(yaml(0.7)))).rankings.filter((u) => u.screened).map((u) => u.unit)).toEqual(['B', 'C']);
  });
  it('screened units give no statistics to minmax', () => {
    // minmax over A (0.2) and B (0.6) only: C's 1.0 would otherwise be the max.
    const f = fw(defs('  - id: a\n    name: A\n    normalize: { method: minmax }\n  - id: b\n    name: B\n  - id: c\n    name: C\n',
      'missing: exclude\nscreen: { min_coverage: 0.5 }\n'));
    const r = score(f, data('unit,a,b,c\nA,0.2,0,0\nB,0.6,0,0\nC,1,,\n', f)).rankings;
    expect(r.find((u) => u.unit === 'B')!.indicators.a!.normalized).toBe(1);
    expect(r.find((u) => u.unit === 'C')!.indicators.a!.normalized).toBe(1); // clamped above the pool's max
  });
});

/** Excel's SKEW and KURT as its documentation writes them (sample sd s), independent of the e1071 form in the code. */
function excelSkew(x: number[]): number {
  const n = x.length;
  const m = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1));
  return (n / ((n - 1) * (n - 2))) * x.reduce((a, v) => a + ((v - m) / s) ** 3, 0);
}
function excelKurt(x: number[]): number {
  const n = x.length;
  const m = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1));
  return ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * x.reduce((a, v) => a + ((v - m) / s) ** 4, 0)
    - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
}

describe('moments (type 2, as Excel SKEW and KURT)', () => {
  it('0, 0, 0, 3 by hand: skew 2, kurtosis 4', () => {
    // mean 0.75; sample sd √(6.75/3) = 1.5; z = −0.5, −0.5, −0.5, 1.5.
    // SKEW = 4/(3·2) · (3·(−0.125) + 3.375) = (2/3)·3 = 2.
    // KURT = 4·5/(3·2·1) · (3·0.0625 + 5.0625) − 3·3²/(2·1) = (10/3)·5.25 − 13.5 = 17.5 − 13.5 = 4.
    expect(skewness([0, 0, 0, 3])).toBeCloseTo(2, 12);
    expect(kurtosis([0, 0, 0, 3])).toBeCloseTo(4, 12);
  });
  it('agree with the Excel formulas on skewed columns', () => {
    for (const x of [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 65, 70], [-100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 4, 8, 16, 32]]) {
      expect(skewness(x)).toBeCloseTo(excelSkew(x), 10);
      expect(kurtosis(x)).toBeCloseTo(excelKurt(x), 10);
    }
  });
  it('need 3 (skew) and 4 (kurtosis) values', () => {
    expect(skewness([1, 2])).toBeNaN();
    expect(kurtosis([1, 2, 3])).toBeNaN();
  });
});

describe('winsorisation (COINr winsorise, check_SkewKurt, log_CT)', () => {
  const T = TREAT_DEFAULTS; // skew 2, kurtosis 3.5, max_points 5, fallback log
  it('two iterations, ties moved together', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 65, 70];
    // Before: skew 2.212, kurtosis 3.604 → fails (|skew| ≥ 2 and kurtosis ≥ 3.5).
    expect(excelSkew(x)).toBeCloseTo(2.212, 3);
    expect(excelKurt(x)).toBeCloseTo(3.604, 3);
    // 1st: skew ≥ 0, the maximum 70 takes the largest remaining value, 65.
    const once = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 65, 65];
    // Still fails: skew 2.195 ≥ 2 and kurtosis 3.511 ≥ 3.5.
    expect(excelSkew(once)).toBeCloseTo(2.195, 3);
    expect(excelKurt(once)).toBeCloseTo(3.511, 3);
    // 2nd: both 65s (tied at the maximum) move together to 11; skew −0.38, kurtosis −1.30: passes.
    const w = winsorise(x, T);
    expect([...w.x]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 11, 11]);
    expect(excelSkew([...w.x])).toBeCloseTo(-0.379, 3);
    expect(w.points).toBe(2);
    expect([...w.changed]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(w.fallback).toBe(false);
  });
  it('on the low side when skew is negative', () => {
    const x = [-100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(excelSkew(x)).toBeLessThan(-2); // −3.27, kurtosis 10.76
    const w = winsorise(x, T);
    // The minimum −100 takes the smallest remaining value, 1; then skew 0.13: passes.
    expect([...w.x]).toEqual([1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(w.points).toBe(1);
  });
  it('falls back to log(x − min + 0.01·(max − min)) of the original column when max_points is reached', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 65, 70];
    // One point allowed: after 70 → 65 it still fails, so the original column is logged:
    // min 1, max 70, 0.01·69 = 0.69: x = 1 → ln 0.69, x = 70 → ln 69.69.
    const w = winsorise(x, { ...T, maxPoints: 1 });
    expect(w.fallback).toBe(true);
    expect(w.x[0]).toBeCloseTo(Math.log(0.69), 12);
    expect(w.x[13]).toBeCloseTo(Math.log(69.69), 12);
    expect(w.x[4]).toBeCloseTo(Math.log(4.69), 12);
    // fallback: none keeps the winsorised column.
    expect([...winsorise(x, { ...T, maxPoints: 1, fallback: 'none' }).x].slice(12)).toEqual([65, 65]);
  });
  it('fails only when both thresholds are reached: heavy tails without skew pass', () => {
    // 0, 5 (ten times), 12: skew 1.14 < 2 although kurtosis is 6.13 ≥ 3.5 → passes, untouched.
    const x = [0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 12];
    expect(excelSkew(x)).toBeCloseTo(1.140, 3);
    expect(excelKurt(x)).toBeCloseTo(6.131, 3);
    expect(winsorise(x, T).failed).toBe(false);
  });
  it('leaves a column that passes alone', () => {
    const w = winsorise([1, 2, 3, 4, 5], T);
    expect(w.failed).toBe(false);
    expect([...w.x]).toEqual([1, 2, 3, 4, 5]);
  });
  it('the result lists every treated indicator per year', () => {
    const f = fw(defs(`${leafX('    normalize: { method: minmax }\n')}  - id: y\n    name: Y\n    normalize: { method: minmax }\n`,
      'treat: { method: winsorise }\n'));
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 65, 70];
    const csv = 'unit,x,y\n' + xs.map((v, i) => `U${String(i).padStart(2, '0')},${v},${i}`).join('\n') + '\n';
    const res = score(f, data(csv, f, { year: 2023 }));
    expect(res.treatment).toEqual([{ indicator: 'x', year: 2023, points: 2, fallback: false }]);
    // After treatment the maximum is 11, so U10 (11) and U12, U13 (both 11 now) normalise to 1.
    const x = (u: string) => res.rankings.find((r) => r.unit === u)!.indicators.x!;
    expect(x('U13').normalized).toBe(1);
    expect(x('U10').normalized).toBe(1);
    expect(x('U13').value).toBe(70); // the value reported is the one before treatment
  });
  it('the engine\'s normalised matrix is the one score ranks, after the stages', () => {
    const f = fw(defs(leafX('    normalize: { method: minmax }\n'), 'treat: { method: winsorise }\n'));
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 65, 70];
    const ds = data('unit,x\n' + xs.map((v, i) => `U${String(i).padStart(2, '0')},${v}`).join('\n') + '\n', f);
    const m = normaliseMatrix(f, ds.records);
    // Winsorised to a maximum of 11 first: U13 (70 → 11) is (11 − 1)/(11 − 1) = 1, U04 (5) is 4/10.
    expect(m[13]).toBe(1);
    expect(m[4]).toBeCloseTo(0.4, 12);
    expect([...m]).toEqual([...scoreYear(f, ds.records, null).norm]);
  });
  it('a log fallback under a method with fixed goalposts is a definitions error', () => {
    const r = loadDefinitions(defs(leafX('    normalize: { method: goalposts, min: 0, max: 100 }\n'), 'treat: { method: winsorise }\n'), 't.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/log fallback/);
    expect(loadDefinitions(defs(leafX('    normalize: { method: goalposts, min: 0, max: 100 }\n    treat: { method: winsorise, fallback: none }\n'),
      'treat: { method: winsorise }\n'), 't.yaml').ok).toBe(true);
  });
});

describe('aggregation options', () => {
  it('a child of weight 0 is shown but not counted', () => {
    const f = fw(defs('  - id: g\n    name: G\n    aggregate: geometric\n    children:\n'
      + '      - id: a\n        name: A\n      - id: b\n        name: B\n      - id: z\n        name: Z\n        weight: 0\n        normalize: { method: zscore }\n'));
    // z feeds nothing, so zscore under a geometric mean is allowed. G = √(0.25·0.64) = 0.4, z's 0 changes nothing.
    const r = score(f, data('unit,a,b,z\nX,0.25,0.64,1\nY,0.25,0.64,3\n', f)).rankings;
    expect(r[0]!.score).toBeCloseTo(0.4, 12);
    expect(r[1]!.score).toBeCloseTo(0.4, 12);
    expect(r.find((u) => u.unit === 'X')!.indicators.z!.normalized).toBe(-1);
    expect(r[0]!.coverage).toBe(1);
  });
  it('the geometric mean takes a declared floor for zeros', () => {
    const yaml = (floor: string) => defs('  - id: a\n    name: A\n  - id: b\n    name: B\n', `aggregate: geometric\n${floor}`);
    // Without a floor a zero child gives zero; with floor 0.01: √(0.01 · 0.64) = 0.08.
    expect(score(fw(yaml('')), data('unit,a,b\nX,0,0.64\n', fw(yaml('')))).rankings[0]!.score).toBe(0);
    expect(score(fw(yaml('floor: 0.01\n')), data('unit,a,b\nX,0,0.64\n', fw(yaml('floor: 0.01\n')))).rankings[0]!.score).toBeCloseTo(0.08, 12);
    const bad = loadDefinitions(defs('  - id: a\n    name: A\n', 'floor: 0.01\n'), 't.yaml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.message).toMatch(/'floor' is for a geometric mean/);
  });
});

describe('on the command line', () => {
  const yaml = defs(`${leafX('    impute: group-mean\n    denominator: Pop\n    per: 100\n    normalize: { method: minmax }\n')}`,
    'columns: { groups: [zone], denominators: [Pop] }\nimpute_group: zone\nscreen: { min_coverage: 0.5 }\ntreat: { method: winsorise, fallback: none }\n');
  const csv = 'unit,zone,Pop,x\nA,N,10,1\nB,N,10,3\nC,S,20,8\nD,S,10,2\nE,S,10,\n';
  const setup = () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), yaml);
    writeFileSync(join(dir, 'd.csv'), csv);
    return dir;
  };
  it('--by <groups column> ranks within each group', async () => {
    const dir = setup();
    try {
      // x per 100 Pop: A 10, B 30, C 40, D 20; E is imputed but not observed, so screened (coverage 0).
      const j = JSON.parse((await cli(['score', 'd.csv', '-i', 'd.yaml', '--by', 'zone', '-f', 'json', '-q'], { cwd: dir })).stdout);
      expect(j.rankings.map((r: { unit: string; rank: number | null; group: string; groupRank: number | null }) => [r.unit, r.rank, r.group, r.groupRank]))
        .toEqual([['C', 1, 'S', 1], ['B', 2, 'N', 1], ['D', 3, 'S', 2], ['A', 4, 'N', 2], ['E', null, 'S', null]]);
      // E: (40 + 20) / 2 = 30 from its zone S (C and D, after dividing), flagged imputed.
      expect(j.rankings[4].indicators.x).toMatchObject({ value: 30, imputed: true });
      const csvOut = (await cli(['score', 'd.csv', '-i', 'd.yaml', '--by', 'zone', '-f', 'csv', '-q'], { cwd: dir })).stdout;
      expect(csvOut.split('\n')[0]).toBe('rank,previous_rank,rank_change,unit,code,zone,zone_rank,score,coverage,imputed,screened');
      // Rows by group (N before S), then by rank within it; B: minmax (30 − 10)/(40 − 10) = 0.6667.
      expect(csvOut.split('\n')[1]).toBe('2,,,B,,N,1,0.6667,1.0000,0.0000,');
      // E (screened, value 30 imputed): (30 − 10)/30 = 0.6667, unranked.
      expect(csvOut.split('\n')[5]).toBe(',,,E,,S,,0.6667,0.0000,1.0000,1');
      const bad = await cli(['score', 'd.csv', '-i', 'd.yaml', '--by', 'zon', '-q', '--lang', 'en'], { cwd: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("one of: region, zone");
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
  it('--by region adds group and groupRank too, equal to region and regionRank', async () => {
    const j = JSON.parse((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--by', 'region', '-f', 'json', '-q'])).stdout);
    expect(j.rankings.length).toBe(63);
    for (const r of j.rankings) {
      expect(r.group).toBe(r.region);
      expect(r.groupRank).toBe(r.regionRank);
    }
    expect(j.rankings.filter((r: { groupRank: number }) => r.groupRank === 1).length).toBe(6);
  });
  it('dti indicators shows each leaf\'s stages', async () => {
    const dir = setup();
    try {
      const md = (await cli(['indicators', '-i', 'd.yaml', '-f', 'md', '--lang', 'en'], { cwd: dir })).stdout;
      expect(md).toContain('| ÷ Pop × 100; impute group-mean by zone; winsorise (skew 2, kurtosis 3.5, ≤ 5 points) |');
      expect(md).toContain('screen: units with less than 50% of the data observed are not ranked');
      const vi = (await cli(['indicators', '-i', 'd.yaml', '-f', 'md'], { cwd: dir })).stdout;
      expect(vi).toContain('| ÷ Pop × 100; ước tính group-mean theo zone; winsorise (skew 2, kurtosis 3,5, ≤ 5 điểm) |');
      expect(vi).toContain('sàng lọc: đơn vị có dưới 50 % dữ liệu quan sát không được xếp hạng');
      expect(vi).toContain('min–max: như ngưỡng với min và max của các đơn vị trong năm');
      expect(vi).not.toMatch(/^(goalposts|minmax|screen):/m);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
