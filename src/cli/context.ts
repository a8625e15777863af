/**
 * What every command shares: colour decisions, printing diagnostics, loading the
 * definitions and data files with their errors turned into exit codes.
 */
import { DEFAULT_DEFINITIONS } from '../load/paths.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Dataset } from '../core/model.js';
import { type Diagnostic, compareDiagnostics, error } from '../core/diagnostics.js';
import type { Framework } from '../core/framework.js';
import type { Decimal } from '../core/model.js';
import { DELIMITER_NAMES } from '../load/file.js';
import { type SourcesRead, readSources } from '../load/sources.js';
import { loadDefinitionsCached } from '../load/definitions-cache.js';
import { invalid } from './invalid.js';
import { CliError } from './errors.js';
import { type Text, msg, render, words } from '../core/messages.js';
import { type Input, encodingError, readInput, readInputBytes } from './files.js';
import { diagnosticLines, formatWhere } from '../core/localize.js';
import { EXIT, type Io, type OutStream } from './io.js';

/**
 * Colour only on a terminal, never with NO_COLOR (chalk itself ignores it), TERM=dumb or
 * --no-color; FORCE_COLOR turns it on for a pipe.
 */
export function makeChalk(stream: OutStream, io: Io, colorFlag: boolean): ChalkInstance {
  const env = io.env;
  let level: 0 | 1 | 2 | 3 = stream.isTTY === true ? 1 : 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') level = 1;
  if (!colorFlag || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb') level = 0;
  return new Chalk({ level });
}

/**
 * The width a terminal table must fit: the terminal's columns, else COLUMNS, else 80 on a
 * terminal; none for a file (-o) or a pipe without COLUMNS.
 */
export function termWidth(io: Io, output: string | undefined): number | undefined {
  if (output !== undefined && output !== '-') return undefined;
  if (io.stdout.columns !== undefined && io.stdout.columns > 0) return io.stdout.columns;
  const env = Number(io.env.COLUMNS);
  if (Number.isInteger(env) && env > 0) return env;
  return io.stdout.isTTY === true ? 80 : undefined;
}

/** Whether the terminal can show ▲/▼: a UTF-8 locale, or none set at all. */
export function asciiOnly(io: Io): boolean {
  const loc = io.env.LC_ALL || io.env.LC_CTYPE || io.env.LANG || '';
  return io.env.TERM === 'dumb' || (loc !== '' && loc !== 'C.UTF-8' && !/utf-?8/i.test(loc));
}

const MAX_SHOWN = 50;
/**
 * The same problem (same code, file, message and hint: the same value in the same column)
 * this many times or more is shown once. Distinct problems are never folded into one
 * ('1.2.3' and '5..' are two, each with its own text and position).
 */
const GROUP_AT = 3;
const POSITIONS_SHOWN = 3;

/** Diagnostics with the repeats of one problem folded into its first, with a count and the first positions. */
export function groupDiagnostics(diags: readonly Diagnostic[]): { d: Diagnostic; more: Diagnostic[] }[] {
  const key = (d: Diagnostic) => [d.severity, d.code, d.file ?? '', d.hint ?? '', d.message].join('\u0000');
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    const k = key(d);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [d]);
    else g.push(d);
  }
  // In the order given (by position): a folded problem where it first occurs.
  const out: { d: Diagnostic; more: Diagnostic[] }[] = [];
  for (const d of diags) {
    const g = groups.get(key(d))!;
    if (g.length < GROUP_AT) out.push({ d, more: [] });
    else if (g[0] === d) out.push({ d, more: g.slice(1) });
  }
  return out;
}

/** Print diagnostics compiler-style, sorted by position, repeats grouped, capped with a count of the rest; in io.lang (Vietnamese by default). */
export function printDiagnostics(io: Io, diags: readonly Diagnostic[], chalk: ChalkInstance): void {
  const lang = io.lang ?? 'vi';
  const w = words(lang);
  const sorted = [...diags].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || compareDiagnostics(a, b));
  const errors = sorted.filter((d) => d.severity === 'error');
  const grouped = groupDiagnostics(sorted);
  const shown = grouped.slice(0, MAX_SHOWN);
  const paint = { where: (x: string) => chalk.bold(x), error: (x: string) => chalk.red.bold(x), warning: (x: string) => chalk.yellow.bold(x), hint: (x: string) => chalk.cyan(x) };
  for (const { d, more } of shown) {
    const also = more.length === 0 ? '' : ` (${more.length + 1}×; ${w.also} ${more.slice(0, POSITIONS_SHOWN).map((m) => shortWhere(m)).join(', ')}${more.length > POSITIONS_SHOWN ? ', …' : ''})`;
    for (const line of diagnosticLines(d, lang, paint, also)) io.stderr.write(`${line}\n`);
  }
  if (grouped.length > MAX_SHOWN) io.stderr.write(`${w.more(grouped.slice(MAX_SHOWN).reduce((n, g) => n + 1 + g.more.length, 0))}\n`);
  if (errors.length > 0) {
    io.stderr.write(`${w.errors(errors.length)}${sorted.length > errors.length ? `, ${w.warnings(sorted.length - errors.length)}` : ''}\n`);
  }
}

