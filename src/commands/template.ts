/**
 * `dti template`: a file to fill in, with exactly the header the definitions need: the unit
 * column, `year`, one column per indicator id; a second header row (a note row, starting
 * with '#') giving each indicator's Vietnamese name and unit; one row per province of the
 * chosen map (or per unit of --units). Filled in and read back, it scores with no edits.
 */
import { type Command, Option } from 'commander';
import { findProvince, PROVINCES, PROVINCES_2025 } from '../core/provinces.js';
import { type Framework, forYear } from '../core/framework.js';
import { type OutSheet, sheetName } from '../render/workbook.js';
import { normaliseMethodOf } from '../core/methods/normalise/index.js';
import { leafHeading } from '../load/office.js';
import { loadFrameworkFile, makeChalk, printDiagnostics } from '../cli/context.js';
import { type Diagnostic, error, warning } from '../core/diagnostics.js';
import { yearFromName } from '../load/file.js';
import { CliError } from '../cli/errors.js';
import { msg, render, byLang } from '../core/messages.js';
import { readInput } from '../cli/files.js';
import { EXIT, type Io } from '../cli/io.js';
import { workbookBytes } from '../cli/xlsx.js';
import { renderDelimited } from '../render/format.js';
import { checkOption, emit, yearArg } from '../cli/options.js';

interface TemplateFlags {
  indicators?: string;
  year?: number;
  map: '63' | '34';
  units?: string;
  output?: string;
  check?: boolean;
  bom?: boolean;
  lang: 'vi' | 'en';
}

export interface Template {
  unitColumn: 'province' | 'unit';
  header: string[];
  /** The note row: '# …' first, then each column's name and unit. */
  notes: string[];
  rows: string[][];
  /** Each indicator: id, name, unit, sources (the second sheet of a workbook). */
  indicators: string[][];
}

/** The template's cells (pure). */
export function buildTemplate(fw: Framework, o: { units: string[]; unitColumn: 'province' | 'unit'; year?: number; lang: 'vi' | 'en' }): Template {
  // A template for a year asks only for that year's indicators (`years` in the definitions: DTI 2024 is the published DTI alone).
  const yearFw = forYear(fw, o.year ?? null);
  const leaves = fw.leaves.filter((ni) => yearFw.inactive?.[ni] !== 1).map((ni) => fw.nodes[ni]!.def!);
  const header = [o.unitColumn, 'year', ...leaves.map((d) => d.id)];
  const notes = [render(msg('label.templateNote'), o.lang), render(msg('label.year'), o.lang), ...leaves.map((d) => leafHeading(d, o.lang))];
  const rows = o.units.map((u) => [u, o.year === undefined ? '' : String(o.year), ...leaves.map(() => '')]);
  const indicators = leaves.map((d) => [d.id, d.name[o.lang], normaliseMethodOf(d.normalize.method).yesNo ? render(msg('label.yesNo'), o.lang) : d.unit?.[o.lang] ?? '', d.source[o.lang].join('; ')]);
  return { unitColumn: o.unitColumn, header, notes, rows, indicators };
}

/**
 * The rows of a --units list (pure): a unit per line, blank lines and '#' notes skipped. The
 * list is of provinces when every line names one (written as the registry writes them, a
 * province once: a second spelling of one is left out with a warning), of any units when
 * few or none do, or when its first line is `unit` (the template's column). A list mostly of
 * provinces with some lines that are not (a misspelt name) is an error at each such line:
 * it would silently have made a template of free units, without regions, codes or map.
 */
