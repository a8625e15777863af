/**
 * The statistical audit of an index (the JRC ten-step guide's step 4–7 checks), following the
 * analysis functions of COINr 1.1.14 (R/stats.R, correlations.R, PCA.R, weights.R,
 * audit_tools.R, screen_units.R), on the data one scored year keeps at each stage
 * (`YearScore`): nothing is scored twice, the matrices are the pipeline's own.
 *
 *  - stats (`get_stats`): per indicator at a chosen stage;
 *  - availability by unit (`get_data_avail`);
 *  - correlations (`get_corr`): each node with its parent, and each pair of children of each
 *    group (indicators on the normalised data, groups on the aggregated scores);
 *  - flags (`get_corr_flags`): collinear pairs (r > 0.9) and negative pairs (r < −0.4) within a
 *    group; indicators whose statistics flag them; raw indicators correlated with a
 *    denominator, |r| > 0.6 (`get_denom_corr`);
 *  - per group: Cronbach's alpha (`get_cronbach`) and the first principal component
 *    (`get_PCA`) of its children;
 *  - effective weights (`get_eff_weights`); the mean absolute rank shift of the index when a
 *    node is removed (`remove_elements`); importance (r² with the index) beside the effective
 *    weight; and, asked for, weights for one level whose correlations with the index balance
 *    as the nominal weights do (`get_opt_weights`, "balance").
 *
 * Units screened out give no statistics, as COINr drops them at its Screen step, except at the
 * stages before screening (raw, denominated, imputed), which COINr keeps whole.
 *
 * A year of the 34 provinces after the 2025 merger (`mergeYear`) has values only for the main
 * indices (each the mean of its members', as the ministry merges) and the index recomputed from
 * them: its audit covers those two levels over the 34 units — the main indices' statistics as
 * aggregated, their correlations with the index and with each other, the index's alpha and
 * first component, their weights, importance and removal (the index re-aggregated from the
 * merged main indices), balance at their level. Whatever lies below the main indices
 * (indicators, their groups) and the denominators have no values on the 34: left out, and
 * `merge2025` in the result says so.
 */
import { type Diagnostic, error } from '../diagnostics.js';
import { msg } from '../messages.js';
import { type Framework, forYear } from '../framework.js';
import { gather } from '../panel.js';
import type { YearScore } from '../pipeline.js';
import { type Aggregated, aggregate, aggregateAbove } from '../stages/aggregate.js';
import { type CorrMethod, correlation, cronbachAlpha } from './correlation.js';
import { pca } from './pca.js';
import { type ColumnStats, DEFAULT_STAT_THRESHOLDS, type StatFlag, type StatThresholds, columnStats } from './stats.js';
import { nelderMead } from './optimise.js';
import { maxOf } from '../arrays.js';

export { type CorrMethod, CORR_METHODS, correlation, covariance, cronbachAlpha, averageRanks } from './correlation.js';
export { pca, symmetricEigen, type Pca } from './pca.js';
export { columnStats, signifR, DEFAULT_STAT_THRESHOLDS, type ColumnStats, type StatFlag, type StatThresholds } from './stats.js';
export { nelderMead } from './optimise.js';

export type AuditStage = 'raw' | 'denominated' | 'imputed' | 'treated' | 'normalised' | 'aggregated';
export const AUDIT_STAGES: readonly AuditStage[] = ['raw', 'denominated', 'imputed', 'treated', 'normalised', 'aggregated'];

export interface AuditThresholds extends StatThresholds {
  /** A pair within a group above this is collinear. */
  collinear: number;
  /** A pair within a group below this is negatively correlated. */
  negative: number;
  /** An indicator whose |r| with a denominator is above this is flagged. */
  denominator: number;
}

export const DEFAULT_AUDIT_THRESHOLDS: AuditThresholds = { ...DEFAULT_STAT_THRESHOLDS, collinear: 0.9, negative: -0.4, denominator: 0.6 };

export interface AuditOptions {
  /** The data the stats describe (default raw). */
  stage?: AuditStage;
  /** Correlation method (default pearson). */
  method?: CorrMethod;
  thresholds?: Partial<AuditThresholds>;
  /** Balance the weights of this level (1 = the indicators, as COINr counts; see `levelOf`). */
  balance?: number;
  /** Language of the framework's name (default vi). */
  lang?: 'vi' | 'en';
}

/** What the audit reads of a run (`build(…)`'s Run has both): the definitions and the year analysed, scored. */
export interface AuditRun {
  fw: Framework;
  current: YearScore;
}

