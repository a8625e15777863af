/**
 * What every command shares: colour decisions, printing diagnostics, loading the
 * definitions and data files with their errors turned into exit codes.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { packagePath } from '../paths.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Dataset } from '../core/data.js';
import { type Diagnostic, compareDiagnostics, error } from '../core/diagnostics.js';
import type { Framework } from '../core/framework.js';
import type { Decimal } from '../core/values.js';
import { loadData, loadDefinitions } from '../load.js';
import { CliError } from './errors.js';
import { type Input, readInput } from './files.js';
import { EXIT, type Io, type OutStream } from './io.js';

/** The definitions `dti` uses when no -i is given: the DTI proxy shipped with the package. */
export const DEFAULT_INDICATORS = packagePath('indicators/dti.yaml');

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

/** Whether the terminal can show ▲/▼: a UTF-8 locale, or none set at all. */
export function asciiOnly(io: Io): boolean {
  const loc = io.env.LC_ALL || io.env.LC_CTYPE || io.env.LANG || '';
  return io.env.TERM === 'dumb' || (loc !== '' && loc !== 'C.UTF-8' && !/utf-?8/i.test(loc));
}

const MAX_SHOWN = 50;

/** Print diagnostics compiler-style, sorted by position, capped with a count of the rest. */
export function printDiagnostics(io: Io, diags: readonly Diagnostic[], chalk: ChalkInstance): void {
  const sorted = [...diags].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || compareDiagnostics(a, b));
  const errors = sorted.filter((d) => d.severity === 'error');
  const shown = sorted.slice(0, MAX_SHOWN);
  for (const d of shown) {
    const where = d.file === undefined ? '' : `${d.file}${d.line === undefined ? '' : `:${d.line}:${d.col ?? 1}`}: `;
    const sev = d.severity === 'error' ? chalk.red.bold('error') : chalk.yellow.bold('warning');
    io.stderr.write(`${chalk.bold(where)}${sev}: ${d.message} [${d.code}]\n`);
    if (d.hint !== undefined) io.stderr.write(`  ${chalk.cyan('hint')}: ${d.hint}\n`);
  }
  if (sorted.length > MAX_SHOWN) io.stderr.write(`… and ${sorted.length - MAX_SHOWN} more\n`);
  if (errors.length > 0) {
    io.stderr.write(`${errors.length} error${errors.length === 1 ? '' : 's'}${sorted.length > errors.length ? `, ${sorted.length - errors.length} warning(s)` : ''}\n`);
  }
}

export interface LoadedFramework {
  fw: Framework;
  input: Input;
  warnings: Diagnostic[];
}

export async function loadFrameworkFile(arg: string | undefined, io: Io): Promise<LoadedFramework> {
  const input = await readInput(arg ?? DEFAULT_INDICATORS, io, EXIT.DEFINITIONS);
  const r = loadDefinitions(input.text, input.name);
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
}

export interface LoadedData {
  data: Dataset;
  input: Input;
  warnings: Diagnostic[];
}

/** A four-digit year in a file's name ("data/2023.csv", "dti-2022-final.csv"), the last one. */
export function yearFromName(name: string): number | undefined {
  const m = [...basename(name).matchAll(/(?<![0-9])((?:19|20)\d{2})(?![0-9])/g)];
  const last = m[m.length - 1];
  return last === undefined ? undefined : Number(last[1]);
}

/** `,` by default, tab for .tsv/.tab; `--delimiter` wins ("tab" and "\t" name a tab). */
export function delimiterFor(name: string, flag: string | undefined): string {
  if (flag !== undefined) return flag === 'tab' || flag === '\\t' ? '\t' : flag;
  return /\.(tsv|tab)$/i.test(name) ? '\t' : ',';
}

export async function loadDataFile(arg: string, fw: Framework, io: Io, flags: DataFlags): Promise<LoadedData> {
  const input = await readInput(arg, io, EXIT.DATA);
  const fileYear = yearFromName(input.name);
  const r = loadData(input.text, fw, {
    file: input.name,
    delimiter: delimiterFor(input.name, flags.delimiter),
    ...(flags.year === undefined ? {} : { year: flags.year }),
    ...(fileYear === undefined ? {} : { fileYear }),
    ...(flags.decimal === undefined ? {} : { decimal: flags.decimal }),
    ...(flags.map === undefined ? {} : { map: flags.map }),
  });
  if (!r.ok) throw new CliError(EXIT.DATA, `${input.name}: invalid data`, { diagnostics: [...r.errors, ...r.warnings] });
  return { data: r.value, input, warnings: r.warnings };
}

/** The file of the year before, beside this one ("data/2023.csv" → "data/2022.csv"), if it exists. */
export function previousSibling(path: string | null, year: number | null): string | undefined {
  if (path === null || year === null) return undefined;
  const name = basename(path);
  if (yearFromName(name) !== year) return undefined;
  const idx = name.lastIndexOf(String(year));
  const candidate = join(dirname(path), name.slice(0, idx) + String(year - 1) + name.slice(idx + 4));
  return existsSync(candidate) ? candidate : undefined;
}

/** Several files read as one dataset; a unit-year in two files is a data error. */
export async function loadDataFiles(files: readonly string[], fw: Framework, io: Io, flags: DataFlags):
  Promise<{ data: Dataset; paths: (string | null)[]; warnings: Diagnostic[] }> {
  let data: Dataset | undefined;
  const paths: (string | null)[] = [];
  const warnings: Diagnostic[] = [];
  const failures: Diagnostic[] = [];
  for (const f of files) {
    let loaded: LoadedData;
    try {
      loaded = await loadDataFile(f, fw, io, flags);
    } catch (e) {
      // Keep going: every file's problems in one run.
      if (e instanceof CliError && e.exitCode === EXIT.DATA && e.diagnostics.length > 0) { failures.push(...e.diagnostics); continue; }
      throw e;
    }
    paths.push(loaded.input.path);
    warnings.push(...loaded.warnings);
    if (data === undefined) { data = loaded.data; continue; }
    if (data.unitKind !== loaded.data.unitKind || data.map !== loaded.data.map) {
      throw new CliError(EXIT.DATA, `${loaded.input.name}: its units (${loaded.data.unitKind}${loaded.data.map === null ? '' : `, ${loaded.data.map} provinces`}) differ from the files before`,
        { hint: 'give every file the same kind of unit' });
    }
    const seen = new Set(data.records.map((r) => `${r.key}\u0000${r.year}`));
    for (const r of loaded.data.records) {
      if (seen.has(`${r.key}\u0000${r.year}`)) {
        failures.push(error('DUPLICATE_ROW', `${r.unit} (${r.year ?? 'no year'}) is also in an earlier file`,
          { file: loaded.input.name, line: r.line, col: 1 }, 'give each unit and year once across the files'));
      }
    }
    data = { ...data, records: [...data.records, ...loaded.data.records] };
  }
  if (failures.length > 0) throw new CliError(EXIT.DATA, 'invalid data', { diagnostics: failures });
  return { data: data!, paths, warnings };
}
