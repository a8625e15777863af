/**
 * Stage `rank`: competition ranks (1, 2, 2, 4) on the score, rounded to `decimals` (ties:
 * rounded) or exact; ties and unranked units in the Vietnamese collation of their names.
 */
import type { Framework } from '../framework.js';
import { compareVi, roundTo } from '../text.js';

/**
 * Competition ranks (1, 2, 2, 4) on `keys`, higher is better; NaN keys are unranked (0).
 * `order` lists the units by rank, ties and the unranked in Vietnamese collation of `names`.
 */
export function rankKeys(keys: ArrayLike<number>, names: readonly string[]): { ranks: Int32Array; order: number[] } {
  const n = keys.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    const na = Number.isNaN(ka);
    const nb = Number.isNaN(kb);
    if (na !== nb) return na ? 1 : -1;
    if (!na && ka !== kb) return kb - ka;
    return compareVi(names[a]!, names[b]!);
  });
  const ranks = new Int32Array(n);
  order.forEach((u, pos) => {
    if (Number.isNaN(keys[u]!)) return;
    const prev = order[pos - 1];
    ranks[u] = prev !== undefined && keys[prev] === keys[u] ? ranks[prev]! : pos + 1;
  });
  return { ranks, order };
}

/** The key a score is ranked on: rounded to `decimals` (ties: rounded) or exact. */
export function rankKey(fw: Framework, scaled: number): number {
  const d = fw.definitions;
  if (Number.isNaN(scaled)) return NaN;
  // `exact`: equal up to floating-point noise (0.1 + 0.2 against 0.3) is equal: 12 significant digits.
  return d.ties === 'rounded' ? roundTo(scaled, d.decimals) : Number(scaled.toPrecision(12));
}
