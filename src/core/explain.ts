/**
 * `explain`: where one unit gains and loses points, how it moved since the year before, what
 * a rank target asks of it, and what a change of values would do. Pure: plain data in, the
 * `dti-explain/v1` object out.
 *
 * Points are on the scale of the root's weights (for the DTI, the official points out of 1000):
 * the root has `totalPoints` = Σ weights of its children × its maximum value (for `aggregate:
 * sum`, the root's own maximum). Each group hands its maximum points and its points lost down
 * to its children:
 * - mean and sum: in proportion to each child's weight share × its maximum, and weight share ×
 *   (maximum − value). This is exact: a child's points are weight share × value on the
 *   parent's scale, so points lost at each depth sum to (maximum − score) × the index's points.
 * - geometric mean: maximum points by weight share; points lost in proportion to each child's
 *   share of the log shortfall, a_c · ln(max_c / v_c), which sums to ln(max_p / v_p) (the
 *   logarithmic, LMDI-style split). The split is exact; a very low child can lose more than
 *   its own maximum (its points go negative): that is what a geometric mean punishes.
 *
 * Year-over-year contributions split the change of score node by node, exactly: a node's
 * change δ_c on its parent's scale is, for mean and sum, a¹_c·v¹_c − a⁰_c·v⁰_c (weight ×
 * change when the weights are the same in both years); for a geometric mean the log-mean
 * (LMDI-I, Ang 2004) split L(v¹_p, v⁰_p) · (a¹_c ln v¹_c − a⁰_c ln v⁰_c), with
 * L(x, y) = (x − y)/(ln x − ln y), which sums to v¹_p − v⁰_p because L · ln(v¹_p/v⁰_p) is
 * exactly that difference. The parent's contribution (in score units) is shared in
 * proportion to the δ_c. A value that is 0 in either year has no logarithm: then the
 * change goes to the children that are 0 in one of the years, by weight.
 */
import type { Dataset } from './model.js';
import { type Diagnostic, type Result, error, meant, resultWarning, warning } from './diagnostics.js';
import { msg } from './messages.js';
import { missingFill, normaliseColumn, rankKey, transformValue } from './engine.js';
import { aggregateMethodOf } from './methods/aggregate.js';
import { normaliseMethodOf } from './methods/normalise/index.js';
import { type Framework, forYear, methodChanged } from './framework.js';
import { findProvince } from './provinces.js';
import { absentProvince } from './merge-2025.js';
import type { Lang } from './score.js';
import type { YearScore } from './pipeline.js';
import { type Run, build, isRun, orThrow, yearBefore, yearOf } from './build.js';
import { compareVi, fold } from './text.js';
import { parseBoolean, parseNumber } from './values.js';
import type { Decimal } from './model.js';

export interface ExplainNode {
  id: string;
  label: string;
  depth: number;
  parent: string | null;
  kind: 'group' | 'leaf';
  /** The node's value (a leaf's normalised value, a group's aggregate), unscaled; null = missing. */
  value: number | null;
  /** Leaves: the raw value from the data. */
  raw?: number | null;
  points: number | null;
  /** Null where the node's scale has no known maximum (zscore, values beyond [0, 1] taken as they are). */
  maxPoints: number | null;
  pointsLost: number | null;
  /** Rank among all units of the year on this node (1 = best); null when missing. */
  rank: number | null;
}

export interface RankedNode {
  id: string;
  label: string;
  depth: number;
  rank: number;
  /** How many units are ranked on this node. */
  of: number;
  value: number;
}

export interface Contribution {
  id: string;
  label: string;
  depth: number;
  /** Change of the node's own value (null when missing in either year). */
  valueChange: number | null;
  /** Its share of the change of score, in score units; each depth's contributions sum to the parent's. */
  contribution: number;
  /** The same in points (see totalPoints). */
  pointsChange: number;
}

export interface ExplainChange {
  previousYear: number | null;
  previousScore: number;
  scoreChange: number;
  previousRank: number | null;
  /** Ranks gained (positive = up). */
  rankChange: number | null;
  /**
   * The index was made of different nodes in the two years (`years` in the definitions: the
   * DTI's QĐ 922 → QĐ 405): the change is not split into contributions, which would compare
   * nodes of two different methods.
   */
  methodChanged: boolean;
  /** Empty when the method changed. */
  contributions: Contribution[];
}