export type AuditFlagCode = 'COLLINEAR' | 'NEGATIVE_CORRELATION' | StatFlag | 'DENOMINATOR_CORRELATION';

export interface AuditStat {
  id: string;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  sd: number | null;
  skew: number | null;
  kurtosis: number | null;
  n: number;
  nonZero: number;
  unique: number;
  same: number;
  flags: StatFlag[];
}

export interface AuditGroup {
  id: string;
  /** COINr's level: 1 the indicators, 2 the groups of indicators, … up to the index. */
  level: number;
  cronbachAlpha: number | null;
  pcaFirstShare: number | null;
  pcaLoadings: { id: string; loading: number }[] | null;
}

export interface AuditFlag {
  code: AuditFlagCode;
  /** The group of a pair (null for an indicator's own flag). */
  group: string | null;
  a: string;
  /** The other member of a pair, or the denominator; null for an indicator's own flag. */
  b: string | null;
  r: number | null;
}

export interface UnitAvailability {
  unit: string;
  /** Indicators with a value, of all; and the share of those that are not zero. */
  available: number;
  availability: number;
  nonZero: number | null;
}

export interface AuditResult {
  schema: 'dti-audit/v1';
  framework: { id: string; name: string };
  year: number | null;
  stage: AuditStage;
  stats: AuditStat[];
  correlations: {
    method: CorrMethod;
    withParent: { id: string; parent: string; r: number | null }[];
    withinGroups: { group: string; a: string; b: string; r: number | null }[];
  };
  denominators: { id: string; denominator: string; r: number }[];
  groups: AuditGroup[];
  effectiveWeights: { id: string; weight: number }[];
  removal: { id: string; meanAbsRankShift: number | null }[];
  importance: { id: string; weight: number; r2: number | null }[];
  flags: AuditFlag[];
  /**
   * On the 34 provinces after the 2025 merger (a merged year): true. Only the main indices and
   * the index are audited (`stage` is then `aggregated`); the levels below and the denominators
   * have no values on the 34. Absent otherwise.
   */
  merge2025?: true;
  /** With `balance`: the level, and per node its nominal and balanced weight and the correlations with the index. */
  balance?: { level: number; converged: boolean; weights: { id: string; nominal: number; balanced: number; r: number | null; rBalanced: number | null }[] };
}

/** The audit and what the JSON leaves out: availability by unit (its own table). */
export interface Audit {
  result: AuditResult;
  availability: UnitAvailability[];
}

const nul = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * COINr's level of each node: 1 for a leaf, else one more than its highest child (so in a
 * balanced tree every node of a depth has the same level, and the root the highest).
 */
export function levelOf(fw: Framework): Int32Array {
  const lv = new Int32Array(fw.nodes.length);
  // Children come before their parent in fw.nodes (post-order), the root last.
  fw.nodes.forEach((nd, k) => { lv[k] = nd.children.length === 0 ? 1 : 1 + maxOf(nd.children.map((c) => lv[c]!)); });
  return lv;
}

/** Each node's share of the index: the product of w / Σw of its siblings along its path (COINr `get_eff_weights`). */
export function effectiveWeights(fw: Framework, weights?: Float64Array): Float64Array {
  const w = weights ?? Float64Array.from(fw.nodes, (x) => x.weight);
  const eff = new Float64Array(fw.nodes.length);
  eff[fw.root] = 1;
  for (let k = fw.nodes.length - 1; k >= 0; k--) {
    const nd = fw.nodes[k]!;
    let s = 0;
    for (const c of nd.children) s += w[c]!;
    for (const c of nd.children) eff[c] = s === 0 ? 0 : (eff[k]! * w[c]!) / s;
  }
  return eff;
}

/** Competition ranks, highest first, ties sharing the best (R's rank(-x, ties.method = "min")); NaN unranked. */
function minRanks(x: Float64Array): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) idx.push(i);
  idx.sort((a, b) => x[b]! - x[a]!);
  const r = new Float64Array(x.length).fill(NaN);
  idx.forEach((i, q) => { r[i] = q > 0 && x[idx[q - 1]!] === x[i] ? r[idx[q - 1]!]! : q + 1; });
  return r;
}

/**
 * What an audit of `run` cannot do with these options (the CLI refuses them with exit 2, the
 * library verb returns them): a `balance` level with fewer than two nodes, or, on the 34
 * provinces after the merger, a level other than the main indices' or a `stage` other than
 * aggregated (the merged provinces have no values below the main indices).
 */
