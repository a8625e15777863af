/**
 * The runs: each draws its row of uniforms, re-aggregates the chosen matrix with the drawn
 * weights, method and policy, and ranks the units through the rank stage's own path; then
 * each unit's median, 5th and 95th percentile rank and mean absolute shift.
 */
import type { UnitRecord } from '../model.js';
import type { Result } from '../diagnostics.js';
import type { YearScore } from '../pipeline.js';
import type { Run } from '../build.js';
import { mergeGroups } from '../merge-2025.js';
import type { Aggregate, MissingPolicy } from '../definitions.js';
import type { Framework } from '../framework.js';
import { compareVi } from '../text.js';
import { rankBuffers, rankKey, rankKeys } from '../stages/rank.js';
import { type Plan, planSensitivity } from './plan.js';
import { Merger, Reaggregator } from './reaggregate.js';
import { sobolDesign } from './sobol.js';
import { quantile, rankQ, rng } from './stats.js';
import { DEFAULT_RUNS, DEFAULT_SEED, type RunRecord, type SensitivityOptions, type SensitivityResult, type SensitivityRun,
  type SensitivitySpec, type UnitUncertainty } from './types.js';

/**
 * Run the analysis on a run's year analysed (rows of other years only fed imputation, as in
 * dti score); after the 2025 merger, on the 34 provinces: each run scores the 63 and merges
 * their main indices as the ministry does. `spec` is validated first (planSensitivity); errors
 * come back as diagnostics and nothing runs.
 */
export function sensitivity(run: Run, spec: SensitivitySpec, opts: SensitivityOptions = {}): Result<SensitivityRun> {
  const planned = planSensitivity(run, spec, opts.at);
  if (!planned.ok) return planned;
  // That year's method: nodes outside it carry weight 0.
  const { plan, defaultInputs, nominal: ys, fw } = planned.value;
  const records = run.current.records;
  const runs = spec.runs ?? DEFAULT_RUNS;
  const seed = spec.seed ?? DEFAULT_SEED;
  const d = fw.definitions;
  const head = { schema: 'dti-sensitivity/v1' as const, framework: { id: d.id, name: d.name[opts.lang ?? 'vi'] }, year: run.year };
  const r = runner(run, plan, ys, fw);
  // Nothing to vary (one main index, no other input): the nominal ranks and no runs, said as such.
  if (plan.inputs.length === 0) {
    const units = records.map((rec, i) => ({ rec, nom: r.nominal[i]! }))
      .sort((x, y) => (x.nom || Infinity) - (y.nom || Infinity) || compareVi(x.rec.unit, y.rec.unit))
      .map(({ rec, nom }): UnitUncertainty => ({ unit: rec.unit, code: rec.code, nominalRank: nom === 0 ? null : nom, medianRank: null, p5: null, p95: null, meanAbsShift: null }));
    return { ok: true, warnings: [], value: { result: { ...head, runs: 0, seed, inputs: [], defaultInputs, nothingToVary: true, units }, weightIds: [], records: [] } };
  }

  const sobol = spec.sobol === true;
  const random = rng(seed);
  // Plain Monte Carlo reuses one row of numbers; the Sobol design keeps the A and B rows.
  const totalDraws = plan.draws.reduce((s, x) => s + x, 0);
  const shared = new Float64Array(totalDraws);
  const row = (): Float64Array => {
    const u = sobol ? new Float64Array(totalDraws) : shared;
    for (let i = 0; i < totalDraws; i++) u[i] = random();
    return u;
  };
  const kept: RunRecord[] = [];
  /** Run `number` of design block `block` (kept for --runs-out when asked). */
  const evaluate = (u: Float64Array, number: number, block: string): number => {
    if (opts.keepRuns !== true) return r.evaluate(u, null);
    const rec: RunRecord = { run: number, block, weights: new Float64Array(0), normalisation: '', aggregation: '', missing: '', leftOut: '', meanAbsShift: 0 };
    const y = r.evaluate(u, rec);
    kept.push(rec);
    return y;
  };

  // Plain Monte Carlo = the A rows of the Saltelli design: the same numbers with or without --sobol.
  const n = records.length;
  const byRun = new Int32Array(runs * n);
  const A: Float64Array[] = [];
  const fA = new Float64Array(runs);
  for (let t = 0; t < runs; t++) {
    const u = row();
    if (sobol) A.push(u);
    fA[t] = evaluate(u, t + 1, sobol ? 'A' : '');
    byRun.set(r.ranks, t * n);
  }
  const result: SensitivityResult = { ...head, runs, seed, inputs: plan.inputs, defaultInputs, units: unitStats(records, r.nominal, byRun, runs) };
  if (sobol) result.sobol = sobolDesign(plan, A, fA, row, evaluate, spec.bootstrap, seed);
  const weightIds = plan.weightNodes.flat().map((k) => fw.nodes[k]!.id);
  return { ok: true, warnings: [], value: { result, weightIds, records: kept } };
}

