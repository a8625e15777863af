/**
 * Uncertainty and sensitivity analysis: how much each unit's rank depends on the choices made
 * in building the index. Seeded Monte Carlo over the uncertain inputs (weights perturbed,
 * alternative normalisation, aggregation and missing-value policy, one indicator left out),
 * and, on request, first-order and total-order Sobol indices of each input on the mean
 * absolute rank shift.
 *
 * The inputs are validated against the definitions before any run. Each alternative
 * normalisation is applied once, to the whole leaf matrix; a run only picks a matrix, draws
 * weights and re-aggregates into buffers reused from run to run, with the engine's own
 * formulas in the same order of operations, so the nominal run reproduces `score` bit for bit.
 *
 * Sobol indices (Saltelli et al. 2010, "Variance based sensitivity analysis of model output",
 * Computer Physics Communications 181): N base rows A, N rows B, and for each of the d inputs
 * the rows AB_i (A with input i taken from B): N(d + 2) runs. With f the output of a run and
 * V the variance of f over A and B together,
 *   first order  S_i  = (1/N) Σ f(B)·(f(AB_i) − f(A)) / V        (Saltelli 2010, table 2 (b))
 *   total order  ST_i = (1/2N) Σ (f(A) − f(AB_i))² / V           (Jansen 1999, table 2 (f))
 * An input that draws several numbers (the weights of one level) is one group of variables,
 * swapped as a block. Confidence intervals: 95 % percentile bootstrap over the N rows.
 */
import type { UnitRecord } from './model.js';
import { type Diagnostic, type Result, error, meant } from './diagnostics.js';
import { msg } from './messages.js';
import { type YearScore, scorePanel } from './pipeline.js';
import { type Run, build, isRun, orThrow } from './build.js';
import { mergeGroups } from './merge-2025.js';
import { AGGREGATE, type AggregateMethod, aggregateMethodOf } from './methods/aggregate.js';
import { NORMALISE, normaliseMethodOf } from './methods/normalise/index.js';
import type { Aggregate, IndicatorNode, MissingPolicy, Normalise } from './definitions.js';
import { type Framework, forYear } from './framework.js';
import { compareVi } from './text.js';
import { rankKey } from './stages/rank.js';

/** The normalisations a run may use instead of each indicator's own (the registry's alternatives). */
export const ALT_NORMALISATIONS: readonly string[] = NORMALISE.filter((m) => m.alternative).map((m) => m.id);
/** The aggregations a run may use instead of each group's own (the registry's alternatives). */
export const ALT_AGGREGATIONS: readonly string[] = AGGREGATE.filter((m) => m.alternative).map((m) => m.id);
export const ALT_MISSING: readonly MissingPolicy[] = ['zero', 'exclude'];

/** Where a value of the spec came from, for located diagnostics: a YAML position or a command-line option. */
export type SpecLocator = (key: string) => { file?: string; line?: number; col?: number };

/** What is uncertain, as the user states it (command line or YAML spec). */
export interface SensitivitySpec {
  runs?: number;
  seed?: number;
  /** Each weight times U(1 − spread, 1 + spread); `levels` (1 = the root's children) or `nodes` restrict it. */
  weights?: { spread: number; levels?: number[]; nodes?: string[] };
  normalisation?: string[];
  aggregation?: string[];
  missing?: string[];
  leaveOneOut?: boolean;
  sobol?: boolean;
  /** Bootstrap resamples for the Sobol confidence intervals (default 1000). */
  bootstrap?: number;
}

export interface UncertainInput {
  /** `weights@1` (the weights of level 1), `normalisation`, `aggregation`, `missing`, `leave-one-out`. */
  id: string;
  /** Options drawn from, uniformly (the nominal choice first); for weights the perturbed node ids. */
  options: string[];
  /** Weights only: the spread. */
  spread?: number;
}

export interface UnitUncertainty {
  unit: string;
  code: string | null;
  nominalRank: number | null;
  medianRank: number | null;
  p5: number | null;
  p95: number | null;
  meanAbsShift: number | null;
}

export interface SobolIndex {
  input: string;
  first: number | null;
  total: number | null;
  firstCi: [number, number] | null;
  totalCi: [number, number] | null;
}

