// Aggregation, missing-value policies, coverage and ranking against hand-worked values.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score } from './helpers.js';
import { rankKey, rankKeys } from '../src/core/stages/rank.js';
import { ROOT, data, defs, fw, tmp } from './helpers.js';

const three = (agg: string, missing = 'zero') => defs(`  - id: a
    name: A
    weight: 1
  - id: b
    name: B
    weight: 2
  - id: c
    name: C
    weight: 1
`, `aggregate: ${agg}\nmissing: ${missing}\n`);

const scoreOf = (yaml: string, csv: string) => score(fw(yaml), data(csv, fw(yaml))).rankings;

describe('aggregation', () => {
  it('mean is Σw·v / Σw', () => {
    // (1·0.2 + 2·0.5 + 1·0.8)/4 = 2.0/4 = 0.5
    const [r] = scoreOf(three('mean'), 'unit,a,b,c\nX,0.2,0.5,0.8\n');
    expect(r!.score).toBeCloseTo(0.5, 12);
  });
  it('geometric is Π v^(w/Σw)', () => {
    // 0.2^(1/4) · 0.5^(2/4) · 0.8^(1/4) = (0.16)^(1/4) · 0.5^(1/2) = 0.632456 · 0.707107 = 0.447214
    const [r] = scoreOf(three('geometric'), 'unit,a,b,c\nX,0.2,0.5,0.8\n');
    expect(r!.score).toBeCloseTo(0.4472136, 6);
  });
  it('geometric with a zero child gives zero', () => {
    const [r] = scoreOf(three('geometric'), 'unit,a,b,c\nX,0,0.5,0.8\n');
    expect(r!.score).toBe(0);
  });
  it('sum is Σw·v', () => {
    // 1·0.2 + 2·0.5 + 1·0.8 = 2.0
    const [r] = scoreOf(three('sum'), 'unit,a,b,c\nX,0.2,0.5,0.8\n');
    expect(r!.score).toBeCloseTo(2.0, 12);
  });
  it('groups nest with per-node overrides', () => {
    const yaml = defs(`  - id: g
    name: G
    weight: 3
    aggregate: geometric
    children:
      - id: a
        name: A
      - id: b
        name: B
  - id: c
    name: C
    weight: 1
`);
    // g = √(0.25 · 1) = 0.5; root = (3·0.5 + 1·0.1)/4 = 1.6/4 = 0.4
    const [r] = scoreOf(yaml, 'unit,a,b,c\nX,0.25,1,0.1\n');
    expect(r!.groups.g).toBeCloseTo(0.5, 12);
    expect(r!.score).toBeCloseTo(0.4, 12);
  });
});

