/** The seeded random numbers of the runs, and the quantiles read off their results. */

/** A small, fast, seedable generator (sfc32, seeded through splitmix32): the same numbers everywhere. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/**
 * A percentile of ranks (whole numbers) lies on a multiple of 1/(runs − 1) between two ranks;
 * (runs − 1) × p carries binary noise (999 × 0.05 = 49.95000000000000284), so the result is
 * rounded to 9 decimals: 6.05, not 6.049999999999983.
 */
export function rankQ(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Quantile type 7 of sorted values. */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const m = sorted.length;
  const h = (m - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, m - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