export interface SensitivityResult {
  schema: 'dti-sensitivity/v1';
  framework: { id: string; name: string };
  year: number | null;
  runs: number;
  seed: number;
  inputs: UncertainInput[];
  /** True when no input was named and weights ±25 % were used. */
  defaultInputs: boolean;
  /**
   * True when no input can change anything (the year's index is one indicator: DTI 2024):
   * `runs` is 0, and units carry their nominal rank only.
   */
  nothingToVary?: boolean;
  /** Percentiles: linear interpolation between order statistics (R's quantile type 7). */
  units: UnitUncertainty[];
  sobol?: { baseRuns: number; totalRuns: number; bootstrap: number; output: 'mean absolute rank shift'; indices: SobolIndex[] };
}

/** One run's parameters (for --runs-out). */
export interface RunRecord {
  run: number;
  /** Sobol design block: A, B or AB:<input>; '' for plain Monte Carlo. */
  block: string;
  /** The weight of every perturbed node in this run. */
  weights: Float64Array;
  normalisation: string;
  aggregation: string;
  missing: string;
  leftOut: string;
  meanAbsShift: number;
}

export interface SensitivityRun {
  result: SensitivityResult;
  /** Node ids whose weights the runs list, in the order of RunRecord.weights. */
  weightIds: string[];
  records: RunRecord[];
}

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SEED = 1;
export const DEFAULT_SPREAD = 0.25;
export const DEFAULT_BOOTSTRAP = 1000;
const MAX_RUNS = 1_000_000;
/** runs × units at most (4 bytes each: 200 MB). */
const MAX_CELLS = 50_000_000;

/** A small, fast, seedable generator (sfc32, seeded through splitmix32): the same numbers everywhere. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

interface Plan {
  inputs: UncertainInput[];
  /** Per input: how many uniforms a run draws for it. */
  draws: number[];
  weightNodes: number[][];
  /** Normalised matrices: index 0 the nominal, then the alternatives in order. */
  matrices: Float64Array[];
  aggregation: string[];
  missing: ('nominal' | MissingPolicy)[];
  leaveOut: number[];
  normNames: string[];
}

