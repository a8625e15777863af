/**
 * `dti score <data…>`: rank the units of a data file, with per-pillar scores and rank
 * changes against the year before.
 */
import { type Command, Option } from 'commander';
import { asciiOnly, makeChalk, termWidth } from '../cli/context.js';
import type { Io } from '../cli/io.js';
import { type ScoreFlags, scoreFiles } from '../cli/load-run.js';
import { chooseFormat, dataOptions, emit, mergeOptions, outputOptions, poolYearsOption, previousOptions, toFile, topOption } from '../cli/options.js';
import { byLang } from '../core/messages.js';
import { renderScoreChunks } from '../render/score.js';
import { readFileSync } from 'node:fs';
import { packagePath } from '../load/paths.js';

export type { ScoreFlags } from '../cli/load-run.js';

/** The package's version (read once, when a workbook names its tool). */
const VERSION_TEXT = (): string => (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('score')
    .description(h({ vi: 'xếp hạng các đơn vị trong tệp số liệu theo bộ chỉ số, kèm điểm từng trụ cột và thay đổi thứ hạng', en: 'rank the units of a data file on the index, with pillar scores and rank changes' }))
    .argument('<data...>', h({ vi: "tệp số liệu CSV; '-' là đọc từ đầu vào chuẩn. Có nhiều tệp (hoặc có cột năm) thì xếp hạng năm gần nhất so với năm trước đó", en: "CSV data file(s); '-' reads standard input. Several files (or a year column) rank the latest year against the one before" }));
  poolYearsOption(mergeOptions(previousOptions(cmd, io), io), io);
  outputOptions(dataOptions(cmd, io), io)
    .addOption(new Option('--detail <level>', h({ vi: 'mức chi tiết của các cột', en: 'breakdown columns' })).choices(['pillars', 'groups', 'indicators']).default('pillars'))
    .addOption(topOption(io))
    .option('--by <grouping>', h({ vi: "xếp hạng trong từng nhóm: 'region' (các vùng kinh tế – xã hội, kèm điểm trung bình của vùng) hoặc một cột columns.groups của tệp định nghĩa", en: "rank within groups: 'region' (the socio-economic regions, with region averages) or a columns.groups column of the definitions" }))
    .option('--region <name>', h({ vi: "chỉ các tỉnh của một vùng (viết gần đúng cũng được: 'Bắc Trung Bộ', 'bac trung bo', 'ĐBSCL', 'Mekong')", en: "only the provinces of one region (loosely: 'Bắc Trung Bộ', 'bac trung bo', 'ĐBSCL', 'Mekong')" }))
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti score data/2023.csv                    xếp hạng, thay đổi so với 2022
  dti score data/2023.csv -f json                 JSON, lược đồ dti-result/v1
  dti score data/2023.csv -o rankings/2023.md     ghi một bảng Markdown
  dti score data/2023.csv -o rankings/2023.md --check
                                             CI: thoát với mã 1 nếu bảng đã cũ
  dti score so-lieu.xlsx --sheet "Số liệu" -v    sổ tính; cho biết đã nhận ra gì
  dti score data/2023.csv -o ket-qua.xlsx    kết quả dạng sổ tính Excel
  dti score data/papi/2016.csv -i indicators/papi.yaml --top 10
  dti score data/papi/2016.csv -i indicators/papi.yaml --by region
  dti score data/papi/2016.csv -i indicators/papi.yaml --region "Bắc Trung Bộ"
  dti score data-2024-63.csv -i indicators/dti-2022-main.yaml --merge-2025`,
      en: `
Examples:
  dti score data/2023.csv                    ranking, rank changes since 2022
  dti score data/2023.csv -f json                 the dti-result/v1 JSON
  dti score data/2023.csv -o rankings/2023.md     write a Markdown table
  dti score data/2023.csv -o rankings/2023.md --check
                                             CI: exit 1 if the table is stale
  dti score so-lieu.xlsx --sheet "Số liệu" -v    a workbook; say what was found
  dti score data/2023.csv -o ket-qua.xlsx    an Excel workbook of the results
  dti score data/papi/2016.csv -i indicators/papi.yaml --top 10
  dti score data/papi/2016.csv -i indicators/papi.yaml --by region
  dti score data/papi/2016.csv -i indicators/papi.yaml --region "Bắc Trung Bộ"
  dti score data-2024-63.csv -i indicators/dti-2022-main.yaml --merge-2025`,
    }))
    .action(async (files: string[], flags: ScoreFlags) => {
      done(await runScore(files, flags, io));
    });
}

export async function runScore(files: string[], flags: ScoreFlags, io: Io): Promise<number> {
  const format = chooseFormat(flags.format, flags.output, io, flags.excel);
  // JSON is always the full dti-result/v1; the other formats show only the columns asked for.
  // Each unit's groups and indicators are built only as the unit is written (a workbook is built whole).
  const { result, ds, fw, inputs, definitionsFile, dataFiles, detailOf } = await scoreFiles(files, flags, io,
    format === 'xlsx' ? flags.detail : 'pillars', format === 'json' ? 'indicators' : flags.detail);
  if (format === 'xlsx') {
    // The workbook writer is loaded only for a workbook.
    const [{ scoreWorkbook }, { workbookBytes }] = await Promise.all([import('../render/xlsx.js'), import('../cli/xlsx.js')]);
    const sheets = scoreWorkbook(result, fw, {
      lang: flags.lang, detail: flags.detail, unitKind: ds.unitKind, byRegion: flags.by === 'region' || flags.region !== undefined,
      ...(flags.by === undefined || flags.by === 'region' ? {} : { by: flags.by }),
      ...(flags.top === undefined ? {} : { top: flags.top }),
      definitionsFile, dataFiles, version: VERSION_TEXT(),
    });
    return emit(workbookBytes(sheets), flags, io, inputs);
  }
  const outChalk = makeChalk(io.stdout, io, flags.color && (flags.output === undefined || flags.output === '-'));
  const text = renderScoreChunks(result, fw, {
    format,
    detail: flags.detail,
    lang: flags.lang,
    unitKind: ds.unitKind,
    chalk: format === 'table' ? outChalk : makeChalk(io.stdout, io, false),
    // A file written with -o never depends on the writer's locale.
    ascii: toFile(flags.output) ? false : asciiOnly(io),
    ...(termWidth(io, flags.output) === undefined ? {} : { width: termWidth(io, flags.output)! }),
    byRegion: flags.by === 'region' || flags.region !== undefined,
    ...(flags.by === undefined || flags.by === 'region' ? {} : { by: flags.by }),
    ...(flags.top === undefined ? {} : { top: flags.top }),
    ...(flags.excel === true ? { excel: true } : {}),
  }, detailOf);
  return emit(text, flags, io, inputs);
}

