/**
 * Stage `treat`: outliers, by winsorisation as COINr (`winsorise`, `check_SkewKurt`, `log_CT`
 * in R/treat.R) and the JRC COIN Tool do it, one year's units at a time.
 *
 * Skewness and kurtosis are the sample-adjusted "type 2" moments (e1071 type 2, Excel SKEW and
 * KURT). A column passes when |skew| < `skew` OR kurtosis < `kurtosis` (so it fails when both
 * reach their thresholds). While it fails and fewer than `max_points` points are winsorised: if
 * skew ≥ 0 every point equal to the current maximum takes the largest remaining value (ties
 * move together), else the same at the minimum; the count of points is COINr's (the points of
 * the last move at the top plus those of the last move at the bottom, which hold every point
 * moved so far on that side). If it still fails, `fallback: log` replaces the ORIGINAL column
 * by log(x − min + 0.01·(max − min)); `fallback: none` keeps the winsorised column.
 */
import type { Treat } from '../definitions.js';
import type { Framework } from '../framework.js';
import type { Panel } from '../panel.js';

export interface TreatLog {
  indicator: string;
  year: number | null;
  /** Points winsorised (0 when the log fallback replaced the column). */
  points: number;
  fallback: boolean;
}

/** Sample skewness, type 2 (Excel SKEW); NaN below 3 values or with no spread. */
export function skewness(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 3) return NaN;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i]!;
  m /= n;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < n; i++) { const d = x[i]! - m; s2 += d * d; s3 += d * d * d; }
  if (s2 === 0) return NaN;
  const g = (Math.sqrt(n) * s3) / s2 ** 1.5;
  return (g * Math.sqrt(n * (n - 1))) / (n - 2);
}

/** Sample excess kurtosis, type 2 (Excel KURT); NaN below 4 values or with no spread. */
export function kurtosis(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 4) return NaN;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i]!;
  m /= n;
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) { const d = x[i]! - m; s2 += d * d; s4 += d * d * d * d; }
  if (s2 === 0) return NaN;
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/** COINr's check_SkewKurt: passes when |skew| < skew OR kurtosis < kurtosis (undefined moments pass). */
export function passes(x: ArrayLike<number>, t: Pick<Treat, 'skew' | 'kurtosis'>): boolean {
  const sk = skewness(x);
  const kt = kurtosis(x);
  if (Number.isNaN(sk) || Number.isNaN(kt)) return true;
  return Math.abs(sk) < t.skew || kt < t.kurtosis;
}

export interface Winsorised {
  x: Float64Array;
  /** 1 where a point was moved (or, with the fallback, every point). */
  changed: Uint8Array;
  points: number;
  fallback: boolean;
  /** Whether the column needed treatment at all. */
  failed: boolean;
}

/** Winsorise one column of values (no missing values in it) as COINr's `winsorise`, then the fallback. */
export function winsorise(orig: ArrayLike<number>, t: Treat): Winsorised {
  const n = orig.length;
  const x = Float64Array.from(orig);
  const changed = new Uint8Array(n);
  if (passes(x, t)) return { x, changed, points: 0, fallback: false, failed: false };
  let imax: number[] = [];
  let imin: number[] = [];
  let nwin = 0;
  let ok = false;
  while (!ok && nwin < t.maxPoints) {
    const high = skewness(x) >= 0;
    let ext = high ? -Infinity : Infinity;
    for (let i = 0; i < n; i++) ext = high ? Math.max(ext, x[i]!) : Math.min(ext, x[i]!);
    const at: number[] = [];
    let next = high ? -Infinity : Infinity;
    for (let i = 0; i < n; i++) {
      if (x[i] === ext) at.push(i);
      else next = high ? Math.max(next, x[i]!) : Math.min(next, x[i]!);
    }
    if (!Number.isFinite(next)) break; // every value equal: nothing left to move to
    for (const i of at) x[i] = next;
    if (high) imax = at; else imin = at;
    nwin = imax.length + imin.length;
    ok = passes(x, t);
  }
  if (!ok && t.fallback === 'log') {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) { lo = Math.min(lo, orig[i]!); hi = Math.max(hi, orig[i]!); }
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = Math.log(orig[i]! - lo + 0.01 * (hi - lo));
    return { x: y, changed: new Uint8Array(n).fill(1), points: 0, fallback: true, failed: true };
  }
  for (const i of [...imax, ...imin]) changed[i] = 1;
  return { x, changed, points: nwin, fallback: false, failed: true };
}

/**
 * Treat every leaf that has a treatment, on one year's panel. Units flagged in `exclude`
 * (screened out) take no part in the statistics; their values are capped into the treated
 * range (or go through the same log) so they stay comparable.
 */
export function treat(fw: Framework, p: Panel, exclude: Uint8Array, year: number | null): { panel: Panel; log: TreatLog[] } {
  const specs = fw.leaves.map((ni) => fw.nodes[ni]!.def!.treat);
  if (specs.every((t) => t === null)) return { panel: p, log: [] };
  const { n } = p;
  const values = p.values.slice();
  const treated = p.treated.slice();
  const log: TreatLog[] = [];
  specs.forEach((t, j) => {
    if (t === null) return;
    const base = j * n;
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (exclude[i] !== 1 && !Number.isNaN(values[base + i]!)) idx.push(i);
    const col = idx.map((i) => values[base + i]!);
    const w = winsorise(col, t);
    if (!w.failed) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of col) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    let tlo = Infinity;
    let thi = -Infinity;
    for (const v of w.x) { tlo = Math.min(tlo, v); thi = Math.max(thi, v); }
    idx.forEach((i, k) => { values[base + i] = w.x[k]!; if (w.changed[k] === 1) treated[base + i] = 1; });
    for (let i = 0; i < n; i++) {
      const v = values[base + i]!;
      if (exclude[i] !== 1 || Number.isNaN(v)) continue;
      const y = w.fallback ? Math.log(Math.max(v, lo) - lo + 0.01 * (hi - lo)) : Math.min(Math.max(v, tlo), thi);
      if (y !== v) treated[base + i] = 1;
      values[base + i] = y;
    }
    log.push({ indicator: fw.leafIds[j]!, year, points: w.points, fallback: w.fallback });
  });
  return { panel: { ...p, values, treated }, log };
}
