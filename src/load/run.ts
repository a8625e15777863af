/**
 * The second half of loading, for the CLI and the library alike: with the data read, the year
 * before (the file asked for, or the one beside a single data file: previous.ts), read by the
 * caller's reader, then the run built with the options of the command line (`--previous`,
 * `--no-previous`, `--pool-years`, `--merge-2025`, `--allow-partial-merge`).
 */
import { type Run, build } from '../core/build.js';
import { type Diagnostic, type Result, warning } from '../core/diagnostics.js';
import { msg } from '../core/messages.js';
import type { Framework } from '../core/framework.js';
import type { Dataset } from '../core/model.js';
import { pushAll } from '../core/arrays.js';
import { type PreviousFile, previousFile } from './previous.js';

export interface RunOptions {
  /** The year before: a file's path, or false for none (`--no-previous`: the year analysed alone); default the file beside. */
  previous?: string | false;
  poolYears?: boolean;
  merge2025?: boolean;
  allowPartialMerge?: boolean;
}

export interface RunReader {
  /** Read the file of the year before (with the data's options, and `prev.year` as the year of rows that name none). */
  previous: (prev: PreviousFile) => Promise<Result<Dataset>>;
  /** Whether a file exists (the file beside the data). */
  exists: (path: string) => boolean;
  /** Whether the year before is looked for at all (`dti audit` does not). */
  lookForPrevious?: boolean;
  /** Checks of the caller once the data are read, before the run is built. */
  check?: () => void;
}

/**
 * The data options the year before is read with: the data's, except the year, which names the
 * data's only; a file of the year before with no year column is the year before (`prev.year`).
 */
export function previousOptions<T extends { year?: number }>(opts: T, prev: PreviousFile): Omit<T, 'year'> & { year?: number } {
  const { year: _year, ...rest } = opts;
  return { ...rest, ...(prev.year === undefined ? {} : { year: prev.year }) };
}

/** The year before (when the data hold a single year), then the run. `paths` are the paths of the sources read (null for other sources). */
export async function runFrom(fw: Framework, data: Dataset, paths: readonly (string | null)[], opts: RunOptions, reader: RunReader):
  Promise<Result<{ run: Run; previous?: Dataset; previousPath?: string }>> {
  const warnings: Diagnostic[] = [];
  let previous: Dataset | undefined;
  const prev = reader.lookForPrevious === false ? undefined : previousFile(data.records, paths, opts.previous, reader.exists);
  if (prev !== undefined) {
    const p = await reader.previous(prev);
    pushAll(warnings, p.warnings);
    if (!p.ok) {
      // The file beside the data, not asked for: say that it was read as the year before, and how to leave it out.
      if (!prev.asked) warnings.push(warning('READ_ERROR.previousBeside', {}, { file: p.errors[0]?.file ?? prev.path }, msg('hint.previousBeside')));
      return { ...p, warnings };
    }
    previous = p.value;
    // A file asked for as the year before that holds no earlier year (the same year, a later one):
    // it gives no previous rank, which is said rather than left to a title without "(so với …)".
    if (prev.asked) {
      let latest: number | null = null;
      for (const r of data.records) if (r.year !== null && (latest === null || r.year > latest)) latest = r.year;
      let earliest: number | null = null;
      for (const r of previous.records) if (r.year !== null && (earliest === null || r.year < earliest)) earliest = r.year;
      if (latest !== null && earliest !== null && earliest >= latest) {
        const file = previous.file ?? prev.path;
        warnings.push(warning('BAD_YEAR.previous', { file, year: earliest, current: latest }, { file }, msg('hint.previousYear', { year: latest - 1 })));
      }
    }
  }
  reader.check?.();
  const built = build(fw, [data], {
    ...(previous === undefined ? {} : { previous }),
    ...(opts.previous === false ? { otherYears: false } : {}),
    ...(opts.poolYears === true ? { poolYears: true } : {}),
    ...(opts.merge2025 === true ? { merge2025: true } : {}),
    ...(opts.allowPartialMerge === true ? { allowPartialMerge: true } : {}),
  });
  // A run that cannot be built: its own problems (what the commands print).
  if (!built.ok) return built;
  pushAll(warnings, built.warnings);
  return { ok: true, value: { run: built.value, ...(previous === undefined ? {} : { previous, previousPath: prev!.path }) }, warnings };
}