export interface NodeNeed {
  id: string;
  label: string;
  depth: number;
  value: number | null;
  /** The node's value that closes the gap alone, others unchanged; null when not reachable alone. */
  valueNeeded: number | null;
  reachable: boolean;
  /** Leaves whose normalisation does not depend on other units: the raw value needed. */
  rawNeeded?: number | null;
}

export interface PlanStep {
  id: string;
  label: string;
  from: number;
  to: number;
  pointsGained: number;
}

export interface ExplainTarget {
  rank: number;
  /** The score (as ranked: rounded when ties are rounded) that rank needed this year; null when any score reaches it. */
  scoreNeeded: number | null;
  /** scoreNeeded − score, in score units and in points (≤ 0: already there). */
  gap: number;
  gapPoints: number;
  reached: boolean;
  /** Other units are held at this year's values. */
  othersHeld: true;
  byNode: NodeNeed[];
  /**
   * One balanced plan: every main index (the root's children) closes the same share of the
   * way to its maximum, the smallest share that reaches the target. Null when even every
   * main index at its maximum does not.
   */
  plan: { share: number; steps: PlanStep[] } | null;
}

export interface WhatIfChange {
  id: string;
  from: number | null;
  to: number | null;
}

export interface ExplainWhatIf {
  changes: WhatIfChange[];
  score: number | null;
  rank: number | null;
  scoreChange: number | null;
  /** Ranks gained against the unit's rank without the changes (positive = up). */
  rankChange: number | null;
}

export interface ExplainResult {
  schema: 'dti-explain/v1';
  framework: { id: string; name: string };
  unit: string;
  code: string | null;
  year: number | null;
  score: number | null;
  rank: number | null;
  /** Units ranked that year. */
  units: number;
  /** The index's points (see the module comment): points lost sum to (max − score) × this. */
  totalPoints: number | null;
  /**
   * False when the year's index is a single indicator (DTI 2024 publishes only the overall
   * DTI): nothing to break it down into, so no strengths or weaknesses either.
   */
  breakdown: boolean;
  /** All nodes below the root, by depth, then by points lost (most first), then document order. */
  nodes: ExplainNode[];
  strengths: RankedNode[];
  weaknesses: RankedNode[];
  change: ExplainChange | null;
  target?: ExplainTarget;
  whatIf?: ExplainWhatIf;
  warnings: { code: string; message: string }[];
}

export interface ExplainOptions {
  lang?: Lang;
  /** A dataset holding the previous year (the file beside this one). */
  previous?: Dataset;
  targetRank?: number;
  /** `id=value` edits (raw values as in a data file) to rescore the unit with. */
  whatIf?: readonly string[];
  decimal?: Decimal;
  /** How many strengths and weaknesses (default 5 each). */
  top?: number;
}

const TOP = 5;
const nn = (x: number) => (Number.isNaN(x) ? null : x);
/** Points printed to 10 decimals at most: 0.1 + 0.2 shows as 0.3. */
const clean = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(10)) : x);

/** The key of the unit named `name` in `data`: any spelling of a province, or a unit's name. */
export function findUnit(data: Dataset, name: string): Result<string> {
  const known = new Map<string, string>();
  for (const r of data.records) if (!known.has(r.key)) known.set(r.key, r.unit);
  if (data.unitKind === 'province') {
    const p = findProvince(name);
    if (!p.ok) {
      return { ok: false, warnings: [], errors: [error('UNKNOWN_PROVINCE', { name }, {}, p.suggestions.length > 0 ? msg('hint.didYouMean', { options: p.suggestions }) : msg('hint.seeProvinces'))] };
    }
    const key = [...known.keys()].find((k) => k === p.province.code || k === `2025:${p.province.code}`);
    if (key === undefined) return { ok: false, warnings: [], errors: [absentProvince(p.province, known, known.size)] };
    return { ok: true, value: key, warnings: [] };
  }
  const key = [...known.keys()].find((k) => fold(k) === fold(name.trim().normalize('NFC')));
  if (key === undefined) {
    return { ok: false, warnings: [], errors: [error('UNKNOWN_PROVINCE.noUnit', { name }, {}, msg('hint.units', { units: [...known.values()].sort(compareVi).slice(0, 10).join(', ') }))] };
  }
  return { ok: true, value: key, warnings: [] };
}

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
  nd.children.forEach((c, i) => { const v = vals[c]!; cv[i] = v !== v ? fill[c]! : v; cw[i] = w[c]!; });
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

