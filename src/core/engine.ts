/**
 * The scoring engine: normalise each leaf, aggregate up the tree, rank. Pure functions over
 * typed arrays; formulas are those of ../shared/design/formats.md §1.
 *
 * The normalised leaf matrix (units × leaves, NaN = missing) is kept, and `aggregate` takes
 * optional node weights, so a caller can re-weight and re-aggregate without normalising again.
 */
import type { Diagnostic } from './diagnostics.js';
import { error } from './diagnostics.js';
import type { Aggregate, IndicatorNode, Transform } from './definitions.js';
import type { UnitRecord } from './data.js';
import type { Framework } from './framework.js';
import { compareVi, roundTo } from './text.js';

/** x through the leaf's transform; NaN outside its domain (log of x ≤ 0, sqrt of x < 0). */
export function transformValue(t: Transform, x: number): number {
  switch (t) {
    case 'none': return x;
    case 'log': return x > 0 ? Math.log(x) : NaN;
    case 'log10': return x > 0 ? Math.log10(x) : NaN;
    case 'sqrt': return x >= 0 ? Math.sqrt(x) : NaN;
  }
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Normalise one leaf's column of raw values (NaN = missing). `pool` is the set of raw values
 * that the data-dependent methods (minmax, zscore, rank) take their statistics from: by
 * default the column itself, i.e. that year's units.
 */
export function normalizeColumn(leaf: IndicatorNode, raw: ArrayLike<number>, pool: ArrayLike<number> = raw): Float64Array {
  const n = raw.length;
  const out = new Float64Array(n).fill(NaN);
  const t = leaf.transform;
  const lower = leaf.direction === 'lower';
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = transformValue(t, raw[i]!);
  // The pool through the same transform (the column itself unless pooling years).
  let px: Float64Array = x;
  if (pool !== raw) {
    px = new Float64Array(pool.length);
    for (let i = 0; i < pool.length; i++) px[i] = transformValue(t, pool[i]!);
  }
  const nm = leaf.normalize;
  switch (nm.method) {
    case 'none':
    case 'boolean':
      out.set(x);
      break;
    case 'target': {
      const tg = transformValue(t, nm.target);
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (Number.isNaN(v)) continue;
        out[i] = lower ? (v <= tg ? 1 : tg / v) : clamp01(v / tg);
      }
      break;
    }
    case 'goalposts':
    case 'minmax': {
      let lo: number;
      let hi: number;
      if (nm.method === 'goalposts') {
        lo = transformValue(t, nm.min);
        hi = transformValue(t, nm.max);
      } else {
        lo = Infinity;
        hi = -Infinity;
        for (let i = 0; i < px.length; i++) {
          const v = px[i]!;
          if (Number.isNaN(v)) continue;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (Number.isNaN(v)) continue;
        // Every unit equal under minmax: all are at the frontier, so all get 1.
        if (hi === lo) out[i] = 1;
        else out[i] = clamp01(lower ? (hi - v) / (hi - lo) : (v - lo) / (hi - lo));
      }
      break;
    }
    case 'zscore': {
      // Population standard deviation over the pool; zero spread gives 0 for everyone.
      let sum = 0;
      let count = 0;
      for (let i = 0; i < px.length; i++) {
        const v = px[i]!;
        if (!Number.isNaN(v)) { sum += v; count++; }
      }
      const mean = sum / count;
      let ss = 0;
      for (let i = 0; i < px.length; i++) {
        const v = px[i]!;
        if (!Number.isNaN(v)) ss += (v - mean) ** 2;
      }
      const sd = Math.sqrt(ss / count);
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (Number.isNaN(v)) continue;
        const z = sd === 0 ? 0 : (v - mean) / sd;
        out[i] = lower ? -z : z;
      }
      break;
    }
    case 'rank': {
      // (rank − 1)/(n − 1) with rank 1 the lowest value; tied values share the mean rank.
      const sorted = px.filter((v) => !Number.isNaN(v)).sort();
      const m = sorted.length;
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (Number.isNaN(v)) continue;
        if (m <= 1) { out[i] = 1; continue; }
        const below = lowerBound(sorted, v);
        const upTo = upperBound(sorted, v);
        // Mean 1-based rank of the tied block; a value absent from the pool ranks where it would fall.
        const r = upTo > below ? (below + 1 + upTo) / 2 : below + 0.5;
        const q = clamp01((r - 1) / (m - 1));
        out[i] = lower ? 1 - q : q;
      }
      break;
    }
    case 'steps': {
      const steps = nm.steps.map((s) => ({ at: transformValue(t, s.at), score: s.score }));
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (Number.isNaN(v)) continue;
        let s = 0;
        if (lower) {
          // The lowest step not exceeded.
          const hit = steps.find((st) => v <= st.at);
          s = hit === undefined ? 0 : hit.score;
        } else {
          // The highest step reached.
          for (const st of steps) if (v >= st.at) s = st.score;
        }
        out[i] = s;
      }
      break;
    }
  }
  return out;
}

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid]! < v) lo = mid + 1; else hi = mid; }
  return lo;
}
function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid]! <= v) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Whether a node has a geometric mean above it (its values must not be negative). */
function underGeometric(fw: Framework, k: number): boolean {
  for (let p = fw.nodes[k]!.parent; p !== -1; p = fw.nodes[p]!.parent) if (fw.nodes[p]!.aggregate === 'geometric') return true;
  return false;
}

