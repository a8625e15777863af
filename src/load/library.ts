/**
 * The library's loaders: definitions and data from files (several at once, CSV or workbooks),
 * from text or bytes, or from plain JavaScript rows, read by the CLI's own path
 * (src/load/file.ts: the delimiter and decimal mark found, the office layout undone, every
 * check of the data), and `load`, which does what a command does before it computes: the
 * definitions (the DTI shipped by default), the data, the file of the year before beside a
 * single file, then `build`. Every problem comes back in a `Result`, none is thrown.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Run } from '../core/build.js';
import type { Diagnostic, Result } from '../core/diagnostics.js';
import type { Framework } from '../core/framework.js';
import type { Dataset } from '../core/model.js';
import { pushAll } from '../core/arrays.js';
import { loadDefinitionsCached } from './definitions-cache.js';
import { DEFAULT_DEFINITIONS, packagePath } from './paths.js';
import type { DataFileOptions } from './file.js';
import type { PlainRow } from './plain-rows.js';
import { type RunOptions, previousOptions, runFrom } from './run.js';
import { decode } from './decode.js';
import { type DataSource, type SourceReader, type TextInput, readError, readSources } from './sources.js';
import { PUBLISHED_FILES, officialApplies, officialRanksOf } from './official.js';
import type { OfficialRank } from '../core/compare.js';

export type { BytesInput, DataInput, DataSource, RowsInput, TextInput } from './sources.js';
export type { DataFileOptions as LoadDataOptions, PlainRow };

/** What `load` takes: the data options (as `loadData`), the run's (`previous`, `poolYears`, `merge2025`, `allowPartialMerge`: src/load/run.ts) and the definitions. */
export interface LoadOptions extends DataFileOptions, RunOptions {
  /** The definitions: a YAML file's path, its text, or definitions loaded already (default: the DTI shipped, indicators/dti.yaml). */
  definitions?: string | TextInput | Framework;
}

/** The library reads a path from the file system, as given (relative to the working folder); a file that cannot be read is a READ_ERROR at it. */
const files: SourceReader = {
  bytes: async (path) => {
    try {
      return { ok: true, value: { bytes: await readFile(path), name: path, path }, warnings: [] };
    } catch (e) {
      return readError(path, e);
    }
  },
};

/**
 * Definitions from a YAML file's path (default: the DTI shipped) or its text (`{ text, file }`):
 * parsed and validated, every problem located file:line:col; a shipped file's text (unedited) is
 * served from the build's validated copy as `dti` serves it (load/definitions-cache.ts).
 */
export async function loadDefinitions(source: string | TextInput = DEFAULT_DEFINITIONS): Promise<Result<Framework>> {
  if (typeof source !== 'string') return loadDefinitionsCached(source.text, source.file);
  const bytes = await files.bytes(source);
  if (!bytes.ok) return bytes;
  // Decoded as the CLI decodes it: a file that is not UTF-8 is an ENCODING error at its first bad byte.
  const text = decode(bytes.value.bytes, source);
  return text.ok ? loadDefinitionsCached(text.value, source) : text;
}

/**
 * The published DTI ranks (data/published/, with their sources) that `dti compare` shows beside
 * ours, for a run of the DTI over provinces (none for other definitions or units):
 * `compare(run, units, { official: await officialRanks(run) })` is what `dti compare` computes.
 */
export async function officialRanks(run: Run): Promise<OfficialRank[]> {
  if (!officialApplies(run.fw, run.data)) return [];
  const [known, ranking63] = await Promise.all(PUBLISHED_FILES.map((f) => readFile(packagePath(`data/published/${f}`), 'utf8')));
  return officialRanksOf(known!, ranking63!);
}

/**
 * Data from files (paths: CSV, TSV, .xlsx), text, bytes or plain rows, one source or several
 * read as one dataset (a unit-year in two of them, or sources of different kinds of unit,
 * are errors): src/load/sources.ts, the loop `dti` reads its files with. Every source's
 * problems come back at once, with the warnings of the sources that failed.
 */
export async function loadData(data: DataSource, fw: Framework, opts: DataFileOptions = {}): Promise<Result<Dataset>> {
  const read = await readSources(data, fw, opts, files);
  return read.ok ? { ...read, value: read.value.data } : read;
}

/**
 * What a command does before it computes: the definitions (`opts.definitions`, the DTI shipped
 * by default), the data, the year before (the file beside a single data file, as `dti score`
 * reads it), then `build` — `missing: error`, `merge2025` and every other rule applied as the
 * CLI applies them. The warnings of every step come with the run.
 */
export async function load(data: DataSource, opts: LoadOptions = {}): Promise<Result<Run>> {
  const { definitions, previous, poolYears, merge2025, allowPartialMerge, ...dataOpts } = opts;
  const runOpts: RunOptions = {
    ...(previous === undefined ? {} : { previous }), ...(poolYears === undefined ? {} : { poolYears }),
    ...(merge2025 === undefined ? {} : { merge2025 }), ...(allowPartialMerge === undefined ? {} : { allowPartialMerge }),
  };
  const defs = definitions !== undefined && typeof definitions === 'object' && 'nodes' in definitions
    ? { ok: true as const, value: definitions, warnings: [] }
    : await loadDefinitions(definitions as string | TextInput | undefined);
  if (!defs.ok) return defs;
  const fw = defs.value;
  const warnings: Diagnostic[] = [...defs.warnings];
  const read = await readSources(data, fw, dataOpts, files);
  pushAll(warnings, read.warnings);
  if (!read.ok) return { ...read, warnings };
  const built = await runFrom(fw, read.value.data, read.value.sources.map((s) => s.path), runOpts, {
    exists: existsSync,
    previous: (prev) => loadData(prev.path, fw, previousOptions(dataOpts, prev)),
  });
  pushAll(warnings, built.warnings);
  return built.ok ? { ok: true, value: built.value.run, warnings } : { ...built, warnings };
}