export function unitsOfList(text: string, file: string): { units: string[]; unitColumn: 'province' | 'unit'; errors: Diagnostic[]; warnings: Diagnostic[] } {
  const lines: { text: string; line: number; col: number }[] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const t = raw.trim().normalize('NFC');
    if (t !== '' && !t.startsWith('#')) lines.push({ text: t, line: k + 1, col: raw.length - raw.trimStart().length + 1 });
  });
  const head = lines[0]?.text.toLowerCase();
  const rest = head === 'unit' || head === 'province' ? lines.slice(1) : lines;
  if (head === 'unit') return { units: [...new Set(rest.map((l) => l.text))], unitColumn: 'unit', errors: [], warnings: [] };
  const found = rest.map((l) => findProvince(l.text));
  const provinces = found.filter((f) => f.ok).length;
  // Half or more of the lines are provinces (or the list says so): the others are mistakes, not other units.
  if (head !== 'province' && provinces < rest.length && provinces * 2 < rest.length) {
    return { units: [...new Set(rest.map((l) => l.text))], unitColumn: 'unit', errors: [], warnings: [] };
  }
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const first = new Map<string, number>();
  rest.forEach((l, k) => {
    const f = found[k]!;
    const at = { file, line: l.line, col: l.col };
    if (!f.ok) {
      errors.push(error('UNKNOWN_PROVINCE', { name: l.text }, at, f.suggestions.length > 0 ? msg('hint.didYouMean', { options: f.suggestions }) : msg('hint.unitsListKind')));
      return;
    }
    const before = first.get(f.province.name);
    if (before === undefined) first.set(f.province.name, l.line);
    else warnings.push(warning('DUPLICATE_ROW.unitsList', { text: l.text, name: f.province.name, first: before }, at));
  });
  if (errors.length > 0) errors.unshift(error('UNKNOWN_PROVINCE.unitsList', { provinces, lines: rest.length }, { file }, msg('hint.unitsListKind')));
  return { units: [...first.keys()], unitColumn: 'province', errors, warnings };
}

