/**
 * `dti/engine`: the engine's internals, for a script that wants to go below a `Run` — the
 * stages one at a time on column-major typed arrays, the CSV tokenizer, the method registries.
 * `import { normaliseMatrix, aggregate, rankKeys } from 'dti/engine'`.
 *
 * Everyday scripts need only the top entry (`dti`: load, build, the verbs, localize); these
 * are the pieces those are made of. Matrices are column-major `Float64Array`s (leaf j, unit i
 * at j·n + i; NaN = missing). Pure functions over plain data: no file access, no process.
 */
// A year's pipeline: denominate and impute over every year, then screen → treat → normalise → aggregate → rank.
export { prepare, scorePanel, scoreRows, scoreYear, rankYear, normaliseMatrix, yearsOfRows, unfilledErrors, type YearScore, type YearExtras, type PipelineOptions } from '../core/pipeline.js';
// The stages, each on its own.
export { transformValue, transformColumn, domainErrors } from '../core/stages/transform.js';
export { normaliseColumn, normaliseRecords, normalisePanel } from '../core/stages/normalise.js';
export { denominate, denominatorErrors, type DenominateLog } from '../core/stages/denominate.js';
export { impute, type ImputeLog } from '../core/stages/impute.js';
export { treat, winsorise, skewness, kurtosis, type TreatLog, type Winsorised } from '../core/stages/treat.js';
export { aggregate, aggregateAbove, type Aggregated } from '../core/stages/aggregate.js';
export { missingFill, missingErrors } from '../core/stages/missing.js';
export { rankKeys, rankKey } from '../core/stages/rank.js';
export { coverage, panelCoverage, imputedShare, screen } from '../core/stages/screen.js';
// The panel and typed-array helpers.
export { panelOf, gather, column, subPanel, type Panel } from '../core/panel.js';
export { pushAll, minOf, maxOf } from '../core/arrays.js';
// The method registries.
export { NORMALISE, normaliseMethodOf } from '../core/methods/normalise/index.js';
export { AGGREGATE, aggregateMethodOf, type AggregateMethod } from '../core/methods/aggregate.js';
export type { NormaliseMethod } from '../core/methods/method.js';
// Definitions below the loader: validation of a parsed object, the compiled tree, a year's method.
export { validateDefinitions, type Definitions, type IndicatorNode, type Pillar, type Normalise, type Name } from '../core/definitions.js';
export { compile, forYear, methodChanged, defaultWeights, type Framework, type FlatNode } from '../core/framework.js';
// Data below the loader: the CSV tokenizer, a table checked into a dataset, cell values.
export { tokenize, rowsOf, type TokenizeOptions } from '../load/csv.js';
export { readDataset } from '../load/dataset.js';
export { yearsOf, type Table, type Cell, type DataOptions, type Decimal } from '../core/model.js';
export type { Row } from '../load/rows.js';
export { parseNumber, parseBoolean } from '../core/values.js';
// The run's parts.
export { mergeDatasets, yearBefore, yearOf } from '../core/build.js';
export { mergeYear, mergeProblems } from '../core/merge-2025.js';
export { scoreRun, type UnitDetail } from '../core/score.js';
export { sparkline } from '../core/trend.js';
export { findUnit, unitsOf, type Units } from '../core/units.js';
export { planSensitivity, sobolIndices, rng } from '../core/sensitivity/index.js';
export { auditYear, auditProblems, levelOf, effectiveWeights } from '../core/audit/index.js';
// Messages as data, and text helpers.
export { msg, render, CATALOGUES, type Text, type MessageKey } from '../core/messages.js';
export { compareVi, fixed } from '../core/text.js';
