/**
 * The published DTI ranks shipped in data/published/ (with their source URLs), which `dti
 * compare` and the library's `compare` show beside ours, labelled official: read from the two
 * files' text here, for the CLI and the library alike.
 */
import type { OfficialRank } from '../core/compare.js';
import type { Framework } from '../core/framework.js';
import type { Dataset } from '../core/model.js';
import { readRecords } from './csv.js';

/** The files, in data/published/: the known official results, and the full 2022 ranking of the 63. */
export const PUBLISHED_FILES = ['dti-results-known.csv', 'dti-2022-ranking-63.csv'] as const;

/** Whether published DTI ranks apply: the DTI's definitions (id dti…) over provinces. */
export function officialApplies(fw: Framework, data: Pick<Dataset, 'unitKind'>): boolean {
  return data.unitKind === 'province' && fw.definitions.id.startsWith('dti');
}

/** Known official DTI ranks: dti-results-known.csv, completed by the full 2022 ranking (the texts of PUBLISHED_FILES). */
export function officialRanksOf(known: string, ranking63: string): OfficialRank[] {
  const num = (s: string | undefined) => (s === undefined || s === '' || Number.isNaN(Number(s)) ? null : Number(s));
  const out: OfficialRank[] = readRecords(known).map((r) => ({
    year: Number(r.year), code: r.gso_code!, rank: num(r.dti_rank), score: num(r.dti_score),
    universe: r.rank_universe!, source: r.source_url!,
  }));
  const have = new Set(out.map((o) => `${o.year}/${o.code}/${o.universe}`));
  for (const r of readRecords(ranking63)) {
    if (have.has(`${r.year}/${r.gso_code}/63 provinces`)) continue;
    out.push({ year: Number(r.year), code: r.gso_code!, rank: num(r.dti_rank), score: null, universe: '63 provinces', source: r.source_url! });
  }
  return out;
}
