/**
 * Scoring a dataset: one year ranked, with rank changes against the year before, as the
 * `dti-result/v1` object of data/README.md.
 */
import type { Dataset, UnitRecord } from './model.js';
import { REGIONS, findRegion } from './provinces.js';
import type { Diagnostic } from './diagnostics.js';
import { msg } from './messages.js';
import { type Result, error, resultWarning, warning } from './diagnostics.js';
import { type Framework, forYear, methodChanged } from './framework.js';
import { POOL_METHODS, normaliseMethodOf } from './methods/normalise/index.js';
import type { YearScore } from './pipeline.js';
import type { TreatLog } from './stages/treat.js';
import type { Run } from './build.js';

export type Lang = 'vi' | 'en';

export { scoreYear, type YearScore } from './pipeline.js';
export { mergeYear, mergeProblems } from './merge-2025.js';

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
  /** Socio-economic region (provinces only) and the rank within it. */
  region: string | null;
  regionRank: number | null;
  /** With `by` a `columns.groups` column: the unit's group and its rank within it. */
  group?: string | null;
  groupRank?: number | null;
  coverage: number;
  /** When the definitions impute: the weight share of leaves whose value was imputed. */
  imputed?: number;
  /** Screened out (`screen.min_coverage`): listed with rank null. */
  screened?: true;
  pillars: Record<string, PillarResult>;
  groups: Record<string, number | null>;
  indicators: Record<string, IndicatorResult>;
  /** `--merge-2025 --allow-partial-merge`: the members with no row, the province averaged over the others. */
  absentMembers?: string[];
}

/** An indicator of a unit: its value (after denominate and impute) and its normalised value. */
export interface IndicatorResult {
  value: number | null;
  normalized: number | null;
  imputed?: true;
}

export interface DroppedUnit {
  unit: string;
  code: string | null;
  previousRank: number | null;
}

export interface RegionSummary {
  region: string;
  /** Units of the region with a score. */
  units: number;
  /** Means over those units (scaled like the scores). */
  score: number | null;
  pillars: Record<string, number | null>;
}

export interface ScoreResult {
  schema: 'dti-result/v1';
  framework: { id: string; name: string };
  year: number | null;
  previousYear: number | null;
  /**
   * The index was made of different nodes in `previousYear` (a change of method: `years` in the
   * definitions): rank changes compare ranks computed two different ways.
   */
  methodChanged: boolean;
  rankings: RankedUnit[];
  /** Units ranked in the previous year with no row in this one. */
  dropped: DroppedUnit[];
  /** With `byRegion`: each region's averages, in GSO's order of regions. */
  regions?: RegionSummary[];
  /** When the definitions treat outliers: every indicator treated, per year. */
  treatment?: TreatLog[];
  warnings: ResultWarning[];
}

/** A warning as results carry it: its stable code, the message and, where there is one, the hint. */
export interface ResultWarning {
  code: string;
  message: string;
  hint?: string;
}

export interface ScoreOptions {
  /** The year to rank (default: the latest in the data). */
  year?: number | null;
  /** Another dataset holding the previous year (the file beside this one). */
  previous?: Dataset;
  /** Normalise the methods that use the pool of units (minmax, zscore, rank, percentile) over all years given instead of each year alone. */
  poolYears?: boolean;
  lang?: Lang;
  /** Add each region's averages (`regions`). */
  byRegion?: boolean;
  /** Rank within the groups of this `columns.groups` column, or `region` (`group`, `groupRank`). */
  by?: string;
  /**
   * How much per unit to build: `indicators` (default, the full dti-result/v1), `groups`, or
   * `pillars` (groups and indicators left empty — a large file's CSV needs no 17M objects).
   */
  detail?: 'pillars' | 'groups' | 'indicators';
  /** Score the 34 provinces after 1 July 2025 from data on the 63 (see mergeYear). */
  merge2025?: boolean;
  /** Warnings from loading, carried into the result. */
  warnings?: readonly Diagnostic[];
}

const nullable = (x: number) => (Number.isNaN(x) ? null : x);


/** How many leaves are part of the index in `year` (all of them without `years` in the definitions). */
const activeLeaves = (fw: Framework, year: number | null) => {
  const inactive = forYear(fw, year).inactive;
  return inactive === undefined ? fw.leaves.length : fw.leaves.filter((ni) => inactive[ni] !== 1).length;
};

/** How many missing indicators a warning names (the rest counted). */
const NAMED = 6;

