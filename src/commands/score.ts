/**
 * `dti score <data…>`: rank the units of a data file, with per-pillar scores and rank
 * changes against the year before.
 */
import { type Command, Option } from 'commander';
import { invalid } from '../cli/invalid.js';
import { type ScoreResult, type UnitDetail, mergeProblems, scoreLazily } from '../core/score.js';
import { unfilledErrors } from '../core/pipeline.js';
import type { Framework } from '../core/framework.js';
import { REGIONS, findRegion } from '../core/provinces.js';
import type { Dataset } from '../core/data.js';
import { type Diagnostic, warningOf } from '../core/diagnostics.js';
import {
  type DataFlags, asciiOnly, delimiterArg, termWidth, loadDataFile, loadDataFiles, loadFrameworkFile, makeChalk, previousSibling, printDiagnostics, yearFromName,
} from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { msg, render, byLang } from '../core/messages.js';
import { displayName, staleness, writeOutput } from '../cli/files.js';
import { EXIT, type Io } from '../cli/io.js';
import { FORMATS, type Format, excelCsv } from '../render/format.js';
import { type Detail, renderScoreChunks } from '../render/score.js';
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { pushAll } from '../core/arrays.js';
import { forMessage } from '../core/text.js';

/** The package's version (read once, when a workbook names its tool). */
const VERSION_TEXT = (): string => (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

export interface ScoreFlags extends DataFlags {
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

export function positiveInt(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1) invalid(msg('reason.wholeAtLeast', { n: 1 }));
  return Number(v);
}

export function nonNegativeInt(v: string): number {
  if (!/^\d+$/.test(v)) invalid(msg('reason.wholeAtLeast', { n: 0 }));
  return Number(v);
}

export function yearArg(v: string): number {
  if (!/^\d{4}$/.test(v)) invalid(msg('reason.year'));
  return Number(v);
}

/** Options every data-reading command shares. */
export function dataOptions(cmd: Command, io: Io): Command {
  const h = byLang(io.lang ?? 'vi');
  return cmd
    .option('-i, --indicators <yaml>', h({ vi: 'tệp định nghĩa (mặc định: tệp indicators/dti.yaml đi kèm)', en: 'definitions file (default: the shipped indicators/dti.yaml)' }))
    .option('--year <yyyy>', h({ vi: 'năm của mọi dòng khi tệp không có cột năm (mặc định: năm có trong tên tệp)', en: 'the year of every row when the file has no year column (default: a year in the file name)' }), yearArg)
    .addOption(new Option('--decimal <mark>', h({ vi: 'dấu thập phân của các giá trị: dot là dấu chấm (75.7), comma là dấu phẩy (75,7 và 3.743.092)', en: "decimal mark of the values: dot (75.7) or comma (75,7 and 3.743.092)" })).choices(['dot', 'comma']))
    .option('--delimiter <char>', h({ vi: "dấu phân cách cột: một ký tự, hoặc tab, comma, semicolon, pipe (mặc định: tự nhận ra, nếu không được thì ',')", en: "field delimiter: a character or tab, comma, semicolon, pipe (default: detected, else ',')" }), delimiterArg)
    .option('--encoding <name>', h({ vi: 'bảng mã của tệp CSV, ví dụ windows-1258 hoặc utf-16le (mặc định: UTF-8)', en: 'text encoding of CSV files, e.g. windows-1258 or utf-16le (default: UTF-8)' }))
    .option('--sheet <name|n>', h({ vi: 'trang của sổ tính, theo tên hoặc số thứ tự (mặc định: trang đầu tiên có số liệu)', en: "a workbook's sheet by name or number (default: the first with data)" }))
    .option('--skip-lines <n>', h({ vi: 'dòng tiêu đề là dòng đầu tiên sau dòng thứ n (mặc định: tự tìm sau các dòng tên bảng)', en: 'the header is the first row after line n (default: found after title rows)' }), nonNegativeInt)
    .option('-v, --verbose', h({ vi: 'cho biết những gì đã nhận ra: trang, dấu phân cách, dòng tiêu đề, dấu thập phân', en: 'say what was detected: sheet, delimiter, header row, decimal mark' }))
    .addOption(new Option('--map <map>', h({ vi: 'danh mục 63 tỉnh (trước ngày 01/7/2025) hay 34 tỉnh (từ ngày đó); auto: 34 khi mọi dòng đều từ năm 2025 trở đi', en: 'provinces of the 63 (before 1 July 2025) or the 34 (after); auto: 34 when every row is dated 2025 or later' })).choices(['63', '34', 'auto']).default('auto'));
}

/** Options every command that prints a result shares: format, output file, --check, language, quiet, colour. */
export function outputOptions(cmd: Command, io: Io, o: { lang?: boolean; quiet?: boolean } = {}): Command {
  const h = byLang(io.lang ?? 'vi');
  cmd
    .addOption(new Option('-f, --format <format>', h({ vi: 'định dạng đầu ra (mặc định: theo phần mở rộng của -o; nếu không thì table khi in ra màn hình, csv khi ghi vào tệp hay đường ống)', en: 'output format (default: table on a terminal, csv otherwise, or from the -o extension)' })).choices(FORMATS))
    .option('-o, --output <file>', h({ vi: "ghi vào tệp (trọn vẹn một lần, không để lại tệp dở dang) thay vì ra đầu ra chuẩn; '-' là đầu ra chuẩn", en: "write to a file (atomically) instead of standard output; '-' is standard output" }))
    .option('--check', h({ vi: 'không ghi: thoát với mã 1 nếu tệp --output khác, mã 5 nếu chưa có tệp (dùng cho CI)', en: 'do not write: exit 1 if --output differs, 5 if it is missing (for CI)' }))
    .option('--bom', h({ vi: 'thêm dấu BOM vào đầu tệp CSV/TSV (để Excel hiển thị đúng tiếng Việt)', en: 'begin CSV/TSV output with a byte-order mark (Excel then shows Vietnamese)' }))
    .option('--excel', h({ vi: "CSV cho Excel cài đặt tiếng Việt: dấu ';' giữa các cột, dấu phẩy thập phân, có BOM", en: "CSV for Excel set to Vietnamese: ';' between fields, decimal commas, a byte-order mark" }));
  if (o.lang !== false) cmd.addOption(new Option('--lang <lang>', h({ vi: 'ngôn ngữ của nhãn, tên và thông báo', en: 'language of labels and names' })).choices(['vi', 'en']).default('vi'));
  if (o.quiet !== false) cmd.option('-q, --quiet', h({ vi: 'không in cảnh báo', en: 'no warnings' }));
  return cmd.option('--no-color', h({ vi: 'không tô màu (hoặc đặt NO_COLOR=1)', en: 'no colour (also NO_COLOR=1)' }));
}

/** Output file extensions and the format each one means. */
const EXTENSIONS: Record<string, Format> = { md: 'md', markdown: 'md', json: 'json', tsv: 'tsv', tab: 'tsv', csv: 'csv', txt: 'table', xlsx: 'xlsx' };

/**
 * The format: as asked, else from the output file's extension (an extension that names no
 * format is a usage error, never a silent CSV), else table on a terminal, csv in a pipe.
 */
export function chooseFormat(asked: Format | undefined, output: string | undefined, io: Io, excel = false): Format {
  if (asked !== undefined && output !== undefined && output !== '-') contradicts(asked, output);
  if (excel) {
    // --excel is CSV: whatever else was asked for is a usage error, never a silent CSV.
    const f = asked ?? (output === undefined || output === '-' ? 'csv' : chooseFormat(undefined, output, io));
    if (f !== 'csv') throw new CliError(EXIT.USAGE, msg('cli.excelNotCsv', { format: f }), { hint: msg('hint.excelCsv') });
    return f;
  }
  if (asked !== undefined) return asked;
  if (output !== undefined && output !== '-') {
    const ext = /\.([^./\\]+)$/.exec(output)?.[1]?.toLowerCase();
    if (ext === undefined) return 'csv';
    const f = EXTENSIONS[ext];
    if (f === undefined) {
      throw new CliError(EXIT.USAGE, msg('cli.unknownExtension', { ext, file: output }), { hint: msg('hint.formats', { formats: FORMATS.join('|'), xls: ext === 'xls' }) });
    }
    return f;
  }
  return io.stdout.isTTY === true ? 'table' : 'csv';
}

/** The pictures some commands draw from `-o file.svg|png` when no -f is given. */
const PICTURES = new Set(['svg', 'png']);

/**
 * -f against the -o file's extension: an extension that names a format takes only that format
 * (`-f md -o o.xlsx` wrote Markdown into a workbook), .txt any text format, .svg/.png none
 * (a picture, drawn when -f is left out); an extension that names nothing takes any.
 */
function contradicts(asked: Format, output: string): void {
  const ext = /\.([^./\\]+)$/.exec(output)?.[1]?.toLowerCase();
  if (ext === undefined) return;
  const named = EXTENSIONS[ext];
  const fits = PICTURES.has(ext) ? false
    : named === undefined ? true
    : ext === 'txt' ? asked !== 'xlsx'
    : asked === named;
  if (!fits) {
    throw new CliError(EXIT.USAGE, msg('cli.formatContradictsOutput', { format: asked, file: output, ext }),
      { hint: msg('hint.formatOrExtension', { format: asked, ext: asked === 'table' ? 'txt' : asked }) });
  }
}

/** Whether the output goes to a file (-o), not to standard output. */
export function toFile(output: string | undefined): boolean {
  return output !== undefined && output !== '-';
}

function* withBom(pieces: Iterable<string>): Generator<string> {
  yield '\ufeff';
  yield* pieces;
}

/** Write the rendered output (text whole or in pieces as they are made, or a workbook) to stdout or --output, or compare it under --check. */
export function emit(out: string | Uint8Array | Iterable<string>, flags: { output?: string; check?: boolean; bom?: boolean; excel?: boolean }, io: Io, inputs: (string | null)[]): number {
  // --excel: the CSV (chooseFormat made sure of it) rewritten for Excel set to Vietnamese, with a byte-order mark.
  const csv = flags.excel === true && !(out instanceof Uint8Array) ? excelCsv(typeof out === 'string' ? [out] : out) : out;
  const text = (flags.bom !== true && flags.excel !== true) || csv instanceof Uint8Array ? csv : typeof csv === 'string' ? `\ufeff${csv}` : withBom(csv);
  if (flags.check === true) {
    if (flags.output === undefined || flags.output === '-') {
      throw new CliError(EXIT.USAGE, msg('cli.checkNeedsOutput'), { hint: msg('hint.checkExample') });
    }
    const diff = staleness(flags.output, text, io);
    if (diff === null) {
      io.stderr.write(`${render(msg('cli.upToDate', { file: flags.output }), io.lang ?? 'vi')}\n`);
      return EXIT.OK;
    }
    io.stderr.write(`${render(msg('cli.stale', { file: flags.output }), io.lang ?? 'vi')}\n`);
    // The first line that differs, in the file and as the command makes it now (data shown safely, cut if long).
    const shown = (x: string | null) => (x === null ? null : forMessage(x, 200));
    if (diff.line > 0) io.stderr.write(`${render(msg('cli.staleLine', { line: diff.line, was: shown(diff.was), now: shown(diff.now) }), io.lang ?? 'vi')}\n`);
    return EXIT.STALE;
  }
  if (text instanceof Uint8Array && (flags.output === undefined || flags.output === '-')) {
    throw new CliError(EXIT.USAGE, msg('cli.xlsxToStdout'), { hint: msg('hint.nameWorkbook') });
  }
  writeOutput(flags.output ?? '-', text, io, inputs);
  return EXIT.OK;
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('score')
    .description(h({ vi: 'xếp hạng các đơn vị trong tệp số liệu theo bộ chỉ số, kèm điểm từng trụ cột và thay đổi thứ hạng', en: 'rank the units of a data file on the index, with pillar scores and rank changes' }))
    .argument('<data...>', h({ vi: "tệp số liệu CSV; '-' là đọc từ đầu vào chuẩn. Có nhiều tệp (hoặc có cột năm) thì xếp hạng năm gần nhất so với năm trước đó", en: "CSV data file(s); '-' reads standard input. Several files (or a year column) rank the latest year against the one before" }));
  outputOptions(dataOptions(cmd, io), io)
    .addOption(new Option('--detail <level>', h({ vi: 'mức chi tiết của các cột', en: 'breakdown columns' })).choices(['pillars', 'groups', 'indicators']).default('pillars'))
    .option('--top <n>', h({ vi: 'chỉ các đơn vị xếp từ hạng 1 đến hạng n', en: 'only the units ranked n or better' }), positiveInt)
    .option('--previous <file>', h({ vi: 'số liệu năm trước, để tính thay đổi thứ hạng (mặc định: tệp của năm trước, cùng thư mục với tệp số liệu)', en: 'data of the previous year, for rank changes (default: the file of the year before beside the data)' }))
    .option('--no-previous', h({ vi: 'không tính thay đổi thứ hạng', en: 'no rank changes' }))
    .option('--pool-years', h({ vi: 'chuẩn hoá minmax/zscore/rank trên tất cả các năm được đưa vào, để so sánh được điểm giữa các năm', en: 'normalise minmax/zscore/rank over all years given, so scores compare across years' }))
    .option('--by <grouping>', h({ vi: "xếp hạng trong từng nhóm: 'region' (các vùng kinh tế – xã hội, kèm điểm trung bình của vùng) hoặc một cột columns.groups của tệp định nghĩa", en: "rank within groups: 'region' (the socio-economic regions, with region averages) or a columns.groups column of the definitions" }))
    .option('--region <name>', h({ vi: "chỉ các tỉnh của một vùng (viết gần đúng cũng được: 'Bắc Trung Bộ', 'bac trung bo', 'ĐBSCL', 'Mekong')", en: "only the provinces of one region (loosely: 'Bắc Trung Bộ', 'bac trung bo', 'ĐBSCL', 'Mekong')" }))
    .option('--merge-2025', h({ vi: 'tính điểm 34 tỉnh từ ngày 01/7/2025 theo số liệu của 63 tỉnh: mỗi chỉ số chính là trung bình của các tỉnh được hợp nhất', en: 'score the 34 provinces after 1 July 2025 from data on the 63: each main index is the mean of the merged provinces' }))
    .option('--allow-partial-merge', h({ vi: 'đi cùng --merge-2025: khi thiếu một số tỉnh thành viên, lấy trung bình của các tỉnh có số liệu', en: 'with --merge-2025: average over the members present when some are missing' }))
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

/** `--by <column>`: a `columns.groups` column of the definitions that the data fill. */
function groupingOf(by: string, fw: Framework, ds: Dataset): string {
  const groups = fw.definitions.columns.groups;
  const k = groups.indexOf(by);
  if (k < 0) {
    throw new CliError(EXIT.USAGE, msg('cli.byUnknown', { by, id: fw.definitions.id }),
      { hint: groups.length === 0 ? msg('hint.listGroupColumn') : msg('hint.oneOf', { options: ['region', ...groups].join(', ') }) });
  }
  if (!ds.records.some((r) => r.groups?.[k] != null)) {
    throw new CliError(EXIT.DATA, msg('cli.byEmpty', { by }), { hint: msg('hint.addGroupColumn', { column: by }) });
  }
  return by;
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
  }, detailOf);
  return emit(text, flags, io, inputs);
}

