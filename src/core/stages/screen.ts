/**
 * Coverage: the weight share of each unit's leaves that the data gave (observed, not imputed).
 */
import type { UnitRecord } from '../data.js';
import type { Framework } from '../framework.js';

/** The weight share of each unit's leaves that had data. */
export function coverage(fw: Framework, records: readonly UnitRecord[]): Float64Array {
  const out = new Float64Array(records.length);
  records.forEach((r, i) => {
    let c = 0;
    for (let j = 0; j < fw.leaves.length; j++) if (!Number.isNaN(r.values[j]!)) c += fw.leafShare[j]!;
    out[i] = c;
  });
  return out;
}
