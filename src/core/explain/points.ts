/**
 * One unit's points (see ./index.ts): its node values from its normalised leaf values, each
 * leaf's maximum, each child's weight share, points, maximum points and points lost, and its
 * rank on every node. `unitView` gathers what the parts of an explanation read.
 */
import type { UnitRecord } from '../model.js';
import { aggregateMethodOf } from '../methods/aggregate.js';
import { normaliseMethodOf } from '../methods/normalise/index.js';
import { missingFill, resolveMissing } from '../stages/missing.js';
import { rankKeys } from '../stages/rank.js';
import { type Framework, forYear } from '../framework.js';
import type { YearScore } from '../pipeline.js';
import type { Lang } from '../score.js';
import { type Run, yearBefore, yearOf } from '../build.js';

export const nn = (x: number) => (Number.isNaN(x) ? null : x);
/** Points printed to 10 decimals at most: 0.1 + 0.2 shows as 0.3. */
export const clean = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(10)) : x);

/**
 * The largest value each leaf can take after normalisation, or NaN when unbounded: the
 * registry's `maximum` of the leaf's method and parameters, given the leaf's normalised values
 * in `norm` (values taken as they are: 1 when all of them lie in [0, 1]).
 */
export function leafMaxima(fw: Framework, norm: Float64Array, n: number): Float64Array {
  return Float64Array.from(fw.leaves, (ni, j): number => {
    const nm = fw.nodes[ni]!.def!.normalize;
    return normaliseMethodOf(nm.method).maximum(nm, norm.subarray(j * n, (j + 1) * n));
  });
}

/** How a group combines its children's values: the engine's method from the registry, missing values resolved as the engine does. */
function combineNode(fw: Framework, k: number, vals: Float64Array, w: Float64Array, fill: Float64Array): number {
  const nd = fw.nodes[k]!;
  const K = nd.children.length;
  const cv = new Float64Array(K);
  const cw = new Float64Array(K);
  nd.children.forEach((c, i) => { cv[i] = counted(fill, c, vals); cw[i] = w[c]!; });
  return aggregateMethodOf(nd.aggregate).combine(cv, cw, K, nd.floor);
}

/** One unit's node values from its normalised leaf values, with some node values forced (`fixed`). */
export function evaluateUnit(fw: Framework, leafValues: ArrayLike<number>, fixed: ReadonlyMap<number, number> = new Map(),
  weights: Float64Array = Float64Array.from(fw.nodes, (x) => x.weight)): Float64Array {
  const vals = new Float64Array(fw.nodes.length);
  const fill = missingFill(fw);
  fw.nodes.forEach((nd, k) => {
    const f = fixed.get(k);
    if (f !== undefined) vals[k] = f;
    else vals[k] = nd.leaf >= 0 ? leafValues[nd.leaf]! : combineNode(fw, k, vals, weights, fill);
  });
  return vals;
}

/**
 * Each child's effective weight share in its parent for this unit (0 when excluded as missing):
 * a missing child counts when its fill (the missing stage's `missingFill`, `fill`) is a value,
 * as the engine's aggregation counts it.
 */
export function shares(fw: Framework, vals: Float64Array, w: Float64Array, fill: ArrayLike<number> = missingFill(fw)): Float64Array {
  const a = new Float64Array(fw.nodes.length);
  fw.nodes.forEach((nd) => {
    if (nd.leaf >= 0) return;
    const full = aggregateMethodOf(nd.aggregate).fullWeight;
    let wAll = 0;
    let wIn = 0;
    for (const c of nd.children) {
      wAll += w[c]!;
      if (!Number.isNaN(counted(fill, c, vals))) wIn += w[c]!;
    }
    for (const c of nd.children) {
      const present = !Number.isNaN(counted(fill, c, vals));
      a[c] = !present || wIn === 0 ? 0 : full ? w[c]! * (wAll / wIn) : w[c]! / wIn;
    }
  });
  return a;
}

/** The value a child counts with: a missing value is the node's fill (`missingFill`: 0 under `zero`, else still missing). */
export const counted = (fill: ArrayLike<number>, c: number, vals: Float64Array) => resolveMissing(vals[c]!, fill[c]!);