interface Runner {
  /** The nominal ranks: the engine's choices (0: unranked, as in dti score). */
  nominal: Int32Array;
  /** Every unit's rank in the last run; a unit without a score in a run ranks after every ranked one. */
  ranks: Int32Array;
  /** One run from a row of uniforms: ranks into `ranks`; returns the mean absolute rank shift (and fills `rec`). */
  evaluate(u: Float64Array, rec: RunRecord | null): number;
}

/** The runs' machinery over reused buffers: the matrix chosen, the weights drawn, the groups re-aggregated, the units ranked. */
function runner(run: Run, plan: Plan, ys: YearScore, fw: Framework): Runner {
  const n = run.current.records.length;
  // Units screened out (too little data) stay unranked in every run, as in dti score (a merged province never is).
  const screened = run.merged ? new Uint8Array(n) : ys.screened;
  const d = fw.definitions;
  const agg63 = new Reaggregator(fw, ys.records.length);
  const merger = run.merged ? new Merger(fw, mergeGroups(ys.records).map((g) => g.members), agg63) : null;
  const aggregate = (w: Float64Array, how?: Aggregate, miss?: MissingPolicy) => (merger === null ? agg63.run(w, how, miss) : merger.run(w, how, miss));
  const base = Float64Array.from(fw.nodes, (x) => x.weight);
  const w = new Float64Array(base);
  const keys = new Float64Array(n);
  const buf = rankBuffers(n);
  /** The rank stage's ranks of the units on the root's scaled score (0: unranked), in reused buffers. */
  const rank = (root: Float64Array): Int32Array => {
    for (let i = 0; i < n; i++) keys[i] = screened[i] === 1 ? NaN : rankKey(fw, root[i]! * d.scale);
    return rankKeys(keys, undefined, buf).ranks;
  };
  agg63.setMatrix(plan.matrices[0]!);
  const nominal = Int32Array.from(rank(aggregate(base)));
  const ranks = new Int32Array(n);
  const pick = (u: number, m: number) => Math.min(m - 1, Math.floor(u * m));
  let currentMatrix = 0;
  const evaluate = (u: Float64Array, rec: RunRecord | null): number => {
    w.set(base);
    let input = 0;
    for (let g = 0; g < plan.weightNodes.length; g++, input++) {
      const s = plan.inputs[input]!.spread!;
      const ks = plan.weightNodes[g]!;
      const off = plan.offsets[input]!;
      for (let t = 0; t < ks.length; t++) w[ks[t]!] = base[ks[t]!]! * (1 - s + 2 * s * u[off + t]!);
    }
    let mi = 0;
    let how: Aggregate | undefined;
    let miss: MissingPolicy | undefined;
    let left = -1;
    for (; input < plan.inputs.length; input++) {
      const x = u[plan.offsets[input]!]!;
      const id = plan.inputs[input]!.id;
      if (id === 'normalisation') mi = pick(x, plan.matrices.length);
      else if (id === 'aggregation') { const a = plan.aggregation[pick(x, plan.aggregation.length)]!; how = a === 'nominal' ? undefined : a; }
      else if (id === 'missing') { const m = plan.missing[pick(x, plan.missing.length)]!; miss = m === 'nominal' ? undefined : m; }
      else if (id === 'leave-one-out') left = plan.leaveOut[pick(x, plan.leaveOut.length)]!;
    }
    if (left >= 0) w[fw.leaves[left]!] = 0;
    if (mi !== currentMatrix) { agg63.setMatrix(plan.matrices[mi]!); currentMatrix = mi; }
    const r = rank(aggregate(w, how, miss));
    // Unranked in this run (no score): after every unit ranked.
    let ranked = 0;
    for (let i = 0; i < n; i++) if (r[i] !== 0) ranked++;
    let shift = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      ranks[i] = r[i] === 0 ? ranked + 1 : r[i]!;
      if (nominal[i] === 0) continue;
      shift += Math.abs(ranks[i]! - nominal[i]!);
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
  return { nominal, ranks, evaluate };
}

/** Each unit's rank over the runs (`byRun`: run t's ranks at t·n): median, 5th and 95th percentile, mean absolute shift; by nominal rank. */
function unitStats(records: readonly UnitRecord[], nominal: Int32Array, byRun: Int32Array, runs: number): UnitUncertainty[] {
  const n = records.length;
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
    .sort((a, b) => (nominal[a] || Infinity) - (nominal[b] || Infinity) || compareVi(names[a]!, names[b]!));
  for (const i of order) {
    const r = records[i]!;
    if (nominal[i] === 0) {
      units.push({ unit: r.unit, code: r.code, nominalRank: null, medianRank: null, p5: null, p95: null, meanAbsShift: null });
      continue;
    }
    let shift = 0;
    const nom = nominal[i]!;
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
  return units;
}
