/**
 * The pipeline: the stages in their fixed order,
 *
 *   denominate → impute            over every year given at once (a unit's series)
 *   → screen → treat → transform → normalise → (missing) → aggregate → rank   one year at a time
 *
 * each a small pure function in ./stages/ with its own tests. What every stage produced is
 * kept (`YearScore`), so explain and sensitivity read the normalised matrix and re-aggregate
 * from it instead of scoring again, and the result reports what was imputed, screened and
 * treated from the stages' logs.
 */
import type { UnitRecord } from './model.js';
import { type Diagnostic, error } from './diagnostics.js';
import { msg } from './messages.js';
import { type Framework, forYear } from './framework.js';
import { type Panel, gather, panelOf, subPanel } from './panel.js';
import { type Aggregated, aggregate } from './stages/aggregate.js';
import { type DenominateLog, denominate } from './stages/denominate.js';
import { type ImputeLog, impute } from './stages/impute.js';
import { normalisePanel } from './stages/normalise.js';
import { rankKey, rankKeys } from './stages/rank.js';
import { imputedShare, panelCoverage, screen } from './stages/screen.js';
import { type TreatLog, treat } from './stages/treat.js';

/** One year of one dataset, scored. Arrays are indexed like `records`. */
export interface YearScore {
  year: number | null;
  records: UnitRecord[];
  /** Each leaf's value after denominate and impute (what treatment and normalisation start from), column-major. */
  values: Float64Array;
  /** 1 where `values` was imputed, column-major like it. */
  imputed: Uint8Array;
  /** Each leaf's value after treatment (what transform and normalise start from), column-major; `values` where nothing was treated. */
  treated: Float64Array;
  /** Normalised leaf matrix, column-major (leaf j, unit i at j·n + i). */
  norm: Float64Array;
  agg: Aggregated;
  /** Weight share of observed leaves, and of imputed ones. */
  coverage: Float64Array;
  imputedShare: Float64Array;
  /** 1 for a unit screened out (listed unranked). */
  screened: Uint8Array;
  treatment: TreatLog[];
  /** Root value × scale (NaN = missing). */
  scores: Float64Array;
  ranks: Int32Array;
  order: number[];
  /** Per pillar: ranks of the units on that pillar. */
  pillarRanks: Int32Array[];
  /** Per unit: how many leaves have no value (for a merged province: in at least one member). */
  missing: Int32Array;
  /** Per unit, after the 2025 merger: the members with no row in the data (partial merge), else null. */
  absent?: (string[] | null)[];
  /** Per unit, after the 2025 merger: the leaves (indices) with no value in at least one member. */
  gaps?: number[][];
}

/**
 * `missing: error` on a leaf that imputes applies to what imputation leaves missing: those
 * cells, located, as data errors (the loader cannot know them before the years are together).
 * `panel` is the prepared panel (after denominate and impute); `fileOf` names the file of a row.
 */
export function unfilledErrors(fw: Framework, panel: Panel, fileOf: (r: UnitRecord) => string | undefined = () => undefined): Diagnostic[] {
  const strict = fw.leaves.map((ni) => fw.nodes[ni]!.missing === 'error' && fw.nodes[ni]!.def!.impute !== 'none');
  if (!strict.includes(true)) return [];
  const out: Diagnostic[] = [];
  strict.forEach((on, j) => {
    if (!on) return;
    const def = fw.nodes[fw.leaves[j]!]!.def!;
    for (let i = 0; i < panel.n; i++) {
      if (!Number.isNaN(panel.values[j * panel.n + i]!)) continue;
      const r = panel.rows[i]!;
      const file = fileOf(r);
      const at = (line: number, col: number) => ({ ...(file === undefined ? {} : { file }), line, col });
      out.push(error('MISSING_VALUE.imputeNone', { unit: r.unit, year: r.year, id: def.id, impute: def.impute },
        r.lines[j] !== 0 ? at(r.lines[j]!, r.cols[j]!) : at(r.line, 1), msg('hint.declaredError', { id: def.id })));
    }
  });
  return out;
}