export interface Points { points: Float64Array; maxPoints: Float64Array; lost: Float64Array; maxVal: Float64Array; rootFactor: number }

/** Points, maximum points and points lost of every node for one unit (see the module comment). */
export function pointsOf(fw: Framework, vals: Float64Array, leafMax: Float64Array, w: Float64Array = Float64Array.from(fw.nodes, (x) => x.weight)): Points {
  const N = fw.nodes.length;
  const fill = missingFill(fw);
  const a = shares(fw, vals, w, fill);
  // Maximum value of each node for this unit (NaN = unbounded); a missing node has none.
  const maxVal = new Float64Array(N);
  fw.nodes.forEach((nd, k) => {
    if (nd.leaf >= 0) { maxVal[k] = leafMax[nd.leaf]!; return; }
    const logarithmic = aggregateMethodOf(nd.aggregate).logarithmic;
    let m = logarithmic ? 1 : 0;
    let any = false;
    for (const c of nd.children) {
      if (a[c] === 0) continue;
      any = true;
      m = logarithmic ? m * maxVal[c]! ** a[c]! : m + a[c]! * maxVal[c]!;
    }
    maxVal[k] = any ? m : NaN;
  });
  const root = fw.nodes[fw.root]!;
  const rootFactor = aggregateMethodOf(root.aggregate).fullWeight ? 1 : root.children.reduce((s, c) => s + w[c]!, 0);
  const points = new Float64Array(N).fill(NaN);
  const maxPoints = new Float64Array(N).fill(NaN);
  const lost = new Float64Array(N).fill(NaN);
  // Points per unit of value, along chains of means and sums (NaN below a geometric mean).
  const linear = new Float64Array(N).fill(NaN);
  const rv = counted(fill, fw.root, vals);
  linear[fw.root] = rootFactor;
  points[fw.root] = rootFactor * rv;
  maxPoints[fw.root] = rootFactor * maxVal[fw.root]!;
  lost[fw.root] = maxPoints[fw.root]! - points[fw.root]!;
  for (let k = N - 1; k >= 0; k--) {
    const nd = fw.nodes[k]!;
    if (nd.leaf >= 0) continue;
    const bounded = !Number.isNaN(maxPoints[k]!);
    if (aggregateMethodOf(nd.aggregate).logarithmic) {
      let total = 0;
      let zeros = 0;
      const ell = new Float64Array(nd.children.length);
      nd.children.forEach((c, i) => {
        if (a[c] === 0) return;
        const v = Math.max(counted(fill, c, vals), nd.floor);
        if (v === 0) { zeros += a[c]!; ell[i] = Infinity; } else { ell[i] = a[c]! * Math.log(maxVal[c]! / v); total += ell[i]!; }
      });
      nd.children.forEach((c, i) => {
        if (a[c] === 0 || !bounded) return;
        maxPoints[c] = maxPoints[k]! * a[c]!;
        const share = zeros > 0 ? (ell[i] === Infinity ? a[c]! / zeros : 0) : total > 0 ? ell[i]! / total : 0;
        lost[c] = lost[k]! * share;
        points[c] = maxPoints[c]! - lost[c]!;
      });
    } else {
      const f = linear[k]!;
      let maxSum = 0;
      let lossSum = 0;
      for (const c of nd.children) {
        if (a[c] === 0) continue;
        maxSum += a[c]! * maxVal[c]!;
        lossSum += a[c]! * (maxVal[c]! - counted(fill, c, vals));
      }
      for (const c of nd.children) {
        if (a[c] === 0) continue;
        linear[c] = f * a[c]!;
        const v = counted(fill, c, vals);
        if (bounded) {
          maxPoints[c] = maxSum > 0 ? maxPoints[k]! * (a[c]! * maxVal[c]!) / maxSum : 0;
          lost[c] = lossSum > 0 ? lost[k]! * (a[c]! * (maxVal[c]! - v)) / lossSum : 0;
          points[c] = maxPoints[c]! - lost[c]!;
        } else if (!Number.isNaN(f)) points[c] = f * a[c]! * v;
      }
    }
  }
  return { points, maxPoints, lost, maxVal, rootFactor };
}

