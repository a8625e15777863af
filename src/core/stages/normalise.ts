/**
 * Stage `normalise`: each leaf's (transformed) column → values mostly in [0, 1], by the
 * leaf's method from the registry (../methods/normalise). Methods that take statistics from the
 * units (minmax, zscore, rank, …) take them from a pool: that year's units, or every year given
 * (--pool-years).
 */
import type { IndicatorNode } from '../definitions.js';
import type { UnitRecord } from '../model.js';
import type { Framework } from '../framework.js';
import { normaliseMethodOf } from '../methods/normalise/index.js';
import { type Panel, column, gather } from '../panel.js';
import { transformColumn, transformValue } from './transform.js';

/**
 * Normalise one leaf's column of raw values (NaN = missing). `pool` is the set of raw values
 * that the data-dependent methods take their statistics from: by default the column itself.
 */
export function normaliseColumn(leaf: IndicatorNode, raw: ArrayLike<number>, pool: ArrayLike<number> = raw, into?: Float64Array): Float64Array {
  // `into` (as long as raw): where to write, e.g. the column of a matrix, instead of a new array.
  const out = into === undefined ? new Float64Array(raw.length) : into;
  out.fill(NaN);
  const x = transformColumn(leaf.transform, raw);
  const px = pool === raw ? x : transformColumn(leaf.transform, pool);
  const m = normaliseMethodOf(leaf.normalize.method);
  m.apply(x, px, leaf.normalize, leaf.direction === 'lower', (v) => transformValue(leaf.transform, v), out);
  return out;
}

/** The normalised leaf matrix of a panel (column-major like its values); `pool` gives the statistics. */
export function normalisePanel(fw: Framework, p: Panel, pool: Panel = p): Float64Array {
  const { n, L } = p;
  const m = new Float64Array(n * L);
  for (let j = 0; j < L; j++) {
    const col = column(p.values, n, j);
    normaliseColumn(fw.nodes[fw.leaves[j]!]!.def!, col, pool === p ? col : column(pool.values, pool.n, j), column(m, n, j));
  }
  return m;
}

/**
 * The records' raw values normalised as they are, column-major (leaf j, unit i at j·n + i),
 * NaN where missing, with no stage before (no denominator, imputation or treatment): the
 * engine's `normaliseMatrix` runs those first (pipeline.ts). `pool` (default: the same
 * records) supplies the statistics of minmax, zscore, rank and percentile.
 */
export function normaliseRecords(fw: Framework, records: readonly UnitRecord[], pool: readonly UnitRecord[] = records): Float64Array {
  const n = records.length;
  const L = fw.leaves.length;
  const raw = gather(records, L);
  const poolRaw = pool === records ? raw : gather(pool, L);
  const m = new Float64Array(n * L);
  for (let j = 0; j < L; j++) {
    const col = column(raw, n, j);
    m.set(normaliseColumn(fw.nodes[fw.leaves[j]!]!.def!, col, pool === records ? col : column(poolRaw, pool.length, j)), j * n);
  }
  return m;
}
