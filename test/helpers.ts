import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Framework } from '../src/core/framework.js';
import { loadData, loadDefinitions } from '../src/load/definitions.js';
import type { Dataset, UnitRecord } from '../src/core/model.js';
import { type BuildOptions, type Run, build } from '../src/core/build.js';
import { type ScoreOptions, type ScoreResult, scoreRun } from '../src/core/score.js';
import { type ExplainOptions, explain as explainRun } from '../src/core/explain/index.js';
import { type SensitivityOptions, type SensitivitySpec, sensitivity as sensitivityRun } from '../src/core/sensitivity/index.js';
import { run } from '../src/cli/run.js';
import type { Io } from '../src/cli/io.js';
import { onTestFinished } from 'vitest';
import { openWorkbook } from '../src/load/workbook.js';
import { type SheetCell, readSheet } from '../src/load/xlsx.js';

/** Load definitions from YAML text, failing the test with the diagnostics if invalid. */
export function fw(yaml: string): Framework {
  const r = loadDefinitions(yaml, 'test.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return r.value;
}

export function data(csv: string, f: Framework, opts: Parameters<typeof loadData>[2] = {}): Dataset {
  const r = loadData(csv, f, { file: 'test.csv', ...opts });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return r.value;
}

/** A build that must succeed (the test fails with its diagnostics otherwise). */
export function runOf(f: Framework, ds: Dataset, opts: BuildOptions = {}): Run {
  const r = build(f, [ds], opts);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file ?? ''}:${e.line}:${e.col} ${e.message} [${e.code}]`).join('\n'));
  return r.value;
}

/**
 * The tests' shorthands for a dataset scored, explained, analysed: `build` (which must succeed)
 * then the core verb on the run, as `dti score`, `dti explain`, `dti sensitivity` do.
 */
export function scoreLazily(f: Framework, ds: Dataset, opts: ScoreOptions & { detailOnDemand?: 'pillars' | 'groups' | 'indicators' } = {}): ReturnType<typeof scoreRun> {
  return scoreRun(runOf(f, ds, {
    ...(opts.year === undefined ? {} : { year: opts.year }),
    ...(opts.previous === undefined ? {} : { previous: opts.previous }),
    ...(opts.poolYears === true ? { poolYears: true } : {}),
    ...(opts.merge2025 === true ? { merge2025: true, allowPartialMerge: true } : {}),
  }), opts);
}
export function score(f: Framework, ds: Dataset, opts: ScoreOptions = {}): ScoreResult {
  return scoreLazily(f, ds, opts).result;
}
export function explain(f: Framework, ds: Dataset, unit: string, opts: ExplainOptions = {}): ReturnType<typeof explainRun> {
  return explainRun(runOf(f, ds, opts.previous === undefined ? {} : { previous: opts.previous }), unit, opts);
}
export function sensitivity(f: Framework, records: UnitRecord[], year: number | null, spec: SensitivitySpec, opts: SensitivityOptions = {}): ReturnType<typeof sensitivityRun> {
  return sensitivityRun(runOf(f, { unitKind: 'unit', layout: 'wide', map: null, records }, { year }), spec, opts);
}

/** A minimal definitions file around the given indicator YAML (indented by 2). */
export function defs(indicators: string, head = ''): string {
  return `schema: dti/v1\nid: t\nname: Test\n${head}indicators:\n${indicators}`;
}

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], opts: { cwd?: string; env?: Record<string, string>; stdin?: string | Uint8Array; tty?: boolean; fs?: Io['fs']; stdinFile?: Io['stdinFile'] } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s) => { stdout += s; }, isTTY: opts.tty ?? false },
    stderr: { write: (s) => { stderr += s; }, isTTY: false },
    readStdin: async () => (typeof opts.stdin === 'object' ? opts.stdin : new TextEncoder().encode(opts.stdin ?? '')),
    stdinIsTTY: opts.stdin === undefined,
    env: opts.env ?? {},
    cwd: opts.cwd ?? ROOT,
    ...(opts.fs === undefined ? {} : { fs: opts.fs }),
    ...(opts.stdinFile === undefined ? {} : { stdinFile: opts.stdinFile }),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

export const ROOT = join(import.meta.dirname, '..');

const outsideTests = new Set<string>();
process.once('exit', () => { for (const d of outsideTests) rmSync(d, { recursive: true, force: true }); });

/**
 * A fresh folder in the temp folder, removed when the test that asked for it ends (asked for
 * in a hook: when the worker ends at the latest): nothing is left behind.
 */
export function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'dti-test-'));
  try {
    onTestFinished(() => rmSync(d, { recursive: true, force: true }));
  } catch {
    outsideTests.add(d);
  }
  return d;
}

/**
 * A CSV text from rows of fields (`v` the value, `raw` as written, quoted or not), joined by
 * commas and `eol` (after the last row too when `lastEol`), and, worked out independently of
 * any tokenizer, each row's values and where each of its fields starts (line, column; a CRLF
 * counts as one line break).
 */
export function csvWithPositions(rows: readonly (readonly { v: string; raw: string }[])[], eol: string, lastEol: boolean): {
  text: string;
  expected: { texts: string[]; at: [number, number][] }[];
} {
  let text = '';
  let line = 1;
  let col = 1;
  const add = (s: string) => {
    for (let k = 0; k < s.length; k++) {
      if (s[k] === '\n') { line++; col = 1; } else if (s[k] === '\r' && s[k + 1] === '\n') { /* counted at the \n */ } else col++;
    }
    text += s;
  };
  const expected: { texts: string[]; at: [number, number][] }[] = [];
  rows.forEach((r, i) => {
    const at: [number, number][] = [];
    r.forEach((f, k) => {
      if (k > 0) add(',');
      at.push([line, col]);
      add(f.raw);
    });
    if (i < rows.length - 1 || lastEol) add(eol);
    expected.push({ texts: r.map((f) => f.v), at });
  });
  return { text, expected };
}

/** A workbook file written by a command, opened as dti reads one: its sheets' names and each sheet's cells by name. */
export function workbookAt(path: string): { names: string[]; sheet: (name: string) => SheetCell[][] } {
  const open = openWorkbook(readFileSync(path), path);
  if (!open.ok) throw new Error(`${path}: not a readable workbook`);
  const { wb, part } = open.value;
  return {
    names: wb.sheets.map((s) => s.name),
    sheet: (name) => { const s = wb.sheets.find((x) => x.name === name)!; return readSheet(wb, part(s.part)!).rows; },
  };
}