/** A position without the file: line:col, or the cell (C7) in a workbook. */
function shortWhere(d: Diagnostic): string {
  const w = formatWhere(d);
  return d.file !== undefined && w.startsWith(d.file) ? w.slice(d.file.length).replace(/^[:!]/, '') : w;
}

export interface LoadedFramework {
  fw: Framework;
  input: Input;
  warnings: Diagnostic[];
}

export async function loadFrameworkFile(arg: string | undefined, io: Io): Promise<LoadedFramework> {
  const input = await readInput(arg ?? DEFAULT_DEFINITIONS, io, EXIT.DEFINITIONS);
  const r = await loadDefinitionsCached(input.text, input.name);
  if (!r.ok) {
    throw new CliError(EXIT.DEFINITIONS, `${input.name}: invalid definitions`, { diagnostics: [...r.errors, ...r.warnings] });
  }
  return { fw: r.value, input, warnings: r.warnings };
}

export interface DataFlags {
  map?: '63' | '34' | 'auto';
  year?: number;
  decimal?: Decimal;
  delimiter?: string;
  /** `--encoding`: a label TextDecoder knows (windows-1258, utf-16le…); UTF-8 by default. */
  encoding?: string;
  /** `--sheet`: a workbook's sheet by name or number. */
  sheet?: string;
  /** `--skip-lines N`: the header is the first row after line N. */
  skipLines?: number;
  /** `-v`: say what was detected about each file. */
  verbose?: boolean;
  lang?: 'vi' | 'en';
}

export interface LoadedData {
  data: Dataset;
  input: Input;
  warnings: Diagnostic[];
}

/** `--delimiter`: one character, or a name (tab, comma, semicolon, pipe, space). */
export function delimiterArg(v: string): string {
  const named = DELIMITER_NAMES[v.toLowerCase()];
  if (named !== undefined) return named;
  if (v.length !== 1 || v === '"' || v === '\n' || v === '\r') {
    invalid(msg('reason.delimiter'));
  }
  return v;
}

/**
 * Data files (or standard input) read as one dataset, by the loop the library reads with
 * (src/load/sources.ts: every file's problems in one run, a unit-year in two files or files of
 * different kinds of unit are data errors); here only how a file is read (files.ts
 * readInputBytes: '-', the size cap, a usage error thrown), `-v`'s notes, and the exit codes:
 * 4 for data, 5 when a file cannot be read (one such file and nothing else: its error as it is),
 * 2 for an unknown --encoding.
 */
async function readFiles(files: readonly string[], fw: Framework, io: Io, flags: DataFlags): Promise<SourcesRead & { warnings: Diagnostic[] }> {
  let unreadable: CliError | undefined;
  const r = await readSources(files, fw, flags, {
    bytes: async (f) => {
      try {
        return { ok: true, value: await readInputBytes(f, io), warnings: [] };
      } catch (e) {
        if (!(e instanceof CliError) || e.exitCode !== EXIT.IO || e.diagnostics.length > 0) throw e;
        // A file that cannot be read keeps the problems found in the others, and the run goes on.
        // As the library says it (sources.ts readError): the position names the file, the message says why alone.
        unreadable ??= e;
        const why = e.text?.key === 'cli.cannotRead' ? e.text.params.why as Text | string : undefined;
        return { ok: false, errors: [error('READ_ERROR', { message: why ?? e.text ?? e.message }, { file: f }, e.hintText)], warnings: [] };
      }
    },
    ...(flags.verbose === true ? { notes: (name: string, notes: readonly Text[]) => io.stderr.write(`${name}: ${notes.map((n) => render(n, flags.lang ?? 'vi')).join('; ')}\n`) } : {}),
  });
  if (r.ok) return { ...r.value, warnings: r.warnings };
  const unknown = r.errors.find((e) => e.text.key === 'ENCODING.unknown');
  if (unknown !== undefined) throw encodingError(unknown, EXIT.DATA);
  const failures = [...r.errors, ...r.warnings];
  if (failures.length === 1 && unreadable !== undefined) throw unreadable;
  throw new CliError(unreadable !== undefined ? EXIT.IO : EXIT.DATA, 'invalid data', { diagnostics: failures });
}

/** Read a data file (or standard input) as every command does (src/load/file.ts); `-v` prints what was found out. */
export async function loadDataFile(arg: string, fw: Framework, io: Io, flags: DataFlags): Promise<LoadedData> {
  const { data, sources, warnings } = await readFiles([arg], fw, io, flags);
  const { name, path } = sources[0]!;
  return { data, input: { name, path, text: '' }, warnings };
}

/** Several files read as one dataset (readFiles); every file's problems in one run. */
export async function loadDataFiles(files: readonly string[], fw: Framework, io: Io, flags: DataFlags):
  Promise<{ data: Dataset; paths: (string | null)[]; names: string[]; warnings: Diagnostic[] }> {
  const { data, sources, warnings } = await readFiles(files, fw, io, flags);
  return { data, paths: sources.map((s) => s.path), names: sources.map((s) => s.name), warnings };
}
