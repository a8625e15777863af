/**
 * The published DTI ranks shipped in data/published/, read for `dti compare` (src/load/official.ts
 * makes them ranks).
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../load/paths.js';
import type { OfficialRank } from '../core/compare.js';
import { PUBLISHED_FILES, officialRanksOf } from '../load/official.js';

export function officialDtiRanks(): OfficialRank[] {
  const [known, ranking63] = PUBLISHED_FILES.map((f) => readFileSync(packagePath(`data/published/${f}`), 'utf8'));
  return officialRanksOf(known!, ranking63!);
}
