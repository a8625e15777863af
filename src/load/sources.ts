/**
 * The one loop over data sources, for the CLI and the library: every source read in the order
 * given (a path through the caller's reader, text, bytes, plain rows) by src/load/file.ts or
 * src/load/plain-rows.ts, then the datasets read merged into one (core/build.ts
 * mergeDatasets: a unit-year in two sources, or sources of different kinds of unit, are
 * errors). Every source's problems come back at once. How a path's bytes are read (the file
 * system, standard input, a size cap) and how a failure is told (exit codes) stay with the
 * caller: the library reads with node:fs (src/load/library.ts), the CLI through its shell
 * (src/cli/context.ts).
 */
import { locatePlain, mergeDatasets } from '../core/build.js';
import { type Diagnostic, type Result, error } from '../core/diagnostics.js';
import type { Framework } from '../core/framework.js';
import type { Text } from '../core/messages.js';
import type { Dataset } from '../core/model.js';
import { pushAll } from '../core/arrays.js';
import { type DataFileOptions, readDataFile } from './file.js';
import { type PlainRow, loadPlainRows } from './plain-rows.js';
import { unreadable } from './unreadable.js';

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

/** A path's bytes, with the name diagnostics give it and its path (null: standard input). */
export interface SourceBytes { bytes: Uint8Array; name: string; path: string | null }

/** How the caller reads a path, and hears what was found out about each file (`-v`). */
export interface SourceReader {
  /** The bytes of the file at `path`, or why it cannot be read (READ_ERROR at the file). */
  bytes: (path: string) => Promise<Result<SourceBytes>>;
  /** What was found out about a file as it was read (sheet, delimiter, decimal mark…), in the order read. */
  notes?: (name: string, notes: readonly Text[]) => void;
}

/** One source read: the name diagnostics give it (a workbook's with its sheet) and its path (null for other sources). */
export interface SourceRead { name: string; path: string | null }

/** The sources read as one dataset; `sources` in the order given. */
export interface SourcesRead { data: Dataset; sources: SourceRead[] }

/** READ_ERROR at `path`: the position names the file, the message says why alone. */
export function readError(path: string, e: unknown): Result<never> {
  const why = unreadable(path, e);
  return { ok: false, errors: [error('READ_ERROR', { message: why.why }, { file: path }, why.hint)], warnings: [] };
}

const isSource = (x: unknown): boolean => typeof x === 'string' || Array.isArray(x)
  || (typeof x === 'object' && x !== null && (('text' in x && typeof x.text === 'string') || ('bytes' in x && x.bytes instanceof Uint8Array) || ('rows' in x && Array.isArray(x.rows))));

/** The sources of `data`: a list of them, or one (a list of plain rows is one source). */
export function sourcesOf(data: DataSource): DataInput[] {
  if (Array.isArray(data) && data.length > 0 && data.every(isSource)) return [...data] as DataInput[];
  return [data as DataInput];
}

/** One source read as a dataset, with its name and path. */
async function readOne(input: DataInput, fw: Framework, opts: DataFileOptions, reader: SourceReader): Promise<{ result: Result<Dataset>; source: SourceRead }> {
  if (Array.isArray(input)) return { result: loadPlainRows(input as readonly PlainRow[], fw, opts), source: { name: 'rows', path: null } };
  if (typeof input === 'object' && 'rows' in input) {
    return { result: loadPlainRows(input.rows, fw, { ...opts, ...(input.name === undefined ? {} : { name: input.name }) }), source: { name: input.name ?? 'rows', path: null } };
  }
  let raw: SourceBytes;
  if (typeof input === 'string') {
    const bytes = await reader.bytes(input);
    if (!bytes.ok) return { result: bytes, source: { name: input, path: null } };
    raw = bytes.value;
  } else if ('bytes' in input) raw = { bytes: input.bytes, name: input.file, path: null };
  else {
    const text = input as TextInput;
    raw = { bytes: new TextEncoder().encode(text.text), name: text.file ?? '-', path: null };
  }
  const { name, notes, result } = await readDataFile(raw.bytes, raw.name, fw, opts);
  if (notes.length > 0) reader.notes?.(name, notes);
  return { result, source: { name, path: raw.path } };
}

/**
 * Every source of `data` read, in order, then merged into one dataset. A failure holds the
 * errors of every source and of the merger (of the sources read), with the warnings of the
 * sources that failed; a success, the warnings of every source. An unknown `encoding` is the
 * options' error, not a file's: reading stops there.
 */
export async function readSources(data: DataSource, fw: Framework, opts: DataFileOptions, reader: SourceReader): Promise<Result<SourcesRead>> {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const failed: Diagnostic[] = [];
  const datasets: Dataset[] = [];
  const sources: SourceRead[] = [];
  for (const input of sourcesOf(data)) {
    const { result, source } = await readOne(input, fw, opts, reader);
    if (result.ok) {
      datasets.push(result.value);
      sources.push(source);
      pushAll(warnings, result.warnings);
      continue;
    }
    pushAll(errors, result.errors);
    pushAll(failed, result.warnings);
    if (result.errors.some((e) => e.text.key === 'ENCODING.unknown')) return { ok: false, errors, warnings: failed };
  }
  const merged = datasets.length === 0 ? undefined : mergeDatasets(datasets);
  if (merged !== undefined && !merged.ok) pushAll(errors, locatePlain(merged.errors, datasets));
  if (errors.length > 0) return { ok: false, errors, warnings: failed };
  return { ok: true, value: { data: (merged as { value: Dataset }).value, sources }, warnings };
}
