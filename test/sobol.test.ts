// The Sobol estimators of `dti sensitivity --sobol` (src/core/sensitivity.ts sobolIndices)
// against the analytic indices of a model whose answer is known by hand.
//
// A linear model y = Σ aᵢxᵢ with independent inputs has Var(y) = Σ aᵢ²σᵢ², and each input's
// share of it is all its own (no interactions): Sᵢ = aᵢ²σᵢ² / Σⱼ aⱼ²σⱼ², and the total-order
// index equals the first-order one. Here xᵢ ~ U(0, cᵢ), so σᵢ² = cᵢ²/12, and with
// a = (1, 2, −1, 0), c = (1, 1, 3, 1): aᵢ²σᵢ² ∝ (1, 4, 9, 0), S = (1/14, 4/14, 9/14, 0).
import { describe, expect, it } from 'vitest';
import { rng, sobolIndices } from '../src/core/sensitivity/index.js';

const a = [1, 2, -1, 0];
const c = [1, 1, 3, 1];
const ANALYTIC = [1 / 14, 4 / 14, 9 / 14, 0];
const N = 20_000;

/** The Saltelli design for the model: f(A), f(B), and f(AB_i) (A with column i from B). */
function design(seed: number) {
  const random = rng(seed);
  const d = a.length;
  const A = new Float64Array(N * d);
  const B = new Float64Array(N * d);
  for (let r = 0; r < N; r++) for (let i = 0; i < d; i++) A[r * d + i] = random() * c[i]!;
  for (let r = 0; r < N; r++) for (let i = 0; i < d; i++) B[r * d + i] = random() * c[i]!;
  const f = (m: Float64Array, r: number, swap = -1) => {
    let y = 0;
    for (let j = 0; j < d; j++) y += a[j]! * (j === swap ? B : m)[r * d + j]!;
    return y;
  };
  const fA = Float64Array.from({ length: N }, (_, r) => f(A, r));
  const fB = Float64Array.from({ length: N }, (_, r) => f(B, r));
  const fAB = a.map((_, i) => Float64Array.from({ length: N }, (_, r) => f(A, r, i)));
  return { fA, fB, fAB };
}

/**
 * The standard error of each estimator from the sample itself: both are means over the N rows
 * of one term per row (first order fB·(fABᵢ − fA), total order (fA − fABᵢ)²/2) divided by the
 * variance V, so their error is the terms' standard deviation / √N / V (the error of V itself
 * is second order at this N).
 */
function standardErrors(fA: Float64Array, fB: Float64Array, fABi: Float64Array): { first: number; total: number } {
  const all = [...fA, ...fB];
  const mean = all.reduce((s, x) => s + x, 0) / all.length;
  const V = all.reduce((s, x) => s + (x - mean) ** 2, 0) / all.length;
  const sd = (terms: number[]) => {
    const m = terms.reduce((s, x) => s + x, 0) / terms.length;
    return Math.sqrt(terms.reduce((s, x) => s + (x - m) ** 2, 0) / (terms.length - 1));
  };
  const first = sd(Array.from(fA, (x, r) => fB[r]! * (fABi[r]! - x)));
  const total = sd(Array.from(fA, (x, r) => (x - fABi[r]!) ** 2 / 2));
  return { first: first / Math.sqrt(N) / V, total: total / Math.sqrt(N) / V };
}

describe('Sobol indices of a linear model with independent inputs', () => {
  // Three designs from different seeds: each estimate within 4 of its standard errors of the
  // analytic value (a chance of 6 in 100,000 each to miss by chance; the seeds are fixed).
  for (const seed of [1, 2, 3]) {
    it(`match Sᵢ = aᵢ²σᵢ² / Σ aⱼ²σⱼ², first order = total order (seed ${seed}, N = ${N})`, () => {
      const { fA, fB, fAB } = design(seed);
      const got = sobolIndices(fA, fB, fAB, 50, seed);
      expect(got).toHaveLength(4);
      got.forEach((s, i) => {
        const se = standardErrors(fA, fB, fAB[i]!);
        // N is large enough for the test to tell: the standard errors are 0.0006–0.008 here,
        // so an estimator off by 0.04 (more than half of S₁ = 1/14) fails.
        expect(se.first).toBeLessThan(0.01);
        expect(se.total).toBeLessThan(0.01);
        expect(Math.abs(s.first! - ANALYTIC[i]!)).toBeLessThanOrEqual(4 * se.first + 1e-12);
        expect(Math.abs(s.total! - ANALYTIC[i]!)).toBeLessThanOrEqual(4 * se.total + 1e-12);
        // The bootstrap's 95 % intervals hold their estimate.
        expect(s.firstCi![0]).toBeLessThanOrEqual(s.first!);
        expect(s.firstCi![1]).toBeGreaterThanOrEqual(s.first!);
        expect(s.totalCi![0]).toBeLessThanOrEqual(s.total!);
        expect(s.totalCi![1]).toBeGreaterThanOrEqual(s.total!);
      });
      // The input with no effect: AB_4 runs are the A runs, so its total order is exactly 0.
      expect(got[3]!.total).toBe(0);
      // The shares of an additive model sum to one.
      const sumTotal = got.reduce((s, x) => s + x.total!, 0);
      expect(Math.abs(sumTotal - 1)).toBeLessThan(0.03);
    });
  }
});