/** Each child's effective weight share in its parent for this unit (0 when excluded as missing). */
function shares(fw: Framework, vals: Float64Array, w: Float64Array): Float64Array {
  const a = new Float64Array(fw.nodes.length);
  fw.nodes.forEach((nd) => {
    if (nd.leaf >= 0) return;
    const full = aggregateMethodOf(nd.aggregate).fullWeight;
    let wAll = 0;
    let wIn = 0;
    for (const c of nd.children) {
      wAll += w[c]!;
      if (!Number.isNaN(vals[c]!) || fw.nodes[c]!.missing === 'zero') wIn += w[c]!;
    }
    for (const c of nd.children) {
      const present = !Number.isNaN(vals[c]!) || fw.nodes[c]!.missing === 'zero';
      a[c] = !present || wIn === 0 ? 0 : full ? w[c]! * (wAll / wIn) : w[c]! / wIn;
    }
  });
  return a;
}

/** The value a child counts with: 0 for a missing value under `zero`. */
const counted = (fw: Framework, c: number, vals: Float64Array) => {
  const v = vals[c]!;
  return v !== v && fw.nodes[c]!.missing === 'zero' ? 0 : v;
};

interface Points { points: Float64Array; maxPoints: Float64Array; lost: Float64Array; maxVal: Float64Array; rootFactor: number }

/** Points, maximum points and points lost of every node for one unit (see the module comment). */
export function pointsOf(fw: Framework, vals: Float64Array, leafMax: Float64Array, w: Float64Array = Float64Array.from(fw.nodes, (x) => x.weight)): Points {
  const N = fw.nodes.length;
  const a = shares(fw, vals, w);
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
  const rv = counted(fw, fw.root, vals);
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
        const v = Math.max(counted(fw, c, vals), nd.floor);
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
        lossSum += a[c]! * (maxVal[c]! - counted(fw, c, vals));
      }
      for (const c of nd.children) {
        if (a[c] === 0) continue;
        linear[c] = f * a[c]!;
        const v = counted(fw, c, vals);
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

/** The logarithmic mean L(x, y) = (x − y)/(ln x − ln y), L(x, x) = x. */
function logMean(x: number, y: number): number {
  if (x === y) return x;
  return (x - y) / (Math.log(x) - Math.log(y));
}

/** Each node's contribution to the change of the root's scaled score between two years (module comment). */
export function contributions(fw: Framework, v0: Float64Array, v1: Float64Array, scale: number): Float64Array {
  const N = fw.nodes.length;
  const w = Float64Array.from(fw.nodes, (x) => x.weight);
  const a0 = shares(fw, v0, w);
  const a1 = shares(fw, v1, w);
  const C = new Float64Array(N);
  const r0 = counted(fw, fw.root, v0);
  const r1 = counted(fw, fw.root, v1);
  C[fw.root] = scale * r1 - scale * r0;
  // Score units per unit of the node's value, used only when the node's value did not change.
  const slope = new Float64Array(N);
  slope[fw.root] = scale;
  for (let k = N - 1; k >= 0; k--) {
    const nd = fw.nodes[k]!;
    if (nd.leaf >= 0) continue;
    const p0 = counted(fw, k, v0);
    const p1 = counted(fw, k, v1);
    const kids = nd.children;
    const delta = new Float64Array(kids.length);
    // Under a geometric mean with a floor, a child counts with at least the floor.
    const logarithmic = aggregateMethodOf(nd.aggregate).logarithmic;
    const fl = logarithmic ? nd.floor : -Infinity;
    const x0 = kids.map((c) => (a0[c] === 0 ? NaN : Math.max(counted(fw, c, v0), fl)));
    const x1 = kids.map((c) => (a1[c] === 0 ? NaN : Math.max(counted(fw, c, v1), fl)));
    if (logarithmic) {
      const hasZero = kids.some((_, i) => x0[i] === 0 || x1[i] === 0);
      if (!hasZero && p0 > 0 && p1 > 0) {
        const L = logMean(p1, p0);
        kids.forEach((c, i) => {
          const t1 = a1[c] === 0 ? 0 : a1[c]! * Math.log(x1[i]!);
          const t0 = a0[c] === 0 ? 0 : a0[c]! * Math.log(x0[i]!);
          delta[i] = L * (t1 - t0);
        });
      } else {
        let wz = 0;
        kids.forEach((c, i) => { if (x0[i] === 0 || x1[i] === 0) wz += fw.nodes[c]!.weight; });
        const d = (Number.isNaN(p1) ? 0 : p1) - (Number.isNaN(p0) ? 0 : p0);
        kids.forEach((c, i) => { if (x0[i] === 0 || x1[i] === 0) delta[i] = wz > 0 ? d * fw.nodes[c]!.weight / wz : 0; });
      }
    } else {
      kids.forEach((c, i) => {
        const t1 = a1[c] === 0 ? 0 : a1[c]! * x1[i]!;
        const t0 = a0[c] === 0 ? 0 : a0[c]! * x0[i]!;
        delta[i] = t1 - t0;
      });
    }
    const dSum = delta.reduce((s, x) => s + x, 0);
    // The parent's change shared by δ; Σ δ = the parent's change of value, so the shares sum exactly.
    const k1 = dSum !== 0 && Math.abs(C[k]!) > 0 ? C[k]! / dSum : slope[k]!;
    kids.forEach((c, i) => {
      C[c] = dSum === 0 && C[k] !== 0 ? 0 : k1 * delta[i]!;
      const local = logarithmic
        ? ((a1[c]! + a0[c]!) / 2) * (((p0 + p1) / 2) / (((x0[i]! || 0) + (x1[i]! || 0)) / 2 || 1))
        : (a1[c]! + a0[c]!) / 2;
      slope[c] = slope[k]! * local;
    });
  }
  return C;
}

/** A node's value as its ranks compare it (12 decimals: float noise is no difference). */
const keyOfValue = (v: number) => (Math.abs(v) < 1e3 ? Math.round(v * 1e12) / 1e12 : v);

/** Competition ranks of every unit on every node (values rounded to 12 decimals so float noise makes no ranks). */
function nodeRanks(fw: Framework, ys: YearScore): Int32Array[] {
  const n = ys.records.length;
  const keys = new Float64Array(n);
  const sorted = new Float64Array(n);
  return fw.nodes.map((_, k) => {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = ys.agg.nodes[k * n + i]!;
      // Units screened out are not ranked on anything.
      keys[i] = v !== v || ys.screened[i] === 1 ? NaN : keyOfValue(v);
      if (keys[i] === keys[i]) sorted[m++] = keys[i]!;
    }
    const s = sorted.subarray(0, m).sort();
    // Competition ranks: 1 + how many have a higher value; 0 = unranked.
    return Int32Array.from(keys, (x) => {
      if (x !== x) return 0;
      let lo = 0;
      let hi = m;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (s[mid]! <= x) lo = mid + 1; else hi = mid; }
      return m - lo + 1;
    });
  });
}