/**
 * The units scored with values missing: one warning per unit (with its year), naming the
 * indicators and their cells (line:column in the file; a cell never given, the id alone), or
 * past a dozen one summary naming the indicators missing most often (10,000 lines help
 * nobody). Says what the policy did with the gaps, and names a unit left unranked as such.
 */
export function missingWarnings(fw: Framework, years: readonly YearScore[]): Diagnostic[] {
  const d = fw.definitions;
  const policy = msg(d.missing === 'exclude' ? 'policy.exclude' : d.missing === 'zero' ? 'policy.zero' : 'policy.each');
  const hint = msg('hint.fillGaps');
  const incomplete: { unit: string; year: number | null; missing: number; coverage: number; ranked: boolean; merged: boolean; record: UnitRecord; gaps: number[] | undefined }[] = [];
  let units = 0;
  for (const ys of years) {
    units += ys.records.length;
    ys.records.forEach((r, i) => {
      const missing = ys.missing[i]!;
      if (missing > 0) incomplete.push({ unit: r.unit, year: r.year, missing, coverage: ys.coverage[i]!, ranked: ys.ranks[i] !== 0, merged: ys.absent !== undefined, record: r, gaps: ys.gaps?.[i] });
    });
  }
  // The leaves of the unit's year without a value (a merged province's: in at least one member).
  // (A loop, not a flatMap of one-element arrays: 10,000 units × 100 leaves made a million.)
  const gaps = (u: (typeof incomplete)[number]) => {
    if (u.gaps !== undefined) return u.gaps;
    const inactive = forYear(fw, u.year).inactive;
    const values = u.record.values;
    const js: number[] = [];
    for (let j = 0; j < fw.leaves.length; j++) if (inactive?.[fw.leaves[j]!] !== 1 && Number.isNaN(values[j]!)) js.push(j);
    return js;
  };
  if (incomplete.length > 12) {
    const total = incomplete.reduce((s, u) => s + u.missing, 0);
    const unranked = incomplete.filter((u) => !u.ranked).length;
    // How many units lack each leaf.
    const often = new Array<number>(fw.leaves.length).fill(0);
    for (const u of incomplete) for (const j of gaps(u)) often[j]!++;
    const top = often.flatMap((k, j) => (k > 0 ? [[j, k] as const] : [])).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return [warning('MISSING_VALUE.summary', {
      n: incomplete.length, units, unitYears: years.length > 1, total, outcome: policy, unranked,
      list: top.slice(0, NAMED).map(([j, k]) => `${fw.leafIds[j]!} (${k})`).join(', '), more: Math.max(0, top.length - NAMED),
    }, {}, hint)];
  }
  return incomplete.map((u) => {
    const js = gaps(u);
    // A cell that was there and empty is located; a leaf with no column (or a merged unit's) is named alone.
    const lines = u.merged ? undefined : u.record.lines;
    const cols = u.merged ? undefined : u.record.cols;
    const named = js.slice(0, NAMED).map((j) => (lines !== undefined && cols !== undefined && lines[j]! > 0 ? `${fw.leafIds[j]!} (${lines[j]!}:${cols[j]!})` : fw.leafIds[j]!));
    return warning('MISSING_VALUE.unit', {
      unit: `${u.unit}${u.year === null ? '' : ` (${u.year})`}`, n: u.missing, of: activeLeaves(fw, u.year), merged: u.merged,
      coverage: u.coverage, list: named.join(', '), more: Math.max(0, js.length - NAMED), outcome: u.ranked ? policy : msg('policy.unranked'),
    }, {}, hint);
  });
}

/** Leaves normalised over each year's units: scores of different years do not compare (without pooling). */
export function yearDependentWarning(fw: Framework): Diagnostic[] {
  const dependent = fw.leaves.filter((ni) => normaliseMethodOf(fw.nodes[ni]!.def!.normalize.method).usesPool);
  if (dependent.length === 0) return [];
  return [warning('YEAR_DEPENDENT_METHOD', { ids: dependent.map((ni) => fw.nodes[ni]!.id), methods: POOL_METHODS }, {}, msg('hint.poolYears'))];
}

/**
 * `--top n` of score, chart, trend and sensitivity: a unit is kept when it is ranked n or better
 * (ties kept whole); an unranked unit is not. No `top`: every unit is kept.
 */
export function withinTop(rank: number | null | undefined, top: number | undefined): boolean {
  return top === undefined || (rank != null && rank <= top);
}

