// Fast paths against their definitions. The rank normalisation (sorted pool, one binary search per value) against its definition
// computed the slow way: for each value, count the pool's values below and equal to it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseColumn } from '../src/engine/index.js';
import type { IndicatorNode } from '../src/core/definitions.js';
import { SortedPool } from '../src/core/methods/normalise/rank.js';
import { delimitedCell } from '../src/render/format.js';
import { byRank, ranksWithin } from '../src/core/score.js';
import { aggregate, normaliseMatrix } from '../src/engine/index.js';
import { data, defs, fw } from './helpers.js';
import { decimalMarkOf } from '../src/load/office.js';

const leaf = (direction: 'higher' | 'lower'): IndicatorNode => ({
  id: 'x', name: { vi: 'x', en: 'x' }, description: null, source: { vi: [], en: [] }, weight: 1, missing: 'zero', kind: 'leaf',
  aggregate: 'mean', children: [], unit: null, column: null, direction, transform: 'none', normalize: { method: 'rank' },
  denominator: null, per: 1, impute: 'none', treat: null, floor: 0, years: null,
});

/** (mean 1-based rank of v's tied block − 1)/(m − 1); a value absent from the pool falls between. */
function slow(xs: number[], pool: number[], lower: boolean): number[] {
  const p = pool.filter((v) => !Number.isNaN(v));
  const m = p.length;
  return xs.map((v) => {
    if (Number.isNaN(v)) return NaN;
    if (m <= 1) return 1;
    const below = p.filter((u) => u < v).length;
    const equal = p.filter((u) => u === v).length;
    const r = equal > 0 ? below + (equal + 1) / 2 : below + 0.5;
    const q = Math.min(1, Math.max(0, (r - 1) / (m - 1)));
    return lower ? 1 - q : q;
  });
}

// Few distinct values, so ties and runs of ties are common; NaN for missing.
const value = fc.oneof(fc.constantFrom(NaN, 0, -0, 1, 2.5, -3, 1e9), fc.integer({ min: -5, max: 5 }).map((i) => i / 2));

describe('rank normalisation', () => {
  it('equals its definition on the column itself and on another pool', () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 60 }), fc.array(value, { maxLength: 60 }), fc.boolean(), (xs, other, lower) => {
      const l = leaf(lower ? 'lower' : 'higher');
      const same = [...normaliseColumn(l, xs)];
      const want = slow(xs, xs, lower);
      same.forEach((v, i) => (Number.isNaN(want[i]!) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(want[i]!, 12)));
      const pooled = [...normaliseColumn(l, xs, [...xs, ...other])];
      const wantPooled = slow(xs, [...xs, ...other], lower);
      pooled.forEach((v, i) => (Number.isNaN(wantPooled[i]!) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(wantPooled[i]!, 12)));
    }), { numRuns: 300 });
  });
});

describe('SortedPool, the rank and percentile search', () => {
  it('counts the values below and up to any value, however the pool is spread', () => {
    // Skewed, huge, tiny, infinite and tied values, -0 and 0: the bucket index must never cut
    // the answer off, whatever the distribution.
    const x = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, -0, 1, 1, 2, 1e-100, 1e100, -1e100, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, NaN),
      fc.integer({ min: -3, max: 3 }));
    fc.assert(fc.property(fc.array(x, { maxLength: 80 }), fc.array(x, { maxLength: 20 }), (pool, queries) => {
      const sp = new SortedPool(Float64Array.from(pool));
      const present = pool.filter((u) => !Number.isNaN(u));
      expect(sp.m).toBe(present.length);
      for (const v of [...queries, ...pool]) {
        if (Number.isNaN(v)) continue;
        expect(sp.lowerBound(v)).toBe(present.filter((u) => u < v).length);
        expect(sp.upperBound(v)).toBe(present.filter((u) => u <= v).length);
      }
    }), { seed: 20261207, numRuns: 2000 });
  });
  it('gives percentile its definition: the share of the other units beaten', () => {
    const l = { ...leaf('higher'), normalize: { method: 'percentile' as const } };
    const ll = { ...leaf('lower'), normalize: { method: 'percentile' as const } };
    fc.assert(fc.property(fc.array(value, { maxLength: 60 }), (xs) => {
      const p = xs.filter((v) => !Number.isNaN(v));
      const m = p.length;
      const hi = [...normaliseColumn(l, xs)];
      const lo = [...normaliseColumn(ll, xs)];
      xs.forEach((v, i) => {
        if (Number.isNaN(v)) { expect(hi[i]).toBeNaN(); return; }
        const below = p.filter((u) => u < v).length;
        const above = p.filter((u) => u > v).length;
        expect(hi[i]).toBeCloseTo(m <= 1 ? 1 : below / (m - 1), 12);
        expect(lo[i]).toBeCloseTo(m <= 1 ? 1 : above / (m - 1), 12);
      });
    }), { numRuns: 300 });
  });
});

describe('delimitedCell, the CSV/TSV cell writer', () => {
  it('writes what guarding (plain numbers pass, formulas get an apostrophe) then quoting did', () => {
    // The definition it replaced, with regular expressions.
    const PLAIN = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
    const want = (s: string, d: string) => {
      const g = PLAIN.test(s) ? s : /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      return g.includes(d) || g.includes('"') || g.includes('\n') || g.includes('\r') ? `"${g.replace(/"/g, '""')}"` : g;
    };
    const ch = fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', 'E', ',', '\t', '"', '\n', '\r', '=', '@', ' ', 'a', 'Đ', '');
    fc.assert(fc.property(fc.array(ch, { maxLength: 8 }).map((c) => c.join('')), fc.constantFrom(',', '\t'), (s, d) => {
      expect(delimitedCell(s, d)).toBe(want(s, d));
    }), { seed: 20261208, numRuns: 5000 });
  });
});