/** Check the spec against the definitions and data; every problem at once, before any run. */
export function planSensitivity(run: Run, spec: SensitivitySpec, at: SpecLocator = () => ({})): Result<{ plan: Plan; defaultInputs: boolean; nominal: YearScore; fw: Framework }> {
  // The year as dti score scores it: every stage of the pipeline (imputation sees every year
  // given), with that year's method (nodes outside it have weight 0 and are not perturbed).
  // After the 2025 merger the runs perturb the 63 and merge each run's main indices.
  const fwAll = run.fw;
  const year = run.year;
  const nominal = run.unmerged[run.years.indexOf(run.current)]!;
  const fw = forYear(fwAll, year);
  const off = (k: number) => fw.inactive !== undefined && fw.inactive[k] === 1;
  const errors: Diagnostic[] = [];
  const bad = (key: string, d: Diagnostic) => errors.push({ ...d, ...at(key) });
  const runs = spec.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 2 || runs > MAX_RUNS) bad('runs', error('BAD_SPEC.runs', { max: MAX_RUNS, runs }, {}, msg('hint.runsExample')));
  const seed = spec.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) bad('seed', error('BAD_SPEC.seed', { seed }, {}, msg('hint.seedExample')));
  if (spec.bootstrap !== undefined && (!Number.isInteger(spec.bootstrap) || spec.bootstrap < 0 || spec.bootstrap > 100_000)) {
    bad('bootstrap', error('BAD_SPEC.bootstrap', { bootstrap: spec.bootstrap }, {}, msg('hint.bootstrapExample')));
  }

  // Every run's rank of every unit is kept for the percentiles: bound the memory it takes.
  const units = run.current.records.length;
  if (Number.isInteger(runs) && runs <= MAX_RUNS && runs * units > MAX_CELLS) {
    bad('runs', error('BAD_SPEC.cells', { runs, units, cells: runs * units, max: MAX_CELLS }, {}, msg('hint.maxRuns', { runs: Math.max(2, Math.floor(MAX_CELLS / Math.max(1, units))), units })));
  }
  const named = spec.weights !== undefined || (spec.normalisation?.length ?? 0) > 0 || (spec.aggregation?.length ?? 0) > 0
    || (spec.missing?.length ?? 0) > 0 || spec.leaveOneOut === true;
  const weights = named ? spec.weights : { spread: DEFAULT_SPREAD };
  const inputs: UncertainInput[] = [];
  const draws: number[] = [];
  const weightNodes: number[][] = [];
  const maxDepth = Math.max(...fw.nodes.map((x) => x.depth));

  if (weights !== undefined) {
    const s = weights.spread;
    if (!(s >= 0 && s <= 1)) bad('weights', error('BAD_SPEC.spread', { spread: s }, {}, msg('hint.spreadExample')));
    let chosen: number[] = [];
    if (weights.nodes !== undefined && weights.nodes.length > 0) {
      for (const id of weights.nodes) {
        const k = fw.index.get(id);
        if (k === undefined) errors.push(error('UNKNOWN_NODE.weights', { id }, at('weights.nodes'), meant(id, fw.index.keys()) ?? msg('hint.seeIndicators')));
        else chosen.push(k);
      }
    } else {
      const levels = weights.levels ?? Array.from({ length: maxDepth }, (_, i) => i + 1);
      for (const l of levels) {
        if (!Number.isInteger(l) || l < 1 || l > maxDepth) bad('weights.levels', error('BAD_SPEC.level', { level: l, max: maxDepth }, {}, msg('hint.levels')));
      }
      chosen = fw.nodes.flatMap((x, k) => (k !== fw.root && !off(k) && levels.includes(x.depth) ? [k] : []));
    }
    // A weight varies nothing when no active sibling shares its parent (a single main index,
    // as DTI 2024's published DTI): such a node is not an uncertain input.
    const parentOf = new Map<number, number>();
    fw.nodes.forEach((x, k) => { for (const c of x.children) parentOf.set(c, k); });
    const shared = (k: number) => {
      const p = parentOf.get(k);
      return p !== undefined && fw.nodes[p]!.children.some((c) => c !== k && !off(c) && fw.nodes[c]!.weight > 0);
    };
    chosen = chosen.filter(shared);
    // One input per level, so Sobol tells the levels apart; nodes named one by one form one input.
    const byLevel = new Map<number, number[]>();
    for (const k of chosen) {
      const key = weights.nodes !== undefined && weights.nodes.length > 0 ? 0 : fw.nodes[k]!.depth;
      byLevel.set(key, [...(byLevel.get(key) ?? []), k]);
    }
    for (const [lvl, ks] of [...byLevel.entries()].sort((a, b) => a[0] - b[0])) {
      inputs.push({ id: lvl === 0 ? 'weights' : `weights@${lvl}`, options: ks.map((k) => fw.nodes[k]!.id), spread: s });
      draws.push(ks.length);
      weightNodes.push(ks);
    }
  }

  const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];
  // Normalisation alternatives.
  const matrices: Float64Array[] = [nominal.norm];
  const normNames = ['nominal'];
  const norms = uniq(spec.normalisation ?? []);
  for (const m of norms) {
    if (m === 'nominal') continue;
    if (!ALT_NORMALISATIONS.includes(m)) {
      bad('normalisation', error('BAD_SPEC.normalisation', { method: m }, {}, meant(m, ALT_NORMALISATIONS) ?? msg('hint.altNormalisations', { methods: ALT_NORMALISATIONS.join(', ') })));
    }
  }
  const aggs = uniq(spec.aggregation ?? []);
  for (const a of aggs) {
    if (a !== 'nominal' && !ALT_AGGREGATIONS.includes(a)) bad('aggregation', error('BAD_SPEC.aggregation', { method: a }, {}, meant(a, ALT_AGGREGATIONS) ?? msg('hint.oneOfList', { options: ALT_AGGREGATIONS.join(', ') })));
  }
  const miss = uniq(spec.missing ?? []);
  for (const m of miss) {
    if (m !== 'nominal' && !(ALT_MISSING as readonly string[]).includes(m)) bad('missing', error('BAD_SPEC.missing', { policy: m }, {}, meant(m, ALT_MISSING) ?? msg('hint.oneOfList', { options: ALT_MISSING.join(', ') })));
  }
  // A method whose values may be negative cannot feed one that needs them ≥ 0 (zscore under a geometric mean).
  const nonNegative = (id: string) => ALT_AGGREGATIONS.includes(id) && aggregateMethodOf(id).needsNonNegative;
  const nonNegativeUsed = aggs.some(nonNegative) || fw.nodes.some((x) => x.leaf < 0 && aggregateMethodOf(x.aggregate).needsNonNegative);
  if (nonNegativeUsed && norms.some((m) => ALT_NORMALISATIONS.includes(m) && normaliseMethodOf(m).negative)) {
    bad('normalisation', error('BAD_SPEC.zscoreGeometric', {}, {}, msg('hint.zscoreOrGeometric')));
  }
  if (errors.length > 0) return { ok: false, errors, warnings: [] };

  for (const m of norms) {
    if (m === 'nominal') continue;
    // Yes/no indicators stay 0/1: no other method means anything for them.
    const swapped: Framework = {
      ...fw,
      nodes: fw.nodes.map((x) => (x.leaf < 0 || normaliseMethodOf(x.def!.normalize.method).yesNo ? x : { ...x, def: { ...x.def!, normalize: { method: m } as Normalise } as IndicatorNode })),
    };
    // The stages after imputation again, with the swapped method (denominate and impute do not depend on it).
    matrices.push(scorePanel(swapped, run.panel, [year])[0]!.norm);
    normNames.push(m);
  }
  if (aggs.some(nonNegative)) {
    // A geometric mean of a negative value has no meaning: say so now, not as NaN ranks later.
    const neg = matrices.some((mat) => mat.some((v) => v < 0));
    if (neg) bad('aggregation', error('BAD_SPEC.negative', {}, {}, msg('hint.nonNegative')));
  }
  if (errors.length > 0) return { ok: false, errors, warnings: [] };
  if (matrices.length > 1) { inputs.push({ id: 'normalisation', options: normNames }); draws.push(1); }
  const aggregation: Plan['aggregation'] = ['nominal', ...aggs.filter((a) => a !== 'nominal')];
  if (aggregation.length > 1) { inputs.push({ id: 'aggregation', options: aggregation }); draws.push(1); }
  const missing: Plan['missing'] = ['nominal', ...miss.filter((m): m is MissingPolicy => m !== 'nominal')];
  if (missing.length > 1) { inputs.push({ id: 'missing', options: missing }); draws.push(1); }
  const leaveOut = spec.leaveOneOut === true ? [-1, ...fw.leaves.flatMap((ni, j) => (off(ni) ? [] : [j]))] : [-1];
  if (leaveOut.length > 1) { inputs.push({ id: 'leave-one-out', options: ['none', ...leaveOut.slice(1).map((j) => fw.leafIds[j]!)] }); draws.push(1); }
  return {
    ok: true, warnings: [],
    value: { plan: { inputs, draws, weightNodes, matrices, aggregation, missing, leaveOut, normNames }, defaultInputs: !named, nominal, fw },
  };
}

