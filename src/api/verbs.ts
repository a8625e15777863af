/**
 * The library's verbs: what the commands compute, from a `Run` (`build` or `load`), each
 * returning a `Result` — `{ ok: true, value, warnings }` or `{ ok: false, errors, warnings }` —
 * never throwing for a user's mistake (an unknown province, a bad what-if, a spec that does
 * not fit the definitions). They are the core functions the commands call, with the run's
 * options: a run built with `merge2025` is analysed on the 34 provinces by every verb.
 */
import type { Run } from '../core/build.js';
import { type Diagnostic, type Result, error } from '../core/diagnostics.js';
import { type Grouping, type ScoreResult, checkGrouping, inRegion, scoreRun } from '../core/score.js';
import { type TrendResult, trend as trendRun } from '../core/trend.js';
import { type CompareOptions, type CompareResult, compare as compareRun } from '../core/compare.js';
import { type ExplainOptions, type ExplainResult, explain as explainRun } from '../core/explain/index.js';
import { type SensitivityOptions, type SensitivityRun, type SensitivitySpec, sensitivity as sensitivityRun } from '../core/sensitivity/index.js';
import { type Audit, type AuditOptions, audit as auditRun, auditProblems } from '../core/audit/index.js';
import { type Lang, msg } from '../core/messages.js';

const ok = <T>(value: T, warnings: Diagnostic[] = []): Result<T> => ({ ok: true, value, warnings });

export interface ScoreOptions extends Grouping {
  /** Language of names in the result (the framework's name); Vietnamese by default. */
  lang?: Lang;
  /** Add each socio-economic region's averages (`regions`): the same as `by: 'region'`. */
  byRegion?: boolean;
  /** How much per unit: `indicators` (default, the full dti-result/v1), `groups` or `pillars`. */
  detail?: 'pillars' | 'groups' | 'indicators';
}

/**
 * The run's year analysed, ranked, with rank changes against the year before: `dti score`'s
 * dti-result/v1. `by: 'region'` adds each region's averages and the rank within the region, `by`
 * a `columns.groups` column the rank within its group, `region` keeps one region's provinces
 * (`--by`, `--region`, checked as the CLI checks them: BAD_PARAMETER, MISSING_VALUE).
 */
export function score(run: Run, opts: ScoreOptions = {}): Result<ScoreResult> {
  const { by, region, byRegion, ...rest } = opts;
  const g = checkGrouping(run.fw, run.data, { ...(by === undefined ? {} : { by }), ...(region === undefined ? {} : { region }) });
  if (!g.ok) return g;
  const { result } = scoreRun(run, { ...rest, byRegion: byRegion === true || g.value.byRegion, ...(g.value.by === undefined ? {} : { by: g.value.by }) });
  return ok(inRegion(result, g.value.region));
}

/** Every unit's score and rank in every dated year of the run: `dti trend`'s dti-trend/v1. */
export function trend(run: Run, opts: { lang?: Lang } = {}): Result<TrendResult> {
  return ok(trendRun(run, opts));
}

/** Units side by side across the run's years (any spelling of a province): `dti compare`'s dti-compare/v1. */
export function compare(run: Run, units: readonly string[], opts: Omit<CompareOptions, 'poolYears'> = {}): Result<CompareResult> {
  return compareRun(run, units, opts);
}

/** What-if edits as a script may give them: `{ 'ha-tang-so': 0.8 }`, `'ha-tang-so=0.8'`, or the CLI's list of `id=value`. */
export type WhatIf = Readonly<Record<string, number | string>> | string | readonly string[];

/**
 * Where one unit gains and loses points, what a target rank needs, what-ifs: `dti explain`'s
 * dti-explain/v1. `whatIf` takes `{ id: value }` (a number as it is; a string as a data
 * file's cell, decimal comma with `decimal: 'comma'`), one `id=value`, or a list of them.
 */
export function explain(run: Run, unit: string, opts: Omit<ExplainOptions, 'previous' | 'whatIf'> & { whatIf?: WhatIf } = {}): Result<ExplainResult> {
  const { whatIf, ...rest } = opts;
  if (whatIf === undefined) return explainRun(run, unit, rest);
  // From JavaScript anything can come: one clear error, not one per character or none at all.
  const w: unknown = whatIf;
  const fine = (v: unknown, number: boolean) => typeof v === 'string' || (number && typeof v === 'number');
  if (!(typeof w === 'string' || (Array.isArray(w) && w.every((e) => fine(e, false)))
    || (typeof w === 'object' && w !== null && !Array.isArray(w) && Object.values(w).every((e) => fine(e, true))))) {
    return { ok: false, errors: [error('BAD_PARAMETER.whatIfList', { got: Array.isArray(w) ? 'array' : w === null ? 'null' : typeof w }, { path: 'whatIf' }, msg('hint.whatIfList'))], warnings: [] };
  }
  const edits = typeof whatIf === 'string' ? [whatIf]
    : Array.isArray(whatIf) ? whatIf as readonly string[]
      : Object.entries(whatIf).map(([id, v]) => `${id}=${typeof v === 'number' ? String(v) : v}`);
  return explainRun(run, unit, { ...rest, whatIf: edits });
}

/** How sure each rank is under the uncertainties of `spec` (weights ±25 % by default): `dti sensitivity`'s dti-sensitivity/v1. */
export function sensitivity(run: Run, spec: SensitivitySpec = {}, opts: SensitivityOptions = {}): Result<SensitivityRun> {
  return sensitivityRun(run, spec, opts);
}

/** The statistical audit of the run's year analysed (as COINr's): `dti audit`'s dti-audit/v1, and each unit's availability. */
export function audit(run: Run, opts: AuditOptions = {}): Result<Audit> {
  // What `dti audit` refuses (a balance level without two nodes; on the 34, below the main indices).
  const problems = auditProblems(run, opts);
  if (problems.length > 0) return { ok: false, errors: problems, warnings: [] };
  return ok(auditRun(run, opts));
}
