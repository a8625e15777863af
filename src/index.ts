/**
 * The library: what the `dti` commands compute, for a script.
 *
 * ```js
 * import { load, compare, localize } from 'dti';
 * const run = await load(['data/2022.csv', 'data/2023.csv', 'data/2024.csv']);
 * ```
 * `load` reads the definitions (the DTI shipped by default) and the data (files, workbooks,
 * text or plain rows) as the CLI does and builds a `Run` (every year's stages once, the rules
 * of the definitions applied); `loadDefinitions`, `loadData` and `build` are its steps. Then
 * ask the run with a verb: `score`, `trend`, `compare`, `explain`, `sensitivity`, `audit`.
 * Everything returns a `Result` —
 * `{ ok: true, value, warnings }` or `{ ok: false, errors, warnings }` — whose diagnostics
 * carry a stable `code`, parameters and a position; `localize` writes one in Vietnamese (the
 * default) or English, as the CLI prints it.
 *
 * This entry never loads the command line (commander, chalk, cli-table3): that is `dti/cli`
 * (`import { run } from 'dti/cli'`). The engine's internals (the stages on typed arrays, the
 * CSV tokenizer, the method registries) are `dti/engine`.
 */
// Loading.
export { load, loadData, loadDefinitions, officialRanks, type LoadOptions, type LoadDataOptions, type DataSource, type DataInput, type TextInput, type BytesInput, type RowsInput, type PlainRow } from './load/library.js';
export { loadSensitivitySpec } from './load/sensitivity-spec.js';
// The run.
export { build, type Run, type BuildOptions } from './core/build.js';
// The verbs.
export { score, trend, compare, explain, sensitivity, audit, type ScoreOptions, type WhatIf } from './api/verbs.js';
// Messages.
export { localize } from './core/localize.js';
// The provinces and regions.
export { findProvince, findRegion, provinceByCode, successorOf, PROVINCES, PROVINCES_2025, REGIONS, ALIASES, type Province, type Province2025, type Region } from './core/provinces.js';
// Types: what goes in and what comes out.
export type { Diagnostic, DiagnosticCode, Result, Severity } from './core/diagnostics.js';
export type { Lang, Text } from './core/messages.js';
export type { Framework, FlatNode } from './core/framework.js';
export type { Definitions, IndicatorNode, Pillar, Normalise, Name } from './core/definitions.js';
export type { Dataset, UnitRecord, DataOptions, ProvinceMap, UnitKind } from './core/model.js';
export type { YearScore } from './core/pipeline.js';
export type { ScoreResult, RankedUnit, PillarResult, IndicatorResult, DroppedUnit, RegionSummary, ResultWarning } from './core/score.js';
export type { TrendResult, TrendUnit, TrendPoint } from './core/trend.js';
export type { CompareResult, CompareRow, CompareOptions, OfficialRank } from './core/compare.js';
export type { ExplainResult, ExplainOptions, ExplainNode, ExplainChange, ExplainTarget, ExplainWhatIf, Contribution, RankedNode, NodeNeed, PlanStep } from './core/explain/index.js';
export type { SensitivitySpec, SensitivityOptions, SensitivityResult, SensitivityRun, UnitUncertainty, SobolIndex, UncertainInput, RunRecord } from './core/sensitivity/index.js';
export type { Audit, AuditResult, AuditOptions, AuditStage, AuditThresholds, AuditFlag, AuditGroup, CorrMethod } from './core/audit/index.js';
export { AUDIT_STAGES, CORR_METHODS, DEFAULT_AUDIT_THRESHOLDS } from './core/audit/index.js';
