/** `dti chart <data…>`: the scores (or one pillar's) as a bar chart in the terminal. */
import { type Command, Option } from 'commander';
import { invalid } from '../cli/invalid.js';
import { meant } from '../core/diagnostics.js';
import { msg } from '../core/messages.js';
import { asciiOnly, makeChalk, termWidth } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { EXIT, type Io } from '../cli/io.js';
import { pictureFormat } from '../cli/picture-format.js';
import { writeOutput } from '../cli/files.js';
import { renderBars } from '../render/chart.js';
import { type ScoreFlags, dataOptions, positiveInt, scoreFiles } from './score.js';

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
  const cmd = program
    .command('chart')
    .description('the scores, or one pillar’s, as a bar chart in the terminal (Unicode blocks, ASCII fallback)')
    .argument('<data...>', "CSV data file(s); '-' reads standard input");
  dataOptions(cmd)
    .option('--pillar <id>', 'chart this pillar’s scores instead of the index (e.g. cqs)')
    .option('--top <n>', 'only the units ranked n or better', positiveInt)
    .option('--width <n>', 'line width (default: the terminal’s, else COLUMNS, else 80)', width)
    .option('--ascii', "draw with '#' (also when the terminal is not UTF-8 or TERM=dumb)")
    .option('-o, --output <file>', 'write a picture instead: file.svg or file.png (for documents)')
    .addOption(new Option('--lang <lang>', 'language of labels').choices(['vi', 'en']).default('vi'))
    .option('--no-previous', 'do not read the previous year')
    .option('-q, --quiet', 'no warnings')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .addHelpText('after', `
Examples:
  dti chart data/2023.csv
  dti chart data/2023.csv --pillar kts --top 10
  dti chart data/papi/2016.csv -i indicators/papi.yaml --ascii`)
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
        .filter((r) => flags.top === undefined || (r.rank !== null && r.rank <= flags.top));
      const t = T[flags.lang];
      const title = `${d.name[flags.lang]}${result.year === null ? '' : ` ${result.year}`}: ${pillar === null ? t.score : pillar.name[flags.lang]}`;
      if (flags.output !== undefined) {
        const format = pictureFormat(flags.output);
        if (format === undefined) {
          throw new CliError(EXIT.USAGE, msg('cli.unknownExtension', { ext: /\.([^./\\]+)$/.exec(flags.output)?.[1] ?? '', file: flags.output }), { hint: msg('hint.chartPicture') });
        }
        const p = await import('../cli/picture.js');
        writeOutput(flags.output, await p.picture(p.barsSpec(rows, title, t.score), format, flags.lang), io, files);
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
