/**
 * Sobol indices (see ./index.ts): the rows B and AB_i of the Saltelli design run after the
 * plain Monte Carlo rows A, and the first- and total-order indices with their bootstrap intervals.
 */
import type { Plan } from './plan.js';
import { quantile, rng } from './stats.js';
import { DEFAULT_BOOTSTRAP, type SensitivityResult, type SobolIndex } from './types.js';

/**
 * The N rows B and, for each input, the rows AB_i (A with input i's numbers from B), run after
 * the rows A (`fA` their outputs); `row` draws the next row of uniforms, `evaluate` runs one
 * (numbered, in its design block) and returns its output.
 */
export function sobolDesign(plan: Plan, A: readonly Float64Array[], fA: Float64Array, row: () => Float64Array,
  evaluate: (u: Float64Array, run: number, block: string) => number, bootstrap: number | undefined, seed: number): NonNullable<SensitivityResult['sobol']> {
  const runs = fA.length;
  const D = plan.inputs.length;
  const fB = new Float64Array(runs);
  const B: Float64Array[] = [];
  for (let r = 0; r < runs; r++) {
    const u = row();
    B.push(u);
    fB[r] = evaluate(u, runs + r + 1, 'B');
  }
  const fAB: Float64Array[] = [];
  for (let i = 0; i < D; i++) {
    const f = new Float64Array(runs);
    const off = plan.offsets[i]!;
    const len = plan.draws[i]!;
    for (let r = 0; r < runs; r++) {
      const u = Float64Array.from(A[r]!);
      u.set(B[r]!.subarray(off, off + len), off);
      f[r] = evaluate(u, runs * (2 + i) + r + 1, `AB:${plan.inputs[i]!.id}`);
    }
    fAB.push(f);
  }
  const nBoot = bootstrap ?? DEFAULT_BOOTSTRAP;
  return {
    baseRuns: runs, totalRuns: runs * (D + 2), bootstrap: nBoot, output: 'mean absolute rank shift',
    indices: sobolIndices(fA, fB, fAB, nBoot, seed).map((s, i) => ({ input: plan.inputs[i]!.id, ...s })),
  };
}

/** First-order (Saltelli 2010) and total-order (Jansen) indices with percentile bootstrap intervals. */
export function sobolIndices(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], nBoot: number, seed: number): Omit<SobolIndex, 'input'>[] {
  const N = fA.length;
  const estimate = (idx: Int32Array | null, i: number): [number, number] => {
    let mean = 0;
    for (let r = 0; r < N; r++) { const t = idx === null ? r : idx[r]!; mean += fA[t]! + fB[t]!; }
    mean /= 2 * N;
    let v = 0;
    let s1 = 0;
    let st = 0;
    const f = fAB[i]!;
    for (let r = 0; r < N; r++) {
      const t = idx === null ? r : idx[r]!;
      v += (fA[t]! - mean) ** 2 + (fB[t]! - mean) ** 2;
      s1 += fB[t]! * (f[t]! - fA[t]!);
      st += (fA[t]! - f[t]!) ** 2;
    }
    v /= 2 * N;
    if (!(v > 0)) return [NaN, NaN];
    return [s1 / N / v, st / (2 * N) / v];
  };
  const random = rng((seed ^ 0x5bd1e995) >>> 0);
  const boots: Int32Array[] = [];
  for (let b = 0; b < nBoot; b++) boots.push(Int32Array.from({ length: N }, () => Math.min(N - 1, Math.floor(random() * N))));
  const nz = (x: number) => (Number.isNaN(x) ? null : x);
  return fAB.map((_, i) => {
    const [first, total] = estimate(null, i);
    if (Number.isNaN(first) || nBoot === 0) return { first: nz(first), total: nz(total), firstCi: null, totalCi: null };
    const s1 = new Float64Array(nBoot);
    const st = new Float64Array(nBoot);
    boots.forEach((idx, b) => { const [x, y] = estimate(idx, i); s1[b] = x; st[b] = y; });
    const ci = (xs: Float64Array): [number, number] | null => {
      const ok = xs.filter((x) => !Number.isNaN(x)).sort();
      return ok.length === 0 ? null : [quantile(ok, 0.025), quantile(ok, 0.975)];
    };
    return { first, total, firstCi: ci(s1), totalCi: ci(st) };
  });
}
