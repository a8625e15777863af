/**
 * Flags → load → build: the definitions and data files of a command read into a `Run`
 * (core/build.ts), the same way for every command that reads data. The year before is read
 * with every data option the data are read with.
 */
import { DEFAULT_DEFINITIONS_NAME } from '../load/paths.js';
import type { Dataset } from '../core/model.js';
import { type Diagnostic, warningOf } from '../core/diagnostics.js';
import { msg } from '../core/messages.js';
import type { Framework } from '../core/framework.js';
import type { Run } from '../core/build.js';
import { pushAll } from '../core/arrays.js';
import { existsSync } from 'node:fs';
import { type DataFlags, loadDataFile, loadDataFiles, loadFrameworkFile } from './context.js';
import { previousOptions, runFrom } from '../load/run.js';
import { CliError } from './errors.js';
import { displayName } from './files.js';
import { EXIT, type Io } from './io.js';
import { type ScoreResult, type UnitDetail, checkGrouping, inRegion, scoreRun } from '../core/score.js';
import type { Format } from '../render/format.js';
import type { Detail } from '../render/score.js';
import { makeChalk, printDiagnostics } from './context.js';

export interface RunFlags extends DataFlags {
  indicators?: string;
  /** `--previous <file>`, `--no-previous` (false); undefined: the file of the year before beside the data, if any. */
  previous?: string | false;
  poolYears?: boolean;
  merge2025?: boolean;
  allowPartialMerge?: boolean;
}

export interface LoadedRun {
  run: Run;
  fw: Framework;
  /** The data as read (every file given, before any --merge-2025). */
  ds: Dataset;
  /** The previous year's file, if read. */
  previous?: Dataset;
  /** Paths of every file read (definitions first), null for standard input. */
  inputs: (string | null)[];
  /** Names of the definitions and data files as shown (a workbook's with its sheet). */
  definitionsFile: string;
  dataFiles: string[];
  /** Warnings of the definitions, of every file and of the merger, in that order. */
  warnings: Diagnostic[];
}

/**
 * Read the definitions and `files`, and the year before when the command reads one (`previous`:
 * a `--previous` file, else the file of the year before beside a single data file), then build
 * the run. Every error (files, duplicates across files, `missing: error`, the merger) is a
 * CliError with its diagnostics: exit 4 for data.
 */
export async function loadRun(files: readonly string[], flags: RunFlags, io: Io,
  o: { previous?: boolean; check?: (fw: Framework, ds: Dataset) => void } = {}): Promise<LoadedRun> {
  const { fw, input: defInput, warnings: defWarnings } = await loadFrameworkFile(flags.indicators, io);
  const warnings: Diagnostic[] = [...defWarnings];
  const inputs: (string | null)[] = [defInput.path];
  const loaded = await loadDataFiles(files, fw, io, flags);
  pushAll(inputs, loaded.paths);
  pushAll(warnings, loaded.warnings);
  const built = await buildFrom(fw, loaded.data, files, loaded.paths, flags, io, o);
  pushAll(inputs, built.inputs);
  pushAll(warnings, built.warnings);
  return { run: built.run, fw, ds: loaded.data, ...(built.previous === undefined ? {} : { previous: built.previous }), inputs,
    definitionsFile: flags.indicators === undefined ? DEFAULT_DEFINITIONS_NAME : defInput.name, dataFiles: loaded.names, warnings };
}

/**
 * The second half of loadRun, for data already read: the year before (read when the command
 * reads one), then the run built. `paths` are the data files' paths (for the file beside).
 */