/**
 * `dti score --top n` in every format: the units ranked n or better by the rank the ranking shows
 * (within groups with `by`, within regions with `byRegion`, else the overall rank).
 */
export function topUnits(rankings: RankedUnit[], o: { top?: number; byRegion?: boolean; by?: string }): RankedUnit[] {
  if (o.top === undefined) return rankings;
  const rankOf = (r: RankedUnit) => (o.by !== undefined ? r.groupRank ?? null : o.byRegion === true ? r.regionRank : r.rank);
  return rankings.filter((r) => withinTop(rankOf(r), o.top));
}

/** The groups and indicators of one ranked unit, built when asked for. */
export type UnitDetail = (unit: RankedUnit) => Pick<RankedUnit, 'groups' | 'indicators'>;

/** What `scoreRun` reports beside the run: language, groupings, how much per unit to build, warnings from loading. */
export type ResultOptions = Pick<ScoreOptions, 'lang' | 'byRegion' | 'by' | 'detail' | 'warnings'> & { detailOnDemand?: 'pillars' | 'groups' | 'indicators' };

/** The dti-result/v1 of a run: its year analysed, ranked, with rank changes against the year before. */
export function scoreRun(run: Run, opts: ResultOptions = {}): { result: ScoreResult; detailOf: UnitDetail } {
  const fw = run.fw;
  const warnings: Diagnostic[] = [...(opts.warnings ?? [])];
  if (run.previousYear !== null && run.options.poolYears !== true) warnings.push(...yearDependentWarning(fw));
  return buildResult(fw, run.current, run.previous, warnings, opts.lang ?? 'vi', opts.byRegion === true, opts.detail ?? 'indicators', opts.detailOnDemand ?? opts.detail ?? 'indicators', opts.by);
}

/** How a ranking is grouped and cut (`dti score --by`, `--region`; the library's `score`). */
export interface Grouping {
  /** `region` (each region's averages and the rank within its region), or a `columns.groups` column (the rank within its group). */
  by?: string;
  /** Only the provinces of one socio-economic region (any spelling `findRegion` knows); its averages too. */
  region?: string;
}

/**
 * `by` and `region` checked against the definitions and the data read: a region of the
 * registry (its name as the registry writes it), a grouping the definitions declare and the
 * data fill, regions only over provinces. Every problem at once: BAD_PARAMETER for a choice
 * that cannot be (a usage error in the CLI), MISSING_VALUE for a grouping the data leave empty.
 */
export function checkGrouping(fw: Framework, data: Pick<Dataset, 'records' | 'unitKind'>, g: Grouping): Result<{ byRegion: boolean; by?: string; region?: string }> {
  const errors: Diagnostic[] = [];
  let region: string | undefined;
  if (g.region !== undefined) {
    const found = findRegion(g.region);
    if (found.ok) region = found.region.name;
    else {
      errors.push(error('BAD_PARAMETER.unknownRegion', { region: g.region }, {},
        found.suggestions.length > 0 ? msg('hint.didYouMean', { options: found.suggestions }) : msg('hint.oneOf', { options: REGIONS.map((r) => r.name).join('; ') })));
    }
  }
  if (g.by !== undefined && g.by !== 'region') {
    const groups = fw.definitions.columns.groups;
    const k = groups.indexOf(g.by);
    if (k < 0) {
      errors.push(error('BAD_PARAMETER.byUnknown', { by: g.by, id: fw.definitions.id }, {},
        groups.length === 0 ? msg('hint.listGroupColumn') : msg('hint.oneOf', { options: ['region', ...groups].join(', ') })));
    } else if (!data.records.some((r) => r.groups?.[k] != null)) {
      errors.push(error('MISSING_VALUE.byEmpty', { by: g.by }, {}, msg('hint.addGroupColumn', { column: g.by })));
    }
  }
  const byRegion = g.by === 'region' || g.region !== undefined;
  if (byRegion && data.unitKind !== 'province') errors.push(error('BAD_PARAMETER.regionsNeedProvinces', {}, {}, msg('hint.freeUnitsNoRegion')));
  if (errors.length > 0) return { ok: false, errors, warnings: [] };
  return { ok: true, value: { byRegion, ...(g.by === undefined ? {} : { by: g.by }), ...(region === undefined ? {} : { region }) }, warnings: [] };
}

/** A result cut to one region's provinces (`region`, as `checkGrouping` names it) and that region's averages. */
export function inRegion(result: ScoreResult, region: string | undefined): ScoreResult {
  if (region === undefined) return result;
  return { ...result, rankings: result.rankings.filter((r) => r.region === region), regions: result.regions?.filter((r) => r.region === region) ?? [] };
}

