/**
 * `build`: from the data as read to every year scored — our version of COINr's "coin".
 *
 *   datasets ─ merge (duplicate rows, one kind of unit, one map) ─▶ rows
 *   rows ─ denominate → impute (every year at once) ─ the `missing: error` policy
 *        ─ screen → treat → normalise → aggregate → rank (each year, with that year's method)
 *        ─ the 2025 merger (--merge-2025) ─▶ Run
 *
 * Every command and the library read a `Run`: `score` its latest year against the year before,
 * `trend` and `compare` every year, `explain` one unit, `sensitivity` re-aggregates the latest
 * year's normalised matrix. Each rule of the definitions is applied here once, so the commands
 * agree with each other. Pure: plain data in, a `Result` out.
 */
import type { Dataset, UnitRecord } from './model.js';
import { type Diagnostic, type Result, error } from './diagnostics.js';
import { type Text, msg, render } from './messages.js';
import type { Framework } from './framework.js';
import { mergeProblems, mergeYear } from './merge-2025.js';
import { type YearScore, prepare, scorePanel, unfilledErrors, yearsOfRows } from './pipeline.js';
import type { DenominateLog } from './stages/denominate.js';
import type { ImputeLog } from './stages/impute.js';
import type { Panel } from './panel.js';

export interface BuildOptions {
  /** The year analysed (default: the latest in the data). */
  year?: number | null;
  /**
   * A dataset that supplies the year before (`--previous`, or the file of the year before beside
   * the data): its rows dated before the year analysed join the run.
   */
  previous?: Dataset;
  /** `false`: the year analysed alone, no other year (`--no-previous`). */
  otherYears?: boolean;
  /** Normalise over all the years given instead of each year alone. */
  poolYears?: boolean;
  /** The 34 provinces after 1 July 2025 from data on the 63: each main index is the mean of the merged provinces. */
  merge2025?: boolean;
  /** With `merge2025`: average over the members present when some are missing (a warning, not an error). */
  allowPartialMerge?: boolean;
}

/** Everything built from the definitions and the data: each year's stages, the year analysed and the one before. */
export interface Run {
  fw: Framework;
  /** Every row that took part (the datasets merged, the previous year's rows first), in one dataset. */
  data: Dataset;
  /** Every year scored, ascending (undated first); after the 2025 merger with `merge2025`. */
  years: YearScore[];
  /** The same years before the merger (the 63 provinces); `years` itself without `merge2025`. */
  unmerged: YearScore[];
  /** The year analysed and its scores. */
  year: number | null;
  current: YearScore;
  /** The year before the year analysed, when the data hold one. */
  previousYear: number | null;
  previous: YearScore | null;
  /** Whether the 2025 merger was applied. */
  merged: boolean;
  /** Every row's values after denominate and impute (over every year at once), what the per-year stages start from. */
  panel: Panel;
  /** What denominate and impute did. */
  denominated: DenominateLog[];
  imputed: ImputeLog[];
  /** The options the run was built with. */
  options: BuildOptions;
}

/** The latest of `years` before `year` for which `has` holds; null when there is none (or `year` is null). */
export function yearBefore(years: readonly (number | null)[], year: number | null, has: (y: number) => boolean = () => true): number | null {
  if (year === null) return null;
  let best: number | null = null;
  for (const y of years) if (y !== null && y < year && (best === null || y > best) && has(y)) best = y;
  return best;
}

/**
 * Several datasets as one: the same kind of unit and map in every one, and no unit-year twice
 * (a `DUPLICATE_ROW` at the later row). One dataset is returned as it is.
 */
export function mergeDatasets(datasets: readonly Dataset[]): Result<Dataset> {
  if (datasets.length === 0) return { ok: false, errors: [error('NO_DATA.none', {}, {}, msg('hint.oneDataFile'))], warnings: [] };
  const first = datasets[0]!;
  if (datasets.length === 1) return { ok: true, value: first, warnings: [] };
  const errors: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const r of first.records) seen.add(`${r.key}\u0000${r.year}`);
  let records = first.records;
  for (const ds of datasets.slice(1)) {
    if (ds.unitKind !== first.unitKind || ds.map !== first.map) {
      errors.push(error('MIXED_MAPS.files', { file: ds.file ?? '-', kind: ds.unitKind, map: ds.map },
        { ...(ds.file === undefined ? {} : { file: ds.file }), line: 1, col: 1 }, msg('hint.sameUnitKind')));
      continue;
    }
    for (const r of ds.records) {
      const k = `${r.key}\u0000${r.year}`;
      if (seen.has(k)) {
        errors.push(error('DUPLICATE_ROW.earlierFile', { unit: r.unit, year: r.year },
          { ...(ds.file === undefined ? {} : { file: ds.file }), line: r.line, col: 1 }, msg('hint.onceAcrossFiles')));
      }
    }
    for (const r of ds.records) seen.add(`${r.key}\u0000${r.year}`);
    records = [...records, ...ds.records];
  }
  if (errors.length > 0) return { ok: false, errors, warnings: [] };
  return { ok: true, value: { ...first, records }, warnings: [] };
}

