/**
 * The pipeline: the stages in their fixed order over one year's panel,
 *
 *   transform → normalise → (missing) → aggregate → rank
 *
 * each a small pure function in ./stages/ with its own tests. The result of every stage is
 * kept (`YearScore`), so explain and sensitivity read the normalised matrix and re-aggregate
 * from it instead of scoring again.
 */
import type { UnitRecord } from './data.js';
import type { Framework } from './framework.js';
import { panelOf } from './panel.js';
import { type Aggregated, aggregate } from './stages/aggregate.js';
import { normalisePanel } from './stages/normalise.js';
import { rankKey, rankKeys } from './stages/rank.js';
import { coverage } from './stages/screen.js';

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
  /** Per unit: how many leaves have no value (for a merged province: in at least one member). */
  missing: Int32Array;
  /** Per unit, after the 2025 merger: the members with no row in the data (partial merge), else null. */
  absent?: (string[] | null)[];
}

/** Score one year's records. `pool` gives minmax/zscore/rank their statistics (default: these records). */
export function scoreYear(fw: Framework, records: UnitRecord[], year: number | null, pool?: readonly UnitRecord[]): YearScore {
  const L = fw.leaves.length;
  const panel = panelOf(records, L);
  const norm = normalisePanel(fw, panel, pool === undefined || pool === records ? panel : panelOf(pool, L));
  const agg = aggregate(fw, norm, records.length);
  const missing = new Int32Array(records.length);
  records.forEach((r, i) => { for (let j = 0; j < L; j++) if (Number.isNaN(r.values[j]!)) missing[i]! += 1; });
  return rankYear(fw, records, year, norm, agg, coverage(fw, records), missing);
}

/** Scores and ranks (overall and per pillar) from aggregated values. */
export function rankYear(fw: Framework, records: UnitRecord[], year: number | null, norm: Float64Array, agg: Aggregated, cov: Float64Array,
  missing: Int32Array): YearScore {
  const n = records.length;
  const scale = fw.definitions.scale;
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
  return { year, records, norm, agg, coverage: cov, scores, ranks, order, pillarRanks, missing };
}

