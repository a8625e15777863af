/**
 * The library API: the same pure functions the CLI uses.
 *
 * ```ts
 * import { loadDefinitions, loadData, score } from 'dti';
 * const fw = loadDefinitions(yamlText, 'dti.yaml');
 * ```
 */
export { loadData, loadDefinitions, type LoadDataOptions } from './load.js';
export { score, scoreYear, type ScoreOptions, type ScoreResult, type RankedUnit, type PillarResult, type DroppedUnit, type YearScore, type Lang } from './core/score.js';
export { aggregate, normalizeColumn, normalizeMatrix, rankKeys, coverage, transformValue, type Aggregated } from './core/engine.js';
export { compile, defaultWeights, type Framework, type FlatNode } from './core/framework.js';
export { validateDefinitions, type Definitions, type IndicatorNode, type Pillar, type Normalize, type Name } from './core/definitions.js';
export { readDataset, yearsOf, type Dataset, type UnitRecord, type Table, type Cell, type DataOptions } from './core/data.js';
export { tokenize } from './core/csv.js';
export { findProvince, provinceByCode, PROVINCES, PROVINCES_2025, ALIASES, type Province, type Province2025 } from './core/provinces.js';
export { parseNumber, parseBoolean } from './core/values.js';
export type { Diagnostic, DiagnosticCode, Result } from './core/diagnostics.js';
export { compareVi, fixed } from './core/text.js';
export { run, type Io } from './run.js';