/**
 * Re-aggregation into reused buffers: a group's column is computed from its children's
 * columns by the registry's column-wise formula (the one scoring uses), with a weight per
 * node, an aggregation method and a missing-value policy that a run may override.
 */
export class Reaggregator {
  readonly n: number;
  private readonly fw: Framework;
  private readonly buf: Float64Array;
  private readonly cols: Float64Array[];
  private readonly order: number[];
  /** Each group's children's columns, their weights and fills (reused). */
  private readonly kidCols: Float64Array[][];
  private readonly ws: Float64Array;
  /** Each node's own aggregation method. */
  private readonly methods: AggregateMethod[];
  /** The fills of the children of each node, per missing policy (nominal: the node's own). */
  private readonly fills: Map<MissingPolicy | undefined, Float64Array[]>;

  constructor(fw: Framework, n: number) {
    this.fw = fw;
    this.n = n;
    const N = fw.nodes.length;
    this.buf = new Float64Array(N * n);
    this.cols = fw.nodes.map((_, k) => this.buf.subarray(k * n, (k + 1) * n));
    this.order = fw.nodes.flatMap((x, k) => (x.leaf < 0 ? [k] : []));
    this.kidCols = fw.nodes.map((x) => x.children.map((c) => this.cols[c]!));
    this.ws = new Float64Array(Math.max(1, ...fw.nodes.map((x) => x.children.length)));
    this.methods = fw.nodes.map((x) => aggregateMethodOf(x.aggregate));
    const fillsOf = (policy: (c: number) => MissingPolicy) => fw.nodes.map((x) => Float64Array.from(x.children, (c) => (policy(c) === 'zero' ? 0 : NaN)));
    this.fills = new Map<MissingPolicy | undefined, Float64Array[]>([
      [undefined, fillsOf((c) => fw.nodes[c]!.missing)],
      ...(['zero', 'exclude', 'error'] as const).map((m) => [m, fillsOf(() => m)] as const),
    ]);
  }

  /** Node k's column after the last run (a view into the reused buffer). */
  column(k: number): Float64Array {
    return this.cols[k]!;
  }

  /** Point the leaves at a normalised matrix (column-major, as normaliseMatrix gives). */
  setMatrix(m: Float64Array): void {
    const n = this.n;
    for (const x of this.fw.nodes) {
      if (x.leaf < 0) continue;
      const k = this.fw.index.get(x.id)!;
      this.cols[k] = m.subarray(x.leaf * n, (x.leaf + 1) * n);
    }
    this.fw.nodes.forEach((x, k) => { this.kidCols[k] = x.children.map((c) => this.cols[c]!); });
  }