/**
 * Build a run: merge the datasets, choose the year analysed and the one before, run every
 * year's stages once, apply `missing: error` and the 2025 merger. Errors (duplicate rows,
 * values imputation could not fill under `missing: error`, a merger with members missing)
 * come back all at once; warnings (a partial merger) with the run.
 */
export function build(fw: Framework, datasets: readonly Dataset[], opts: BuildOptions = {}): Result<Run> {
  if (opts.allowPartialMerge === true && opts.merge2025 !== true) return { ok: false, errors: [error('BAD_PARAMETER.partialWithoutMerge', {})], warnings: [] };
  const merged = mergeDatasets(datasets);
  if (!merged.ok) return { ...merged, errors: locatePlain(merged.errors, datasets) };
  let data = merged.value;
  const dataYears = yearsOfRows(data.records);
  const year = opts.year !== undefined ? opts.year : dataYears[dataYears.length - 1] ?? null;
  if (opts.otherYears === false) data = { ...data, records: data.records.filter((r) => r.year === year) };
  // The previous year's file: its rows before the year analysed (they feed imputation too).
  let extra: UnitRecord[] = [];
  if (opts.previous !== undefined && opts.otherYears !== false && year !== null) {
    extra = opts.previous.records.filter((r) => r.year !== null && r.year < year);
    if (extra.length > 0) data = { ...data, records: [...extra, ...data.records] };
  }
  const rows = data.records;
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  if (opts.merge2025 === true) {
    const sources = opts.previous === undefined ? [merged.value] : [merged.value, opts.previous];
    for (const d of sources) {
      for (const p of mergeProblems(d, opts.allowPartialMerge === true)) (p.severity === 'error' ? errors : warnings).push(p);
    }
  }
  const prepared = prepare(fw, rows);
  // Which file a row came from, asked only when a value is missing under `missing: error`.
  let files: Map<UnitRecord, string> | undefined;
  const fileOf = (r: UnitRecord) => {
    if (files === undefined) {
      files = new Map();
      for (const ds of [...datasets, ...(opts.previous === undefined ? [] : [opts.previous])]) {
        if (ds.file !== undefined) for (const x of ds.records) files.set(x, ds.file);
      }
    }
    return files.get(r);
  };
  const unfilled = unfilledErrors(fw, prepared.panel, fileOf);
  errors.unshift(...unfilled);
  const given = opts.previous === undefined ? datasets : [...datasets, opts.previous];
  if (errors.length > 0) return { ok: false, errors: locatePlain(errors, given), warnings: locatePlain(warnings, given) };
  const all = yearsOfRows(rows);
  const unmerged = scorePanel(fw, prepared.panel, all, { poolYears: opts.poolYears === true });
  const years = opts.merge2025 === true ? unmerged.map((ys) => mergeYear(fw, ys)) : unmerged;
  const at = all.indexOf(year);
  if (at < 0) {
    return { ok: false, errors: [error('NO_DATA.year', { year }, {}, msg('hint.dataYears', { years: all.map((y) => y ?? '–').join(', ') }))], warnings };
  }
  const previousYear = yearBefore(all, year);
  return {
    ok: true,
    warnings,
    value: {
      fw, data, years, unmerged, year, current: years[at]!, previousYear,
      previous: previousYear === null ? null : years[all.indexOf(previousYear)]!,
      merged: opts.merge2025 === true, panel: prepared.panel, denominated: prepared.denominated, imputed: prepared.imputed, options: opts,
    },
  };
}

/**
 * Diagnostics of datasets read from plain JavaScript rows (`fields`), located by the path of
 * the value (`rows[3].year`) instead of the table's line and column; others unchanged.
 */
export function locatePlain(diags: readonly Diagnostic[], datasets: readonly Pick<Dataset, 'file' | 'fields'>[]): Diagnostic[] {
  const plain = datasets.filter((ds) => ds.fields !== undefined && ds.file !== undefined);
  if (plain.length === 0) return [...diags];
  return diags.map((d) => {
    const ds = d.line === undefined ? undefined : plain.find((x) => x.file === d.file);
    if (ds === undefined) return d;
    const { line, col, ...named } = d;
    // A line its message or hint names (where the first of two rows is) is a row as well: rows[3], not line 5.
    const rowOf = (t: Text): Text => (typeof t.params.line !== 'number' ? t : { ...t, params: { ...t.params, row: `${ds.file}[${Math.max(0, t.params.line - 2)}]` } });
    const text = rowOf(d.text);
    const hintText = d.hintText === undefined ? undefined : rowOf(d.hintText);
    const rest = { ...named, text, message: render(text, 'en'), ...(hintText === undefined ? {} : { hintText, hint: render(hintText, 'en') }) };
    // Line 1 is the keys: a problem with a key is shown at the first row, one of the whole table (columns absent everywhere) at the rows.
    if (line === 1 && d.code !== 'UNKNOWN_COLUMN' && d.code !== 'DUPLICATE_HEADER') return { ...rest, path: ds.file! };
    const key = ds.fields![(col ?? 1) - 1];
    const index = Math.max(0, line! - 2);
    return { ...rest, path: `${ds.file}[${index}]${key === undefined ? '' : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}` };
  });
}

/** A run's year scores by year. */
export function yearOf(run: Run, year: number | null): YearScore | undefined {
  return run.years.find((y) => y.year === year);
}