export function auditProblems(run: AuditRun, options: Pick<AuditOptions, 'stage' | 'balance'> = {}): Diagnostic[] {
  const fw = forYear(run.fw, run.current.year);
  const merged = run.current.absent !== undefined;
  if (merged && options.stage !== undefined && options.stage !== 'aggregated') {
    return [error('BAD_PARAMETER.auditStageMerged', { stage: options.stage }, {}, msg('hint.auditStageMerged'))];
  }
  if (options.balance === undefined) return [];
  const lv = levelOf(fw);
  const top = lv[fw.root]!;
  const count = fw.nodes.filter((_, k) => k !== fw.root && lv[k] === options.balance).length;
  if (options.balance >= top || count < 2) return [error('BAD_PARAMETER.balanceLevel', { level: options.balance }, {}, msg('hint.balanceLevels', { top: top - 1 }))];
  // On the 34, the main indices' level only (below them the merged provinces have no values).
  const main = fw.nodes[fw.root]!.children;
  if (merged && !main.some((k) => lv[k] === options.balance)) {
    return [error('BAD_PARAMETER.balanceMerged', { level: options.balance, main: [...new Set(main.map((k) => lv[k]!))].join(', ') }, {}, msg('hint.balanceMerged'))];
  }
  return [];
}

/** The audit of a run's year (the library verb). */
export function audit(run: AuditRun, options: AuditOptions = {}): Audit {
  return auditYear(forYear(run.fw, run.current.year), run.current, options);
}