  /**
   * Aggregate every group with `w` (one weight per node); `how` overrides every group's
   * aggregation and `missing` every node's policy (undefined: the definitions'). Returns the
   * root's column (a view into the reused buffer).
   */
  run(w: Float64Array, how?: Aggregate, missing?: MissingPolicy): Float64Array {
    const fw = this.fw;
    const fills = this.fills.get(missing)!;
    const ws = this.ws;
    const all = how === undefined ? undefined : aggregateMethodOf(how);
    for (const k of this.order) {
      const nd = fw.nodes[k]!;
      const kids = nd.children;
      for (let c = 0; c < kids.length; c++) ws[c] = w[kids[c]!]!;
      (all ?? this.methods[k]!).columns(this.kidCols[k]!, ws, fills[k]!, nd.floor, this.cols[k]!);
    }
    return this.cols[fw.root]!;
  }
}

/**
 * The 2025 merger inside a run: each merged province's main indices (the root's children) are
 * the means of its members' (a missing one counts 0 under `zero`, is left out otherwise, as
 * mergeYear does), and the root combines them with the run's weights, method and policy.
 */
class Merger {
  private readonly out: Float64Array;
  private readonly vals: Float64Array;
  private readonly ws: Float64Array;
  constructor(private readonly fw: Framework, private readonly groups: number[][], private readonly agg: Reaggregator) {
    this.out = new Float64Array(groups.length);
    const K = fw.nodes[fw.root]!.children.length;
    this.vals = new Float64Array(K);
    this.ws = new Float64Array(K);
  }

  run(w: Float64Array, how?: Aggregate, missing?: MissingPolicy): Float64Array {
    const fw = this.fw;
    this.agg.run(w, how, missing);
    const root = fw.nodes[fw.root]!;
    const kids = root.children;
    const K = kids.length;
    const method = aggregateMethodOf(how ?? root.aggregate);
    for (let c = 0; c < K; c++) this.ws[c] = w[kids[c]!]!;
    for (let u = 0; u < this.groups.length; u++) {
      const members = this.groups[u]!;
      for (let c = 0; c < K; c++) {
        const zero = (missing ?? fw.nodes[kids[c]!]!.missing) === 'zero';
        const col = this.agg.column(kids[c]!);
        let sum = 0;
        let k = 0;
        for (const i of members) {
          const v = col[i]!;
          if (v === v) { sum += v; k++; } else if (zero) k++;
        }
        const mean = k === 0 ? NaN : sum / k;
        this.vals[c] = mean === mean ? mean : zero ? 0 : NaN;
      }
      this.out[u] = method.combine(this.vals, this.ws, K, root.floor);
    }
    return this.out;
  }
}

/** Competition ranks (1 = highest key; NaN ranks last) into `ranks`, with `sorted` as scratch. */
export function rankInto(keys: Float64Array, sorted: Float64Array, ranks: Int32Array): void {
  const n = keys.length;
  sorted.set(keys);
  sorted.sort();
  let ranked = n;
  while (ranked > 0 && sorted[ranked - 1] !== sorted[ranked - 1]) ranked--;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k !== k) { ranks[i] = ranked + 1; continue; }
    // Units with a strictly higher key: ranked − (first index past k).
    let lo = 0;
    let hi = ranked;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! <= k) lo = mid + 1; else hi = mid; }
    ranks[i] = ranked - lo + 1;
  }
}

/**
 * A percentile of ranks (whole numbers) lies on a multiple of 1/(runs − 1) between two ranks;
 * (runs − 1) × p carries binary noise (999 × 0.05 = 49.95000000000000284), so the result is
 * rounded to 9 decimals: 6.05, not 6.049999999999983.
 */
