/** `dti sensitivity <data…>`: how sure each unit's rank is, under uncertain weights and methods; Sobol indices. */
import type { Command } from 'commander';
import { invalid } from '../cli/invalid.js';
import { msg, render, byLang } from '../core/messages.js';
import { ALT_AGGREGATIONS, ALT_NORMALISATIONS, type SensitivitySpec, type SpecLocator, sensitivity } from '../core/sensitivity/index.js';
import { wrap } from '../render/format.js';
import { termWidth, asciiOnly, makeChalk, printDiagnostics } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { resolve } from 'node:path';
import { readInput } from '../cli/files.js';
import { EXIT, type Io } from '../cli/io.js';
import { pictureFormat } from '../cli/picture-format.js';
import { loadSensitivitySpec } from '../load/sensitivity-spec.js';
import type { Format } from '../render/format.js';
import { renderRuns, renderSensitivity } from '../render/sensitivity.js';
import { type RunFlags, type ScoreFlags, loadRun } from '../cli/load-run.js';
import { chooseFormat, dataOptions, emit, mergeOptions, outputOptions, positiveInt, topOption } from '../cli/options.js';
import { withinTop } from '../core/score.js';

type SensitivityFlags = RunFlags & Pick<ScoreFlags, 'color' | 'quiet' | 'output' | 'check' | 'lang' | 'excel' | 'top'> & {
  format?: Format; spec?: string; runs?: number; seed?: number; weights?: number; weightsLevel?: number[]; weightsNodes?: string[];
  normalisation?: string[]; aggregation?: string[]; missing?: string[]; leaveOneOut?: boolean; sobol?: boolean; bootstrap?: number; runsOut?: string;
};