/** The audit of one scored year, `fw` the definitions of that year (`forYear`). */
export function auditYear(fw: Framework, ys: YearScore, options: AuditOptions = {}): Audit {
  const lang = options.lang ?? 'vi';
  // A year of the 34 after the 2025 merger (mergeYear marks it with `absent`): the main indices and the index only.
  const merged = ys.absent !== undefined;
  const stage = merged ? 'aggregated' : options.stage ?? 'raw';
  const method = options.method ?? 'pearson';
  const t: AuditThresholds = { ...DEFAULT_AUDIT_THRESHOLDS, ...options.thresholds };
  const n = ys.records.length;
  const L = fw.leaves.length;
  const N = fw.nodes.length;
  const main = new Set(fw.nodes[fw.root]!.children);
  const active = (k: number) => (fw.inactive === undefined || fw.inactive[k] !== 1) && (!merged || k === fw.root || main.has(k));
  const activeLeaves = fw.leaves.map((ni, j) => [ni, j] as const).filter(([ni]) => active(ni));
  // The units that give statistics after screening.
  const pool: number[] = [];
  for (let i = 0; i < n; i++) if (ys.screened[i] !== 1) pool.push(i);
  const sub = (m: Float64Array, j: number, all: boolean) => {
    if (all) return m.subarray(j * n, (j + 1) * n);
    return Float64Array.from(pool, (i) => m[j * n + i]!);
  };
  const nodeCol = (k: number) => sub(ys.agg.nodes, k, false);

  // Stats, at the stage asked for.
  const raw = gather(ys.records, L);
  const denominated = () => ys.values.map((v, c) => (ys.imputed[c] === 1 ? NaN : v));
  const before = stage === 'raw' || stage === 'denominated' || stage === 'imputed';
  const stageMatrix = stage === 'raw' ? raw : stage === 'denominated' ? denominated() : stage === 'imputed' ? ys.values
    : stage === 'treated' ? ys.treated : stage === 'normalised' ? ys.norm : null;
  const statNodes = stage === 'aggregated' ? fw.nodes.map((_, k) => k).filter((k) => active(k)) : activeLeaves.map(([ni]) => ni);
  const statCol = (k: number) => (stageMatrix === null ? nodeCol(k) : sub(stageMatrix, fw.nodes[k]!.leaf, before));
  const flags: AuditFlag[] = [];
  const stats: AuditStat[] = statNodes.map((k) => {
    const s: ColumnStats = columnStats(statCol(k), t);
    const id = fw.nodes[k]!.id;
    for (const f of s.flags) flags.push({ code: f, group: null, a: id, b: null, r: null });
    return {
      id, min: nul(s.min), max: nul(s.max), mean: nul(s.mean), median: nul(s.median), sd: nul(s.sd), skew: nul(s.skew), kurtosis: nul(s.kurtosis),
      n: s.n, nonZero: s.nonZero, unique: s.unique, same: s.same, flags: s.flags,
    };
  });
  const statMatrixCols = statNodes.map(statCol);
  const availability: UnitAvailability[] = (before ? ys.records.map((_, i) => i) : pool).map((i, q) => {
    let avail = 0;
    let zero = 0;
    for (const c of statMatrixCols) { const v = c[q]!; if (v === v) { avail++; if (v === 0) zero++; } }
    return {
      unit: ys.records[i]!.unit, available: avail, availability: statMatrixCols.length === 0 ? 0 : avail / statMatrixCols.length,
      nonZero: avail === 0 ? null : 1 - zero / avail,
    };
  });

  // Correlations with the parent and within each group, on the aggregated data (a leaf's column there is its normalised one).
  const cols = new Map<number, Float64Array>();
  const col = (k: number) => { let c = cols.get(k); if (c === undefined) cols.set(k, (c = nodeCol(k))); return c; };
  const withParent: AuditResult['correlations']['withParent'] = [];
  const withinGroups: AuditResult['correlations']['withinGroups'] = [];
  const groups: AuditGroup[] = [];
  const lv = levelOf(fw);
  // On the 34, the index alone: the children of a main index have no values.
  const groupNodes = fw.nodes.map((_, k) => k).filter((k) => fw.nodes[k]!.children.length > 0 && active(k) && (!merged || k === fw.root));
  for (let k = 0; k < N; k++) {
    const p = fw.nodes[k]!.parent;
    if (p < 0 || !active(k)) continue;
    withParent.push({ id: fw.nodes[k]!.id, parent: fw.nodes[p]!.id, r: nul(correlation(col(k), col(p), method)) });
  }
  for (const g of groupNodes) {
    const kids = fw.nodes[g]!.children.filter(active);
    const gid = fw.nodes[g]!.id;
    for (let a = 0; a < kids.length; a++) {
      for (let b = a + 1; b < kids.length; b++) {
        const r = correlation(col(kids[a]!), col(kids[b]!), method);
        const A = fw.nodes[kids[a]!]!.id;
        const B = fw.nodes[kids[b]!]!.id;
        withinGroups.push({ group: gid, a: A, b: B, r: nul(r) });
        if (r > t.collinear) flags.push({ code: 'COLLINEAR', group: gid, a: A, b: B, r });
        if (r < t.negative) flags.push({ code: 'NEGATIVE_CORRELATION', group: gid, a: A, b: B, r });
      }
    }
    const kidCols = kids.map(col);
    const pc = pca(kidCols);
    groups.push({
      id: gid, level: lv[g]!, cronbachAlpha: nul(cronbachAlpha(kidCols)),
      pcaFirstShare: pc === null ? null : pc.firstShare,
      pcaLoadings: pc === null ? null : pc.loadings.map((x, q) => ({ id: fw.nodes[kids[q]!]!.id, loading: x })),
    });
  }

  // Raw indicators against the denominators (every unit, as in COINr's Raw data set); none on the 34.
  const denominators: AuditResult['denominators'] = [];
  const dcols = merged ? [] : fw.definitions.columns.denominators;
  dcols.forEach((d, q) => {
    const dc = Float64Array.from(ys.records, (r) => r.denominators?.[q] ?? NaN);
    for (const [ni, j] of activeLeaves) {
      const r = correlation(raw.subarray(j * n, (j + 1) * n), dc, method);
      if (Math.abs(r) > t.denominator) denominators.push({ id: fw.nodes[ni]!.id, denominator: d, r });
    }
  });
  for (const d of denominators) flags.push({ code: 'DENOMINATOR_CORRELATION', group: null, a: d.id, b: d.denominator, r: d.r });

  // Effective weights, importance, removal.
  const nominalW = Float64Array.from(fw.nodes, (x) => x.weight);
  const eff = effectiveWeights(fw, nominalW);
  const below = fw.nodes.map((_, k) => k).filter((k) => k !== fw.root && active(k));
  const effectiveW = below.map((k) => ({ id: fw.nodes[k]!.id, weight: eff[k]! }));
  const rootCol = col(fw.root);
  const importance = below.map((k) => {
    const r = correlation(col(k), rootCol, 'pearson');
    return { id: fw.nodes[k]!.id, weight: eff[k]!, r2: nul(r * r) };
  });
  const rootOf = (agg: Float64Array) => Float64Array.from(pool, (i) => agg[fw.root * n + i]!);
  const nominalRanks = minRanks(rootOf(ys.agg.nodes));
  const reaggregate = reaggregator(fw, ys, merged);
  const removal = below.map((k) => {
    const w = nominalW.slice();
    w[k] = 0;
    const ranks = minRanks(rootOf(reaggregate(w).nodes));
    let s = 0;
    let m = 0;
    for (let q = 0; q < ranks.length; q++) {
      const d = Math.abs(nominalRanks[q]! - ranks[q]!);
      if (d === d) { s += d; m++; }
    }
    return { id: fw.nodes[k]!.id, meanAbsRankShift: m === 0 ? null : s / m };
  });

  const result: AuditResult = {
    schema: 'dti-audit/v1',
    framework: { id: fw.definitions.id, name: fw.definitions.name[lang] },
    year: ys.year,
    stage,
    stats,
    correlations: { method, withParent, withinGroups },
    denominators,
    groups,
    effectiveWeights: effectiveW,
    removal,
    importance,
    flags,
    ...(merged ? { merge2025: true as const } : {}),
  };
  if (options.balance !== undefined) {
    const b = balanceLevel(fw, ys, options.balance, method, pool, lv, active, reaggregate);
    if (b !== undefined) result.balance = b;
  }
  return { result, availability };
}

