/** The plan of an analysis: the spec checked against the definitions and data, every problem at once, before any run. */
import { type Diagnostic, type Result, error, meant } from '../diagnostics.js';
import { msg } from '../messages.js';
import { type YearScore, scorePanel } from '../pipeline.js';
import type { Run } from '../build.js';
import { AGGREGATE, aggregateMethodOf } from '../methods/aggregate.js';
import { NORMALISE, normaliseMethodOf } from '../methods/normalise/index.js';
import type { IndicatorNode, MissingPolicy, Normalise } from '../definitions.js';
import { type Framework, forYear } from '../framework.js';
import { DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_SPREAD, type SensitivitySpec, type SpecLocator, type UncertainInput } from './types.js';
import { maxOf } from '../arrays.js';

/** The normalisations a run may use instead of each indicator's own (the registry's alternatives). */
export const ALT_NORMALISATIONS: readonly string[] = NORMALISE.filter((m) => m.alternative).map((m) => m.id);
/** The aggregations a run may use instead of each group's own (the registry's alternatives). */
export const ALT_AGGREGATIONS: readonly string[] = AGGREGATE.filter((m) => m.alternative).map((m) => m.id);
export const ALT_MISSING: readonly MissingPolicy[] = ['zero', 'exclude'];

const MAX_RUNS = 1_000_000;
/** runs × units at most (4 bytes each: 200 MB). */
const MAX_CELLS = 50_000_000;

export interface Plan {
  inputs: UncertainInput[];
  /** Per input: how many uniforms a run draws for it, and where in a run's row they start. */
  draws: number[];
  offsets: number[];
  weightNodes: number[][];
  /** Normalised matrices: index 0 the nominal, then the alternatives in order. */
  matrices: Float64Array[];
  aggregation: string[];
  missing: ('nominal' | MissingPolicy)[];
  leaveOut: number[];
  normNames: string[];
}

/** Report a problem of the spec's `key`. */
type Bad = (key: string, d: Diagnostic) => void;

/** Check the spec against the definitions and data; every problem at once, before any run. */
export function planSensitivity(run: Run, spec: SensitivitySpec, at: SpecLocator = () => ({})): Result<{ plan: Plan; defaultInputs: boolean; nominal: YearScore; fw: Framework }> {
  // The year as dti score scores it: every stage of the pipeline (imputation sees every year
  // given), with that year's method (nodes outside it have weight 0 and are not perturbed).
  // After the 2025 merger the runs perturb the 63 and merge each run's main indices.
  const nominal = run.unmerged[run.years.indexOf(run.current)]!;
  const fw = forYear(run.fw, run.year);
  const off = (k: number) => fw.inactive !== undefined && fw.inactive[k] === 1;
  const errors: Diagnostic[] = [];
  const bad: Bad = (key, d) => errors.push({ ...d, ...at(key) });
  checkNumbers(spec, run.current.records.length, bad);
  const named = spec.weights !== undefined || (spec.normalisation?.length ?? 0) > 0 || (spec.aggregation?.length ?? 0) > 0
    || (spec.missing?.length ?? 0) > 0 || spec.leaveOneOut === true;
  const plan: Plan = { inputs: [], draws: [], offsets: [], weightNodes: [], matrices: [nominal.norm], aggregation: [], missing: [], leaveOut: [], normNames: ['nominal'] };
  const weights = named ? spec.weights : { spread: DEFAULT_SPREAD };
  if (weights !== undefined) weightInputs(fw, off, weights, plan, bad, (id) => errors.push(error('UNKNOWN_NODE.weights', { id }, at('weights.nodes'), meant(id, fw.index.keys()) ?? msg('hint.seeIndicators'))));
  const { norms, aggs, miss } = alternativesNamed(fw, spec, bad);
  if (errors.length > 0) return { ok: false, errors, warnings: [] };

  for (const m of norms) {
    if (m === 'nominal') continue;
    // Yes/no indicators stay 0/1: no other method means anything for them.
    const swapped: Framework = {
      ...fw,
      nodes: fw.nodes.map((x) => (x.leaf < 0 || normaliseMethodOf(x.def!.normalize.method).yesNo ? x : { ...x, def: { ...x.def!, normalize: { method: m } as Normalise } as IndicatorNode })),
    };
    // The stages after imputation again, with the swapped method (denominate and impute do not depend on it).
    plan.matrices.push(scorePanel(swapped, run.panel, [run.year])[0]!.norm);
    plan.normNames.push(m);
  }
  if (aggs.some(needsNonNegative)) {
    // A geometric mean of a negative value has no meaning: say so now, not as NaN ranks later.
    const neg = plan.matrices.some((mat) => mat.some((v) => v < 0));
    if (neg) bad('aggregation', error('BAD_SPEC.negative', {}, {}, msg('hint.nonNegative')));
  }
  if (errors.length > 0) return { ok: false, errors, warnings: [] };
  const { inputs, draws } = plan;
  if (plan.matrices.length > 1) { inputs.push({ id: 'normalisation', options: plan.normNames }); draws.push(1); }
  plan.aggregation = ['nominal', ...aggs.filter((a) => a !== 'nominal')];
  if (plan.aggregation.length > 1) { inputs.push({ id: 'aggregation', options: plan.aggregation }); draws.push(1); }
  plan.missing = ['nominal', ...miss.filter((m): m is MissingPolicy => m !== 'nominal')];
  if (plan.missing.length > 1) { inputs.push({ id: 'missing', options: plan.missing }); draws.push(1); }
  plan.leaveOut = spec.leaveOneOut === true ? [-1, ...fw.leaves.flatMap((ni, j) => (off(ni) ? [] : [j]))] : [-1];
  if (plan.leaveOut.length > 1) { inputs.push({ id: 'leave-one-out', options: ['none', ...plan.leaveOut.slice(1).map((j) => fw.leafIds[j]!)] }); draws.push(1); }
  plan.offsets = draws.map((_, i) => draws.slice(0, i).reduce((s, x) => s + x, 0));
  return { ok: true, warnings: [], value: { plan, defaultInputs: !named, nominal, fw } };
}

