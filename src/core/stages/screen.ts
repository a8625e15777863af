/**
 * Stage `screen`: a unit whose observed coverage (the weight share of its leaves that the data
 * gave, imputed cells not counted) is below `screen.min_coverage` is listed unranked. Screened
 * units are left out of the statistics of treatment and normalisation, as COINr drops them.
 */
import type { UnitRecord } from '../model.js';
import type { Framework } from '../framework.js';
import type { Panel } from '../panel.js';

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

/** Coverage from a panel's `observed` mask (after denominate: a value without its denominator is not observed). */
export function panelCoverage(fw: Framework, p: Panel): Float64Array {
  const out = new Float64Array(p.n);
  for (let j = 0; j < p.L; j++) {
    const w = fw.leafShare[j]!;
    const base = j * p.n;
    for (let i = 0; i < p.n; i++) if (p.observed[base + i] === 1) out[i] = out[i]! + w;
  }
  return out;
}

/** The weight share of each unit's leaves whose value was imputed. */
export function imputedShare(fw: Framework, p: Panel): Float64Array {
  const out = new Float64Array(p.n);
  for (let j = 0; j < p.L; j++) {
    const w = fw.leafShare[j]!;
    const base = j * p.n;
    for (let i = 0; i < p.n; i++) if (p.imputed[base + i] === 1) out[i] = out[i]! + w;
  }
  return out;
}

/** 1 for each unit screened out (coverage below `minCoverage`; none when it is null). */
export function screen(cov: Float64Array, minCoverage: number | null): Uint8Array {
  const out = new Uint8Array(cov.length);
  if (minCoverage === null) return out;
  // Coverage is a sum of weight shares: compare at 10 decimals, so 0.66 is not below 0.66.
  for (let i = 0; i < cov.length; i++) out[i] = Number(cov[i]!.toFixed(10)) < minCoverage ? 1 : 0;
  return out;
}
