/**
 * `dti validate <data…>`: check data files (and the definitions) without scoring; every
 * problem at once, compiler-style.
 */
import { type Command, Option } from 'commander';
import { yearsOf } from '../core/model.js';
import { scoreRows } from '../core/pipeline.js';
import { loadDataFile, loadFrameworkFile, makeChalk, printDiagnostics } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { EXIT, type Io } from '../cli/io.js';
import { localizePlain, msg, render, words, byLang } from '../core/messages.js';
import { type RunFlags, type ScoreFlags, buildFrom } from '../cli/load-run.js';
import { dataOptions, mergeOptions, previousOptions } from '../cli/options.js';
import { maxOf, minOf, pushAll } from '../core/arrays.js';
import type { Dataset } from '../core/model.js';
import { mergeDatasets } from '../core/build.js';

type ValidateFlags = RunFlags & Pick<ScoreFlags, 'color' | 'quiet' | 'lang'>;

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('validate')
    .description(h({ vi: 'kiểm tra tệp số liệu theo tệp định nghĩa; báo mọi lỗi kèm vị trí', en: 'check data files against the definitions; report every problem with its position' }))
    .argument('[data...]', h({ vi: 'tệp số liệu CSV; không nêu tệp nào thì chỉ kiểm tra tệp định nghĩa', en: "CSV data file(s); none checks the definitions alone" }));
  mergeOptions(cmd, io);
  previousOptions(cmd, io, {
    previous: { vi: 'số liệu năm trước, kiểm tra cùng số liệu (mặc định: tệp của năm trước, cùng thư mục với tệp số liệu)', en: 'data of the previous year, checked with the data (default: the file of the year before beside the data)' },
    none: { vi: 'không đọc số liệu năm trước', en: 'do not read the previous year' },
  });
  dataOptions(cmd, io)
    .option('-q, --quiet', h({ vi: 'không in cảnh báo', en: 'no warnings' }))
    .addOption(new Option('--lang <lang>', h({ vi: 'ngôn ngữ của thông báo', en: 'language of messages' })).choices(['vi', 'en']).default('vi'))
    .option('--no-color', h({ vi: 'không tô màu (hoặc đặt NO_COLOR=1)', en: 'no colour (also NO_COLOR=1)' }))
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti validate data/2023.csv data/2022.csv
  dti validate -i indicators/papi.yaml data/papi/*.csv
  dti validate -i my-index.yaml                  chỉ kiểm tra tệp định nghĩa`,
      en: `
Examples:
  dti validate data/2023.csv data/2022.csv
  dti validate -i indicators/papi.yaml data/papi/*.csv
  dti validate -i my-index.yaml                  check a definitions file alone`,
    }))
    .action(async (files: string[], flags: ValidateFlags) => {
      done(await runValidate(files, flags, io));
    });
}

export async function runValidate(files: string[], flags: ValidateFlags, io: Io): Promise<number> {
  const chalk = makeChalk(io.stderr, io, flags.color);
  const { fw, input, warnings } = await loadFrameworkFile(flags.indicators, io);
  const lines: string[] = [];
  const all = [...warnings];
  const failures: CliError[] = [];
  const lang = flags.lang ?? 'vi';
  lines.push(render(msg('validate.definitions', { file: input.name, leaves: fw.leafIds.length, groups: fw.groups.length, pillars: fw.pillars.length }), lang));
  const datasets: Dataset[] = [];
  const paths: (string | null)[] = [];
  for (const f of files) {
    try {
      const { data, input: di, warnings: w } = await loadDataFile(f, fw, io, flags);
      pushAll(all, w);
      datasets.push(data);
      paths.push(di.path);
      // Coverage as dti score computes it: each year with its own method's indicators, a value
      // without its denominator not counted (was every indicator of every year: 0.50 for DTI 2023, whose score says 1.00).
      // Rounded to 10 decimals as score's result has it (0.425, not 0.42500000000000004).
      const cov = Float64Array.from(scoreRows(fw, data.records, yearsOf(data)).flatMap((ys) => [...ys.coverage].map((c) => Number(c.toFixed(10)))));
      const years = yearsOf(data).map((y) => y ?? '').join(', ');
      const lo = minOf(cov);
      const hi = maxOf(cov);
      lines.push(render(msg('validate.data', { file: di.name, rows: data.records.length, kind: data.unitKind, layout: data.layout, years, lo, hi }), lang));
    } catch (e) {
      // Keep going: every file's problems in one run.
      if (!(e instanceof CliError)) throw e;
      failures.push(e);
    }
  }
  // What score would find beyond each file: a unit-year in two files, values imputation cannot
  // fill under missing: error (with the year before, as score reads it), the 2025 merger.
  if (datasets.length > 0) {
    const merged = mergeDatasets(datasets);
    if (!merged.ok) failures.push(new CliError(EXIT.DATA, 'invalid data', { diagnostics: merged.errors }));
    else if (failures.length === 0) {
      try {
        pushAll(all, (await buildFrom(fw, merged.value, files, paths, flags, io)).warnings);
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        failures.push(e);
      }
    }
  }
  if (flags.quiet !== true) printDiagnostics(io, all, chalk);
  for (const e of failures) {
    if (e.diagnostics.length > 0) printDiagnostics(io, e.diagnostics, chalk);
    else {
      const { message, hint } = localizePlain(e, io.lang ?? 'vi');
      const w = words(io.lang ?? 'vi');
      io.stderr.write(`${chalk.red.bold(w.error)}: ${message}\n${hint === undefined ? '' : `  ${w.hint}: ${hint}\n`}`);
    }
  }
  io.stdout.write(lines.join('\n') + '\n');
  if (failures.length === 0) return EXIT.OK;
  return Math.max(...failures.map((f) => f.exitCode));
}