/** Raw values that the leaf's transform (or a geometric mean above it) cannot take: located errors. */
export function domainErrors(fw: Framework, records: readonly UnitRecord[], file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  fw.leaves.forEach((ni, j) => {
    const leaf = fw.nodes[ni]!.def!;
    if (leaf.normalize.method === 'none' && leaf.transform === 'none' && underGeometric(fw, ni)) {
      // A value taken as it is feeds a geometric mean, which has no meaning for x < 0.
      for (const r of records) {
        const x = r.values[j]!;
        if (!(x < 0)) continue;
        out.push(error('OUT_OF_DOMAIN', `${leaf.id}: ${x} is negative, but it feeds a geometric mean`,
          { ...(file === undefined ? {} : { file }), line: r.lines[j]!, col: r.cols[j]! },
          'a geometric mean needs values ≥ 0; normalise this indicator (goalposts, minmax) or use aggregate: mean'));
      }
      return;
    }
    if (leaf.transform === 'none') return;
    for (const r of records) {
      const x = r.values[j]!;
      if (Number.isNaN(x) || !Number.isNaN(transformValue(leaf.transform, x))) continue;
      out.push(error('OUT_OF_DOMAIN', `${leaf.id}: ${x} is outside what transform ${leaf.transform} accepts (${leaf.transform === 'sqrt' ? 'x ≥ 0' : 'x > 0'})`,
        { ...(file === undefined ? {} : { file }), line: r.lines[j]!, col: r.cols[j]! },
        leaf.transform === 'sqrt' ? 'check the sign of the value' : 'a log needs a positive value; leave the cell empty if there is none'));
    }
  });
  return out;
}

/**
 * The normalised leaf matrix, column-major (leaf j, unit i at j·n + i), NaN where missing.
 * `pool` (default: the same records) supplies the statistics of minmax, zscore and rank.
 */
export function normalizeMatrix(fw: Framework, records: readonly UnitRecord[], pool: readonly UnitRecord[] = records): Float64Array {
  const n = records.length;
  const L = fw.leaves.length;
  const raw = gather(records, L);
  const poolRaw = pool === records ? raw : gather(pool, L);
  const m = new Float64Array(n * L);
  for (let j = 0; j < L; j++) {
    const col = raw.subarray(j * n, (j + 1) * n);
    const p = pool === records ? col : poolRaw.subarray(j * pool.length, (j + 1) * pool.length);
    m.set(normalizeColumn(fw.nodes[fw.leaves[j]!]!.def!, col, p), j * n);
  }
  return m;
}

/** The records' raw values as one column-major matrix, copied in blocks of units to stay in cache. */
function gather(records: readonly UnitRecord[], L: number): Float64Array {
  const n = records.length;
  const out = new Float64Array(n * L);
  const B = 256;
  for (let i0 = 0; i0 < n; i0 += B) {
    const i1 = Math.min(n, i0 + B);
    for (let j = 0; j < L; j++) {
      const base = j * n;
      for (let i = i0; i < i1; i++) out[base + i] = records[i]!.values[j]!;
    }
  }
  return out;
}

/**
 * Aggregate one group: `mean` Σw·v/Σw, `geometric` Π v^(w/Σw), `sum` Σw·v. Missing children
 * (NaN) are excluded and the weights of the others re-normalised (for `sum`, scaled up to
 * the full weight); all missing gives NaN. `zero`-policy children never reach here as NaN.
 */