/** The leaf maxima back from a unit's points (the maximum value of each leaf node). */
export function leafMaxOf(fw: Framework, pts: Points): Float64Array {
  return Float64Array.from(fw.leaves, (ni) => pts.maxVal[ni]!);
}

/** A node's value as its ranks compare it (12 decimals: float noise is no difference). */
export const keyOfValue = (v: number) => (Math.abs(v) < 1e3 ? Math.round(v * 1e12) / 1e12 : v);

/** Competition ranks of every unit on every node (values rounded to 12 decimals so float noise makes no ranks); 0: unranked. */
export function nodeRanks(fw: Framework, ys: YearScore): Int32Array[] {
  const n = ys.records.length;
  const keys = new Float64Array(n);
  return fw.nodes.map((_, k) => {
    for (let i = 0; i < n; i++) {
      const v = ys.agg.nodes[k * n + i]!;
      // Units screened out are not ranked on anything.
      keys[i] = v !== v || ys.screened[i] === 1 ? NaN : keyOfValue(v);
    }
    return rankKeys(keys).ranks;
  });
}

/** One unit in the year explained: what every part of the explanation reads. */
export interface UnitView {
  run: Run;
  /** The definitions over every year, and the method of the year explained (`years`: its nodes and weights). */
  fwAll: Framework;
  fw: Framework;
  key: string;
  /** The latest year in which the unit has a row, and the one before in which it had one. */
  year: number | null;
  best: number | null;
  cur: YearScore;
  n: number;
  u: number;
  rec: UnitRecord;
  /** The unit's value of every node, its points, its rank on every node (0: unranked) and how many units are ranked there. */
  vals: Float64Array;
  pts: Points;
  ranks: Int32Array[];
  rankedOn: number[];
  label: (k: number) => string;
  /**
   * Nodes outside that year's method (`years` in the definitions): not part of its index. After
   * the 2025 merger a province has its main indices (the members' means) and nothing below them.
   */
  off: (k: number) => boolean;
  /** The nodes below the root that are part of the index, in document order (pre-order). */
  pre: number[];
}

/** The unit `key` of a run in the latest year it has a row, with that year's method. */
export function unitView(run: Run, key: string, lang: Lang): UnitView {
  const fwAll = run.fw;
  const d = fwAll.definitions;
  const has = (y: number | null) => yearOf(run, y)!.records.some((r) => r.key === key);
  const years = run.years.map((ys) => ys.year);
  const year = [...years].reverse().find(has) ?? null;
  const best = yearBefore(years, year, has);
  const fw = forYear(fwAll, year);
  const cur = yearOf(run, year)!;
  const n = cur.records.length;
  const u = cur.records.findIndex((r) => r.key === key);
  const N = fw.nodes.length;
  const w = Float64Array.from(fw.nodes, (x) => x.weight);
  const leafMax = leafMaxima(fw, cur.norm, n);
  const vals = Float64Array.from({ length: N }, (_, k) => cur.agg.nodes[k * n + u]!);
  const pts = pointsOf(fw, vals, leafMax, w);
  const ranks = nodeRanks(fw, cur);
  const rankedOn = ranks.map((r) => r.reduce((s, x) => s + (x > 0 ? 1 : 0), 0));
  const label = (k: number) => (k === fw.root ? d.name[lang] : fw.nodes[k]!.def!.name[lang]);
  const off = (k: number) => (fw.inactive !== undefined && fw.inactive[k] === 1) || (run.merged && fw.nodes[k]!.depth > 1);
  const pre: number[] = [];
  const walk = (k: number) => { if (k !== fw.root && !off(k)) pre.push(k); fw.nodes[k]!.children.forEach(walk); };
  walk(fw.root);
  return { run, fwAll, fw, key, year, best, cur, n, u, rec: cur.records[u]!, vals, pts, ranks, rankedOn, label, off, pre };
}
