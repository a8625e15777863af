/**
 * Stage `denominate`: a leaf with `denominator: <column>` takes value ÷ that unit-year's
 * denominator × `per` (per: 1000 gives "per 1,000 people"). A missing numerator or denominator
 * gives a missing value (and the cell no longer counts as observed). A zero denominator under a
 * value is a data error, reported where the data are read.
 */
import { type Diagnostic, error } from '../diagnostics.js';
import { msg } from '../messages.js';
import type { UnitRecord } from '../model.js';
import type { Framework } from '../framework.js';
import type { Panel } from '../panel.js';

export interface DenominateLog {
  indicator: string;
  denominator: string;
  per: number;
  /** Cells with a value whose denominator was missing. */
  lost: number;
}

/** For each leaf, the index of its denominator column (-1: none). */
function denominatorIndex(fw: Framework): number[] {
  const cols = fw.definitions.columns.denominators;
  return fw.leaves.map((ni) => {
    const d = fw.nodes[ni]!.def!.denominator;
    return d === null ? -1 : cols.indexOf(d);
  });
}

export function denominate(fw: Framework, p: Panel): { panel: Panel; log: DenominateLog[] } {
  const di = denominatorIndex(fw);
  if (di.every((k) => k < 0)) return { panel: p, log: [] };
  const { n } = p;
  const values = p.values.slice();
  const observed = p.observed.slice();
  const log: DenominateLog[] = [];
  di.forEach((k, j) => {
    if (k < 0) return;
    const def = fw.nodes[fw.leaves[j]!]!.def!;
    let lost = 0;
    for (let i = 0; i < n; i++) {
      const c = j * n + i;
      const num = values[c]!;
      const den = p.rows[i]!.denominators?.[k] ?? NaN;
      if (Number.isNaN(num)) continue;
      if (Number.isNaN(den)) { values[c] = NaN; observed[c] = 0; lost++; continue; }
      values[c] = (num / den) * def.per;
    }
    log.push({ indicator: def.id, denominator: def.denominator!, per: def.per, lost });
  });
  return { panel: { ...p, values, observed }, log };
}

/** A value divided by a denominator of 0: an error at the denominator's cell. */
export function denominatorErrors(fw: Framework, records: readonly UnitRecord[], file?: string): Diagnostic[] {
  const di = denominatorIndex(fw);
  const out: Diagnostic[] = [];
  if (di.every((k) => k < 0)) return out;
  for (const r of records) {
    di.forEach((k, j) => {
      if (k < 0 || Number.isNaN(r.values[j]!) || r.denominators?.[k] !== 0) return;
      const id = fw.leafIds[j]!;
      const name = fw.definitions.columns.denominators[k]!;
      out.push(error('OUT_OF_DOMAIN.divide', { id, name, unit: r.unit, year: r.year },
        { ...(file === undefined ? {} : { file }), line: r.denominatorAt![2 * k]!, col: r.denominatorAt![2 * k + 1]! }, msg('hint.realValue', { name })));
    });
  }
  return out;
}
