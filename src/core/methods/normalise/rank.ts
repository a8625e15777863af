import { clamp01, normaliseMethod } from '../method.js';

export function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid]! < v) lo = mid + 1; else hi = mid; }
  return lo;
}
export function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid]! <= v) lo = mid + 1; else hi = mid; }
  return lo;
}
/** The pool's values present, ascending (a plain loop: typed-array filter with a callback is slow). */
export function sortedPresent(pool: Float64Array): Float64Array {
  const out = new Float64Array(pool.length);
  let m = 0;
  for (let i = 0; i < pool.length; i++) {
    const v = pool[i]!;
    if (v === v) out[m++] = v;
  }
  return out.subarray(0, m).sort();
}

/** upperBound(a, v) knowing lowerBound(a, v) = `below`: one comparison unless v is tied. */
export function upperFrom(a: Float64Array, v: number, below: number): number {
  if (below >= a.length || a[below] !== v) return below;
  return below + 1 < a.length && a[below + 1] === v ? upperBound(a, v) : below + 1;
}

export const rank = normaliseMethod({
  id: 'rank',
  schema: (z) => z.strictObject({ method: z.literal('rank') }),
  keys: [],
  doc: { params: '—', higher: '(rank among that year\'s units − 1)/(n − 1), best = 1; ties share their mean rank', lower: 'likewise' },
  docVi: { higher: '(hạng trong các đơn vị của năm − 1)/(n − 1), tốt nhất = 1; bằng nhau nhận hạng trung bình', lower: 'tương tự' },
  usesPool: true,
  directional: true,
  negative: false,
  check() {},
  apply(x, pool, _p, lower, _tf, out) {
    // (rank − 1)/(n − 1) with rank 1 the lowest value; tied values share the mean rank.
    const sorted = sortedPresent(pool);
    const m = sorted.length;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (Number.isNaN(v)) continue;
      if (m <= 1) { out[i] = 1; continue; }
      const below = lowerBound(sorted, v);
      const upTo = upperFrom(sorted, v, below);
      // Mean 1-based rank of the tied block; a value absent from the pool ranks where it would fall.
      const r = upTo > below ? (below + 1 + upTo) / 2 : below + 0.5;
      const q = clamp01((r - 1) / (m - 1));
      out[i] = lower ? 1 - q : q;
    }
  },
  describe: () => 'rank',
});
