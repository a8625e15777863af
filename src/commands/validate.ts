/**
 * `dti validate <data…>`: check data files (and the definitions) without scoring; every
 * problem at once, compiler-style.
 */
import { type Command, Option } from 'commander';
import { yearsOf } from '../core/data.js';
import { scoreRows } from '../core/pipeline.js';
import { loadDataFile, loadFrameworkFile, makeChalk, printDiagnostics } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { EXIT, type Io } from '../cli/io.js';
import { localizePlain, msg, render, words, byLang } from '../core/messages.js';
import { type ScoreFlags, dataOptions } from './score.js';
import { maxOf, minOf, pushAll } from '../core/arrays.js';

type ValidateFlags = Pick<ScoreFlags, 'indicators' | 'year' | 'decimal' | 'delimiter' | 'color' | 'quiet' | 'lang'>;

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('validate')
    .description(h({ vi: 'kiểm tra tệp số liệu theo tệp định nghĩa; báo mọi lỗi kèm vị trí', en: 'check data files against the definitions; report every problem with its position' }))
    .argument('[data...]', h({ vi: 'tệp số liệu CSV; không nêu tệp nào thì chỉ kiểm tra tệp định nghĩa', en: "CSV data file(s); none checks the definitions alone" }));
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
  for (const f of files) {
    try {
      const { data, input: di, warnings: w } = await loadDataFile(f, fw, io, flags);
      pushAll(all, w);
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
