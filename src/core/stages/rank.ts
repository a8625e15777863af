/**
 * Stage `rank`: competition ranks (1, 2, 2, 4) on the score, rounded to `decimals` (ties:
 * rounded) or exact; ties and unranked units in the Vietnamese collation of their names.
 */
import type { Framework } from '../framework.js';
import { compareVi, roundTo } from '../text.js';

/**
 * Competition ranks (1, 2, 2, 4) on `keys`, higher is better; NaN keys are unranked (0).
 * `order` lists the units by rank, ties and the unranked in Vietnamese collation of `names`.
 * `collation` (giving `collationOrder(names)`, called at the first tie only) saves comparing the
 * names again and again when the same names are ranked on several keys.
 */
export function rankKeys(keys: ArrayLike<number>, names: readonly string[], collation?: () => Int32Array): { ranks: Int32Array; order: number[] } {
  const n = keys.length;
  const order = (collation === undefined ? undefined : compositeOrder(keys, collation)) ?? comparedOrder(keys, names, collation);
  const ranks = new Int32Array(n);
  for (let pos = 0; pos < n; pos++) {
    const u = order[pos]!;
    if (Number.isNaN(keys[u]!)) continue;
    const prev = pos > 0 ? order[pos - 1]! : -1;
    ranks[u] = prev >= 0 && keys[prev] === keys[u] ? ranks[prev]! : pos + 1;
  }
  return { ranks, order };
}

/** The units by key (higher first, NaN last), then name: a stable sort with a comparator. */
export function comparedOrder(keys: ArrayLike<number>, names: readonly string[], collation?: () => Int32Array): number[] {
  const order = Array.from({ length: keys.length }, (_, i) => i);
  let places: Int32Array | undefined;
  return order.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    const na = Number.isNaN(ka);
    const nb = Number.isNaN(kb);
    if (na !== nb) return na ? 1 : -1;
    if (!na && ka !== kb) return kb - ka;
    if (collation === undefined) return compareVi(names[a]!, names[b]!);
    places ??= collation();
    return places[a]! - places[b]!;
  });
}

/**
 * `comparedOrder`'s order (with `collation`) by one sort of numbers, no comparator: each unit
 * is the whole number (d·n + place)·n + i, d its key's place among the distinct keys from the
 * highest (NaN after all), place its name's collation place (asked only when two units tie),
 * i its index, each below n + 1 — exact in a double while n ≤ 200,000 (else undefined).
 */
export function compositeOrder(keys: ArrayLike<number>, collation: () => Int32Array): number[] | undefined {
  const n = keys.length;
  if (n > 200_000) return undefined;
  const sorted = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) { const k = keys[i]!; if (k === k) sorted[m++] = k + 0; } // -0 is 0 (the comparator's ===)
  sorted.subarray(0, m).sort();
  let u = 0;
  for (let i = 0; i < m; i++) if (u === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i]!;
  const places = u < m || n - m > 1 ? collation() : undefined;
  const composite = new Float64Array(n);
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
    composite[i] = (d * n + (places === undefined ? 0 : places[i]!)) * n + i;
  }
  composite.sort();
  const order = new Array<number>(n);
  for (let p = 0; p < n; p++) order[p] = composite[p]! % n;
  return order;
}

/**
 * Each name's place in the Vietnamese collation (`compareVi`), equal names sharing one:
 * comparing two places orders the names exactly as comparing the names does, so a sort by
 * several keys compares the names (slow: the ICU collator) once, not on every tie.
 */
export function collationOrder(names: readonly string[]): Int32Array {
  const n = names.length;
  const idx = numberedOrder(names) ?? Array.from({ length: n }, (_, i) => i).sort((a, b) => compareVi(names[a]!, names[b]!));
  const place = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const u = idx[p]!;
    place[u] = p > 0 && names[idx[p - 1]!] === names[u] ? place[idx[p - 1]!]! : p;
  }
  return place;
}

/** The key a score is ranked on: rounded to `decimals` (ties: rounded) or exact. */
export function rankKey(fw: Framework, scaled: number): number {
  const d = fw.definitions;
  if (Number.isNaN(scaled)) return NaN;
  // `exact`: equal up to floating-point noise (0.1 + 0.2 against 0.3) is equal: 12 significant digits.
  return d.ties === 'rounded' ? roundTo(scaled, d.decimals) : Number(scaled.toPrecision(12));
}

/** A name ending in a number: what comes before it, and the number (at most 15 digits). */
const NUMBERED = /^(.*?)(\d{1,15})$/s;

/**
 * Names that are mostly "<text> <number>" (Đơn vị 1 … Đơn vị 100000) in collation order at
 * the cost of sorting their few distinct texts with the collator: by text, then by number,
 * then by code point; the order is then checked with the collator on each pair of neighbours
 * (which proves it, as the collation with its code-point tie-break is a total order). Undefined
 * when it does not hold or the names are not of that kind: the caller sorts with the collator.
 */
function numberedOrder(names: readonly string[]): number[] | undefined {
  const n = names.length;
  if (n < 64) return undefined;
  const head: string[] = new Array<string>(n);
  const num = new Float64Array(n);
  const heads = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const m = NUMBERED.exec(names[i]!);
    if (m === null) return undefined;
    head[i] = m[1]!;
    num[i] = Number(m[2]!);
    heads.set(m[1]!, 0);
  }
  if (heads.size * 8 > n) return undefined;
  [...heads.keys()].sort(compareVi).forEach((h, k) => heads.set(h, k));
  const hr = Int32Array.from(head, (h) => heads.get(h)!);
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const d = hr[a]! - hr[b]! || num[a]! - num[b]!;
    if (d !== 0) return d;
    const x = names[a]!;
    const y = names[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (let p = 1; p < n; p++) if (compareVi(names[idx[p - 1]!]!, names[idx[p]!]!) > 0) return undefined;
  return idx;
}
