/** `dti explain <unit> <data…>`: where one unit gains and loses points, its change since last year, a rank target, a what-if. */
import type { Command } from 'commander';
import { explain } from '../core/explain/index.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { wrap } from '../render/format.js';
import { termWidth, asciiOnly, makeChalk, printDiagnostics } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { EXIT, type Io } from '../cli/io.js';
import { pictureFormat } from '../cli/picture-format.js';
import type { Format } from '../render/format.js';
import { renderExplain } from '../render/explain.js';
import { type RunFlags, type ScoreFlags, loadRun } from '../cli/load-run.js';
import { chooseFormat, dataOptions, emit, mergeOptions, outputOptions, positiveInt, previousOptions } from '../cli/options.js';
import { msg, render, byLang } from '../core/messages.js';

type ExplainFlags = RunFlags & Pick<ScoreFlags, 'color' | 'quiet' | 'output' | 'check' | 'lang' | 'excel'>
  & { format?: Format; targetRank?: number; whatIf?: string[] };

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('explain')
    .description(h({ vi: 'phân tích một đơn vị trong năm gần nhất: điểm bị mất theo từng chỉ số chính và từng chỉ số (việc cần ưu tiên), điểm mạnh, điểm yếu, thay đổi so với năm trước, mục tiêu thứ hạng, giả định "nếu… thì"', en: 'one unit in the latest year: points lost per main index and indicator (priorities), strengths and weaknesses, the change since the year before, a rank target, a what-if' }))
    .argument('<unit>', h({ vi: 'một tỉnh (viết kiểu nào cũng được) hoặc một đơn vị có trong số liệu', en: 'a province (any spelling) or a unit of the data' }))
    .argument('<data...>', h({ vi: 'tệp số liệu CSV; có nhiều năm thì phân tích năm gần nhất so với năm trước đó', en: "CSV data file(s); with several years the latest is explained against the one before" }));
  mergeOptions(cmd, io);
  previousOptions(cmd, io, {
    previous: { vi: 'số liệu năm trước (mặc định: tệp của năm trước, cùng thư mục với tệp số liệu)', en: 'data of the previous year (default: the file of the year before beside the data)' },
    none: { vi: 'không so sánh với năm trước', en: 'no change since the year before' },
  });
  outputOptions(dataOptions(cmd, io), io)
    .option('--target-rank <n>', h({ vi: 'điểm cần có để đạt hạng n, khoảng cách còn thiếu, giá trị mỗi nút cần đạt nếu chỉ cải thiện riêng nút đó, và một phương án cân đối', en: 'the score rank n needed, the gap, the value each node alone would need, and one balanced plan' }), positiveInt)
    .option('--what-if <id=value...>', h({ vi: 'tính lại điểm của đơn vị khi thay các giá trị gốc này (mã chỉ số như trong số liệu)', en: 'rescore the unit with these raw values changed (indicator ids as in the data)' }))
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti explain "Nghệ An" data/2023.csv
  dti explain "Nghệ An" data/2023.csv --target-rank 15
  dti explain "Nghệ An" data/2023.csv --what-if ha-tang-so=0.8 -f json
  dti explain "Hà Tĩnh" data/papi/2016.csv -i indicators/papi.yaml -f md`,
      en: `
Examples:
  dti explain "Nghệ An" data/2023.csv
  dti explain "Nghệ An" data/2023.csv --target-rank 15
  dti explain "Nghệ An" data/2023.csv --what-if ha-tang-so=0.8 -f json
  dti explain "Hà Tĩnh" data/papi/2016.csv -i indicators/papi.yaml -f md`,
    }))
    .action(async (unit: string, files: string[], flags: ExplainFlags) => {
      const { run, fw, inputs, warnings: loaded } = await loadRun(files, flags, io);
      const warnings: Diagnostic[] = [...loaded];
      const r = explain(run, unit, {
        lang: flags.lang,
        ...(flags.targetRank === undefined ? {} : { targetRank: flags.targetRank }),
        ...(flags.whatIf === undefined ? {} : { whatIf: flags.whatIf }),
        ...(flags.decimal === undefined ? {} : { decimal: flags.decimal }),
      });
      if (!r.ok) throw new CliError(EXIT.USAGE, 'cannot explain', { diagnostics: r.errors });
      warnings.push(...r.warnings);
      if (flags.quiet !== true && warnings.length > 0) printDiagnostics(io, warnings, makeChalk(io.stderr, io, flags.color));
      if (flags.format === undefined && pictureFormat(flags.output) !== undefined) {
        const p = await import('../cli/picture.js');
        const spec = p.explainSpec(r.value, flags.lang);
        if (spec === null) throw new CliError(EXIT.USAGE, msg('cli.nothingToDraw'), { hint: msg('hint.pictureFormats') });
        done(await emit(await p.picture(spec, pictureFormat(flags.output)!, flags.lang), flags, io, inputs));
        return;
      }
      const format = chooseFormat(flags.format, flags.output, io, flags.excel);
      if (format === 'xlsx') {
        // A workbook: the CSV as one sheet, as trend and compare write it (was the text table in a .xlsx file).
        const { textOrWorkbook } = await import('../cli/xlsx.js');
        done(await emit(textOrWorkbook(format, (f) => renderExplain(r.value, fw, { format: f, lang: flags.lang, chalk: makeChalk(io.stdout, io, false), ascii: false }),
          render(msg('sheet.explain'), flags.lang), flags.lang), flags, io, inputs));
        return;
      }
      const drawn = renderExplain(r.value, fw, { format, lang: flags.lang, chalk: makeChalk(io.stdout, io, flags.color && format === 'table'), ascii: asciiOnly(io), width: termWidth(io, flags.output) });
      // Prose lines wrap at the terminal's width too (the tables are fitted by renderTable).
      const W = format === 'table' ? termWidth(io, flags.output) : undefined;
      const text = W === undefined ? drawn : drawn.split('\n').map((l) => wrap(l, W, ' ')).join('\n');
      done(await emit(text, flags, io, inputs));
    });
}
