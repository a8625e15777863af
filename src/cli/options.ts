/**
 * The options commands share, declared once: the data options (every command that reads data
 * reads it the same way), the output options (format, file, --check), the previous year and
 * the 2025 merger; and writing the output.
 */
import { type Command, Option } from 'commander';
import { invalid } from './invalid.js';
import { type Bilingual, byLang, forMessageIn, msg, render } from '../core/messages.js';
import { delimiterArg } from './context.js';
import { CliError } from './errors.js';
import { staleness, writeOutput } from './files.js';
import { EXIT, type Io } from './io.js';
import { POOL_METHODS } from '../core/methods/normalise/index.js';
import { FORMATS, type Format, excelCsv } from '../render/format.js';

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

/** `--check`, one text for every command that has it (score and the like, report, template): the exit codes of docs/REFERENCE.md. */
export function checkOption(io: Io): Option {
  return new Option('--check', byLang(io.lang ?? 'vi')({ vi: 'không ghi: thoát với mã 1 nếu tệp --output khác, mã 5 nếu chưa có tệp hoặc không đọc được (dùng cho CI)', en: 'do not write: exit 1 if --output differs, 5 if it is missing or unreadable (for CI)' }));
}

/**
 * `--top <n>` of score, chart, trend and sensitivity, one text: the units ranked n or better
 * (core's withinTop; trend: in the last year, sensitivity: the nominal rank).
 */
export function topOption(io: Io): Option {
  return new Option('--top <n>', byLang(io.lang ?? 'vi')({ vi: 'chỉ các đơn vị xếp từ hạng 1 đến hạng n (năm gần nhất)', en: 'only the units ranked n or better (in the latest year)' })).argParser(positiveInt);
}

