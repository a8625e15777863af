/**
 * Stage `rank`: competition ranks (1, 2, 2, 4) on the score, rounded to `decimals` (ties:
 * rounded) or exact; ties and unranked units in the Vietnamese collation of their names.
 */
import type { Framework } from '../framework.js';
import { compareVi } from '../text.js';

/** The buffers of `rankKeys` for n units, reused by a caller that ranks many times (the sensitivity analysis's runs). */
export interface RankBuffers {
  readonly ranks: Int32Array;
  readonly order: number[];
  readonly sorted: Float64Array;
  readonly start: Int32Array;
  readonly place: Int32Array;
}

export function rankBuffers(n: number): RankBuffers {
  return { ranks: new Int32Array(n), order: new Array<number>(n).fill(0), sorted: new Float64Array(n), start: new Int32Array(n + 2), place: new Int32Array(n) };
}

/**
 * Competition ranks (1, 2, 2, 4) on `keys`, higher is better; NaN keys are unranked (0).
 * `order` lists the units by rank, ties and the unranked in Vietnamese collation of `names`
 * (without `names`, only the ranks mean anything: ties stay in index order). The collator is
 * asked about tied units only. With `buf` (rankBuffers(keys.length)) the ranks and the order
 * are written into it, valid until its next use.
 */
export function rankKeys(keys: ArrayLike<number>, names?: readonly string[], buf: RankBuffers = rankBuffers(keys.length)): { ranks: Int32Array; order: number[] } {
  const n = keys.length;
  const { ranks, order } = buf;
  byKey(keys, buf);
  if (names !== undefined) {
    // Each run of equal keys (NaN with NaN), in collation order; a stable sort keeps equal names in index order.
    for (let s = 0; s < n;) {
      const k = keys[order[s]!]!;
      let e = s + 1;
      while (e < n && sameKey(keys[order[e]!]!, k)) e++;
      if (e - s > 1) {
        const run = order.slice(s, e).sort((a, b) => compareVi(names[a]!, names[b]!));
        for (let p = s; p < e; p++) order[p] = run[p - s]!;
      }
      s = e;
    }
  }
  return { ranks, order };
}

const sameKey = (a: number, b: number) => a === b || (a !== a && b !== b);

/**
 * Into `buf`: the units by key, higher first, NaN last, equal keys in index order, and each
 * unit's competition rank (1 + how many keys are higher; 0 for NaN). One sort of the keys
 * present, no comparator; then each unit's place d among the distinct keys from the highest
 * (NaN after all), and a counting sort on d, which keeps index order within a place.
 */
function byKey(keys: ArrayLike<number>, buf: RankBuffers): void {
  const n = keys.length;
  const { sorted, start, place, ranks, order } = buf;
  let m = 0;
  for (let i = 0; i < n; i++) { const k = keys[i]!; if (k === k) sorted[m++] = k + 0; } // -0 is 0 (the same key)
  sorted.subarray(0, m).sort();
  let u = 0;
  for (let i = 0; i < m; i++) if (u === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i]!;
  start.fill(0, 0, u + 2);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    let d = u;
    if (k === k) {
      let lo = 0;
      let hi = u;
      const v = k + 0;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! < v) lo = mid + 1; else hi = mid; }
      d = u - 1 - lo;
    }
    place[i] = d;
    start[d + 1]!++;
  }
  // start[d]: how many units have a higher key than place d (the NaN place after all).
  for (let d = 1; d <= u + 1; d++) start[d] = start[d]! + start[d - 1]!;
  for (let i = 0; i < n; i++) {
    const d = place[i]!;
    ranks[i] = d === u ? 0 : start[d]! + 1;
  }
  for (let i = 0; i < n; i++) order[start[place[i]!]!++] = i;
}

/**
 * The key a score is ranked on: rounded to `decimals` (ties: rounded) as `toFixed` rounds, or
 * exact, equal up to floating-point noise (0.1 + 0.2 against 0.3): 12 significant digits.
 */
export function rankKey(fw: Framework, scaled: number): number {
  const d = fw.definitions;
  if (scaled !== scaled) return NaN;
  return d.ties === 'rounded' ? roundedKey(scaled, d.decimals) : Number(scaled.toPrecision(12));
}

/** 10^0 … 10^12 (the decimals a definition may ask for), each exact in a double. */
const POW10 = Float64Array.from({ length: 13 }, (_, k) => 10 ** k);

/**
 * Number(x.toFixed(decimals)), without making a string where it need not: away from a half
 * (and while x·10^d is far below 2^53), Math.round(x·10^d) is the integer toFixed rounds the
 * exact value to, and one IEEE division by the exact 10^d gives the double nearest to it, as
 * reading toFixed's text does. Near a half, toFixed itself decides.
 */
function roundedKey(x: number, decimals: number): number {
  if (x === 0) return 0; // -0 too: toFixed writes it '0'
  const p = POW10[decimals]!;
  const y = x * p;
  if (Math.abs(y) > 1e9 || Math.abs(y - Math.floor(y) - 0.5) < 1e-6) return Number(x.toFixed(decimals));
  return Math.round(y) / p;
}
