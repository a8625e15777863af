/**
 * A data file's bytes to a dataset, the one path of the CLI and the library: a workbook (.xlsx,
 * told by its name or its first bytes) has its sheet found and read; any other file is decoded
 * (UTF-8, or the encoding asked for) and its delimiter found (',', ';' or tab; `.tsv` is tab);
 * then the office layout is undone (title rows, STT, Vietnamese headers, the decimal mark) and
 * the table checked against the definitions. What was found out comes back as notes (`-v`).
 */
import type { Diagnostic, Result } from '../core/diagnostics.js';
import type { Framework } from '../core/framework.js';
import { type Text, msg, render } from '../core/messages.js';
import type { Dataset, Decimal, ProvinceMap } from '../core/model.js';
import { columnName } from '../core/column-name.js';
import { loadData, loadRows } from './data.js';
import { decode } from './decode.js';
import { type Detected, detectDelimiter } from './office.js';
import { isOle2, isWorkbookName, isZip } from './sniff.js';

/** How to read a data file: the CLI's data options (`--year`, `--decimal`, `--delimiter`, …). */
export interface DataFileOptions {
  /** The year of every row when the file has no year column. */
  year?: number;
  decimal?: Decimal;
  map?: ProvinceMap | 'auto';
  /** The header is the first row after line N (default: found after any title rows). */
  skipLines?: number;
  /** One character, or a name: tab, comma, semicolon, pipe, space (default: found, tab for .tsv). */
  delimiter?: string;
  /** A label TextDecoder knows (windows-1258, utf-16le…); UTF-8 by default. */
  encoding?: string;
  /** A workbook's sheet, by name or number (1 is the first). */
  sheet?: string;
}

export interface DataFile {
  /** The name diagnostics give the data: the file's, or a workbook's with its sheet (`book.xlsx[Số liệu]`). */
  name: string;
  /** What was found out about the file (sheet, delimiter, encoding, header row, renamed columns, decimal mark). */
  notes: Text[];
  result: Result<Dataset>;
}

/** A four-digit year in a file's name ("data/2023.csv", "dti-2022-final.csv"), the last one. */
export function yearFromName(name: string): number | undefined {
  const m = yearsInName(name);
  return m[m.length - 1];
}

/** Every four-digit year in a file's name, in order. */
function yearsInName(name: string): number[] {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  return [...base.matchAll(/(?<![0-9])((?:19|20)\d{2})(?![0-9])/g)].map((m) => Number(m[1]));
}

/** Names a delimiter may be given by. */
export const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', semi: ';', pipe: '|', space: ' ',
};

/** `,` by default, tab for .tsv/.tab; the one asked for wins ("tab" and "\t" name a tab). */
export function delimiterFor(name: string, asked: string | undefined): string {
  if (asked !== undefined) return DELIMITER_NAMES[asked.toLowerCase()] ?? asked;
  return /\.(tsv|tab)$/i.test(name) ? '\t' : ',';
}

const SHOW_DELIM: Record<string, string> = { ',': "','", ';': "';'", '\t': 'tab' };

/** Read the data file `name` from its bytes (see the module's comment). */
export async function readDataFile(bytes: Uint8Array, name: string, fw: Framework, opts: DataFileOptions = {}): Promise<DataFile> {
  const notes: Text[] = [];
  const fileYear = yearFromName(name);
  const named = yearsInName(name);
  let detected: Detected | undefined;
  const common = {
    ...(opts.year === undefined ? {} : { year: opts.year }),
    ...(fileYear === undefined ? {} : { fileYear }),
    ...(named.length === 1 ? { nameYear: named[0]! } : {}),
    ...(opts.decimal === undefined ? {} : { decimal: opts.decimal }),
    ...(opts.map === undefined ? {} : { map: opts.map }),
    ...(opts.skipLines === undefined ? {} : { skipLines: opts.skipLines }),
    onDetect: (d: Detected) => { detected = d; },
  };
  let r: Result<Dataset>;
  let shown = name;
  let ambiguous: string[] | undefined;
  if (isWorkbookName(name) || /\.xls$/i.test(name) || isZip(bytes) || isOle2(bytes)) {
    // The workbook reader (zip, xml, zlib) is loaded only for a workbook.
    const { readWorkbookSheet } = await import('./workbook.js');
    const sheet = readWorkbookSheet(bytes, name, fw, opts.sheet);
    if (!sheet.ok) return { name, notes, result: sheet };
    shown = sheet.value.name;
    notes.push(msg('note.sheet', { sheet: sheet.value.sheet }));
    r = loadRows(sheet.value.rows, fw, { ...common, file: sheet.value.name, ragged: true, columnLabel: columnName });
  } else {
    const text = decode(bytes, name, opts.encoding);
    if (!text.ok) return { name, notes, result: text };
    let delimiter = delimiterFor(name, opts.delimiter);
    if (opts.delimiter === undefined && !/\.(tsv|tab)$/i.test(name)) {
      const d = detectDelimiter(text.value);
      if (d.delimiter !== undefined) {
        delimiter = d.delimiter;
        notes.push(msg('note.delimiterDetected', { delimiter: SHOW_DELIM[delimiter]! }));
      } else {
        ambiguous = d.candidates.length > 1 ? d.candidates : [',', ';', '\t'];
        notes.push(msg('note.delimiterDefault'));
      }
    } else notes.push(msg('note.delimiter', { delimiter: SHOW_DELIM[delimiter] ?? `'${delimiter}'` }));
    if (opts.encoding !== undefined) notes.push(msg('note.encoding', { encoding: opts.encoding }));
    r = loadData(text.value, fw, { ...common, file: name, delimiter });
  }
  const det = detected as Detected | undefined;
  if (det !== undefined) {
    notes.push(msg('note.header', { line: det.headerLine, above: det.titleRows }));
    if (det.ignored.length > 0) notes.push(msg('note.ignored', { columns: det.ignored }));
    for (const [from, to] of det.renamed) notes.push(msg('note.renamed', { from, to }));
    if (opts.decimal === undefined) notes.push(msg(det.decimal === 'comma' ? 'note.decimalComma' : det.decimal === 'dot' ? 'note.decimalDot' : 'note.decimalDefault'));
  }
  if (!r.ok && ambiguous !== undefined) {
    // The delimiter was a guess: a header or a row that does not fit says which to try.
    const options = ambiguous.map((d) => `--delimiter ${d === '\t' ? 'tab' : d === ';' ? 'semicolon' : 'comma'}`);
    const errors = r.errors.map((e): Diagnostic => {
      if (e.code !== 'MISSING_UNIT_COLUMN' && e.code !== 'CSV_SYNTAX') return e;
      const hintText = msg('hint.delimiterUnknown', { first: e.hintText ?? e.hint ?? '', options });
      return { ...e, hintText, hint: render(hintText, 'en') };
    });
    r = { ...r, errors };
  }
  return { name: shown, notes, result: r };
}