function spread(v: string): number {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) invalid(msg('reason.spread'));
  return x;
}
function wholeOrZero(v: string): number {
  if (!/^\d+$/.test(v)) invalid(msg('reason.wholeAtLeast', { n: 0 }));
  return Number(v);
}
function levels(v: string, prev: number[] = []): number[] {
  return [...prev, ...v.split(',').map((s) => { if (!/^\d+$/.test(s.trim())) invalid(msg('reason.levels')); return Number(s); })];
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('sensitivity')
    .description(h({ vi: 'độ tin cậy của từng thứ hạng: mô phỏng Monte Carlo với trọng số và phương pháp không chắc chắn (thứ hạng trung vị, khoảng 5–95%, mức dịch chuyển trung bình), chỉ số Sobol', en: 'how sure each rank is: Monte Carlo over uncertain weights and methods (median rank, 5–95% interval, mean shift), Sobol indices' }))
    .argument('<data...>', h({ vi: 'tệp số liệu CSV; phân tích năm gần nhất', en: 'CSV data file(s); the latest year is analysed' }));
  mergeOptions(cmd, io);
  outputOptions(dataOptions(cmd, io), io)
    .option('--spec <yaml>', h({ vi: 'các đầu vào không chắc chắn, khai báo trong một tệp YAML (tùy chọn nêu trên dòng lệnh được ưu tiên)', en: 'the uncertain inputs in a YAML file (options given here override it)' }))
    .option('--runs <n>', h({ vi: 'số lần chạy Monte Carlo (mặc định 1000; với --sobol là cỡ mẫu gốc N của N(d+2) lần chạy)', en: 'Monte Carlo runs (default 1000; with --sobol, the base sample N of N(d+2) runs)' }), positiveInt)
    .option('--seed <n>', h({ vi: 'giá trị khởi tạo (seed) của dãy số ngẫu nhiên (mặc định 1): cùng seed cho kết quả giống hệt từng byte', en: 'seed of the random numbers (default 1): the same seed gives the same bytes' }), wholeOrZero)
    .option('--weights <spread>', h({ vi: 'nhân mỗi trọng số với U(1 − biên độ, 1 + biên độ) (mặc định khi không nêu gì khác: 0.25)', en: 'each weight times U(1 − spread, 1 + spread) (default, when nothing else is named: 0.25)' }), spread)
    .option('--weights-level <levels>', h({ vi: 'chỉ trọng số ở các cấp này (1 = các chỉ số chính; cách nhau bằng dấu phẩy)', en: 'only the weights of these levels (1 = the main indices; comma-separated)' }), levels)
    .option('--weights-nodes <ids...>', h({ vi: 'chỉ trọng số của các nút này', en: 'only the weights of these nodes' }))
    .option('--normalisation <methods...>', h({ vi: `các cách chuẩn hoá thay thế, mỗi lần chạy chọn ngẫu nhiên một cách: ${ALT_NORMALISATIONS.join(', ')}`, en: `alternative normalisations drawn per run: ${ALT_NORMALISATIONS.join(', ')}` }))
    .option('--aggregation <methods...>', h({ vi: `các cách tổng hợp thay thế, mỗi lần chạy chọn ngẫu nhiên một cách: ${ALT_AGGREGATIONS.join(', ')}`, en: `alternative aggregations drawn per run: ${ALT_AGGREGATIONS.join(', ')}` }))
    .option('--missing <policies...>', h({ vi: 'các quy tắc xử lý giá trị thiếu thay thế, mỗi lần chạy chọn ngẫu nhiên một quy tắc: zero, exclude', en: 'alternative missing-value policies drawn per run: zero, exclude' }))
    .option('--leave-one-out', h({ vi: 'mỗi lần chạy bỏ ra một chỉ số (hoặc không bỏ chỉ số nào)', en: 'leave one indicator out per run (or none)' }))
    .option('--sobol', h({ vi: 'chỉ số Sobol bậc một và toàn phần của từng đầu vào, đối với mức dịch chuyển thứ hạng tuyệt đối trung bình', en: 'first- and total-order Sobol indices of each input on the mean absolute rank shift' }))
    .option('--bootstrap <n>', h({ vi: 'số lần lấy mẫu lại (bootstrap) cho khoảng tin cậy của chỉ số Sobol (mặc định 1000)', en: 'bootstrap resamples for the Sobol confidence intervals (default 1000)' }), wholeOrZero)
    .option('--runs-out <file.csv>', h({ vi: 'ghi tham số và kết quả của mọi lần chạy ra một tệp CSV', en: 'write every run’s parameters and output to a CSV file' }))
    .addOption(topOption(io))
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti sensitivity data/2023.csv          trọng số ±25% (mặc định), 1000 lần chạy
  dti sensitivity data/2023.csv --weights 0.5 --weights-level 1 --seed 7
  dti sensitivity data/2023.csv --weights 0.25 --aggregation geometric --sobol
  dti sensitivity data/2023.csv --top 10 -o do-nhay.png
                                         10 tỉnh đứng đầu (hạng danh nghĩa)
  dti sensitivity data/2023.csv --spec uncertainty.yaml \\
      --runs-out runs.csv -f json`,
      en: `
Examples:
  dti sensitivity data/2023.csv          weights ±25% (the default), 1000 runs
  dti sensitivity data/2023.csv --weights 0.5 --weights-level 1 --seed 7
  dti sensitivity data/2023.csv --weights 0.25 --aggregation geometric --sobol
  dti sensitivity data/2023.csv --top 10 -o do-nhay.png
                                         the top ten (by nominal rank)
  dti sensitivity data/2023.csv --spec uncertainty.yaml \\
      --runs-out runs.csv -f json`,
    }))
    .action(async (files: string[], flags: SensitivityFlags) => {
      let spec: SensitivitySpec = {};
      let at: SpecLocator = (key) => ({ file: `--${key.split('.')[0] === 'leaveOneOut' ? 'leave-one-out' : key.split('.')[0]}` });
      const inputs: (string | null)[] = [];
      if (flags.spec !== undefined) {
        const s = await readInput(flags.spec, io, EXIT.USAGE);
        inputs.push(s.path);
        const r = loadSensitivitySpec(s.text, s.name);
        if (!r.ok) throw new CliError(EXIT.USAGE, `${s.name}: invalid spec`, { diagnostics: r.errors });
        spec = r.value.spec;
        const fromFile = r.value.at;
        const given = new Set(Object.keys(spec));
        // A value from the file is located in it; one from the command line names its option.
        at = (key) => (given.has(key.split('.')[0]!) && !overridden.has(key.split('.')[0]!) ? fromFile(key) : { file: `--${key.split('.')[0]}` });
      }
      const overridden = new Set<string>();
      const set = <K extends keyof SensitivitySpec>(k: K, v: SensitivitySpec[K] | undefined) => { if (v !== undefined) { spec[k] = v; overridden.add(k); } };
      set('runs', flags.runs);
      set('seed', flags.seed);
      if (flags.weights !== undefined || flags.weightsLevel !== undefined || flags.weightsNodes !== undefined) {
        set('weights', {
          spread: flags.weights ?? spec.weights?.spread ?? 0.25,
          ...(flags.weightsLevel === undefined ? {} : { levels: flags.weightsLevel }),
          ...(flags.weightsNodes === undefined ? {} : { nodes: flags.weightsNodes }),
        });
      }
      set('normalisation', flags.normalisation);
      set('aggregation', flags.aggregation);
      set('missing', flags.missing);
      set('leaveOneOut', flags.leaveOneOut);
      set('sobol', flags.sobol);
      set('bootstrap', flags.bootstrap);

      // --runs-out and the output are two files (the second written would replace the first).
      if (flags.runsOut !== undefined) {
        const where = (f: string) => (f === '-' ? '-' : resolve(io.cwd, f));
        if (where(flags.runsOut) === where(flags.output ?? '-')) throw new CliError(EXIT.USAGE, msg('cli.sameOutputs', { file: flags.runsOut }), { hint: msg('hint.otherOutput') });
      }
      const loaded = await loadRun(files, flags, io, { previous: false });
      inputs.push(...loaded.inputs);
      const warnings = loaded.warnings;
      if (flags.quiet !== true && warnings.length > 0) printDiagnostics(io, warnings, makeChalk(io.stderr, io, flags.color));
      const r = sensitivity(loaded.run, spec, { lang: flags.lang, at, keepRuns: flags.runsOut !== undefined });
      if (!r.ok) throw new CliError(EXIT.USAGE, 'invalid uncertain inputs', { diagnostics: r.errors });
      // The output, then --runs-out (every format, the picture too): the runs file is written only
      // once the output is, so a failed run replaces neither; --check checks both.
      const finish = async (out: string | Uint8Array): Promise<number> => {
        const code = await emit(out, flags, io, inputs);
        if (flags.runsOut === undefined || code !== EXIT.OK) return code;
        return emit(renderRuns(r.value), { output: flags.runsOut, ...(flags.check === true ? { check: true } : {}) }, io, inputs);
      };
      // --top: the units of nominal rank n or better (every format and the picture; the runs are all run, --runs-out has them all).
      if (flags.top !== undefined) r.value.result = { ...r.value.result, units: r.value.result.units.filter((u) => withinTop(u.nominalRank, flags.top)) };
      if (flags.format === undefined && pictureFormat(flags.output) !== undefined) {
        const p = await import('../cli/picture.js');
        const title = `${loaded.fw.definitions.name[flags.lang]}${loaded.run.year === null ? '' : ` ${loaded.run.year}`}`;
        done(await finish(await p.picture(p.sensitivitySpec(r.value.result.units, title, flags.lang), pictureFormat(flags.output)!, flags.lang)));
        return;
      }
      const format = chooseFormat(flags.format, flags.output, io, flags.excel);
      if (format === 'xlsx') {
        // A workbook: the CSV as one sheet, as trend and compare write it (was the text table in a .xlsx file).
        const { textOrWorkbook } = await import('../cli/xlsx.js');
        const book = textOrWorkbook(format, (f) => renderSensitivity(r.value.result, { format: f, lang: flags.lang, chalk: makeChalk(io.stdout, io, false), ascii: false }),
          render(msg('sheet.sensitivity'), flags.lang), flags.lang);
        done(await finish(book));
        return;
      }
      const drawn = renderSensitivity(r.value.result, { format, lang: flags.lang, chalk: makeChalk(io.stdout, io, flags.color && format === 'table'), ascii: asciiOnly(io), width: termWidth(io, flags.output) });
      // Prose lines wrap at the terminal's width too (the tables are fitted by renderTable).
      const W = format === 'table' ? termWidth(io, flags.output) : undefined;
      const text = W === undefined ? drawn : drawn.split('\n').map((l) => wrap(l, W, ' ')).join('\n');
      done(await finish(text));
    });
}