function combine(how: Aggregate, vals: Float64Array, ws: Float64Array, k: number): number {
  let wAll = 0;
  let wIn = 0;
  let acc = 0; // Σ w·v, or Σ w·ln v for the geometric mean
  let zero = false;
  for (let c = 0; c < k; c++) {
    const w = ws[c]!;
    const v = vals[c]!;
    wAll += w;
    if (Number.isNaN(v)) continue;
    wIn += w;
    if (how === 'geometric') {
      if (w === 0) continue;
      if (v <= 0) { if (v === 0) zero = true; else return NaN; }
      else acc += w * Math.log(v);
    } else acc += w * v;
  }
  if (wIn === 0) return NaN;
  switch (how) {
    case 'mean': return acc / wIn;
    case 'sum': return acc * (wAll / wIn);
    case 'geometric': return zero ? 0 : Math.exp(acc / wIn);
  }
}

export interface Aggregated {
  n: number;
  /** Node values, column-major (node k, unit i at k·n + i), NaN = missing. Not scaled. */
  nodes: Float64Array;
  /** Pillar values, column-major (pillar p, unit i at p·n + i). Not scaled. */
  pillars: Float64Array;
}

/**
 * Aggregate the normalised leaf matrix up the tree, a node at a time over all units (each
 * child is a contiguous column). `weights` (one per node, default the definitions' weights)
 * lets a caller re-weight without normalising again.
 */
export function aggregate(fw: Framework, norm: Float64Array, n: number, weights?: Float64Array): Aggregated {
  const N = fw.nodes.length;
  const w = weights ?? Float64Array.from(fw.nodes, (x) => x.weight);
  const nodes = new Float64Array(n * N);
  for (let k = 0; k < N; k++) {
    const nd = fw.nodes[k]!;
    if (nd.leaf >= 0) nodes.set(norm.subarray(nd.leaf * n, (nd.leaf + 1) * n), k * n);
    else combineColumns(fw, nodes, n, w, nodes, k * n, nd.aggregate, nd.children);
  }
  return { n, nodes, pillars: pillarsOf(fw, nodes, n, w) };
}

/**
 * Recompute the root and the pillars from the columns of the root's children alone (the
 * 2025 merger averages the main indices, then recomputes the DTI from them).
 */
export function aggregateAbove(fw: Framework, nodes: Float64Array, n: number, weights?: Float64Array): Aggregated {
  const w = weights ?? Float64Array.from(fw.nodes, (x) => x.weight);
  const root = fw.nodes[fw.root]!;
  combineColumns(fw, nodes, n, w, nodes, fw.root * n, root.aggregate, root.children);
  return { n, nodes, pillars: pillarsOf(fw, nodes, n, w) };
}

function pillarsOf(fw: Framework, nodes: Float64Array, n: number, w: Float64Array): Float64Array {
  const P = fw.pillars.length;
  const pillars = new Float64Array(n * P);
  const how = fw.nodes[fw.root]!.aggregate;
  for (let p = 0; p < P; p++) combineColumns(fw, nodes, n, w, pillars, p * n, how, fw.pillars[p]!.members);
  return pillars;
}

/** out[offset + i] = the aggregation of the `kids` columns of `nodes` for unit i. */
function combineColumns(fw: Framework, nodes: Float64Array, n: number, w: Float64Array,
  out: Float64Array, offset: number, how: Aggregate, kids: readonly number[]): void {
  const k = kids.length;
  const vals = new Float64Array(k);
  const ws = new Float64Array(k);
  for (let c = 0; c < k; c++) ws[c] = w[kids[c]!]!;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const ch = kids[c]!;
      let v = nodes[ch * n + i]!;
      // A missing child under policy `zero` counts as 0; under `exclude` it is left out.
      if (v !== v && fw.nodes[ch]!.missing === 'zero') v = 0;
      vals[c] = v;
    }
    out[offset + i] = combine(how, vals, ws, k);
  }
}

/** The weight share of each unit's leaves that had data. */
export function coverage(fw: Framework, records: readonly UnitRecord[]): Float64Array {
  const out = new Float64Array(records.length);
  records.forEach((r, i) => {
    let c = 0;
    for (let j = 0; j < fw.leaves.length; j++) if (!Number.isNaN(r.values[j]!)) c += fw.leafShare[j]!;
    out[i] = c;
  });
  return out;
}

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
  return d.ties === 'rounded' ? roundTo(scaled, d.decimals) : scaled;
}
