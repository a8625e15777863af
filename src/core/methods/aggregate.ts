/**
 * The registry of aggregation methods: how a group combines its children's values v with
 * weights w. One entry per method; the definitions schema, `dti indicators` and the README read
 * this list.
 *
 * Each method's formula is written once, column-wise (`columns`): every unit of a group at a
 * time, one child's column after another. Scoring (stages/aggregate.ts), the sensitivity
 * analysis's re-aggregation and, a unit at a time through `combine`, `dti explain` use it.
 * A child's missing value (NaN) becomes its fill (the missing-value policy: 0, or NaN = left
 * out); children left out are left out and the weights of the others re-normalised; every
 * child left out gives NaN.
 */
import { type Text, msg } from '../messages.js';

export interface AggregateMethod {
  id: string;
  /** Its word for a reader, from the catalogue (`dti indicators`). */
  word: Text;
  summary: { en: string; vi: string };
  /** Whether children must be ≥ 0 (a geometric mean has no meaning below zero). */
  needsNonNegative: boolean;
  /** Whether it combines the children's logarithms (a product of powers) rather than their values. */
  logarithmic: boolean;
  /** Whether a group may declare a `floor` (a child below it counts as it). */
  takesFloor: boolean;
  /**
   * Whether the children's weights count in full rather than as shares of their sum: a sum
   * (Σ w·v), whose missing children's weight is made up by scaling the others up.
   */
  fullWeight: boolean;
  /** Whether `dti sensitivity --aggregation` offers it as an alternative to each group's own method. */
  alternative: boolean;
  /**
   * out[i], for every unit i < out.length: the combination of cols[c][i] over the children c
   * (NaN: missing, replaced by fills[c]; NaN again: left out) with weights ws[c], per `floor`.
   * Per unit, the operations are done child by child in order, so a unit's result does not
   * depend on the others. `out` is none of the `cols`.
   */
  columns(cols: readonly Float64Array[], ws: ArrayLike<number>, fills: ArrayLike<number>, floor: number, out: Float64Array): void;
  /** One unit: values (NaN = left out) and weights of its k children. */
  combine(vals: Float64Array, ws: Float64Array, k: number, floor: number): number;
}

/** A method from its column-wise formula; `combine` is that formula on columns of one unit. */
function method(m: Omit<AggregateMethod, 'combine'>): AggregateMethod {
  const out = new Float64Array(1);
  return {
    ...m,
    combine(vals, ws, k, floor) {
      const cols: Float64Array[] = [];
      for (let c = 0; c < k; c++) cols.push(vals.subarray(c, c + 1));
      m.columns(cols, ws, new Float64Array(k).fill(NaN), floor, out);
      return out[0]!;
    },
  };
}

/**
 * The sums of a column-wise pass are exact for every unit with all its children present (and,
 * for a geometric mean, positive). A missing child (NaN) spoils its unit's sum, as does a
 * negative or a zero-weighted zero child of a geometric mean, and the unit's result is left
 * NaN: those units alone are summed again here, child by child in the same order — a missing
 * value replaced by its fill or left out, a zero weight skipped, a zero child making the
 * log-sum −∞ (the mean 0), a negative one NaN (no mean) — and `finish(Σ, Σ w present)` is
 * their result.
 */
function respoil(cols: readonly Float64Array[], ws: ArrayLike<number>, fills: ArrayLike<number>, floor: number, geometric: boolean,
  out: Float64Array, finish: (sum: number, wIn: number) => number): void {
  for (let u = 0; u < out.length; u++) {
    if (out[u] === out[u]) continue;
    let a = 0;
    let w = 0;
    for (let c = 0; c < cols.length; c++) {
      let v = cols[c]![u]!;
      if (v !== v) { v = fills[c]!; if (v !== v) continue; }
      const wc = ws[c]!;
      w += wc;
      if (wc === 0) continue;
      if (!geometric) a += wc * v;
      else {
        if (floor > 0 && v < floor) v = floor;
        if (v > 0) a += wc * Math.log(v);
        else if (v === 0) a -= Infinity;
        else { a = NaN; break; }
      }
    }
    out[u] = w === 0 ? NaN : finish(a, w);
  }
}

