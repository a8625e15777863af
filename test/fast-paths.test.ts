// Fast paths against their definitions. The rank normalisation (sorted pool, one binary search per value) against its definition
// computed the slow way: for each value, count the pool's values below and equal to it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeColumn } from '../src/core/engine.js';
import type { IndicatorNode } from '../src/core/definitions.js';
import { plainNumber } from '../src/core/values.js';

const leaf = (direction: 'higher' | 'lower'): IndicatorNode => ({
  id: 'x', name: { vi: 'x', en: 'x' }, description: null, source: [], weight: 1, missing: 'zero', kind: 'leaf',
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
      const same = [...normalizeColumn(l, xs)];
      const want = slow(xs, xs, lower);
      same.forEach((v, i) => (Number.isNaN(want[i]!) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(want[i]!, 12)));
      const pooled = [...normalizeColumn(l, xs, [...xs, ...other])];
      const wantPooled = slow(xs, [...xs, ...other], lower);
      pooled.forEach((v, i) => (Number.isNaN(wantPooled[i]!) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(wantPooled[i]!, 12)));
    }), { numRuns: 300 });
  });
});

describe('plainNumber, the loader\'s fast path', () => {
  it('reads exactly what the plain-decimal pattern matches, as Number does; NaN for the rest', () => {
    const SIMPLE = /^-?\d+(\.\d+)?$/;
    const chars = fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', ',', ' ', '%', 'a');
    fc.assert(fc.property(fc.array(chars, { maxLength: 8 }).map((c) => c.join('')), (t) => {
      const x = plainNumber(t);
      if (SIMPLE.test(t)) expect(Object.is(x, Number(t))).toBe(true);
      else expect(x).toBeNaN();
    }), { numRuns: 2000 });
    expect(plainNumber('-0')).toBe(-0);
    expect(plainNumber('12.50')).toBe(12.5);
    for (const t of ['', '-', '.5', '5.', '1e3', ' 1', '1,5', '+1', '0x10']) expect(plainNumber(t)).toBeNaN();
  });

  it('computes the value from the digits exactly as Number does, up to 20 characters (15 digits and more)', () => {
    // Long mantissas, long fractions and leading zeros: the digits-over-a-power-of-ten path
    // (at most 15 digits) and the fallback beyond it must both agree with Number bit for bit.
    const digits = fc.array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), { minLength: 1, maxLength: 19 }).map((d) => d.join(''));
    fc.assert(fc.property(fc.boolean(), digits, fc.option(digits, { nil: undefined }), (neg, a, b) => {
      const t = `${neg ? '-' : ''}${a}${b === undefined ? '' : `.${b}`}`;
      const x = plainNumber(t);
      if (t.length > 20) expect(x).toBeNaN();
      else expect(Object.is(x, Number(t))).toBe(true);
    }), { numRuns: 5000 });
    for (const t of ['0.1', '0.3', '123456789012345', '1234567890123456', '9007199254740993', '0.000000000000001', '99.99', '-0.00', '00012.5000'])
      expect(Object.is(plainNumber(t), Number(t))).toBe(true);
  });
});
