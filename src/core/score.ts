/**
 * Scoring a dataset: one year ranked, with rank changes against the year before, as the
 * `dti-result/v1` object of ../shared/design/formats.md §3.
 */
import type { Dataset, UnitRecord } from './data.js';
import { yearsOf } from './data.js';
import type { Diagnostic } from './diagnostics.js';
import { warning } from './diagnostics.js';
import { type Aggregated, aggregate, coverage, normalizeMatrix, rankKey, rankKeys } from './engine.js';
import type { Framework } from './framework.js';
import { fixed } from './text.js';

export type Lang = 'vi' | 'en';

/** One year of one dataset, scored. Arrays are indexed like `records`. */
export interface YearScore {
  year: number | null;
  records: UnitRecord[];
  /** Normalised leaf matrix, column-major (leaf j, unit i at j·n + i). */
  norm: Float64Array;
  agg: Aggregated;
  coverage: Float64Array;
  /** Root value × scale (NaN = unranked). */
  scores: Float64Array;
  ranks: Int32Array;
  order: number[];
  /** Per pillar: ranks of the units on that pillar. */
  pillarRanks: Int32Array[];
}

/** Score one year's records. `pool` gives minmax/zscore/rank their statistics (default: these records). */
export function scoreYear(fw: Framework, records: UnitRecord[], year: number | null, pool?: readonly UnitRecord[]): YearScore {
  const n = records.length;
  const scale = fw.definitions.scale;
  const norm = normalizeMatrix(fw, records, pool ?? records);
  const agg = aggregate(fw, norm, n);
  const scores = new Float64Array(n);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = agg.nodes[fw.root * n + i]! * scale;
    keys[i] = rankKey(fw, scores[i]!);
  }
  const names = records.map((r) => r.unit);
  const { ranks, order } = rankKeys(keys, names);
  const pillarRanks = fw.pillars.map((_, p) => {
    const pk = Float64Array.from({ length: n }, (_, i) => rankKey(fw, agg.pillars[p * n + i]! * scale));
    return rankKeys(pk, names).ranks;
  });
  return { year, records, norm, agg, coverage: coverage(fw, records), scores, ranks, order, pillarRanks };
}

export interface PillarResult {
  score: number | null;
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
}

export interface RankedUnit {
  rank: number | null;
  unit: string;
  code: string | null;
  score: number | null;
  previousRank: number | null;
  rankChange: number | null;
  coverage: number;
  pillars: Record<string, PillarResult>;
  groups: Record<string, number | null>;
  indicators: Record<string, { value: number | null; normalized: number | null }>;
}

export interface DroppedUnit {
  unit: string;
  code: string | null;
  previousRank: number | null;
}

export interface ScoreResult {
  schema: 'dti-result/v1';
  framework: { id: string; name: string };
  year: number | null;
  previousYear: number | null;
  rankings: RankedUnit[];
  /** Units ranked in the previous year with no row in this one. */
  dropped: DroppedUnit[];
  warnings: { code: string; message: string }[];
}

export interface ScoreOptions {
  /** The year to rank (default: the latest in the data). */
  year?: number | null;
  /** Another dataset holding the previous year (the file beside this one). */
  previous?: Dataset;
  /** Normalise minmax/zscore/rank over all years given instead of each year alone. */
  poolYears?: boolean;
  lang?: Lang;
  /** Warnings from loading, carried into the result. */
  warnings?: readonly Diagnostic[];
}

const nullable = (x: number) => (Number.isNaN(x) ? null : x);

/** Score the latest (or the chosen) year of `data`, with rank changes against the year before. */
export function score(fw: Framework, data: Dataset, opts: ScoreOptions = {}): ScoreResult {
  const years = yearsOf(data);
  const year = opts.year !== undefined ? opts.year : years[years.length - 1]!;
  const current = data.records.filter((r) => r.year === year);
  let prevRecords: UnitRecord[] = [];
  let previousYear: number | null = null;
  if (year !== null) {
    const earlier = (ds: Dataset) => yearsOf(ds).filter((y): y is number => y !== null && y < year);
    const own = earlier(data);
    const other = opts.previous === undefined ? [] : earlier(opts.previous);
    const best = Math.max(own[own.length - 1] ?? -Infinity, other[other.length - 1] ?? -Infinity);
    if (best > -Infinity) {
      previousYear = best;
      prevRecords = (own.includes(best) ? data : opts.previous!).records.filter((r) => r.year === best);
    }
  }
  const warnings: Diagnostic[] = [...(opts.warnings ?? [])];
  const dependent = fw.leaves.filter((ni) => ['minmax', 'zscore', 'rank'].includes(fw.nodes[ni]!.def!.normalize.method));
  const pool = opts.poolYears === true ? [...current, ...prevRecords] : undefined;
  if (previousYear !== null && dependent.length > 0 && opts.poolYears !== true) {
    warnings.push(warning('YEAR_DEPENDENT_METHOD',
      `${dependent.map((ni) => fw.nodes[ni]!.id).join(', ')} ${dependent.length === 1 ? 'is' : 'are'} normalised over each year's units (minmax/zscore/rank), so scores are not comparable across years; ranks are`,
      {}, 'pass --pool-years to normalise over all the years given'));
  }
  const cur = scoreYear(fw, current, year, pool);
  const prev = previousYear === null ? null : scoreYear(fw, prevRecords, previousYear, pool);
  return buildResult(fw, cur, prev, warnings, opts.lang ?? 'vi');
}