/** Σ w·v per unit into `acc`, a child's column at a time (see `respoil`); returns Σ w. */
function weightedSums(cols: readonly Float64Array[], ws: ArrayLike<number>, acc: Float64Array): number {
  const n = acc.length;
  let wAll = 0;
  for (let i = 0; i < n; i++) acc[i] = 0;
  for (let c = 0; c < cols.length; c++) {
    const col = cols[c]!;
    const w = ws[c]!;
    wAll += w;
    for (let i = 0; i < n; i++) acc[i] = acc[i]! + w * col[i]!;
  }
  return wAll;
}

const mean = method({
  id: 'mean',
  word: msg('aggregate.mean'),
  summary: { en: 'Σ w·v / Σ w (weighted arithmetic mean)', vi: 'Σ w·v / Σ w (trung bình cộng có trọng số)' },
  needsNonNegative: false,
  logarithmic: false,
  takesFloor: false,
  fullWeight: false,
  alternative: true,
  columns(cols, ws, fills, floor, out) {
    const wAll = weightedSums(cols, ws, out);
    if (wAll === 0) out.fill(NaN);
    else for (let i = 0; i < out.length; i++) out[i] = out[i]! / wAll;
    respoil(cols, ws, fills, floor, false, out, (a, w) => a / w);
  },
});

const geometric = method({
  id: 'geometric',
  word: msg('aggregate.geometric'),
  summary: {
    en: 'Π v^(w / Σ w) (weighted geometric mean; a zero child gives zero unless a floor is declared)',
    vi: 'Π v^(w / Σ w) (trung bình nhân có trọng số; một thành phần bằng 0 cho 0, trừ khi khai báo floor)',
  },
  needsNonNegative: true,
  logarithmic: true,
  takesFloor: true,
  fullWeight: false,
  alternative: true,
  columns(cols, ws, fills, floor, out) {
    // Σ w·ln v (a zero child: −∞, so the mean is 0).
    const n = out.length;
    let wAll = 0;
    for (let i = 0; i < n; i++) out[i] = 0;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      const w = ws[c]!;
      wAll += w;
      for (let i = 0; i < n; i++) { const v = col[i]!; out[i] = out[i]! + w * Math.log(floor > 0 && v < floor ? floor : v); }
    }
    if (wAll === 0) out.fill(NaN);
    else for (let i = 0; i < n; i++) out[i] = Math.exp(out[i]! / wAll);
    respoil(cols, ws, fills, floor, true, out, (a, w) => Math.exp(a / w));
  },
});

const sum = method({
  id: 'sum',
  word: msg('aggregate.sum'),
  summary: { en: 'Σ w·v (a missing child left out: scaled up to the full weight)', vi: 'Σ w·v (thiếu một thành phần: nhân lên theo tổng trọng số)' },
  needsNonNegative: false,
  logarithmic: false,
  takesFloor: false,
  fullWeight: true,
  alternative: false,
  columns(cols, ws, fills, floor, out) {
    const wAll = weightedSums(cols, ws, out);
    // Nothing left out: the full weight over the weight present is exactly 1.
    if (wAll === 0) out.fill(NaN);
    else for (let i = 0; i < out.length; i++) out[i] = out[i]! * (wAll / wAll);
    respoil(cols, ws, fills, floor, false, out, (a, w) => a * (wAll / w));
  },
});

export const AGGREGATE: readonly AggregateMethod[] = [mean, geometric, sum];
export const AGGREGATE_IDS = AGGREGATE.map((m) => m.id) as [string, ...string[]];
/** A group's aggregation when neither it nor the file names one. */
export const DEFAULT_AGGREGATE: string = mean.id;

const byId = new Map(AGGREGATE.map((m) => [m.id, m]));
export function aggregateMethodOf(id: string): AggregateMethod {
  const m = byId.get(id);
  if (m === undefined) throw new Error(`no aggregation method '${id}'`);
  return m;
}