function rankQ(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Quantile type 7 of sorted values. */
function quantile(sorted: ArrayLike<number>, p: number): number {
  const m = sorted.length;
  const h = (m - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, m - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export type SensitivityOptions = { lang?: 'vi' | 'en'; at?: SpecLocator; keepRuns?: boolean };

/**
 * Run the analysis on a run's year analysed (rows of other years only fed imputation, as in
 * dti score); after the 2025 merger, on the 34 provinces: each run scores the 63 and merges
 * their main indices as the ministry does. `sensitivity(fw, rows, year, spec)` builds the run
 * first (and throws when that fails). `spec` is validated first (planSensitivity); errors
 * come back as diagnostics and nothing runs.
 */
export function sensitivity(run: Run, spec: SensitivitySpec, opts?: SensitivityOptions): Result<SensitivityRun>;
export function sensitivity(fw: Framework, rows: readonly UnitRecord[], year: number | null, spec: SensitivitySpec, opts?: SensitivityOptions): Result<SensitivityRun>;
export function sensitivity(a: Run | Framework, b: SensitivitySpec | readonly UnitRecord[], c?: SensitivityOptions | number | null, e?: SensitivitySpec,
  f: SensitivityOptions = {}): Result<SensitivityRun> {
  const run = isRun(a) ? a : orThrow(build(a, [{ unitKind: 'unit', layout: 'wide', map: null, records: b as UnitRecord[] }], { year: c as number | null }));
  const spec = (isRun(a) ? b : e) as SensitivitySpec;
  const opts = (isRun(a) ? c ?? {} : f) as SensitivityOptions;
  const year = run.year;
  const planned = planSensitivity(run, spec, opts.at);
  if (!planned.ok) return planned;
  // That year's method: nodes outside it carry weight 0.
  const { plan, defaultInputs, nominal: ys, fw } = planned.value;
  const records = run.current.records;
  const n63 = ys.records.length;
  // Units screened out (too little data) stay unranked in every run, as in dti score (a merged province never is).
  const screened = run.merged ? new Uint8Array(records.length) : ys.screened;
  const runs = spec.runs ?? DEFAULT_RUNS;
  const seed = spec.seed ?? DEFAULT_SEED;
  const n = records.length;
  const d = fw.definitions;
  const agg63 = new Reaggregator(fw, n63);
  const merger = run.merged ? new Merger(fw, mergeGroups(ys.records).map((g) => g.members), agg63) : null;
  const agg = {
    setMatrix: (m: Float64Array) => agg63.setMatrix(m),
    run: (w: Float64Array, how?: Aggregate, miss?: MissingPolicy) => (merger === null ? agg63.run(w, how, miss) : merger.run(w, how, miss)),
  };
  const base = Float64Array.from(fw.nodes, (x) => x.weight);
  const w = new Float64Array(base);
  const keys = new Float64Array(n);
  const sorted = new Float64Array(n);
  const ranks = new Int32Array(n);
  const totalDraws = plan.draws.reduce((s, x) => s + x, 0);
  const offsets = plan.draws.map((_, i) => plan.draws.slice(0, i).reduce((s, x) => s + x, 0));
  const weightIds = plan.weightNodes.flat().map((k) => fw.nodes[k]!.id);
  const wInputs = plan.weightNodes.length;

  // The nominal ranks: the engine's choices.
  agg.setMatrix(plan.matrices[0]!);
  let root = agg.run(base);
  for (let i = 0; i < n; i++) keys[i] = screened[i] === 1 ? NaN : rankKey(fw, root[i]! * d.scale);
  const nominal = new Int32Array(n);
  rankInto(keys, sorted, nominal);
  const nominalRanked = Int32Array.from(nominal, (r, i) => (Number.isNaN(keys[i]!) ? 0 : r));

  // Nothing to vary (one main index, no other input): the nominal ranks and no runs, said as such.
  if (plan.inputs.length === 0) {
    const units = records.map((r, i) => ({ r, nom: nominalRanked[i]! }))
      .sort((a, b) => (a.nom || Infinity) - (b.nom || Infinity) || compareVi(a.r.unit, b.r.unit))
      .map(({ r, nom }): UnitUncertainty => ({ unit: r.unit, code: r.code, nominalRank: nom === 0 ? null : nom, medianRank: null, p5: null, p95: null, meanAbsShift: null }));
    return {
      ok: true, warnings: [],
      value: {
        result: { schema: 'dti-sensitivity/v1', framework: { id: d.id, name: d.name[opts.lang ?? 'vi'] }, year, runs: 0, seed, inputs: [], defaultInputs, nothingToVary: true, units },
        weightIds: [], records: [],
      },
    };
  }

  const pick = (u: number, m: number) => Math.min(m - 1, Math.floor(u * m));
  let currentMatrix = 0;
  /** One run from a row of uniforms; ranks into `ranks`, returns the mean absolute rank shift. */
  const evaluate = (u: Float64Array, rec: RunRecord | null): number => {
    w.set(base);
    let input = 0;
    for (let g = 0; g < wInputs; g++, input++) {
      const s = plan.inputs[input]!.spread!;
      const ks = plan.weightNodes[g]!;
      const off = offsets[input]!;
      for (let t = 0; t < ks.length; t++) w[ks[t]!] = base[ks[t]!]! * (1 - s + 2 * s * u[off + t]!);
    }
    let mi = 0;
    let how: Aggregate | undefined;
    let miss: MissingPolicy | undefined;
    let left = -1;
    for (; input < plan.inputs.length; input++) {
      const x = u[offsets[input]!]!;
      const id = plan.inputs[input]!.id;
      if (id === 'normalisation') mi = pick(x, plan.matrices.length);
      else if (id === 'aggregation') { const a = plan.aggregation[pick(x, plan.aggregation.length)]!; how = a === 'nominal' ? undefined : a; }
      else if (id === 'missing') { const m = plan.missing[pick(x, plan.missing.length)]!; miss = m === 'nominal' ? undefined : m; }
      else if (id === 'leave-one-out') left = plan.leaveOut[pick(x, plan.leaveOut.length)]!;
    }
    if (left >= 0) w[fw.leaves[left]!] = 0;
    if (mi !== currentMatrix) { agg.setMatrix(plan.matrices[mi]!); currentMatrix = mi; }
    root = agg.run(w, how, miss);
    for (let i = 0; i < n; i++) keys[i] = screened[i] === 1 ? NaN : rankKey(fw, root[i]! * d.scale);
    rankInto(keys, sorted, ranks);
    let shift = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (nominalRanked[i] === 0) continue;
      shift += Math.abs(ranks[i]! - nominalRanked[i]!);
      m++;
    }
    const y = m === 0 ? 0 : shift / m;
    if (rec !== null) {
      rec.weights = Float64Array.from(plan.weightNodes.flat(), (k) => w[k]!);
      rec.normalisation = plan.normNames[mi]!;
      rec.aggregation = how ?? 'nominal';
      rec.missing = miss ?? 'nominal';
      rec.leftOut = left < 0 ? '' : fw.leafIds[left]!;
      rec.meanAbsShift = y;
    }
    return y;
  };

  const random = rng(seed);
  // Plain Monte Carlo reuses one row of numbers; the Sobol design keeps the A and B rows.
  const shared = new Float64Array(totalDraws);
  const row = (): Float64Array => {
    const u = spec.sobol === true ? new Float64Array(totalDraws) : shared;
    for (let i = 0; i < totalDraws; i++) u[i] = random();
    return u;
  };
  const keep = opts.keepRuns === true;
  const records2: RunRecord[] = [];
  const newRec = (run: number, block: string): RunRecord | null => (keep
    ? { run, block, weights: new Float64Array(0), normalisation: '', aggregation: '', missing: '', leftOut: '', meanAbsShift: 0 } : null);

  // Plain Monte Carlo = the A rows of the Saltelli design: the same numbers with or without --sobol.
  const byRun = new Int32Array(runs * n);
  const A: Float64Array[] = [];
  const fA = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    const u = row();
    if (spec.sobol === true) A.push(u);
    const rec = newRec(r + 1, spec.sobol === true ? 'A' : '');
    fA[r] = evaluate(u, rec);
    byRun.set(ranks, r * n);
    if (rec !== null) records2.push(rec);
  }

  const units: UnitUncertainty[] = [];
  // Ranks are whole numbers 1…n+1: with more runs than units, count them and read the order
  // statistics off the counts; otherwise sort each unit's ranks. Both give R's type 7.
  const useCounts = n + 2 <= runs;
  const counts = new Int32Array(useCounts ? n + 2 : 0);
  const col = new Int32Array(useCounts ? 0 : runs);
  const nth = (k: number) => { let c = 0; for (let r = 1; r < counts.length; r++) { c += counts[r]!; if (c > k) return r; } return counts.length - 1; };
  const q7 = (p: number) => { const h = (runs - 1) * p; const lo = Math.floor(h); const a = nth(lo); return rankQ(a + (h - lo) * (nth(Math.min(lo + 1, runs - 1)) - a)); };
  const names = records.map((r) => r.unit);
  const order = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => (nominalRanked[a] || Infinity) - (nominalRanked[b] || Infinity) || compareVi(names[a]!, names[b]!));
  for (const i of order) {
    const r = records[i]!;
    if (nominalRanked[i] === 0) {
      units.push({ unit: r.unit, code: r.code, nominalRank: null, medianRank: null, p5: null, p95: null, meanAbsShift: null });
      continue;
    }
    let shift = 0;
    const nom = nominalRanked[i]!;
    if (useCounts) {
      counts.fill(0);
      for (let t = 0; t < runs; t++) { const x = byRun[t * n + i]!; counts[x]!++; shift += Math.abs(x - nom); }
      units.push({ unit: r.unit, code: r.code, nominalRank: nom, medianRank: q7(0.5), p5: q7(0.05), p95: q7(0.95), meanAbsShift: shift / runs });
    } else {
      for (let t = 0; t < runs; t++) { const x = byRun[t * n + i]!; col[t] = x; shift += Math.abs(x - nom); }
      col.sort();
      units.push({ unit: r.unit, code: r.code, nominalRank: nom, medianRank: rankQ(quantile(col, 0.5)), p5: rankQ(quantile(col, 0.05)), p95: rankQ(quantile(col, 0.95)), meanAbsShift: shift / runs });
    }
  }

  const result: SensitivityResult = {
    schema: 'dti-sensitivity/v1',
    framework: { id: d.id, name: d.name[opts.lang ?? 'vi'] },
    year, runs, seed, inputs: plan.inputs, defaultInputs, units,
  };

  if (spec.sobol === true) {
    const D = plan.inputs.length;
    const fB = new Float64Array(runs);
    const B: Float64Array[] = [];
    for (let r = 0; r < runs; r++) {
      const u = row();
      B.push(u);
      const rec = newRec(runs + r + 1, 'B');
      fB[r] = evaluate(u, rec);
      if (rec !== null) records2.push(rec);
    }
    const fAB: Float64Array[] = [];
    for (let i = 0; i < D; i++) {
      const f = new Float64Array(runs);
      const off = offsets[i]!;
      const len = plan.draws[i]!;
      for (let r = 0; r < runs; r++) {
        const u = Float64Array.from(A[r]!);
        u.set(B[r]!.subarray(off, off + len), off);
        const rec = newRec(runs * (2 + i) + r + 1, `AB:${plan.inputs[i]!.id}`);
        f[r] = evaluate(u, rec);
        if (rec !== null) records2.push(rec);
      }
      fAB.push(f);
    }
    const nBoot = spec.bootstrap ?? DEFAULT_BOOTSTRAP;
    result.sobol = {
      baseRuns: runs, totalRuns: runs * (D + 2), bootstrap: nBoot, output: 'mean absolute rank shift',
      indices: sobolIndices(fA, fB, fAB, nBoot, seed).map((s, i) => ({ input: plan.inputs[i]!.id, ...s })),
    };
  }
  return { ok: true, warnings: [], value: { result, weightIds, records: records2 } };
}