/** The stages before the years part: denominate, then impute along each unit's years. */
export function prepare(fw: Framework, rows: readonly UnitRecord[]): { panel: Panel; denominated: DenominateLog[]; imputed: ImputeLog[] } {
  const d = denominate(fw, panelOf(rows, fw.leaves.length));
  const im = impute(fw, d.panel);
  return { panel: im.panel, denominated: d.log, imputed: im.log };
}

interface Treated {
  year: number | null;
  panel: Panel;
  /** The panel before treatment (denominated and imputed). */
  before: Panel;
  coverage: Float64Array;
  screened: Uint8Array;
  treatment: TreatLog[];
  /** The units that give the statistics (not screened out). */
  pool: Panel;
}

function screenAndTreat(fw: Framework, p: Panel, year: number | null): Treated {
  const cov = panelCoverage(fw, p);
  const screened = screen(cov, fw.definitions.minCoverage);
  const t = treat(fw, p, screened, year);
  const keep: number[] = [];
  for (let i = 0; i < p.n; i++) if (screened[i] === 0) keep.push(i);
  const pool = keep.length === p.n ? t.panel : subPanel(t.panel, keep);
  return { year, panel: t.panel, before: p, coverage: cov, screened, treatment: t.log, pool };
}

/** Normalise, aggregate and rank one treated year against `pool`. */
function finish(fw: Framework, t: Treated, pool: Panel): YearScore {
  const norm = normalisePanel(fw, t.panel, pool);
  const agg = aggregate(fw, norm, t.panel.n);
  // Missing after imputation: what the missing-value policy applies to.
  const { n, L } = t.before;
  const missing = new Int32Array(n);
  for (let j = 0; j < L; j++) {
    if (fw.inactive !== undefined && fw.inactive[fw.leaves[j]!] === 1) continue; // not part of that year's index
    const vs = t.before.values;
    const base = j * n;
    for (let i = 0; i < n; i++) { const v = vs[base + i]!; if (v !== v) missing[i]! += 1; }
  }
  return rankYear(fw, [...t.panel.rows], t.year, norm, agg, t.coverage, missing, {
    values: t.before.values, imputed: t.before.imputed, treated: t.panel.values, imputedShare: imputedShare(fw, t.before), screened: t.screened, treatment: t.treatment,
  });
}

/** Panels stacked (the pool of --pool-years). */
function stack(ps: readonly Panel[]): Panel {
  if (ps.length === 1) return ps[0]!;
  const L = ps[0]!.L;
  const n = ps.reduce((s, p) => s + p.n, 0);
  const values = new Float64Array(n * L);
  for (let j = 0; j < L; j++) {
    let off = j * n;
    for (const p of ps) { values.set(p.values.subarray(j * p.n, (j + 1) * p.n), off); off += p.n; }
  }
  return { rows: ps.flatMap((p) => [...p.rows]), n, L, values, observed: new Uint8Array(n * L), imputed: new Uint8Array(n * L), treated: new Uint8Array(n * L) };
}

export interface PipelineOptions {
  /** Normalise over all the years scored instead of each year alone. */
  poolYears?: boolean;
}

/** The years of `rows`, ascending, undated first. */
export function yearsOfRows(rows: readonly UnitRecord[]): (number | null)[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? -Infinity) - (b ?? -Infinity));
}

/**
 * Run the pipeline over `rows` (any years) and score each of `years` (default: every year in
 * the rows, ascending, undated first). Imputation sees every row; the rest runs per year.
 */
export function scoreRows(fw: Framework, rows: readonly UnitRecord[], years?: readonly (number | null)[], opts: PipelineOptions = {}): YearScore[] {
  return scorePanel(fw, prepare(fw, rows).panel, years ?? yearsOfRows(rows), opts);
}