export function templateSheets(t: Template, lang: 'vi' | 'en'): OutSheet[] {
  const taken = new Set<string>();
  const data: OutSheet = {
    name: sheetName(render(msg('sheet.data'), lang), taken),
    columns: t.header.map((h, k) => ({ header: h, kind: k === 0 ? 'text' : k === 1 ? 'integer' : 'general', width: k === 0 ? 22 : k === 1 ? 8 : 16 })),
    rows: [t.notes, ...t.rows.map((r) => r.map((c, k) => (k === 1 && c !== '' ? Number(c) : c === '' ? null : c)))],
  };
  const list: OutSheet = {
    name: sheetName(render(msg('sheet.indicators'), lang), taken),
    columns: [msg('header.id'), msg('header.name'), msg('header.unit'), msg('header.source')].map((t) => render(t, lang)).map((h, k) => ({ header: h, kind: 'text' as const, width: [28, 60, 16, 60][k]! })),
    rows: t.indicators,
  };
  return [data, list];
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  program
    .command('template')
    .description(h({ vi: 'tạo tệp số liệu mẫu để điền: dòng tiêu đề theo tệp định nghĩa, mỗi tỉnh (hoặc đơn vị) một dòng', en: 'a data file to fill in: the header the definitions need, one row per province (or unit)' }))
    .option('-i, --indicators <yaml>', h({ vi: 'tệp định nghĩa (mặc định: tệp indicators/dti.yaml đi kèm)', en: 'definitions file (default: the shipped indicators/dti.yaml)' }))
    .option('--year <yyyy>', h({ vi: 'điền cột năm (mặc định: năm có trong tên tệp đầu ra)', en: 'fill the year column (default: a year in the output file name)' }), yearArg)
    .addOption(new Option('--map <map>', h({ vi: '63 tỉnh (trước ngày 01/7/2025) hay 34 tỉnh (từ ngày đó)', en: 'the 63 provinces (before 1 July 2025) or the 34 (after)' })).choices(['63', '34']).default('63'))
    .option('--units <file>', h({ vi: 'tệp ghi mỗi dòng một đơn vị (tỉnh, hoặc đơn vị bất kỳ: huyện, sở, ngành…, khi dòng đầu ghi "unit") thay cho toàn bộ các tỉnh', en: 'one unit per line (provinces, or any units: districts, departments…, with "unit" as the first line) instead of every province' }))
    .requiredOption('-o, --output <file>', h({ vi: 'tệp cần ghi: .xlsx (sổ tính) hoặc .csv', en: 'the file to write: .xlsx (a workbook) or .csv' }))
    .addOption(checkOption(io))
    .option('--bom', h({ vi: 'thêm dấu BOM vào đầu tệp CSV (để Excel hiển thị đúng tiếng Việt)', en: 'begin a CSV with a byte-order mark (Excel then shows Vietnamese)' }))
    .addOption(new Option('--lang <lang>', h({ vi: 'ngôn ngữ của dòng ghi chú', en: 'language of the notes' })).choices(['vi', 'en']).default('vi'))
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti template -o mau.xlsx                      mọi tỉnh, bộ chỉ số DTI đi kèm
  dti template --year 2024 --map 34 -o mau-2024.xlsx
  dti template -i indicators/papi.yaml -o papi.csv
  dti template --units huyen.txt -o huyen.xlsx  mỗi dòng của huyen.txt một dòng`,
      en: `
Examples:
  dti template -o mau.xlsx                      every province, the shipped DTI
  dti template --year 2024 --map 34 -o mau-2024.xlsx
  dti template -i indicators/papi.yaml -o papi.csv
  dti template --units huyen.txt -o huyen.xlsx  one row per line of huyen.txt`,
    }))
    .action(async (flags: TemplateFlags) => {
      done(await runTemplate(flags, io));
    });
}

async function runTemplate(flags: TemplateFlags, io: Io): Promise<number> {
  const out = flags.output!;
  const ext = /\.([^./\\]+)$/.exec(out)?.[1]?.toLowerCase();
  if (ext !== 'xlsx' && ext !== 'csv' && ext !== 'tsv') {
    throw new CliError(EXIT.USAGE, msg('cli.templateExtension', { file: out }), { hint: msg('hint.templateExample') });
  }
  const { fw, input } = await loadFrameworkFile(flags.indicators, io);
  const inputs: (string | null)[] = [input.path];
  let units: string[];
  let unitColumn: 'province' | 'unit' = 'province';
  if (flags.units !== undefined) {
    // Read as every input is (why it cannot be, '-' for standard input, the size cap), and an input -o never writes over.
    const list = await readInput(flags.units, io, EXIT.DATA);
    inputs.push(list.path);
    const r = unitsOfList(list.text, list.name);
    if (r.errors.length > 0) throw new CliError(EXIT.DATA, r.errors[0]!.text, { diagnostics: [...r.errors, ...r.warnings] });
    if (r.units.length === 0) throw new CliError(EXIT.DATA, msg('cli.noUnits', { file: list.name }), { hint: msg('hint.unitPerLine') });
    if (r.warnings.length > 0) printDiagnostics(io, r.warnings, makeChalk(io.stderr, io, true));
    units = r.units;
    unitColumn = r.unitColumn;
  } else {
    units = (flags.map === '34' ? PROVINCES_2025 : PROVINCES).map((p) => p.name);
  }
  const year = flags.year ?? yearFromName(out);
  const t = buildTemplate(fw, { units, unitColumn, lang: flags.lang, ...(year === undefined ? {} : { year }) });
  const content = ext === 'xlsx'
    ? workbookBytes(templateSheets(t, flags.lang))
    : renderDelimited([t.header, t.notes, ...t.rows].reduce<{ header: string; align: 'left'; cells: string[]; text: boolean }[]>(
      (cols, row, i) => { row.forEach((c, k) => { if (i === 0) cols.push({ header: c, align: 'left', cells: [], text: true }); else cols[k]!.cells.push(c); }); return cols; }, []),
    ext === 'tsv' ? '\t' : ',');
  return emit(content, flags, io, inputs);
}
