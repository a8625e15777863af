/**
 * The scoring engine's stable API, for explain, sensitivity and scripts: the normalised leaf
 * matrix (units × leaves, NaN = missing) and re-aggregation with other weights, without
 * normalising again. Each function lives with its stage (./stages/*.ts); the pipeline that
 * runs them in order is ./pipeline.ts.
 */
export { transformValue, transformColumn, domainErrors } from './stages/transform.js';
export { normaliseColumn, normaliseRecords, normalisePanel } from './stages/normalise.js';
export { normaliseMatrix } from './pipeline.js';
export { aggregate, aggregateAbove, type Aggregated } from './stages/aggregate.js';
export { missingFill } from './stages/missing.js';
export { rankKeys, rankKey } from './stages/rank.js';
export { coverage } from './stages/screen.js';