/**
 * The index re-aggregated with other weights: from the normalised indicators, or on a year of the
 * 34 from the merged main indices (as the merger recomputes it). One buffer, reused.
 */
function reaggregator(fw: Framework, ys: YearScore, merged: boolean): (w: Float64Array) => Aggregated {
  const n = ys.records.length;
  if (merged) {
    const nodes = ys.agg.nodes.slice();
    return (w) => aggregateAbove(fw, nodes, n, w);
  }
  let buf: Aggregated | undefined;
  return (w) => (buf = aggregate(fw, ys.norm, n, w, buf));
}

/**
 * COINr's `get_opt_weights(optype = "balance")`: the weights of one level's nodes (normalised to
 * sum to 1 over the level) that minimise log(mean((target − c/Σc)²)), c the correlations of
 * the level's nodes with the index after re-aggregating with those weights and target the
 * nominal weights normalised the same way; searched by Nelder–Mead from the nominal weights.
 */
function balanceLevel(fw: Framework, ys: YearScore, level: number, method: CorrMethod, pool: number[], lv: Int32Array,
  active: (k: number) => boolean, reaggregate: (w: Float64Array) => Aggregated): AuditResult['balance'] {
  const nodes = fw.nodes.map((_, k) => k).filter((k) => k !== fw.root && lv[k] === level && active(k));
  // A level with no node audited (below the main indices on the 34): no balance.
  if (nodes.length === 0) return undefined;
  const w0 = Float64Array.from(fw.nodes, (x) => x.weight);
  const total = nodes.reduce((s, k) => s + w0[k]!, 0);
  const target = nodes.map((k) => w0[k]! / total);
  const n = ys.records.length;
  const corrs = (wl: readonly number[]) => {
    const w = w0.slice();
    const s = wl.reduce((a, b) => a + Math.abs(b), 0);
    nodes.forEach((k, q) => { w[k] = Math.abs(wl[q]!) / s; });
    const agg = reaggregate(w);
    const root = Float64Array.from(pool, (i) => agg.nodes[fw.root * n + i]!);
    return nodes.map((k) => correlation(Float64Array.from(pool, (i) => agg.nodes[k * n + i]!), root, method));
  };
  const objective = (wl: readonly number[]) => {
    const c = corrs(wl);
    const s = c.reduce((a, b) => a + b, 0);
    let sq = 0;
    c.forEach((x, q) => { sq += (target[q]! - x / s) ** 2; });
    const v = Math.log(sq / c.length);
    return Number.isNaN(v) ? Infinity : v;
  };
  const opt = nelderMead(objective, target, { maxIterations: 500 * nodes.length, tolerance: 1e-10 });
  const s = opt.x.reduce((a, b) => a + Math.abs(b), 0);
  const balanced = opt.x.map((x) => Math.abs(x) / s);
  const before = corrs(target);
  const after = corrs(balanced);
  return {
    level, converged: opt.converged,
    weights: nodes.map((k, q) => ({ id: fw.nodes[k]!.id, nominal: target[q]!, balanced: balanced[q]!, r: nul(before[q]!), rBalanced: nul(after[q]!) })),
  };
}
