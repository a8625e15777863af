/**
 * The registry of aggregation methods: how a group combines its children's values v with
 * weights w. One entry per method; the definitions schema, `dti indicators` and the README read
 * this list.
 *
 * `combine` gets the children of one unit: values (NaN = missing, already resolved by the
 * missing-value stage, so a NaN here is a child left out) and weights. Missing children are
 * left out and the weights of the others re-normalised; every child missing gives NaN.
 */
export interface AggregateMethod {
  id: string;
  summary: { en: string; vi: string };
  /** Whether children must be ≥ 0 (a geometric mean has no meaning below zero). */
  needsNonNegative: boolean;
  combine(vals: Float64Array, ws: Float64Array, k: number, floor: number): number;
}

const mean: AggregateMethod = {
  id: 'mean',
  summary: { en: 'Σ w·v / Σ w (weighted arithmetic mean)', vi: 'Σ w·v / Σ w (trung bình cộng có trọng số)' },
  needsNonNegative: false,
  combine(vals, ws, k) {
    let wIn = 0;
    let acc = 0;
    for (let c = 0; c < k; c++) {
      const v = vals[c]!;
      if (v !== v) continue;
      wIn += ws[c]!;
      acc += ws[c]! * v;
    }
    return wIn === 0 ? NaN : acc / wIn;
  },
};

const geometric: AggregateMethod = {
  id: 'geometric',
  summary: {
    en: 'Π v^(w / Σ w) (weighted geometric mean; a zero child gives zero unless a floor is declared)',
    vi: 'Π v^(w / Σ w) (trung bình nhân có trọng số; một thành phần bằng 0 cho 0, trừ khi khai báo floor)',
  },
  needsNonNegative: true,
  combine(vals, ws, k, floor) {
    let wIn = 0;
    let acc = 0; // Σ w·ln v
    let zero = false;
    for (let c = 0; c < k; c++) {
      let v = vals[c]!;
      if (v !== v) continue;
      const w = ws[c]!;
      wIn += w;
      if (w === 0) continue;
      if (floor > 0 && v < floor) v = floor;
      if (v <= 0) { if (v === 0) zero = true; else return NaN; } else acc += w * Math.log(v);
    }
    if (wIn === 0) return NaN;
    return zero ? 0 : Math.exp(acc / wIn);
  },
};

const sum: AggregateMethod = {
  id: 'sum',
  summary: { en: 'Σ w·v (a missing child left out: scaled up to the full weight)', vi: 'Σ w·v (thiếu một thành phần: nhân lên theo tổng trọng số)' },
  needsNonNegative: false,
  combine(vals, ws, k) {
    let wAll = 0;
    let wIn = 0;
    let acc = 0;
    for (let c = 0; c < k; c++) {
      const w = ws[c]!;
      const v = vals[c]!;
      wAll += w;
      if (v !== v) continue;
      wIn += w;
      acc += w * v;
    }
    return wIn === 0 ? NaN : acc * (wAll / wIn);
  },
};

export const AGGREGATE: readonly AggregateMethod[] = [mean, geometric, sum];
export const AGGREGATE_IDS = AGGREGATE.map((m) => m.id) as [string, ...string[]];

const byId = new Map(AGGREGATE.map((m) => [m.id, m]));
export function aggregateMethodOf(id: string): AggregateMethod {
  const m = byId.get(id);
  if (m === undefined) throw new Error(`no aggregation method '${id}'`);
  return m;
}