function buildResult(fw: Framework, cur: YearScore, prev: YearScore | null, diags: Diagnostic[], lang: Lang): ScoreResult {
  const d = fw.definitions;
  const L = fw.leaves.length;
  const n = cur.records.length;
  const prevIndex = new Map<string, number>();
  prev?.records.forEach((r, i) => prevIndex.set(r.key, i));
  const seen = new Set<string>();
  const rank0 = (r: number) => (r === 0 ? null : r);
  const change = (before: number | null, now: number | null) => (before === null || now === null ? null : before - now);

  const warnings = diags.map((w) => ({ code: w.code, message: w.message }));
  const incomplete: { unit: string; year: number | null; missing: number; coverage: number }[] = [];
  const rankings = cur.order.map((i): RankedUnit => {
    const r = cur.records[i]!;
    seen.add(r.key);
    const pi = prevIndex.get(r.key);
    const rank = rank0(cur.ranks[i]!);
    const previousRank = prev === null || pi === undefined ? null : rank0(prev.ranks[pi]!);
    const pillars: Record<string, PillarResult> = {};
    fw.pillars.forEach((p, k) => {
      const pr = rank0(cur.pillarRanks[k]![i]!);
      const ppr = prev === null || pi === undefined ? null : rank0(prev.pillarRanks[k]![pi]!);
      pillars[p.id] = { score: nullable(cur.agg.pillars[k * n + i]! * d.scale), rank: pr, previousRank: ppr, rankChange: change(ppr, pr) };
    });
    const groups: Record<string, number | null> = {};
    for (const g of fw.groups) groups[fw.nodes[g]!.id] = nullable(cur.agg.nodes[g * n + i]! * d.scale);
    const indicators: RankedUnit['indicators'] = {};
    fw.leafIds.forEach((id, j) => {
      indicators[id] = { value: nullable(r.values[j]!), normalized: nullable(cur.norm[j * n + i]!) };
    });
    let missing = 0;
    for (let j = 0; j < L; j++) if (Number.isNaN(r.values[j]!)) missing++;
    if (missing > 0) incomplete.push({ unit: r.unit, year: r.year, missing, coverage: cur.coverage[i]! });
    return {
      rank,
      unit: r.unit,
      code: r.code,
      score: nullable(cur.scores[i]!),
      previousRank,
      rankChange: change(previousRank, rank),
      // A sum of weight shares: rounded to 10 decimals so 0.425 does not print as 0.4250000000000002.
      coverage: Number(cur.coverage[i]!.toFixed(10)),
      pillars,
      groups,
      indicators,
    };
  });
  // One warning per unit with gaps; past a dozen units, one summary (10,000 lines help nobody).
  const policy = d.missing === 'exclude' ? 'left out' : 'counted as 0 unless a node says otherwise';
  if (incomplete.length > 12) {
    const total = incomplete.reduce((s, u) => s + u.missing, 0);
    warnings.push({ code: 'MISSING_VALUE', message: `${incomplete.length} of ${rankings.length} units have values missing (${total} in all); ${policy}` });
  } else {
    for (const u of incomplete) {
      warnings.push({
        code: 'MISSING_VALUE',
        message: `${u.unit}${u.year === null ? '' : ` (${u.year})`}: ${u.missing} of ${L} indicators have no value (coverage ${fixed(u.coverage, 2)}); ${policy}`,
      });
    }
  }
  const dropped: DroppedUnit[] = prev === null ? [] : prev.order
    .filter((i) => !seen.has(prev.records[i]!.key))
    .map((i) => ({ unit: prev.records[i]!.unit, code: prev.records[i]!.code, previousRank: rank0(prev.ranks[i]!) }));
  return {
    schema: 'dti-result/v1',
    framework: { id: d.id, name: d.name[lang] },
    year: cur.year,
    previousYear: prev?.year ?? null,
    rankings,
    dropped,
    warnings,
  };
}