/**
 * Each unit's rank within its group: 1 + the units of the same group ranked strictly better
 * (competition ranks, as the overall ranking's); null when unranked (rank 0) or in no group.
 * The ranked units are taken in order of rank once, not compared with every other unit.
 */
export function ranksWithin(ranks: Int32Array, groupOf: (i: number) => string | null): (number | null)[] {
  const n = ranks.length;
  const out = new Array<number | null>(n).fill(null);
  // The ranked units by rank, ties by index (what a stable sort gives): a counting sort, as
  // ranks are whole numbers 1..n; any other rank (none is made) falls back to the sort.
  let idx: ArrayLike<number> | undefined = byRank(ranks);
  if (idx === undefined) {
    const all: number[] = [];
    for (let i = 0; i < n; i++) if (ranks[i] !== 0) all.push(i);
    idx = all.sort((a, b) => ranks[a]! - ranks[b]!);
  }
  // Per group: units seen, and the rank and count at the start of the current tied block.
  const seen = new Map<string, { count: number; rank: number; before: number }>();
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const g = groupOf(i);
    if (g === null) continue;
    const r = ranks[i]!;
    let s = seen.get(g);
    if (s === undefined) seen.set(g, (s = { count: 0, rank: 0, before: 0 }));
    if (s.rank !== r) { s.rank = r; s.before = s.count; }
    out[i] = s.before + 1;
    s.count++;
  }
  return out;
}

/** Units with a rank (not 0), by rank and then by index; undefined if a rank is outside 1..n. */
export function byRank(ranks: Int32Array): Int32Array | undefined {
  const n = ranks.length;
  const start = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) {
    const r = ranks[i]!;
    if (r === 0) continue;
    if (r < 1 || r > n) return undefined;
    start[r + 1]! += 1;
  }
  for (let r = 1; r <= n + 1; r++) start[r]! += start[r - 1]!;
  const out = new Int32Array(start[n + 1]!);
  for (let i = 0; i < n; i++) {
    const r = ranks[i]!;
    if (r !== 0) out[start[r]!++] = i;
  }
  return out;
}