describe('missing values', () => {
  it('zero counts a missing leaf as 0 and lowers coverage', () => {
    // b missing → (0.2 + 2·0 + 0.8)/4 = 0.25; coverage = 1 − 2/4 = 0.5
    const [r] = scoreOf(three('mean', 'zero'), 'unit,a,b,c\nX,0.2,,0.8\n');
    expect(r!.score).toBeCloseTo(0.25, 12);
    expect(r!.coverage).toBeCloseTo(0.5, 12);
    expect(r!.indicators.b).toEqual({ value: null, normalized: null });
  });
  it('exclude re-normalises the weights of the others', () => {
    // b missing → (0.2 + 0.8)/2 = 0.5
    const [r] = scoreOf(three('mean', 'exclude'), 'unit,a,b,c\nX,0.2,NA,0.8\n');
    expect(r!.score).toBeCloseTo(0.5, 12);
    expect(r!.coverage).toBeCloseTo(0.5, 12);
  });
  it('exclude under sum scales up to the full weight', () => {
    // present: 1·0.2 + 1·0.8 = 1.0 over weight 2 of 4 → 1.0 · 4/2 = 2.0
    const [r] = scoreOf(three('sum', 'exclude'), 'unit,a,b,c\nX,0.2,-,0.8\n');
    expect(r!.score).toBeCloseTo(2.0, 12);
  });
  it('a group whose children are all missing is itself missing under exclude', () => {
    const yaml = defs(`  - id: g
    name: G
    children:
      - id: a
        name: A
      - id: b
        name: B
  - id: c
    name: C
`, 'missing: exclude\n');
    const rs = scoreOf(yaml, 'unit,a,b,c\nX,,,0.6\nY,,,\n');
    const x = rs.find((r) => r.unit === 'X')!;
    const y = rs.find((r) => r.unit === 'Y')!;
    expect(x.groups.g).toBeNull();
    expect(x.score).toBeCloseTo(0.6, 12); // only c remains
    // Y has nothing at all: its root is missing, so it is listed unranked, last.
    expect(y.score).toBeNull();
    expect(y.rank).toBeNull();
    expect(rs[rs.length - 1]!.unit).toBe('Y');
  });
  it('error makes a missing value a located data error', async () => {
    const { loadData } = await import('../src/load/definitions.js');
    const f = fw(three('mean', 'error'));
    const r = loadData('unit,a,b,c\nX,0.2,,0.8\n', f, { file: 'd.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'MISSING_VALUE', file: 'd.csv', line: 2, col: 7 });
  });
});

describe('ranking', () => {
  const one = defs(`  - id: a
    name: A
`, 'score:\n  decimals: 2\n');
  it('ties on the rounded score share a rank and skip the next (1, 2, 2, 4)', () => {
    // 0.905 and 0.8049 → 0.91 and 0.80; 0.8012 → 0.80; 0.7 → 0.70
    const rs = scoreOf(one, 'unit,a\nP,0.7\nQ,0.8049\nR,0.905\nS,0.8012\n');
    expect(rs.map((r) => [r.unit, r.rank])).toEqual([['R', 1], ['Q', 2], ['S', 2], ['P', 4]]);
  });
  it('tied units are ordered by Vietnamese collation', () => {
    // Đà Nẵng sorts after Cà Mau and before Hà Nội in Vietnamese (code-point order would put Đ last).
    const rs = scoreOf(one, 'unit,a\nHà Nội,0.5\nĐà Nẵng,0.5\nCà Mau,0.5\n');
    expect(rs.map((r) => r.unit)).toEqual(['Cà Mau', 'Đà Nẵng', 'Hà Nội']);
    expect(rs.map((r) => r.rank)).toEqual([1, 1, 1]);
  });
  it('orders tied and unranked units by Vietnamese collation, numbers in names by value', () => {
    // By hand: keys 3 > 2 (four ties) > 1; NaN unranked, last. Vietnamese: C < Đ < H (not code
    // points, which put Đ after Z); "Quận 9" before "Quận 10"; 0 and -0 are one key.
    const names = ['Quận 10', 'Hà Nội', 'Đà Nẵng', 'Zeta', 'Cà Mau', 'Quận 9', 'Ân', 'An'];
    const keys = [2, 2, 2, 3, NaN, 2, -0, 0];
    const { ranks, order } = rankKeys(keys, names);
    expect(order.map((i) => names[i])).toEqual(['Zeta', 'Đà Nẵng', 'Hà Nội', 'Quận 9', 'Quận 10', 'An', 'Ân', 'Cà Mau']);
    expect([...ranks]).toEqual([2, 2, 2, 1, 0, 2, 6, 6]);
  });
  it('lists every unit by key, then name, then input order (property)', () => {
    const unit = fc.tuple(fc.constantFrom(NaN, 0, -0, 1, 2.5, -3, Infinity), fc.constantFrom('Hà Nội', 'Ha Noi', 'hà nội', 'Đơn vị 2', 'Đơn vị 10', 'An', 'Ân', ''));
    fc.assert(fc.property(fc.array(unit, { maxLength: 60 }), (us) => {
      const keys = us.map((u) => u[0]);
      const names = us.map((u) => u[1]);
      const { ranks, order } = rankKeys(keys, names);
      expect([...order].sort((a, b) => a - b)).toEqual(us.map((_, i) => i));
      const coll = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });
      for (let p = 1; p < order.length; p++) {
        const a = order[p - 1]!;
        const b = order[p]!;
        const [ka, kb] = [keys[a]!, keys[b]!];
        if (Number.isNaN(ka) || Number.isNaN(kb)) { expect(Number.isNaN(kb)).toBe(true); if (!Number.isNaN(ka)) continue; }
        else if (ka !== kb) { expect(ka).toBeGreaterThan(kb); continue; }
        // A tie: the names in collation order (code points break the collator's ties), then the input order.
        const c = coll.compare(names[a]!, names[b]!) || (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0);
        expect(c < 0 || (c === 0 && a < b)).toBe(true);
      }
      // Competition ranks: 1 + the number of units with a higher key; 0 when unranked.
      us.forEach(([k], i) => expect(ranks[i]).toBe(Number.isNaN(k) ? 0 : 1 + keys.filter((x) => x > k).length));
    }), { seed: 20261207, numRuns: 500 });
  });
  it('ranks on the score as toFixed rounds it (ties: rounded), at every number of decimals', () => {
    const f = (decimals: number, ties = 'rounded') => fw(defs('  - id: a\n    name: A\n', `score:\n  decimals: ${decimals}\n  ties: ${ties}\n`));
    const fws = Array.from({ length: 13 }, (_, d) => f(d));
    // Near halves (x.xx5, whose double lies either side), wide magnitudes, negatives.
    const x = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -200000, max: 200000 }).map((i) => i / 1000 + 0.0005),
      fc.integer({ min: 0, max: 100000 }).map((i) => (i + 0.5) / 10000));
    fc.assert(fc.property(x, fc.nat(12), (v, d) => {
      expect(Object.is(rankKey(fws[d]!, v), Number(v.toFixed(d)))).toBe(true);
    }), { seed: 20261208, numRuns: 20000 });
    expect(rankKey(fws[2]!, 0.805)).toBe(0.81); // the double of 0.805 is above the half: 0.81, as toFixed says
    expect(rankKey(fws[2]!, 1.005)).toBe(1); // below it: 1.00
    expect(rankKey(f(4, 'exact'), 0.1 + 0.2)).toBe(0.3);
  });
  it('makes no collator for a ranking without ties, one at the first tie', () => {
    // A preload counts the collators made in the built binary's process.
    const d = tmp();
    const count = join(d, 'count.txt');
    writeFileSync(join(d, 'count.cjs'), `const Real = Intl.Collator; let n = 0;
Intl.Collator = function Collator(...a) { n++; return new Real(...a); };
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(count)}, String(n)));\n`);
    writeFileSync(join(d, 'one.yaml'), one);
    const made = (csv: string) => {
      writeFileSync(join(d, 'u.csv'), csv);
      const r = spawnSync(process.execPath, ['-r', join(d, 'count.cjs'), join(ROOT, 'bin/dti.js'), 'score', join(d, 'u.csv'), '-i', join(d, 'one.yaml'), '-f', 'csv', '-q', '--year', '2020'],
        { cwd: ROOT, encoding: 'utf8' });
      expect(r.status).toBe(0);
      return { out: r.stdout, made: Number(readFileSync(count, 'utf8')) };
    };
    expect(made('unit,a\nSở B,0.5\nSở A,0.6\n').made).toBe(0);
    const tie = made('unit,a\nSở B,0.5\nSở A,0.5\n');
    expect(tie.out.indexOf('Sở A')).toBeLessThan(tie.out.indexOf('Sở B'));
    expect(tie.made).toBe(1);
  });
  it('ties: exact ranks on the unrounded score', () => {
    const exact = defs(`  - id: a
    name: A
`, 'score:\n  decimals: 2\n  ties: exact\n');
    const rs = scoreOf(exact, 'unit,a\nQ,0.8049\nS,0.8012\n');
    expect(rs.map((r) => r.rank)).toEqual([1, 2]);
  });
  it('scale multiplies the score, groups and pillars', () => {
    const yaml = defs(`  - id: g
    name: G
    children:
      - id: a
        name: A
`, 'score:\n  scale: 1000\n') + 'pillars:\n  - id: p\n    name: P\n    members: [g]\n';
    const [r] = scoreOf(yaml, 'unit,a\nX,0.5\n');
    expect(r!.score).toBe(500);
    expect(r!.groups.g).toBe(500);
    expect(r!.pillars.p!.score).toBe(500);
    expect(r!.indicators.a!.normalized).toBe(0.5);
  });
});
