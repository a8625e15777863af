import { msg } from '../../messages.js';
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

/**
 * A pool's present values, ascending, with an index of buckets over their range (as many as
 * values): lowerBound and upperBound then search one bucket, a few steps, not the whole array.
 * The bucket of a value never decreases as the value grows, so every value of an earlier
 * bucket is smaller and every value of a later one larger: the answer lies in the bucket,
 * whatever the distribution (a skewed pool only makes some buckets larger).
 */
export class SortedPool {
  readonly sorted: Float64Array;
  readonly m: number;
  private readonly lo: number;
  private readonly scale: number;
  private readonly start: Int32Array | null;

  constructor(pool: ArrayLike<number>) {
    const pv = pool instanceof Float64Array ? pool : Float64Array.from(pool);
    const sorted = sortedPresent(pv);
    const m = sorted.length;
    this.sorted = sorted;
    this.m = m;
    this.lo = m > 0 ? sorted[0]! : 0;
    const scale = m > 1 ? m / (sorted[m - 1]! - this.lo) : NaN;
    this.scale = scale;
    if (!Number.isFinite(scale) || scale <= 0) { this.start = null; return; }
    const start = new Int32Array(m + 1);
    let k = 0;
    for (let b = 0; b < m; b++) {
      while (k < m && this.bucket(sorted[k]!) < b) k++;
      start[b] = k;
    }
    start[m] = m;
    this.start = start;
  }

  private bucket(v: number): number {
    const t = (v - this.lo) * this.scale;
    return t >= this.m ? this.m - 1 : t > 0 ? Math.floor(t) : 0;
  }

  /** Values of the pool below v. */
  lowerBound(v: number): number {
    const a = this.sorted;
    let lo = 0;
    let hi = this.m;
    if (this.start !== null) { const b = this.bucket(v); lo = this.start[b]!; hi = this.start[b + 1]!; }
    while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid]! < v) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /** Values of the pool up to v. */
  upperBound(v: number): number {
    const a = this.sorted;
    let lo = 0;
    let hi = this.m;
    if (this.start !== null) { const b = this.bucket(v); lo = this.start[b]!; hi = this.start[b + 1]!; }
    while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid]! <= v) lo = mid + 1; else hi = mid; }
    return lo;
  }
}

/** upperBound(a, v) knowing lowerBound(a, v) = `below`: one comparison unless v is tied. */
export function upperFrom(a: Float64Array, v: number, below: number): number {
  if (below >= a.length || a[below] !== v) return below;
  return below + 1 < a.length && a[below + 1] === v ? upperBound(a, v) : below + 1;
}

export const rank = normaliseMethod({
  id: 'rank',
  word: msg('method.rank'),
  schema: (z) => z.strictObject({ method: z.literal('rank') }),
  keys: [],
  doc: { params: '—', higher: '(rank among that year\'s units − 1)/(n − 1), best = 1; ties share their mean rank', lower: 'likewise' },
  docVi: { higher: '(hạng trong các đơn vị của năm − 1)/(n − 1), tốt nhất = 1; bằng nhau nhận hạng trung bình', lower: 'tương tự' },
  usesPool: true,
  directional: true,
  negative: false,
  asIs: false,
  yesNo: false,
  alternative: true,
  bounded: () => true,
  maximum: () => 1,
  keeps01: () => false,
  check() {},
  apply(x, pool, _p, lower, _tf, out) {
    // (rank − 1)/(n − 1) with rank 1 the lowest value; tied values share the mean rank.
    const sp = new SortedPool(pool);
    const { sorted, m } = sp;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (Number.isNaN(v)) continue;
      if (m <= 1) { out[i] = 1; continue; }
      const below = sp.lowerBound(v);
      // One comparison unless v is tied.
      const upTo = below >= m || sorted[below] !== v ? below : below + 1 < m && sorted[below + 1] === v ? sp.upperBound(v) : below + 1;
      // Mean 1-based rank of the tied block; a value absent from the pool ranks where it would fall.
      const r = upTo > below ? (below + 1 + upTo) / 2 : below + 0.5;
      const q = clamp01((r - 1) / (m - 1));
      out[i] = lower ? 1 - q : q;
    }
  },
  describe: () => 'rank',
});
