/** `dti chart <data…>`: the scores (or one pillar's) as a bar chart in the terminal. */
import { type Command, Option } from 'commander';
import { invalid } from '../cli/invalid.js';
import { meant } from '../core/diagnostics.js';
import { msg, byLang } from '../core/messages.js';
import { asciiOnly, makeChalk, termWidth } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { EXIT, type Io } from '../cli/io.js';
import { pictureFormat } from '../cli/picture-format.js';
import { writeOutput } from '../cli/files.js';
import { renderBars } from '../render/chart.js';
import { type ScoreFlags, scoreFiles } from '../cli/load-run.js';
import { dataOptions, mergeOptions, positiveInt, topOption } from '../cli/options.js';
import { withinTop } from '../core/score.js';

type ChartFlags = Pick<ScoreFlags, 'indicators' | 'year' | 'decimal' | 'delimiter' | 'map' | 'color' | 'quiet' | 'lang' | 'previous' | 'merge2025' | 'allowPartialMerge' | 'top'>
  & { pillar?: string; width?: number; ascii?: boolean; output?: string };

const T = {
  vi: { score: 'Điểm', missing: 'không xếp hạng' },
  en: { score: 'Score', missing: 'unranked' },
};

function width(v: string): number {
  const n = positiveInt(v);
  if (n < 30) invalid(msg('reason.columns', { n: 30 }));
  return n;
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('chart')
    .description(h({ vi: 'biểu đồ cột của điểm số (hoặc điểm một trụ cột) ngay trong cửa sổ dòng lệnh (ký tự khối Unicode, hoặc ASCII)', en: 'the scores, or one pillar’s, as a bar chart in the terminal (Unicode blocks, ASCII fallback)' }))
    .argument('<data...>', h({ vi: "tệp số liệu CSV; '-' là đọc từ đầu vào chuẩn", en: "CSV data file(s); '-' reads standard input" }));
  mergeOptions(cmd, io);
  dataOptions(cmd, io)
    .option('--pillar <id>', h({ vi: 'vẽ điểm của trụ cột này thay cho chỉ số chung (ví dụ cqs)', en: 'chart this pillar’s scores instead of the index (e.g. cqs)' }))
    .addOption(topOption(io))
    .option('--width <n>', h({ vi: 'độ rộng dòng (mặc định: độ rộng cửa sổ dòng lệnh, nếu không có thì COLUMNS, nếu không nữa thì 80)', en: 'line width (default: the terminal’s, else COLUMNS, else 80)' }), width)
    .option('--ascii', h({ vi: "vẽ bằng ký tự '#' (tự động khi cửa sổ dòng lệnh không dùng UTF-8 hoặc TERM=dumb)", en: "draw with '#' (also when the terminal is not UTF-8 or TERM=dumb)" }))
    .option('-o, --output <file>', h({ vi: 'ghi thành hình thay vì in ra: tệp .svg hoặc .png (để đưa vào văn bản)', en: 'write a picture instead: file.svg or file.png (for documents)' }))
    .addOption(new Option('--lang <lang>', h({ vi: 'ngôn ngữ của nhãn', en: 'language of labels' })).choices(['vi', 'en']).default('vi'))
    .option('--no-previous', h({ vi: 'không đọc số liệu năm trước', en: 'do not read the previous year' }))
    .option('-q, --quiet', h({ vi: 'không in cảnh báo', en: 'no warnings' }))
    .option('--no-color', h({ vi: 'không tô màu (hoặc đặt NO_COLOR=1)', en: 'no colour (also NO_COLOR=1)' }))
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti chart data/2023.csv
  dti chart data/2023.csv --pillar kts --top 10
  dti chart data/papi/2016.csv -i indicators/papi.yaml --ascii`,
      en: `
Examples:
  dti chart data/2023.csv
  dti chart data/2023.csv --pillar kts --top 10
  dti chart data/papi/2016.csv -i indicators/papi.yaml --ascii`,
    }))
    .action(async (files: string[], flags: ChartFlags) => {
      const { result, fw } = await scoreFiles(files, flags, io, 'pillars');
      const d = fw.definitions;
      let k = -1;
      if (flags.pillar !== undefined) {
        k = d.pillars.findIndex((p) => p.id === flags.pillar);
        if (k < 0) {
          const ids = d.pillars.map((p) => p.id);
          throw new CliError(EXIT.USAGE, msg('cli.noPillar', { pillar: flags.pillar, id: d.id }),
            { hint: ids.length === 0 ? msg('hint.noPillars') : meant(flags.pillar, ids) ?? msg('hint.oneOf', { options: ids.join(', ') }) });
        }
      }
      const pillar = k < 0 ? null : d.pillars[k]!;
      const rows = result.rankings
        .map((r) => (pillar === null ? { rank: r.rank, label: r.unit, value: r.score }
          : { rank: r.pillars[pillar.id]!.rank, label: r.unit, value: r.pillars[pillar.id]!.score }))
        .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
        .filter((r) => withinTop(r.rank, flags.top));
      const t = T[flags.lang];
      const title = `${d.name[flags.lang]}${result.year === null ? '' : ` ${result.year}`}: ${pillar === null ? t.score : pillar.name[flags.lang]}`;
      if (flags.output !== undefined) {
        const format = pictureFormat(flags.output);
        if (format === undefined) {
          throw new CliError(EXIT.USAGE, msg('cli.unknownExtension', { ext: /\.([^./\\]+)$/.exec(flags.output)?.[1] ?? '', file: flags.output }), { hint: msg('hint.chartPicture') });
        }
        const p = await import('../cli/picture.js');
        await writeOutput(flags.output, await p.picture(p.barsSpec(rows, title, t.score), format, flags.lang), io, files);
        done(EXIT.OK);
        return;
      }
      io.stdout.write(renderBars(rows, {
        title,
        width: flags.width ?? termWidth(io, undefined) ?? 80,
        ascii: flags.ascii === true || asciiOnly(io),
        decimals: d.decimals,
        chalk: makeChalk(io.stdout, io, flags.color),
        missing: t.missing,
        lang: flags.lang,
      }));
      done(EXIT.OK);
    });
}