/** The scaled score's rank key of a root value. */
const keyOf = (fw: Framework, rootValue: number) => rankKey(fw, rootValue * fw.definitions.scale);

/** Parse `id=value` edits against the leaves; every problem at once. */
export function parseWhatIf(fw: Framework, edits: readonly string[], decimal: Decimal = 'dot'): Result<{ leaf: number; value: number; text: string }[]> {
  const errors: Diagnostic[] = [];
  const out: { leaf: number; value: number; text: string }[] = [];
  for (const e of edits) {
    const eq = e.indexOf('=');
    if (eq <= 0) {
      errors.push(error('BAD_PARAMETER.whatIf', { text: e }, {}, msg('hint.whatIf')));
      continue;
    }
    const id = e.slice(0, eq).trim();
    const text = e.slice(eq + 1);
    const k = fw.index.get(id);
    if (k === undefined || fw.nodes[k]!.leaf < 0) {
      errors.push(k === undefined ? error('UNKNOWN_NODE.whatIf', { id }, {}, meant(id, fw.leafIds) ?? msg('hint.seeIndicators'))
        : error('UNKNOWN_NODE.whatIfGroup', { id }, {}, msg('hint.under', { ids: fw.nodes[k]!.children.map((c) => fw.nodes[c]!.id).slice(0, 6).join(', ') })));
      continue;
    }
    const leaf = fw.nodes[k]!;
    // A value typed on the command line: either decimal mark is understood (0.6 or 0,6).
    const yesNo = normaliseMethodOf(leaf.def!.normalize.method).yesNo;
    let v = yesNo ? parseBoolean(text) : parseNumber(text, decimal);
    if (v.kind === 'invalid' && !yesNo) {
      const other = parseNumber(text, decimal === 'dot' ? 'comma' : 'dot');
      if (other.kind === 'number') v = other;
    }
    if (v.kind === 'invalid') { errors.push(error('NOT_A_NUMBER', { where: `--what-if ${id}`, reason: v.reason }, {}, v.hint)); continue; }
    const value = v.kind === 'missing' ? NaN : v.value;
    if (!Number.isNaN(value) && Number.isNaN(transformValue(leaf.def!.transform, value))) {
      errors.push(error('OUT_OF_DOMAIN.whatIf', { id, value, transform: leaf.def!.transform }, {}, msg('hint.possibleValue')));
      continue;
    }
    out.push({ leaf: leaf.leaf, value, text });
  }
  return errors.length > 0 ? { ok: false, errors, warnings: [] } : { ok: true, value: out, warnings: [] };
}

