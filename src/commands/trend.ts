/** `dti trend <files…>`: every unit's score and rank year by year. */
import type { Command } from 'commander';
import { warningOf } from '../core/diagnostics.js';
import { trend, trendTop } from '../core/trend.js';
import { termWidth, asciiOnly, makeChalk, printDiagnostics } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { msg, render, byLang } from '../core/messages.js';
import { EXIT, type Io } from '../cli/io.js';
import { pictureFormat } from '../cli/picture-format.js';
import type { Format } from '../render/format.js';
import { renderTrend } from '../render/trend.js';
import { type RunFlags, type ScoreFlags, loadRun } from '../cli/load-run.js';
import { chooseFormat, dataOptions, emit, mergeOptions, outputOptions, poolYearsOption, toFile, topOption } from '../cli/options.js';
import { textOrWorkbook } from '../cli/xlsx.js';

type TrendFlags = RunFlags & Pick<ScoreFlags, 'color' | 'quiet' | 'output' | 'check' | 'lang' | 'excel' | 'top'> & { format?: Format };

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('trend')
    .description(h({ vi: 'điểm và thứ hạng của từng đơn vị qua từng năm, mức thay đổi chung và biểu đồ diễn biến thứ hạng', en: 'each unit’s score and rank year by year, the overall change and a chart of the rank path' }))
    .argument('<data...>', h({ vi: 'các tệp số liệu CSV, mỗi năm một tệp (hoặc tệp có cột năm)', en: 'CSV data files, one per year (or files with a year column)' }));
  poolYearsOption(mergeOptions(cmd, io), io);
  outputOptions(dataOptions(cmd, io), io)
    .addOption(topOption(io))
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti trend data/papi/*.csv -i indicators/papi.yaml
  dti trend data/2022.csv data/2023.csv -f md
  dti trend data/2022.csv data/2023.csv data/2024.csv --top 10 -o xu-huong.png`,
      en: `
Examples:
  dti trend data/papi/*.csv -i indicators/papi.yaml
  dti trend data/2022.csv data/2023.csv -f md
  dti trend data/2022.csv data/2023.csv data/2024.csv --top 10 -o xu-huong.png`,
    }))
    .action(async (files: string[], flags: TrendFlags) => {
      const { run, fw, ds: data, inputs, warnings } = await loadRun(files, flags, io, {
        previous: false,
        check: (_fw, ds) => {
          if (ds.records.some((r) => r.year === null)) {
            throw new CliError(EXIT.DATA, msg('cli.trendNeedsYears'), { hint: msg('hint.giveYears') });
          }
        },
      });
      const all0 = trend(run, { lang: flags.lang });
      // --top: the units ranked n or better in the last year (in every format and the picture).
      const result = trendTop(all0, flags.top);
      const all = [...warnings, ...result.warnings.map(warningOf)];
      if (flags.quiet !== true && all.length > 0) printDiagnostics(io, all, makeChalk(io.stderr, io, flags.color));
      if (flags.format === undefined && pictureFormat(flags.output) !== undefined) {
        const p = await import('../cli/picture.js');
        done(await emit(await p.picture(p.trendSpec(result, flags.lang), pictureFormat(flags.output)!, flags.lang), flags, io, inputs));
        return;
      }
      const format = chooseFormat(flags.format, flags.output, io, flags.excel);
      const text = textOrWorkbook(format, (f) => renderTrend(result, fw, {
        format: f, lang: flags.lang, unitKind: data.unitKind, width: termWidth(io, flags.output),
        chalk: makeChalk(io.stdout, io, flags.color && f === 'table' && !toFile(flags.output)), ascii: toFile(flags.output) ? false : asciiOnly(io),
      }), render(msg('sheet.trend'), flags.lang), flags.lang);
      done(await emit(text, flags, io, inputs));
    });
}
