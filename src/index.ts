/**
 * The library API: the same pure functions the CLI uses.
 *
 * ```ts
 * import { loadDefinitions, loadData, score, compare, trend } from 'dti';
 * const fw = loadDefinitions(yamlText, 'dti.yaml');
 * ```
 * Every loader returns a `Result`: `{ ok: true, value, warnings }` or `{ ok: false, errors, warnings }`.
 *
 * This entry loads the core and the loaders only (zod, yaml), never the CLI: the command line
 * is `dti/cli` (`import { run } from 'dti/cli'`).
 */
export { loadData, loadDefinitions, type LoadDataOptions } from './load/definitions.js';
export { compare, type CompareResult, type CompareRow, type CompareOptions, type OfficialRank } from './core/compare.js';
export { trend, scoreYears, sparkline, type TrendResult, type TrendUnit, type TrendPoint, type TrendOptions } from './core/trend.js';
export { mergeYear, mergeProblems, type RegionSummary } from './core/score.js';
export { score, scoreYear, type ScoreOptions, type ScoreResult, type RankedUnit, type PillarResult, type DroppedUnit, type YearScore, type Lang } from './core/score.js';
export { aggregate, aggregateAbove, normalizeColumn, normalizeMatrix, normalisePanel, rankKeys, coverage, transformValue, missingFill, type Aggregated } from './core/engine.js';
export { panelOf, type Panel } from './core/panel.js';
export { rankYear } from './core/pipeline.js';
export { NORMALISE, normaliseMethodOf } from './core/methods/normalise/index.js';
export { AGGREGATE, aggregateMethodOf, type AggregateMethod } from './core/methods/aggregate.js';
export type { NormaliseMethod } from './core/methods/method.js';
export { compile, defaultWeights, type Framework, type FlatNode } from './core/framework.js';
export { validateDefinitions, type Definitions, type IndicatorNode, type Pillar, type Normalize, type Name } from './core/definitions.js';
export { readDataset } from './load/dataset.js';
export { yearsOf, type Dataset, type UnitRecord, type Table, type Cell, type DataOptions } from './core/model.js';
export { tokenize } from './load/csv.js';
export { findProvince, findRegion, provinceByCode, successorOf, PROVINCES, PROVINCES_2025, REGIONS, ALIASES, type Province, type Province2025, type Region } from './core/provinces.js';
export { parseNumber, parseBoolean } from './core/values.js';
export type { Diagnostic, DiagnosticCode, Result } from './core/diagnostics.js';
export { render, type Text } from './core/messages.js';
export { compareVi, fixed } from './core/text.js';
export { sensitivity, sobolIndices, planSensitivity, rng, type SensitivitySpec, type SensitivityResult, type SensitivityRun, type UnitUncertainty, type SobolIndex, type UncertainInput, type RunRecord } from './core/sensitivity.js';
export { loadSensitivitySpec } from './load/sensitivity-spec.js';
export { explain, findUnit, type ExplainResult, type ExplainOptions, type ExplainNode, type ExplainChange, type ExplainTarget, type ExplainWhatIf, type Contribution, type RankedNode, type NodeNeed, type PlanStep } from './core/explain.js';
export { audit, auditYear, AUDIT_STAGES, CORR_METHODS, DEFAULT_AUDIT_THRESHOLDS, type Audit, type AuditResult, type AuditOptions, type AuditRun, type AuditStage, type AuditThresholds, type AuditFlag, type AuditGroup, type CorrMethod } from './core/audit/index.js';