function buildResult(fw: Framework, cur: YearScore, prev: YearScore | null, diags: Diagnostic[], lang: Lang, byRegion: boolean,
  detail: 'pillars' | 'groups' | 'indicators', lazyDetail: 'pillars' | 'groups' | 'indicators', by?: string): { result: ScoreResult; detailOf: UnitDetail } {
  const d = fw.definitions;
  const n = cur.records.length;
  const prevIndex = new Map<string, number>();
  prev?.records.forEach((r, i) => prevIndex.set(r.key, i));
  const seen = new Set<string>();
  const rank0 = (r: number) => (r === 0 ? null : r);
  const change = (before: number | null, now: number | null) => (before === null || now === null ? null : before - now);

  const warnings: ResultWarning[] = diags.map((d) => resultWarning(d));
  let regionRanks: (number | null)[] | undefined;
  const regionRank = (i: number): number | null => (regionRanks ??= ranksWithin(cur.ranks, (j) => cur.records[j]!.region))[i]!;
  // --by <column>: each unit's group (that year's row) and the rank within it.
  const byCol = by === undefined ? -1 : d.columns.groups.indexOf(by);
  const groupOfUnit = (i: number) => (byCol < 0 ? null : cur.records[i]!.groups?.[byCol] ?? null);
  let groupRanks: (number | null)[] | undefined;
  const groupRank = (i: number): number | null => (groupRanks ??= ranksWithin(cur.ranks, groupOfUnit))[i]!;
  const imputes = fw.leaves.some((ni) => fw.nodes[ni]!.def!.impute !== 'none');
  const unitDetail = (i: number, level: 'pillars' | 'groups' | 'indicators'): Pick<RankedUnit, 'groups' | 'indicators'> => {
    const groups: Record<string, number | null> = {};
    if (level !== 'pillars') for (const g of fw.groups) groups[fw.nodes[g]!.id] = nullable(cur.agg.nodes[g * n + i]! * d.scale);
    const indicators: RankedUnit['indicators'] = {};
    if (level === 'indicators') {
      const ids = fw.leafIds;
      for (let j = 0; j < ids.length; j++) {
        const c = j * n + i;
        const value = nullable(cur.values[c]!);
        const normalized = nullable(cur.norm[c]!);
        indicators[ids[j]!] = cur.imputed[c] === 1 ? { value, normalized, imputed: true } : { value, normalized };
      }
    }
    return { groups, indicators };
  };
  const rankings = cur.order.map((i): RankedUnit => {
    const r = cur.records[i]!;
    // Only a previous year has units that can be dropped (the set is hashing work otherwise).
    if (prev !== null) seen.add(r.key);
    const pi = prev === null ? undefined : prevIndex.get(r.key);
    const rank = rank0(cur.ranks[i]!);
    const previousRank = prev === null || pi === undefined ? null : rank0(prev.ranks[pi]!);
    const pillars: Record<string, PillarResult> = {};
    fw.pillars.forEach((p, k) => {
      const pr = rank0(cur.pillarRanks[k]![i]!);
      const ppr = prev === null || pi === undefined ? null : rank0(prev.pillarRanks[k]![pi]!);
      pillars[p.id] = { score: nullable(cur.agg.pillars[k * n + i]! * d.scale), rank: pr, previousRank: ppr, rankChange: change(ppr, pr) };
    });
    const { groups, indicators } = unitDetail(i, detail);
    const absent = cur.absent?.[i];
    // Built key by key in the same order as one literal with spreads (the JSON's key order);
    // optional keys assigned, not spread (a spread in a literal is a slow path in V8).
    const u: RankedUnit = {
      rank,
      unit: r.unit,
      code: r.code,
      score: nullable(cur.scores[i]!),
      previousRank,
      rankChange: change(previousRank, rank),
      region: r.region,
      regionRank: regionRank(i),
    } as RankedUnit;
    // --by region: the region is the group (region and regionRank stay, as before).
    if (by === 'region') { u.group = r.region; u.groupRank = regionRank(i); } else if (byCol >= 0) { u.group = groupOfUnit(i); u.groupRank = groupRank(i); }
    // A sum of weight shares: rounded to 10 decimals so 0.425 does not print as 0.4250000000000002.
    u.coverage = Number(cur.coverage[i]!.toFixed(10));
    if (imputes) u.imputed = Number(cur.imputedShare[i]!.toFixed(10));
    if (cur.screened[i] === 1) u.screened = true;
    u.pillars = pillars;
    u.groups = groups;
    u.indicators = indicators;
    if (absent != null) u.absentMembers = absent;
    return u;
  });
  warnings.push(...missingWarnings(fw, [cur]).map((d) => resultWarning(d)));
  const dropped: DroppedUnit[] = prev === null ? [] : prev.order
    .filter((i) => !seen.has(prev.records[i]!.key))
    .map((i) => ({ unit: prev.records[i]!.unit, code: prev.records[i]!.code, previousRank: rank0(prev.ranks[i]!) }));
  const regions = byRegion ? regionSummaries(fw, rankings) : undefined;
  // Ranking k is the unit cur.order[k]; looked up by the object, as a caller may filter.
  let position: Map<RankedUnit, number> | undefined;
  const detailOf: UnitDetail = (unit) => {
    position ??= new Map(rankings.map((x, k) => [x, cur.order[k]!]));
    const i = position.get(unit);
    if (i === undefined) throw new Error('detailOf: not a unit of this result');
    return unitDetail(i, lazyDetail);
  };
  const result: ScoreResult = {
    schema: 'dti-result/v1',
    framework: { id: d.id, name: d.name[lang] },
    year: cur.year,
    previousYear: prev?.year ?? null,
    methodChanged: prev === null ? false : methodChanged(fw, prev.year, cur.year),
    rankings,
    dropped,
    ...(regions === undefined ? {} : { regions }),
    ...(fw.leaves.some((ni) => fw.nodes[ni]!.def!.treat !== null) ? { treatment: [...(prev?.treatment ?? []), ...cur.treatment] } : {}),
    warnings,
  };
  return { result, detailOf };
}

function regionSummaries(fw: Framework, rankings: RankedUnit[]): RegionSummary[] {
  const mean = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
  };
  return REGIONS.flatMap((reg) => {
    const units = rankings.filter((r) => r.region === reg.name && r.score !== null);
    if (units.length === 0) return [];
    const pillars: Record<string, number | null> = {};
    for (const p of fw.pillars) pillars[p.id] = mean(units.map((u) => u.pillars[p.id]!.score));
    return [{ region: reg.name, units: units.length, score: mean(units.map((u) => u.score)), pillars }];
  });
}
