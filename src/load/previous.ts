/**
 * Where the year before comes from when the data hold a single year: the file asked for
 * (`--previous`), else the file beside a single data file with the year before in its name
 * ("data/2023.csv" → "data/2022.csv"), if it exists. The CLI and the library choose it here.
 */
import type { UnitRecord } from '../core/model.js';
import { yearFromName } from './file.js';

export interface PreviousFile {
  path: string;
  /** Whether it was asked for (`--previous`), not found beside the data. */
  asked: boolean;
  /** The year of its rows when it says none (no year column, none in its name): the year before, as the option says. */
  year?: number;
}

/** The file of the year before, beside `path` (the year in its name replaced by the one before), if `exists` says it is there. */
export function previousSibling(path: string | null, year: number | null, exists: (path: string) => boolean): string | undefined {
  if (path === null || year === null) return undefined;
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
  const name = path.slice(cut);
  if (yearFromName(name) !== year) return undefined;
  const idx = name.lastIndexOf(String(year));
  const candidate = path.slice(0, cut) + name.slice(0, idx) + String(year - 1) + name.slice(idx + 4);
  return exists(candidate) ? candidate : undefined;
}

/**
 * The file to read the year before from, for the `records` read from `paths`: none when the data hold
 * an earlier year already, or `previous` is false (`--no-previous`).
 */
export function previousFile(records: readonly UnitRecord[], paths: readonly (string | null)[], previous: string | false | undefined, exists: (path: string) => boolean): PreviousFile | undefined {
  if (previous === false) return undefined;
  let latest: number | null = null;
  for (const r of records) if (r.year !== null && (latest === null || r.year > latest)) latest = r.year;
  for (const r of records) if (r.year !== null && latest !== null && r.year < latest) return undefined;
  if (typeof previous === 'string') {
    const assumed = latest !== null && yearFromName(previous) === undefined ? latest - 1 : undefined;
    return { path: previous, asked: true, ...(assumed === undefined ? {} : { year: assumed }) };
  }
  const beside = previousSibling(paths.length === 1 ? paths[0]! : null, latest, exists);
  return beside === undefined ? undefined : { path: beside, asked: false };
}
