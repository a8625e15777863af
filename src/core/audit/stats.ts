/**
 * The statistics of one indicator's column, as COINr's `get_stats` (R/stats.R) computes them,
 * without its rounding to 3 significant figures:
 *  - min, max, mean, median, sd (n − 1), skew and kurtosis (COINr's `skew` and `kurt`, the
 *    type-2 moments treatment uses), over the values present;
 *  - n available, non-zero, unique (distinct values) and same (the largest number of equal
 *    values), with their fractions (available over all units; the others over those available);
 *  - flags: availability below `availability`; non-zero and unique below their thresholds as a
 *    fraction of ALL units (as COINr's flags compute them, unlike its fractions); |skew| above
 *    `skew` together with kurtosis above `kurtosis`.
 */
import { kurtosis as kurt, skewness as skew } from '../stages/treat.js';
import { median } from '../stages/impute.js';

export interface StatThresholds {
  availability: number;
  nonZero: number;
  unique: number;
  skew: number;
  kurtosis: number;
}

export const DEFAULT_STAT_THRESHOLDS: StatThresholds = { availability: 0.65, nonZero: 0.5, unique: 0.5, skew: 2, kurtosis: 3.5 };

export type StatFlag = 'LOW_AVAILABILITY' | 'MANY_ZEROS' | 'FEW_UNIQUE' | 'SKEW_KURTOSIS';

export interface ColumnStats {
  min: number;
  max: number;
  mean: number;
  median: number;
  sd: number;
  skew: number;
  kurtosis: number;
  /** Units in the column, and those with a value. */
  units: number;
  n: number;
  nonZero: number;
  unique: number;
  same: number;
  flags: StatFlag[];
}

/** R's as.character of a double (15 significant digits), which `table()` groups values by. */
const asText = (x: number) => String(Number(x.toPrecision(15)));

export function columnStats(col: ArrayLike<number>, t: StatThresholds = DEFAULT_STAT_THRESHOLDS): ColumnStats {
  const units = col.length;
  const xs: number[] = [];
  for (let i = 0; i < units; i++) if (col[i] === col[i]) xs.push(col[i]!);
  const n = xs.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let nonZero = 0;
  for (const x of xs) { min = Math.min(min, x); max = Math.max(max, x); sum += x; if (x !== 0) nonZero++; }
  const mean = n === 0 ? NaN : sum / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const sd = n < 2 ? NaN : Math.sqrt(ss / (n - 1));
  const unique = new Set(xs.map((x) => x + 0)).size;
  const counts = new Map<string, number>();
  for (const x of xs) { const k = asText(x); counts.set(k, (counts.get(k) ?? 0) + 1); }
  let same = 0;
  for (const c of counts.values()) same = Math.max(same, c);
  const sk = skew(xs);
  const kt = kurt(xs);
  const flags: StatFlag[] = [];
  if (!(n / units >= t.availability)) flags.push('LOW_AVAILABILITY');
  if (!(nonZero / units >= t.nonZero)) flags.push('MANY_ZEROS');
  if (!(unique / units >= t.unique)) flags.push('FEW_UNIQUE');
  if (Math.abs(sk) > t.skew && kt > t.kurtosis) flags.push('SKEW_KURTOSIS');
  return {
    min: n === 0 ? NaN : min, max: n === 0 ? NaN : max, mean, median: median(xs), sd, skew: sk, kurtosis: kt,
    units, n, nonZero, unique, same, flags,
  };
}

/**
 * R's `signif(x, digits)`, which COINr's tables round with: x scaled by a power of ten in
 * double arithmetic and rounded half to even (C's nearbyint), so 9.205 → 9.2 where
 * `toPrecision` gives 9.21.
 */
export function signifR(x: number, digits = 3): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const sgn = Math.sign(x);
  const a = Math.abs(x);
  const e10 = digits - 1 - Math.floor(Math.log10(a));
  const half = (y: number) => { const f = Math.floor(y); const d = y - f; return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f; };
  if (e10 >= 0) { const p = 10 ** e10; return (sgn * half(a * p)) / p; }
  const p = 10 ** -e10;
  return sgn * half(a / p) * p;
}