describe('ranksWithin, the rank within a region or --by group', () => {
  it('is 1 + the units of the same group ranked strictly better; null when unranked or in no group', () => {
    const unit = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(null, 'A', 'B', 'Đông Nam Bộ', ''));
    fc.assert(fc.property(fc.array(unit, { maxLength: 50 }), (units) => {
      const ranks = Int32Array.from(units, (u) => u[0]);
      const got = ranksWithin(ranks, (i) => units[i]![1]);
      units.forEach(([r, g], i) => {
        if (r === 0 || g === null) { expect(got[i]).toBeNull(); return; }
        const better = units.filter(([r2, g2]) => g2 === g && r2 !== 0 && r2 < r).length;
        expect(got[i]).toBe(better + 1);
      });
    }), { seed: 20261209, numRuns: 1000 });
  });
});

describe('byRank, the counting sort behind ranksWithin', () => {
  it('is the ranked units (rank not 0) stably sorted by rank; undefined when a rank is outside 1..n', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -2, max: 60 }), { maxLength: 60 }), (rs) => {
      const ranks = Int32Array.from(rs);
      const got = byRank(ranks);
      if (rs.some((r) => r !== 0 && (r < 1 || r > rs.length))) { expect(got).toBeUndefined(); return; }
      const want = rs.map((_, i) => i).filter((i) => rs[i] !== 0).sort((a, b) => rs[a]! - rs[b]! || a - b);
      expect(Array.from(got!)).toEqual(want);
    }), { seed: 20261202, numRuns: 2000 });
  });
});

describe('aggregate into a buffer of an earlier call', () => {
  it('gives what a fresh call gives, in the same object, for any weights', () => {
    const f = fw(defs(`  - id: g
    name: G
    children:
      - { id: a, name: A, normalize: { method: minmax } }
      - { id: b, name: B, normalize: { method: rank } }
  - id: h
    name: H
    aggregate: geometric
    children:
      - { id: c, name: C, normalize: { method: goalposts, min: 0, max: 10 } }
      - { id: d, name: D, normalize: { method: percentile } }
`, 'missing: exclude\npillars:\n  - { id: p, name: P, members: [g] }\n'));
    const rows = Array.from({ length: 40 }, (_, i) => `U${i},${i % 7 === 0 ? '' : (i * 37) % 11},${(i * 13) % 17},${(i * 3) % 10},${i % 5 === 0 ? 'NA' : (i % 9) / 3}`);
    const ds = data(`unit,a,b,c,d\n${rows.join('\n')}\n`, f);
    const n = ds.records.length;
    const norm = normaliseMatrix(f, ds.records);
    const buf = aggregate(f, norm, n);
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: f.nodes.length, maxLength: f.nodes.length }), (ws) => {
      const w = Float64Array.from(ws);
      const fresh = aggregate(f, norm, n, w);
      const reused = aggregate(f, norm, n, w, buf);
      expect(reused).toBe(buf);
      expect([...reused.nodes]).toEqual([...fresh.nodes]);
      expect([...reused.pillars]).toEqual([...fresh.pillars]);
    }), { seed: 20261211, numRuns: 100 });
    // A buffer of another size is not used.
    const other = aggregate(f, norm.subarray(0, 0), 0);
    expect(aggregate(f, norm, n, undefined, other)).not.toBe(other);
  });
});

describe('decimalMarkOf, the decimal-mark sniff without regular expressions', () => {
  // What a value says of the decimal mark, only where it leaves no doubt (see decimalMarkOf).
  const definition = (t: string) => {
    if (/^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+$/.test(t) && !/^[+-]?[1-9]\d{0,2},\d{3}$/.test(t)) return 1;
    if (/^[+-]?(\d+\.\d*|\.\d+)$/.test(t) && !/^[+-]?[1-9]\d{0,2}\.\d{3}$/.test(t)) return 2;
    if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$|^[+-]?\d{1,3}(,\d{3}){2,}$/.test(t)) return 2;
    return 0;
  };
  it('classifies as the regular expressions do', () => {
    const ch = fc.constantFrom('0', '1', '5', '9', '.', ',', '+', '-', ' ', '%', 'a', '٣');
    fc.assert(fc.property(fc.array(ch, { maxLength: 14 }).map((a) => a.join('')), (t) => {
      expect(decimalMarkOf(t)).toBe(definition(t));
    }), { seed: 20261202, numRuns: 20000 });
    const digitsAndMarks = fc.constantFrom('0', '1', '2', '3', '5', '9', '9', '.', ',');
    fc.assert(fc.property(fc.array(digitsAndMarks, { maxLength: 16 }).map((a) => a.join('')), (t) => {
      expect(decimalMarkOf(t)).toBe(definition(t));
    }), { seed: 20261207, numRuns: 20000 });
    const cases: [string, 0 | 1 | 2][] = [['1.234,5', 1], ['12.345.678,9', 1], ['1234.567,8', 0], ['1.23,4', 0], ['1.234', 0], ['12.345', 0],
      ['1234.567', 2], ['1.2345', 2], ['0.5', 2], ['0.234', 2], ['-3,25', 1], ['+1.000', 0], ['1,2,3', 0], ['.5', 2], ['5.', 2], ['1..2', 0], ['', 0],
      ['1,234', 0], ['0,234', 1], ['75,7', 1], ['1.2.3', 0], ['1,234.5', 2], ['1,234,567', 2], ['12,34,567', 0], ['1,234,5', 0]];
    for (const [t, k] of cases) {
      expect(decimalMarkOf(t), t).toBe(k);
      expect(definition(t), t).toBe(k);
    }
  });
});