export interface ScoredFiles {
  result: ScoreResult;
  fw: Framework;
  /** The data as read (before any --merge-2025). */
  ds: Dataset;
  /** Paths of every file read (definitions first), null for standard input. */
  inputs: (string | null)[];
  /** Names of the definitions and data files as shown (a workbook's with its sheet). */
  definitionsFile: string;
  dataFiles: string[];
  /** The records scored (the latest year only with --no-previous) and the previous year's file, if read. */
  scoredData: Dataset;
  previous?: Dataset;
  /** The groups and indicators of a unit of `result`, at `detailOnDemand` (see scoreLazily). */
  detailOf: UnitDetail;
}

/** Load definitions and data as `dti score` does, score them and print the warnings (unless quiet). */
export async function scoreFiles(files: string[], flags: Omit<ScoreFlags, 'detail'>, io: Io, detail: Detail, detailOnDemand: Detail = detail): Promise<ScoredFiles> {
  const { fw, input: defInput, warnings: defWarnings } = await loadFrameworkFile(flags.indicators, io);
  const warnings: Diagnostic[] = [...defWarnings];
  const inputs: (string | null)[] = [defInput.path];

  const loaded = await loadDataFiles(files, fw, io, flags);
  inputs.push(...loaded.paths);
  pushAll(warnings, loaded.warnings);
  const ds = loaded.data;
  const years = [...new Set(ds.records.map((r) => r.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const latest = years[years.length - 1] ?? null;

  let previous: Dataset | undefined;
  if (flags.previous !== false && !years.some((y) => y !== null && latest !== null && y < latest)) {
    const firstPath = files.length === 1 ? loaded.paths[0]! : null;
    const prevPath = typeof flags.previous === 'string' ? flags.previous : previousSibling(firstPath, latest);
    if (prevPath !== undefined) {
      // --year names the year of the main file only; a --previous file with no year of its
      // own (no column, none in its name) is, as the option says, the year before.
      const assumed = typeof flags.previous === 'string' && latest !== null && yearFromName(prevPath) === undefined ? latest - 1 : undefined;
      const loaded = await loadDataFile(typeof flags.previous === 'string' ? prevPath : displayName(prevPath, io.cwd), fw, io,
        { decimal: flags.decimal, delimiter: flags.delimiter, map: flags.map, encoding: flags.encoding, skipLines: flags.skipLines, verbose: flags.verbose, lang: flags.lang, ...(assumed === undefined ? {} : { year: assumed }) });
      inputs.push(loaded.input.path);
      pushAll(warnings, loaded.warnings);
      previous = loaded.data;
    }
  }
  let region: string | undefined;
  if (flags.region !== undefined) {
    const found = findRegion(flags.region);
    if (!found.ok) {
      throw new CliError(EXIT.USAGE, msg('cli.unknownRegion', { region: flags.region }),
        { hint: found.suggestions.length > 0 ? msg('hint.didYouMean', { options: found.suggestions }) : msg('hint.oneOf', { options: REGIONS.map((r) => r.name).join('; ') }) });
    }
    region = found.region.name;
  }
  const byGroup = flags.by !== undefined && flags.by !== 'region' ? groupingOf(flags.by, fw, ds) : undefined;
  if ((flags.by === 'region' || region !== undefined) && ds.unitKind !== 'province') {
    throw new CliError(EXIT.USAGE, msg('cli.regionsNeedProvinces'), { hint: msg('hint.freeUnitsNoRegion') });
  }
  const unfilled = unfilledErrors(fw, [...(previous?.records ?? []), ...ds.records], loaded.paths.length === 1 ? ds.file : undefined);
  if (unfilled.length > 0) throw new CliError(EXIT.DATA, 'values missing', { diagnostics: unfilled });
  if (flags.merge2025 === true) {
    const problems = [ds, ...(previous === undefined ? [] : [previous])].flatMap((d) => mergeProblems(d, flags.allowPartialMerge === true));
    if (problems.some((p) => p.severity === 'error')) throw new CliError(EXIT.DATA, 'cannot merge', { diagnostics: problems });
    pushAll(warnings, problems);
  } else if (flags.allowPartialMerge === true) {
    throw new CliError(EXIT.USAGE, msg('cli.partialWithoutMerge'));
  }
  const scoredData = flags.previous === false ? { ...ds, records: ds.records.filter((r) => r.year === latest) } : ds;
  const { result: scored, detailOf } = scoreLazily(fw, scoredData, {
    year: latest,
    ...(previous === undefined ? {} : { previous }),
    ...(flags.poolYears === true ? { poolYears: true } : {}),
    ...(flags.merge2025 === true ? { merge2025: true } : {}),
    byRegion: flags.by === 'region' || region !== undefined,
    ...(byGroup === undefined ? (flags.by === 'region' ? { by: 'region' } : {}) : { by: byGroup }),
    detail,
    detailOnDemand,
    lang: flags.lang,
    warnings,
  });
  const result = region === undefined ? scored : {
    ...scored,
    rankings: scored.rankings.filter((r) => r.region === region),
    regions: scored.regions?.filter((r) => r.region === region) ?? [],
  };
  if (flags.quiet !== true) {
    // Warnings raised while scoring keep their code and hint (--pool-years advice, missing values).
    const scoring = result.warnings.slice(warnings.length).map(warningOf);
    if (warnings.length + scoring.length > 0) printDiagnostics(io, [...warnings, ...scoring], makeChalk(io.stderr, io, flags.color));
  }
  return { result, fw, ds, inputs, definitionsFile: defInput.name, dataFiles: loaded.names, scoredData, ...(previous === undefined ? {} : { previous }), detailOf };
}