/** First-order (Saltelli 2010) and total-order (Jansen) indices with percentile bootstrap intervals. */
export function sobolIndices(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], nBoot: number, seed: number): Omit<SobolIndex, 'input'>[] {
  const N = fA.length;
  const estimate = (idx: Int32Array | null, i: number): [number, number] => {
    let mean = 0;
    for (let r = 0; r < N; r++) { const t = idx === null ? r : idx[r]!; mean += fA[t]! + fB[t]!; }
    mean /= 2 * N;
    let v = 0;
    let s1 = 0;
    let st = 0;
    const f = fAB[i]!;
    for (let r = 0; r < N; r++) {
      const t = idx === null ? r : idx[r]!;
      v += (fA[t]! - mean) ** 2 + (fB[t]! - mean) ** 2;
      s1 += fB[t]! * (f[t]! - fA[t]!);
      st += (fA[t]! - f[t]!) ** 2;
    }
    v /= 2 * N;
    if (!(v > 0)) return [NaN, NaN];
    return [s1 / N / v, st / (2 * N) / v];
  };
  const random = rng((seed ^ 0x5bd1e995) >>> 0);
  const boots: Int32Array[] = [];
  for (let b = 0; b < nBoot; b++) boots.push(Int32Array.from({ length: N }, () => Math.min(N - 1, Math.floor(random() * N))));
  const nz = (x: number) => (Number.isNaN(x) ? null : x);
  return fAB.map((_, i) => {
    const [first, total] = estimate(null, i);
    if (Number.isNaN(first) || nBoot === 0) return { first: nz(first), total: nz(total), firstCi: null, totalCi: null };
    const s1 = new Float64Array(nBoot);
    const st = new Float64Array(nBoot);
    boots.forEach((idx, b) => { const [x, y] = estimate(idx, i); s1[b] = x; st[b] = y; });
    const ci = (xs: Float64Array): [number, number] | null => {
      const ok = xs.filter((x) => !Number.isNaN(x)).sort();
      return ok.length === 0 ? null : [quantile(ok, 0.025), quantile(ok, 0.975)];
    };
    return { first, total, firstCi: ci(s1), totalCi: ci(st) };
  });
}