export async function buildFrom(fw: Framework, ds: Dataset, files: readonly string[], paths: readonly (string | null)[], flags: RunFlags, io: Io,
  o: { previous?: boolean; check?: (fw: Framework, ds: Dataset) => void } = {}): Promise<{ run: Run; previous?: Dataset; inputs: (string | null)[]; warnings: Diagnostic[] }> {
  if (flags.allowPartialMerge === true && flags.merge2025 !== true) throw new CliError(EXIT.USAGE, msg('BAD_PARAMETER.partialWithoutMerge'));
  const inputs: (string | null)[] = [];
  const built = await runFrom(fw, ds, files.length === 1 ? paths : [], flags, {
    lookForPrevious: o.previous !== false,
    exists: existsSync,
    previous: async (prev) => {
      try {
        const p = await loadDataFile(prev.asked ? prev.path : displayName(prev.path, io.cwd), fw, io, previousOptions(flags, prev));
        inputs.push(p.input.path);
        return { ok: true, value: p.data, warnings: p.warnings };
      } catch (e) {
        // Its data's problems go back to runFrom (which says why that file was read); a file
        // that cannot be read at all, or a usage error, stops here with its own exit code.
        if (!(e instanceof CliError) || e.exitCode !== EXIT.DATA || e.diagnostics.length === 0) throw e;
        return { ok: false, errors: e.diagnostics.filter((d) => d.severity === 'error'), warnings: e.diagnostics.filter((d) => d.severity !== 'error') };
      }
    },
    ...(o.check === undefined ? {} : { check: () => o.check!(fw, ds) }),
  });
  if (!built.ok) throw new CliError(EXIT.DATA, 'invalid data', { diagnostics: [...built.errors, ...built.warnings] });
  const { run, previous } = built.value;
  return { run, ...(previous === undefined ? {} : { previous }), inputs, warnings: built.warnings };
}

export interface ScoreFlags extends RunFlags {
  map: '63' | '34' | 'auto';
  indicators?: string;
  format?: Format;
  output?: string;
  check?: boolean;
  bom?: boolean;
  /** CSV for Excel set to Vietnamese (';', decimal commas, BOM). */
  excel?: boolean;
  detail: Detail;
  top?: number;
  lang: 'vi' | 'en';
  color: boolean;
  previous?: string | false;
  poolYears?: boolean;
  quiet?: boolean;
  /** `region`, or a `columns.groups` column of the definitions. */
  by?: string;
  region?: string;
  merge2025?: boolean;
  allowPartialMerge?: boolean;
}


export interface ScoredFiles extends LoadedRun {
  result: ScoreResult;
  /** The groups and indicators of a unit of `result`, at `detailOnDemand` (see scoreLazily). */
  detailOf: UnitDetail;
}

/** Load definitions and data as `dti score` does, score the run and print the warnings (unless quiet). */
export async function scoreFiles(files: string[], flags: Omit<ScoreFlags, 'detail'>, io: Io, detail: Detail, detailOnDemand: Detail = detail): Promise<ScoredFiles> {
  let grouping: { byRegion: boolean; by?: string; region?: string } = { byRegion: false };
  const loaded = await loadRun(files, flags, io, {
    // Checked once the data are read (as before the run is built): a region of the registry, a
    // grouping the data fill; the first problem, a usage error (4 when the data leave it empty).
    check: (fw, ds) => {
      const g = checkGrouping(fw, ds, { ...(flags.by === undefined ? {} : { by: flags.by }), ...(flags.region === undefined ? {} : { region: flags.region }) });
      if (!g.ok) {
        const e = g.errors[0]!;
        throw new CliError(e.code === 'BAD_PARAMETER' ? EXIT.USAGE : EXIT.DATA, e.text, e.hintText === undefined ? {} : { hint: e.hintText });
      }
      grouping = g.value;
    },
  });
  const { run, warnings } = loaded;
  const { result: scored, detailOf } = scoreRun(run, {
    byRegion: grouping.byRegion,
    ...(grouping.by === undefined ? {} : { by: grouping.by }),
    detail,
    detailOnDemand,
    lang: flags.lang,
    warnings,
  });
  const result = inRegion(scored, grouping.region);
  if (flags.quiet !== true) {
    // Warnings raised while scoring keep their code and hint (--pool-years advice, missing values).
    const scoring = result.warnings.slice(warnings.length).map(warningOf);
    if (warnings.length + scoring.length > 0) printDiagnostics(io, [...warnings, ...scoring], makeChalk(io.stderr, io, flags.color));
  }
  return { ...loaded, result, detailOf };
}