/** The stages after imputation (screen, treat, normalise, aggregate, rank) for each of `ys`, on a prepared panel. */
export function scorePanel(fw: Framework, panel: Panel, ys: readonly (number | null)[], opts: PipelineOptions = {}): YearScore[] {
  const treated = ys.map((y) => {
    const idx: number[] = [];
    for (let i = 0; i < panel.n; i++) if (panel.rows[i]!.year === y) idx.push(i);
    // Each year with the nodes of its own method (`years` in the definitions).
    return screenAndTreat(forYear(fw, y), idx.length === panel.n ? panel : subPanel(panel, idx), y);
  });
  const pooled = opts.poolYears === true ? stack(treated.map((t) => t.pool)) : undefined;
  return treated.map((t) => finish(forYear(fw, t.year), t, pooled ?? t.pool));
}

/**
 * Score one year's records. `pool` gives the data-dependent methods (minmax, zscore, rank, …)
 * their statistics (default: these records).
 */
export function scoreYear(fw0: Framework, records: UnitRecord[], year: number | null, pool?: readonly UnitRecord[]): YearScore {
  const fw = forYear(fw0, year); // the nodes that make up the index that year (`years`)
  const t = screenAndTreat(fw, prepare(fw, records).panel, year);
  if (pool === undefined || pool === records) return finish(fw, t, t.pool);
  return finish(fw, t, screenAndTreat(fw, prepare(fw, pool).panel, year).pool);
}

/**
 * The normalised leaf matrix of one year's records, column-major (leaf j, unit i at j·n + i),
 * NaN where missing, after the stages before normalisation (denominate, impute, screen, treat):
 * the same matrix `scoreYear` aggregates, so explain and sensitivity re-aggregate exactly what
 * `score` ranks. `pool` (default: the same records) supplies the statistics of the methods
 * that take them from the units.
 */
export function normaliseMatrix(fw: Framework, records: readonly UnitRecord[], pool: readonly UnitRecord[] = records): Float64Array {
  const year = records[0]?.year ?? null;
  const t = screenAndTreat(fw, prepare(fw, records).panel, year);
  const p = pool === records ? t.pool : screenAndTreat(fw, prepare(fw, pool).panel, year).pool;
  return normalisePanel(fw, t.panel, p);
}

export interface YearExtras {
  values: Float64Array;
  imputed: Uint8Array;
  treated: Float64Array;
  imputedShare: Float64Array;
  screened: Uint8Array;
  treatment: TreatLog[];
}

/**
 * Scores and ranks (overall and per pillar) from aggregated values; screened units are unranked.
 * Without `extras` (the 2025 merger) the values are the records' own, nothing imputed or screened.
 */
export function rankYear(fw: Framework, records: UnitRecord[], year: number | null, norm: Float64Array, agg: Aggregated, cov: Float64Array,
  missing: Int32Array, extras?: YearExtras): YearScore {
  const n = records.length;
  const L = fw.leaves.length;
  const values = extras === undefined ? gather(records, L) : undefined;
  const x = extras ?? {
    values: values!, imputed: new Uint8Array(n * L), treated: values!, imputedShare: new Float64Array(n), screened: new Uint8Array(n), treatment: [],
  };
  const scale = fw.definitions.scale;
  const scores = new Float64Array(n);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = agg.nodes[fw.root * n + i]! * scale;
    keys[i] = x.screened[i] === 1 ? NaN : rankKey(fw, scores[i]!);
  }
  const { ranks, order } = rankKeys(keys, records.map((r) => r.unit));
  // A pillar's ranks only: its order, and so the names, are not needed.
  const pillarRanks = fw.pillars.map((_, p) => {
    const pk = new Float64Array(n);
    for (let i = 0; i < n; i++) pk[i] = x.screened[i] === 1 ? NaN : rankKey(fw, agg.pillars[p * n + i]! * scale);
    return rankKeys(pk).ranks;
  });
  return { year, records, ...x, norm, agg, coverage: cov, scores, ranks, order, pillarRanks, missing };
}
