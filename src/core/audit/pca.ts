/**
 * Principal component analysis of standardised columns, as COINr's `get_PCA` does it with R's
 * `prcomp(x, center = TRUE, scale = TRUE)` after dropping every unit with a missing value
 * (`na.omit`): the eigenvalues and eigenvectors of the columns' correlation matrix, by the
 * cyclic Jacobi method (exact to rounding for the few dozen columns of a group).
 *
 * The share of the first component is λ₁ / Σλ; its loadings are the first eigenvector (unit
 * length), signed so that their sum is positive (the sign of a component is arbitrary).
 */

export interface Pca {
  /** Eigenvalues, largest first (the variances of the components). */
  values: number[];
  /** Share of the total variance of the first component. */
  firstShare: number;
  /** Loadings of the first component, one per column. */
  loadings: number[];
  /** Units used (those with every column present). */
  n: number;
}

/** Eigen-decomposition of a symmetric matrix (row-major k×k): values descending, vectors as columns of `vectors[c]`. */
export function symmetricEigen(m: Float64Array, k: number): { values: number[]; vectors: number[][] } {
  const a = Float64Array.from(m);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q]! * a[p * k + q]!;
    if (off < 1e-30) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * k + q]! - a[p * k + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p]!;
          const arq = a[r * k + q]!;
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r]!;
          const aqr = a[q * k + r]!;
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!;
          const vrq = v[r * k + q]!;
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[y * k + y]! - a[x * k + x]!);
  return {
    values: order.map((i) => a[i * k + i]!),
    vectors: order.map((c) => Array.from({ length: k }, (_, r) => v[r * k + c]!)),
  };
}

/** PCA of the columns (each an array over the same units, NaN = missing); null below two columns or usable units, or with a constant column. */
export function pca(cols: readonly ArrayLike<number>[]): Pca | null {
  const k = cols.length;
  if (k < 2) return null;
  const n0 = cols[0]!.length;
  const rows: number[] = [];
  for (let i = 0; i < n0; i++) if (cols.every((c) => c[i] === c[i])) rows.push(i);
  const n = rows.length;
  if (n < 2) return null;
  // Standardised columns (mean 0, sd 1 with n − 1), then their correlation matrix.
  const z: Float64Array[] = [];
  for (const c of cols) {
    let m = 0;
    for (const i of rows) m += c[i]!;
    m /= n;
    let ss = 0;
    for (const i of rows) ss += (c[i]! - m) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    if (!(sd > 0)) return null; // prcomp: "cannot rescale a constant/zero column"
    z.push(Float64Array.from(rows, (i) => (c[i]! - m) / sd));
  }
  const r = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += z[a]![i]! * z[b]![i]!;
      r[a * k + b] = r[b * k + a] = s / (n - 1);
    }
  }
  const { values, vectors } = symmetricEigen(r, k);
  const total = values.reduce((s, x) => s + Math.max(x, 0), 0);
  let first = vectors[0]!;
  if (first.reduce((s, x) => s + x, 0) < 0) first = first.map((x) => -x);
  return { values, firstShare: Math.max(values[0]!, 0) / total, loadings: first.map((x) => x + 0), n };
}