/** Options every command that prints a result shares: format, output file, --check, language, quiet, colour. */
export function outputOptions(cmd: Command, io: Io, o: { lang?: boolean; quiet?: boolean } = {}): Command {
  const h = byLang(io.lang ?? 'vi');
  cmd
    .addOption(new Option('-f, --format <format>', h({ vi: 'định dạng đầu ra (mặc định: theo phần mở rộng của -o; nếu không thì table khi in ra màn hình, csv khi ghi vào tệp hay đường ống)', en: 'output format (default: table on a terminal, csv otherwise, or from the -o extension)' })).choices(FORMATS))
    .option('-o, --output <file>', h({ vi: "ghi vào tệp (trọn vẹn một lần, không để lại tệp dở dang) thay vì ra đầu ra chuẩn; '-' là đầu ra chuẩn", en: "write to a file (atomically) instead of standard output; '-' is standard output" }))
    .addOption(checkOption(io))
    .option('--bom', h({ vi: 'thêm dấu BOM vào đầu tệp CSV/TSV (để Excel hiển thị đúng tiếng Việt)', en: 'begin CSV/TSV output with a byte-order mark (Excel then shows Vietnamese)' }))
    .option('--excel', h({ vi: "CSV cho Excel cài đặt tiếng Việt: dấu ';' giữa các cột, dấu phẩy thập phân, có BOM, tiêu đề cột bằng tiếng Việt như tệp .xlsx", en: "CSV for Excel set to Vietnamese: ';' between fields, decimal commas, a byte-order mark, the header as the .xlsx names it" }));
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
export async function emit(out: string | Uint8Array | Iterable<string>, flags: { output?: string; check?: boolean; bom?: boolean; excel?: boolean; lang?: 'vi' | 'en' }, io: Io, inputs: (string | null)[]): Promise<number> {
  // --excel: the CSV (chooseFormat made sure of it) rewritten for Excel set to Vietnamese, with a
  // byte-order mark, its header named as the command's workbook names it (Vietnamese under vi).
  let csv = out;
  if (flags.excel === true && !(out instanceof Uint8Array)) {
    const { sheetHeader } = await import('../render/xlsx.js');
    const lang = flags.lang ?? io.lang ?? 'vi';
    csv = excelCsv(typeof out === 'string' ? [out] : out, (k) => sheetHeader(k, lang));
  }
  const text = (flags.bom !== true && flags.excel !== true) || csv instanceof Uint8Array ? csv : typeof csv === 'string' ? `\ufeff${csv}` : withBom(csv);
  if (flags.check === true) {
    if (flags.output === undefined || flags.output === '-') {
      throw new CliError(EXIT.USAGE, msg('cli.checkNeedsOutput'), { hint: msg('hint.checkExample') });
    }
    // Bytes (a workbook, a picture) are compared by a workbook's cells: its reader is loaded only then.
    const cellsOf = text instanceof Uint8Array ? (await import('./xlsx.js')).workbookContent : undefined;
    const diff = staleness(flags.output, text, io, cellsOf);
    if (diff === null) {
      io.stderr.write(`${render(msg('cli.upToDate', { file: flags.output }), io.lang ?? 'vi')}\n`);
      return EXIT.OK;
    }
    io.stderr.write(`${render(msg('cli.stale', { file: flags.output }), io.lang ?? 'vi')}\n`);
    // The first line that differs, in the file and as the command makes it now (data shown safely, cut if long).
    const shown = (x: string | null) => (x === null ? null : forMessageIn(x, io.lang ?? 'vi', 200));
    if (diff.line > 0) io.stderr.write(`${render(msg('cli.staleLine', { line: diff.line, was: shown(diff.was), now: shown(diff.now) }), io.lang ?? 'vi')}\n`);
    return EXIT.STALE;
  }
  if (text instanceof Uint8Array && (flags.output === undefined || flags.output === '-')) {
    throw new CliError(EXIT.USAGE, msg('cli.xlsxToStdout'), { hint: msg('hint.nameWorkbook') });
  }
  await writeOutput(flags.output ?? '-', text, io, inputs);
  return EXIT.OK;
}

/** What the year before is for in a ranking (score, report). */
const RANK_CHANGES = {
  previous: { vi: 'số liệu năm trước, để tính thay đổi thứ hạng (mặc định: tệp của năm trước, cùng thư mục với tệp số liệu)', en: 'data of the previous year, for rank changes (default: the file of the year before beside the data)' },
  none: { vi: 'không tính thay đổi thứ hạng', en: 'no rank changes' },
};

/** `--previous <file>` and `--no-previous`: the year before, read as the data are (every data option applies). */
export function previousOptions(cmd: Command, io: Io, o: { previous: Bilingual; none: Bilingual } = RANK_CHANGES): Command {
  const h = byLang(io.lang ?? 'vi');
  return cmd.option('--previous <file>', h(o.previous)).option('--no-previous', h(o.none));
}

/** `--pool-years`: the methods that normalise over a year's units do so over every year given. */
export function poolYearsOption(cmd: Command, io: Io): Command {
  const h = byLang(io.lang ?? 'vi');
  const methods = POOL_METHODS.join('/');
  return cmd.option('--pool-years', h({ vi: `chuẩn hoá ${methods} trên tất cả các năm được đưa vào, để so sánh được điểm giữa các năm`, en: `normalise ${methods} over all years given, so scores compare across years` }));
}

/** `--merge-2025` and `--allow-partial-merge`: the 34 provinces after 1 July 2025, from data on the 63. */
export function mergeOptions(cmd: Command, io: Io): Command {
  const h = byLang(io.lang ?? 'vi');
  return cmd
    .option('--merge-2025', h({ vi: '34 tỉnh từ ngày 01/7/2025, tính từ số liệu của 63 tỉnh: mỗi chỉ số chính là trung bình của các tỉnh được hợp nhất',
      en: 'the 34 provinces after 1 July 2025 from data on the 63: each main index is the mean of the merged provinces' }))
    .option('--allow-partial-merge', h({ vi: 'đi cùng --merge-2025: khi thiếu một số tỉnh thành viên, lấy trung bình của các tỉnh có số liệu',
      en: 'with --merge-2025: average over the members present when some are missing' }));
}