/**
 * The smallest x in [lo, hi] with ok(x), for ok nondecreasing in x; null when ok(hi) fails.
 * Bisection to the last representable step, so the answer passes ok exactly.
 */
function smallest(ok: (x: number) => boolean, lo: number, hi: number): number | null {
  if (ok(lo)) return lo;
  if (!ok(hi)) return null;
  for (let it = 0; it < 200; it++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (ok(mid)) hi = mid; else lo = mid;
  }
  return hi;
}

/**
 * The raw value whose normalised value is at least `y`, for a leaf whose normalisation uses no
 * other unit's values (its method's `invert`); undefined otherwise. Checked through the
 * engine's own normalisation.
 */
function rawFor(fw: Framework, leafNode: number, y: number): number | null | undefined {
  const leaf = fw.nodes[leafNode]!.def!;
  const nm = leaf.normalize;
  const lower = leaf.direction === 'lower';
  const inv = (t: number) => (leaf.transform === 'log' ? Math.exp(t) : leaf.transform === 'log10' ? 10 ** t : leaf.transform === 'sqrt' ? t * t : t);
  const T = (x: number) => transformValue(leaf.transform, x);
  const m = normaliseMethodOf(nm.method);
  if (m.usesPool || m.invert === undefined) return undefined;
  const at = m.invert(nm, y, lower, T);
  if ('raw' in at) return at.raw;
  const guess = inv(at.transformed);
  if (!Number.isFinite(guess)) return null;
  // Nudge past float error until the engine agrees (a few ulps at most).
  const norm = (x: number) => normaliseColumn(leaf, [x])[0]!;
  let x = guess;
  for (let i = 0; i < 64 && !(norm(x) >= y); i++) {
    const step = Math.max(Math.abs(x) * Number.EPSILON * 2 ** i, Number.MIN_VALUE * 2 ** i);
    x = lower ? x - step : x + step;
  }
  return norm(x) >= y ? x : null;
}

/**
 * Explain one unit of a run in the latest year it has a row, against the year before it had
 * one. `explain(fw, data, unit)` builds the run first, with `opts.previous` as the year
 * before (and throws when the build fails).
 */
