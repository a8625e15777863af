/**
 * Correlation and covariance of two columns over the units that have both values ("pairwise
 * complete observations"), as R's `cor(x, y, method, use = "pairwise.complete.obs")` and
 * `cov(…)` compute them, which COINr's `get_corr`, `get_corr_flags`, `get_denom_corr` and
 * `get_cronbach` call:
 *  - pearson: Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), the means over the complete pairs;
 *  - spearman: pearson of the ranks within the complete pairs (ties share their mean rank);
 *  - kendall: tau-b, Σ sign(xi − xj) sign(yi − yj) / √(Σ sign(xi − xj)² · Σ sign(yi − yj)²).
 * NaN when fewer than two pairs or a column without spread.
 */
export type CorrMethod = 'pearson' | 'spearman' | 'kendall';
export const CORR_METHODS: readonly CorrMethod[] = ['pearson', 'spearman', 'kendall'];

/** The complete pairs of x and y (both not NaN). */
function complete(x: ArrayLike<number>, y: ArrayLike<number>): [Float64Array, Float64Array] {
  const n = Math.min(x.length, y.length);
  let k = 0;
  for (let i = 0; i < n; i++) if (x[i] === x[i] && y[i] === y[i]) k++;
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  k = 0;
  for (let i = 0; i < n; i++) if (x[i] === x[i] && y[i] === y[i]) { a[k] = x[i]!; b[k] = y[i]!; k++; }
  return [a, b];
}

/** Ranks 1..n, ties given the mean of the ranks they span (R's `rank`, ties.method "average"). */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
  const r = new Float64Array(n);
  for (let s = 0; s < n;) {
    let e = s;
    while (e + 1 < n && x[idx[e + 1]!] === x[idx[s]!]) e++;
    const mid = (s + e) / 2 + 1;
    for (let q = s; q <= e; q++) r[idx[q]!] = mid;
    s = e + 1;
  }
  return r;
}

/** Σ(a − ā)(b − b̄), Σ(a − ā)², Σ(b − b̄)² over complete pairs, the means their own. */
function centredSums(a: Float64Array, b: Float64Array): { ab: number; aa: number; bb: number } {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]!; mb += b[i]!; }
  ma /= n;
  mb /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return { ab, aa, bb };
}

function pearsonComplete(a: Float64Array, b: Float64Array): number {
  if (a.length < 2) return NaN;
  const { ab, aa, bb } = centredSums(a, b);
  if (aa === 0 || bb === 0) return NaN;
  return Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)));
}

function kendallComplete(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (n < 2) return NaN;
  let s = 0;
  let ta = 0;
  let tb = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const sa = Math.sign(a[i]! - a[j]!);
      const sb = Math.sign(b[i]! - b[j]!);
      s += sa * sb;
      ta += sa * sa;
      tb += sb * sb;
    }
  }
  if (ta === 0 || tb === 0) return NaN;
  return s / Math.sqrt(ta) / Math.sqrt(tb);
}

/** The correlation of x and y over their complete pairs. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>, method: CorrMethod = 'pearson'): number {
  const [a, b] = complete(x, y);
  if (method === 'spearman') return pearsonComplete(averageRanks(a), averageRanks(b));
  if (method === 'kendall') return kendallComplete(a, b);
  return pearsonComplete(a, b);
}

/** The sample covariance (n − 1) of x and y over their complete pairs; NaN below two pairs. */
export function covariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [a, b] = complete(x, y);
  return a.length < 2 ? NaN : centredSums(a, b).ab / (a.length - 1);
}

/**
 * Cronbach's alpha of the columns, as COINr's `get_cronbach`: with C their covariance matrix
 * (pairwise complete observations) and k columns, α = k² · c̄ / ΣC, where c̄ is the mean of the
 * off-diagonal elements. NaN below two columns.
 */
export function cronbachAlpha(cols: readonly ArrayLike<number>[]): number {
  const k = cols.length;
  if (k < 2) return NaN;
  let all = 0;
  let diag = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const c = covariance(cols[a]!, cols[b]!);
      if (c !== c) continue; // R's sum(…, na.rm = TRUE)
      if (a === b) { diag += c; all += c; } else all += 2 * c;
    }
  }
  const offMean = (all - diag) / (k * (k - 1));
  return (k * k * offMean) / all;
}