/** An alternative aggregation that needs its children ≥ 0 (a geometric mean). */
const needsNonNegative = (id: string) => ALT_AGGREGATIONS.includes(id) && aggregateMethodOf(id).needsNonNegative;

/** The spec's numbers: runs, seed, bootstrap, and the memory every run's rank of every unit takes. */
function checkNumbers(spec: SensitivitySpec, units: number, bad: Bad): void {
  const runs = spec.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 2 || runs > MAX_RUNS) bad('runs', error('BAD_SPEC.runs', { max: MAX_RUNS, runs }, {}, msg('hint.runsExample')));
  const seed = spec.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) bad('seed', error('BAD_SPEC.seed', { seed }, {}, msg('hint.seedExample')));
  if (spec.bootstrap !== undefined && (!Number.isInteger(spec.bootstrap) || spec.bootstrap < 0 || spec.bootstrap > 100_000)) {
    bad('bootstrap', error('BAD_SPEC.bootstrap', { bootstrap: spec.bootstrap }, {}, msg('hint.bootstrapExample')));
  }
  // Every run's rank of every unit is kept for the percentiles: bound the memory it takes.
  if (Number.isInteger(runs) && runs <= MAX_RUNS && runs * units > MAX_CELLS) {
    bad('runs', error('BAD_SPEC.cells', { runs, units, cells: runs * units, max: MAX_CELLS }, {}, msg('hint.maxRuns', { runs: Math.max(2, Math.floor(MAX_CELLS / Math.max(1, units))), units })));
  }
}

/** The weights' inputs into `plan`: one per level (or one for the nodes named), each node's weight times U(1 − spread, 1 + spread). */
function weightInputs(fw: Framework, off: (k: number) => boolean, weights: NonNullable<SensitivitySpec['weights']>, plan: Plan, bad: Bad,
  unknown: (id: string) => void): void {
  const s = weights.spread;
  if (!(s >= 0 && s <= 1)) bad('weights', error('BAD_SPEC.spread', { spread: s }, {}, msg('hint.spreadExample')));
  const maxDepth = maxOf(fw.nodes.map((x) => x.depth));
  let chosen: number[] = [];
  if (weights.nodes !== undefined && weights.nodes.length > 0) {
    for (const id of weights.nodes) {
      const k = fw.index.get(id);
      if (k === undefined) unknown(id);
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
    plan.inputs.push({ id: lvl === 0 ? 'weights' : `weights@${lvl}`, options: ks.map((k) => fw.nodes[k]!.id), spread: s });
    plan.draws.push(ks.length);
    plan.weightNodes.push(ks);
  }
}

/** The alternative methods and policies the spec names (each once), checked against the registries. */
function alternativesNamed(fw: Framework, spec: SensitivitySpec, bad: Bad): { norms: string[]; aggs: string[]; miss: string[] } {
  const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];
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
  const nonNegativeUsed = aggs.some(needsNonNegative) || fw.nodes.some((x) => x.leaf < 0 && aggregateMethodOf(x.aggregate).needsNonNegative);
  if (nonNegativeUsed && norms.some((m) => ALT_NORMALISATIONS.includes(m) && normaliseMethodOf(m).negative)) {
    bad('normalisation', error('BAD_SPEC.zscoreGeometric', {}, {}, msg('hint.zscoreOrGeometric')));
  }
  return { norms, aggs, miss };
}