export function explain(run: Run, unitName: string, opts?: Omit<ExplainOptions, 'previous'>): Result<ExplainResult>;
export function explain(fw: Framework, data: Dataset, unitName: string, opts?: ExplainOptions): Result<ExplainResult>;
export function explain(a: Run | Framework, b: Dataset | string, c?: string | ExplainOptions, e: ExplainOptions = {}): Result<ExplainResult> {
  const opts = (isRun(a) ? c ?? {} : e) as ExplainOptions;
  const run = isRun(a) ? a : orThrow(build(a, [b as Dataset], opts.previous === undefined ? {} : { previous: opts.previous }));
  const unitName = (isRun(a) ? b : c) as string;
  const fwAll = run.fw;
  const lang = opts.lang ?? 'vi';
  const found = findUnit({ ...run.data, records: run.years.flatMap((ys) => ys.records) }, unitName);
  if (!found.ok) return found;
  const key = found.value;
  const d = fwAll.definitions;
  const has = (y: number | null) => yearOf(run, y)!.records.some((r) => r.key === key);
  const years = run.years.map((ys) => ys.year);
  // The latest year in which the unit has a row, and the one before in which it had one.
  const year = [...years].reverse().find(has) ?? null;
  const best = yearBefore(years, year, has);
  // That year's method (`years` in the definitions): its nodes, weights and points.
  const fw = forYear(fwAll, year);
  const cur = yearOf(run, year)!;
  const current = cur.records;
  const n = current.length;
  const u = current.findIndex((r) => r.key === key);
  const rec = current[u]!;
  const N = fw.nodes.length;
  const w = Float64Array.from(fw.nodes, (x) => x.weight);
  const leafMax = leafMaxima(fw, cur.norm, n);
  const vals = Float64Array.from({ length: N }, (_, k) => cur.agg.nodes[k * n + u]!);
  const pts = pointsOf(fw, vals, leafMax, w);
  const ranks = nodeRanks(fw, cur);
  const rankedOn = ranks.map((r) => r.reduce((s, x) => s + (x > 0 ? 1 : 0), 0));
  const label = (k: number) => (k === fw.root ? d.name[lang] : fw.nodes[k]!.def!.name[lang]);
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];

  const bounded = !Number.isNaN(pts.maxPoints[fw.root]!);
  const nodes: ExplainNode[] = [];
  const order: number[] = [];
  // Nodes outside that year's method (`years`) are not part of its index: not listed.
  // After the 2025 merger a province has its main indices (the members' means) and nothing below them.
  const off = (k: number) => (fw.inactive !== undefined && fw.inactive[k] === 1) || (run.merged && fw.nodes[k]!.depth > 1);
  fw.nodes.forEach((_, k) => { if (k !== fw.root && !off(k)) order.push(k); });
  // Document order (pre-order) for ties.
  const pre: number[] = [];
  const walk = (k: number) => { if (k !== fw.root && !off(k)) pre.push(k); fw.nodes[k]!.children.forEach(walk); };
  walk(fw.root);
  const docPos = new Map(pre.map((k, i) => [k, i]));
  const lostKey = (k: number) => (Number.isNaN(pts.lost[k]!) ? -Infinity : pts.lost[k]!);
  order.sort((x, y) => fw.nodes[x]!.depth - fw.nodes[y]!.depth || lostKey(y) - lostKey(x) || docPos.get(x)! - docPos.get(y)!);
  for (const k of order) {
    const nd = fw.nodes[k]!;
    const e: ExplainNode = {
      id: nd.id, label: label(k), depth: nd.depth, parent: nd.parent === fw.root ? null : fw.nodes[nd.parent]!.id,
      kind: nd.kind === 'leaf' ? 'leaf' : 'group', value: nn(vals[k]!),
      ...(nd.leaf >= 0 ? { raw: nn(rec.values[nd.leaf]!) } : {}),
      points: nn(clean(pts.points[k]!)), maxPoints: nn(clean(pts.maxPoints[k]!)), pointsLost: nn(clean(pts.lost[k]!)),
      rank: ranks[k]![u]! === 0 ? null : ranks[k]![u]!,
    };
    nodes.push(e);
  }

  // A year whose index is one indicator has no breakdown (and that indicator is the score: no strength or weakness).
  const breakdown = fw.leaves.filter((ni) => !off(ni)).length > 1;
  // Strengths and weaknesses: best and worst ranks, leaving out nodes where every unit ties.
  const top = opts.top ?? TOP;
  const informative = !breakdown ? [] : pre.filter((k) => {
    const r = ranks[k]![u]!;
    if (r === 0) return false;
    return !(rankedOn[k]! > 0 && ranks[k]!.every((x) => x === 0 || x === 1));
  });
  const entry = (k: number): RankedNode => ({ id: fw.nodes[k]!.id, label: label(k), depth: fw.nodes[k]!.depth, rank: ranks[k]![u]!, of: rankedOn[k]!, value: vals[k]! });
  const byRank = [...informative].sort((x, y) => ranks[x]![u]! - ranks[y]![u]! || docPos.get(x)! - docPos.get(y)!);
  // At most half of the nodes are strengths, so a small tree keeps some weaknesses.
  // A strength is above the median of the units ranked on that node, a weakness below it: the
  // best ranks of a unit that is below the median everywhere are no strengths (rank 2 of 3 was one).
  const medianOf = (k: number): number => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) if (ranks[k]![i]! > 0) xs.push(cur.agg.nodes[k * n + i]!);
    xs.sort((a, b) => a - b);
    const m = xs.length >> 1;
    return xs.length % 2 === 1 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
  };
  const side = (k: number) => Math.sign(keyOfValue(vals[k]!) - keyOfValue(medianOf(k)));
  const strengths = byRank.filter((k) => side(k) > 0).slice(0, Math.min(top, Math.ceil(informative.length / 2)));
  const weakest = [...informative].sort((x, y) => ranks[y]![u]! - ranks[x]![u]! || docPos.get(x)! - docPos.get(y)!)
    .filter((k) => !strengths.includes(k) && side(k) < 0).slice(0, top);

  // Against the year before.
  let change: ExplainChange | null = null;
  if (best !== null) {
    // The registry says which methods take their statistics from the units.
    const dependent = fw.leaves.filter((ni) => normaliseMethodOf(fw.nodes[ni]!.def!.normalize.method).usesPool);
    if (dependent.length > 0) {
      warnings.push(warning('YEAR_DEPENDENT_METHOD.explain', { ids: dependent.map((ni) => fw.nodes[ni]!.id) }, {}, msg('hint.withCare')));
    }
    const prev = yearOf(run, best)!;
    const pu = prev.records.findIndex((r) => r.key === key);
    const pn = prev.records.length;
    const v0 = Float64Array.from({ length: N }, (_, k) => prev.agg.nodes[k * pn + pu]!);
    // Across a change of method the change is not split: the nodes of the two years differ.
    const changedMethod = methodChanged(fwAll, best, year);
    const C = contributions(fw, v0, vals, d.scale);
    const pScore = prev.scores[pu]!;
    const toPoints = pts.rootFactor / d.scale;
    const contribs: Contribution[] = changedMethod ? [] : pre.map((k) => {
      const a = counted(fw, k, vals);
      const b = counted(fw, k, v0);
      return {
        id: fw.nodes[k]!.id, label: label(k), depth: fw.nodes[k]!.depth,
        valueChange: Number.isNaN(a) || Number.isNaN(b) ? null : a - b,
        contribution: C[k]!, pointsChange: C[k]! * toPoints,
      };
    });
    contribs.sort((x, y) => x.depth - y.depth || y.contribution - x.contribution);
    const prevRank = prev.ranks[pu]! === 0 ? null : prev.ranks[pu]!;
    const rank = cur.ranks[u]! === 0 ? null : cur.ranks[u]!;
    change = {
      previousYear: best, previousScore: pScore, scoreChange: cur.scores[u]! - pScore,
      previousRank: prevRank, rankChange: prevRank === null || rank === null ? null : prevRank - rank, methodChanged: changedMethod, contributions: contribs,
    };
  }

  const result: ExplainResult = {
    schema: 'dti-explain/v1',
    framework: { id: d.id, name: d.name[lang] },
    unit: rec.unit, code: rec.code, year,
    score: nn(cur.scores[u]!), rank: cur.ranks[u]! === 0 ? null : cur.ranks[u]!,
    units: cur.ranks.reduce((s, x) => s + (x > 0 ? 1 : 0), 0),
    totalPoints: bounded ? clean(pts.maxPoints[fw.root]!) : null, breakdown,
    nodes, strengths: strengths.map(entry), weaknesses: weakest.map(entry), change, warnings: [],
  };

  if (opts.targetRank !== undefined) {
    // A merged province's main indices are given (the members' means), not computed from leaves.
    const given = new Map(run.merged ? fw.nodes[fw.root]!.children.map((c) => [c, vals[c]!] as [number, number]) : []);
    const t = target(fw, cur, u, vals, pts, opts.targetRank, label, pre, given);
    if (!t.ok) errors.push(...t.errors); else result.target = t.value;
  }
  if (opts.whatIf !== undefined && opts.whatIf.length > 0 && run.merged) {
    errors.push(error('BAD_PARAMETER.whatIfMerged', { unit: rec.unit }, {}, msg('hint.whatIfMember')));
  } else if (opts.whatIf !== undefined && opts.whatIf.length > 0) {
    const edits = parseWhatIf(fw, opts.whatIf, opts.decimal);
    if (!edits.ok) errors.push(...edits.errors);
    else {
      const values = Float64Array.from(rec.values);
      for (const e of edits.value) values[e.leaf] = e.value;
      // lines and cols named: a loaded record may make them only when asked (not own properties).
      const edited = run.data.records.map((r) => (r === rec ? { ...r, lines: r.lines, cols: r.cols, values } : r));
      // The same run with the unit's values edited: every stage again (imputation and the pool see the new values).
      const again = build(fwAll, [{ ...run.data, records: edited }], {
        ...(run.options.poolYears === true ? { poolYears: true } : {}), ...(run.options.year === undefined ? {} : { year: run.options.year }),
      });
      if (!again.ok) return { ok: false, errors: again.errors, warnings };
      const ws = yearOf(again.value, year)!;
      const r1 = ws.ranks[u]! === 0 ? null : ws.ranks[u]!;
      result.whatIf = {
        changes: edits.value.map((e) => ({ id: fw.leafIds[e.leaf]!, from: nn(rec.values[e.leaf]!), to: nn(e.value) })),
        score: nn(ws.scores[u]!), rank: r1,
        scoreChange: Number.isNaN(ws.scores[u]!) || Number.isNaN(cur.scores[u]!) ? null : ws.scores[u]! - cur.scores[u]!,
        rankChange: r1 === null || result.rank === null ? null : result.rank - r1,
      };
    }
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  result.warnings = warnings.map((x) => resultWarning(x, false));
  return { ok: true, value: result, warnings };
}

