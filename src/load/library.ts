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
import { fileURLToPath } from 'node:url';
import { type Run, locatePlain, mergeDatasets } from '../core/build.js';
import { type Diagnostic, type Result, error } from '../core/diagnostics.js';
import type { Framework } from '../core/framework.js';
import type { Dataset } from '../core/model.js';
import { pushAll } from '../core/arrays.js';
import { loadDefinitions as definitionsFromText } from './definitions.js';
import { type DataFileOptions, readDataFile } from './file.js';
import { type PlainRow, loadPlainRows } from './plain-rows.js';
import { type RunOptions, runFrom } from './run.js';
import { decode } from './decode.js';
import { unreadable } from './unreadable.js';
import { PUBLISHED_FILES, officialApplies, officialRanksOf } from './official.js';
import type { OfficialRank } from '../core/compare.js';

/** The definitions shipped with the package: the DTI proxy (what `dti` reads without -i). */
const SHIPPED = fileURLToPath(new URL('../../indicators/dti.yaml', import.meta.url));

/** Text read from elsewhere, named `file` in diagnostics. */
export interface TextInput { text: string; file?: string }
/** A file's bytes (a workbook, or text in another encoding), named `file`. */
export interface BytesInput { bytes: Uint8Array; file: string }
/** Plain rows, named `name` in diagnostics (default `rows`: `rows[3].year`). */
export interface RowsInput { rows: readonly PlainRow[]; name?: string }
/** One source of data: a file's path, text, bytes, or plain rows. */
export type DataInput = string | TextInput | BytesInput | RowsInput | readonly PlainRow[];
/** What the data loaders take: one source, or several (read as one dataset, as `dti` reads several files). */
export type DataSource = DataInput | readonly DataInput[];

export type { DataFileOptions as LoadDataOptions, PlainRow };

/** What `load` takes: the data options (as `loadData`), the run's (`previous`, `poolYears`, `merge2025`, `allowPartialMerge`: src/load/run.ts) and the definitions. */
export interface LoadOptions extends DataFileOptions, RunOptions {
  /** The definitions: a YAML file's path, its text, or definitions loaded already (default: the DTI shipped, indicators/dti.yaml). */
  definitions?: string | TextInput | Framework;
}

const isSource = (x: unknown): boolean => typeof x === 'string' || Array.isArray(x)
  || (typeof x === 'object' && x !== null && (('text' in x && typeof x.text === 'string') || ('bytes' in x && x.bytes instanceof Uint8Array) || ('rows' in x && Array.isArray(x.rows))));

/** The sources of `data`: a list of them, or one (a list of plain rows is one source). */
function sourcesOf(data: DataSource): DataInput[] {
  if (Array.isArray(data) && data.length > 0 && data.every(isSource)) return [...data] as DataInput[];
  return [data as DataInput];
}

/** A file's bytes, or the diagnostic of why it cannot be read (READ_ERROR, as the CLI says it). */
async function bytesOf(path: string): Promise<Result<Uint8Array>> {
  try {
    return { ok: true, value: await readFile(path), warnings: [] };
  } catch (e) {
    // The position names the file: the message says why alone.
    const why = unreadable(path, e);
    return { ok: false, errors: [error('READ_ERROR', { message: why.why }, { file: path }, why.hint)], warnings: [] };
  }
}

/**
 * Definitions from a YAML file's path (default: the DTI shipped) or its text (`{ text, file }`):
 * parsed and validated, every problem located file:line:col.
 */
export async function loadDefinitions(source: string | TextInput = SHIPPED): Promise<Result<Framework>> {
  if (typeof source !== 'string') return definitionsFromText(source.text, source.file);
  const bytes = await bytesOf(source);
  if (!bytes.ok) return bytes;
  // Decoded as the CLI decodes it: a file that is not UTF-8 is an ENCODING error at its first bad byte.
  const text = decode(bytes.value, source);
  return text.ok ? definitionsFromText(text.value, source) : text;
}

/**
 * The published DTI ranks (data/published/, with their sources) that `dti compare` shows beside
 * ours, for a run of the DTI over provinces (none for other definitions or units):
 * `compare(run, units, { official: await officialRanks(run) })` is what `dti compare` computes.
 */
export async function officialRanks(run: Run): Promise<OfficialRank[]> {
  if (!officialApplies(run.fw, run.data)) return [];
  const [known, ranking63] = await Promise.all(PUBLISHED_FILES.map((f) => readFile(fileURLToPath(new URL(`../../data/published/${f}`, import.meta.url)), 'utf8')));
  return officialRanksOf(known!, ranking63!);
}

/** One source read as a dataset. */
async function loadOne(input: DataInput, fw: Framework, opts: DataFileOptions): Promise<Result<Dataset>> {
  if (Array.isArray(input)) return loadPlainRows(input as readonly PlainRow[], fw, opts);
  if (typeof input === 'object' && 'rows' in input) return loadPlainRows(input.rows, fw, { ...opts, ...(input.name === undefined ? {} : { name: input.name }) });
  if (typeof input === 'string') {
    const bytes = await bytesOf(input);
    if (!bytes.ok) return bytes;
    return (await readDataFile(bytes.value, input, fw, opts)).result;
  }
  if ('bytes' in input) return (await readDataFile(input.bytes, input.file, fw, opts)).result;
  const text = input as TextInput;
  return (await readDataFile(new TextEncoder().encode(text.text), text.file ?? '-', fw, opts)).result;
}

/**
 * Data from files (paths: CSV, TSV, .xlsx), text, bytes or plain rows, one source or several
 * read as one dataset (a unit-year in two of them, or sources of different kinds of unit,
 * are errors). Every source's problems come back at once.
 */
export async function loadData(data: DataSource, fw: Framework, opts: DataFileOptions = {}): Promise<Result<Dataset>> {
  const read = await readSources(data, fw, opts);
  if (!read.ok) return read;
  const merged = mergeDatasets(read.value);
  return merged.ok ? { ...merged, warnings: read.warnings } : { ...merged, errors: locatePlain(merged.errors, read.value), warnings: read.warnings };
}

/** Every source read, each a dataset; the problems of all of them at once. */
async function readSources(data: DataSource, fw: Framework, opts: DataFileOptions): Promise<Result<Dataset[]>> {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const datasets: Dataset[] = [];
  for (const input of sourcesOf(data)) {
    const r = await loadOne(input, fw, opts);
    pushAll(warnings, r.warnings);
    if (r.ok) datasets.push(r.value);
    else pushAll(errors, r.errors);
  }
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, value: datasets, warnings };
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
  const read = await readSources(data, fw, dataOpts);
  pushAll(warnings, read.warnings);
  if (!read.ok) return { ...read, warnings };
  const paths = sourcesOf(data).map((s) => (typeof s === 'string' ? s : null));
  const built = await runFrom(fw, read.value, paths, runOpts, {
    exists: existsSync,
    // The year given applies to the data only; a previous file with no year of its own is the year before.
    previous: (prev) => {
      const { year: _year, ...prevOpts } = dataOpts;
      return loadData(prev.path, fw, { ...prevOpts, ...(prev.year === undefined ? {} : { year: prev.year }) });
    },
  });
  pushAll(warnings, built.warnings);
  return built.ok ? { ok: true, value: built.value.run, warnings } : { ...built, warnings };
}
