/**
 * The published DTI ranks shipped in data/published/ (with their source URLs), for
 * `dti compare` to show beside ours, labelled official.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from './paths.js';
import type { OfficialRank } from '../core/compare.js';
import { readRecords } from '../load/csv.js';

const PUBLISHED = packagePath('data/published/');

const rows = (file: string) => readRecords(readFileSync(PUBLISHED + file, 'utf8'));

/** Known official DTI ranks: dti-results-known.csv, completed by the full 2022 ranking. */
export function officialDtiRanks(): OfficialRank[] {
  const num = (s: string | undefined) => (s === undefined || s === '' || Number.isNaN(Number(s)) ? null : Number(s));
  const out: OfficialRank[] = rows('dti-results-known.csv').map((r) => ({
    year: Number(r.year), code: r.gso_code!, rank: num(r.dti_rank), score: num(r.dti_score),
    universe: r.rank_universe!, source: r.source_url!,
  }));
  const have = new Set(out.map((o) => `${o.year}/${o.code}/${o.universe}`));
  for (const r of rows('dti-2022-ranking-63.csv')) {
    if (have.has(`${r.year}/${r.gso_code}/63 provinces`)) continue;
    out.push({ year: Number(r.year), code: r.gso_code!, rank: num(r.dti_rank), score: null, universe: '63 provinces', source: r.source_url! });
  }
  return out;
}