function target(fw: Framework, cur: YearScore, u: number, vals: Float64Array, pts: Points,
  N: number, label: (k: number) => string, pre: number[], given: ReadonlyMap<number, number> = new Map()): Result<ExplainTarget> {
  const n = cur.records.length;
  const scale = fw.definitions.scale;
  // A rank past the last one ranked is reached by any score (there is nobody to pass).
  const others: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === u) continue;
    const k = rankKey(fw, cur.scores[i]!);
    if (!Number.isNaN(k)) others.push(k);
  }
  others.sort((a, b) => b - a);
  // The ranks there are: the others ranked and this unit (rank 99 of 63 was 'reached').
  if (N < 1 || N > others.length + 1) {
    return { ok: false, warnings: [], errors: [error('BAD_PARAMETER.targetRank', { rank: N, units: others.length + 1 }, {}, msg('hint.targetRank', { units: others.length + 1 }))] };
  }
  // Rank N needs at least the N-th best score among the others (equal shares rank N); past them, nothing.
  const needed = N - 1 < others.length ? others[N - 1]! : null;
  const score = cur.scores[u]!;
  const gap = needed === null ? 0 : needed - (Number.isNaN(score) ? 0 : score);
  const toPoints = pts.rootFactor / scale;
  const leafVals = Float64Array.from(fw.leaves, (_, j) => cur.norm[j * n + u]!);
  const ok = (fixed: Map<number, number>) => {
    if (needed === null) return true;
    const v = evaluateUnit(fw, leafVals, given.size === 0 ? fixed : new Map([...given, ...fixed]));
    return keyOf(fw, counted(fw, fw.root, v)) >= needed;
  };
  const reached = ok(new Map());
  const byNode: NodeNeed[] = [];
  if (!reached) {
    for (const k of pre) {
      const nd = fw.nodes[k]!;
      const v = vals[k]!;
      const max = pts.maxVal[k]!;
      const hi = Number.isNaN(max) ? Math.max(1, Math.abs(Number.isNaN(v) ? 0 : v)) * 1e6 : max;
      const lo = Number.isNaN(v) ? Math.min(0, hi) : Math.min(v, hi);
      const x = fw.nodes[k]!.weight === 0 ? null : smallest((x) => ok(new Map([[k, x]])), lo, hi);
      const need: NodeNeed = { id: nd.id, label: label(k), depth: nd.depth, value: nn(v), valueNeeded: x, reachable: x !== null };
      if (nd.leaf >= 0) {
        const raw = x === null ? null : rawFor(fw, k, x);
        if (raw !== undefined) need.rawNeeded = raw;
      }
      byNode.push(need);
    }
  }
  let plan: ExplainTarget['plan'] = null;
  if (!reached) {
    const top = fw.nodes[fw.root]!.children.filter((c) => !Number.isNaN(pts.maxVal[c]!) && fw.nodes[c]!.weight > 0);
    const start = (c: number) => (Number.isNaN(vals[c]!) ? 0 : vals[c]!);
    const at = (t: number) => new Map(top.map((c) => [c, start(c) + t * (pts.maxVal[c]! - start(c))]));
    const t = smallest((t) => ok(at(t)), 0, 1);
    if (t !== null) {
      const fixed = at(t);
      const after = pointsOf(fw, evaluateUnit(fw, leafVals, given.size === 0 ? fixed : new Map([...given, ...fixed])), leafMaxOf(fw, pts));
      plan = {
        share: t,
        steps: top.map((c) => ({
          id: fw.nodes[c]!.id, label: label(c), from: start(c), to: fixed.get(c)!,
          pointsGained: clean((after.points[c]! || 0) - (Number.isNaN(pts.points[c]!) ? 0 : pts.points[c]!)),
        })).sort((x, y) => y.pointsGained - x.pointsGained),
      };
    }
  }
  return {
    ok: true, warnings: [],
    value: { rank: N, scoreNeeded: needed, gap, gapPoints: clean(gap * toPoints), reached, othersHeld: true, byNode, plan },
  };
}

/** The leaf maxima back from a unit's points (the maximum value of each leaf node). */
function leafMaxOf(fw: Framework, pts: Points): Float64Array {
  return Float64Array.from(fw.leaves, (ni) => pts.maxVal[ni]!);
}
