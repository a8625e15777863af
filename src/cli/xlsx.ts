/**
 * Workbooks in and out: unzip an .xlsx and hand its parts to the pure reader
 * (src/core/xlsx.ts), or zip the parts the writer makes. Why no dependency: npm's `xlsx`
 * 0.18.5 has known advisories (prototype pollution, ReDoS) and its fixes are not on npm;
 * exceljs pulls in an archiver/unzipper tree with advisories of its own. A workbook is a
 * ZIP of XML parts, and Node's zlib inflates them: about 400 lines of our own code, capped
 * against zip bombs, with no DTD or entity expansion.
 */
import { error, warning, type Diagnostic } from '../core/diagnostics.js';
import { isHeaderRow } from '../core/sheet.js';
import type { Framework } from '../core/framework.js';
import { type OutSheet, type SheetCell, XmlError, contentOf, readSheet, readWorkbook, workbookParts } from '../core/xlsx.js';
import { CliError } from './errors.js';
import { ZipError, readZip, writeZip } from './zip.js';
import { isOle2, isZip, sheetFileName } from './sniff.js';
import { setWorkbookReader } from './files.js';
import { csvSheet } from '../render/xlsx.js';
import type { Format } from '../render/format.js';

export { formatWhere, isOle2, isWorkbookName, sheetFileName } from './sniff.js';

export interface SheetRead {
  /** The name for diagnostics: file[sheet]. */
  name: string;
  sheet: string;
  rows: SheetCell[][];
  warnings: Diagnostic[];
}

const decoder = new TextDecoder('utf-8');

function open(bytes: Uint8Array, file: string, exitCode: number) {
  const fail = (message: string, hint: string): never => {
    throw new CliError(exitCode, message, { diagnostics: [error('WORKBOOK', message, { file }, hint)] });
  };
  if (isOle2(bytes)) {
    fail('this is an old Excel 97–2003 workbook (.xls), or a password-protected one, which dti cannot read',
      'open it in Excel or LibreOffice and save it as .xlsx (File → Save As → Excel Workbook), or as CSV UTF-8');
  }
  if (!isZip(bytes)) fail('this file is named like a workbook but is not one (an .xlsx file is a ZIP archive)', 'open it in Excel and save it again as .xlsx, or give it its real extension');
  try {
    const zip = readZip(bytes);
    const part = (n: string) => { const e = zip.get(n); return e === undefined ? undefined : decoder.decode(e.read()); };
    return { wb: readWorkbook(part), part };
  } catch (e) {
    if (e instanceof ZipError || e instanceof XmlError) return fail(`cannot read the workbook: ${e.message}`, 'open it in Excel or LibreOffice and save it again as .xlsx');
    throw e;
  }
}

/**
 * The rows of one sheet: `--sheet` by name or number (1 is the first), else the first
 * sheet whose rows hold a header `dti` recognises, else the first sheet with anything in it.
 */
export function readWorkbookSheet(bytes: Uint8Array, file: string, fw: Framework, sheetFlag: string | undefined, exitCode: number): SheetRead {
  const { wb, part } = open(bytes, file, exitCode);
  const names = wb.sheets.map((s) => s.name);
  const list = names.map((n) => `'${n}'`).join(', ');
  const load = (k: number) => {
    const s = wb.sheets[k]!;
    const xml = part(s.part);
    if (xml === undefined) throw new CliError(exitCode, `${file}: sheet '${s.name}' is missing from the workbook`, { hint: 'open it in Excel and save it again' });
    try {
      return readSheet(wb, xml);
    } catch (e) {
      if (e instanceof XmlError) {
        throw new CliError(exitCode, `cannot read sheet '${s.name}'`, { diagnostics: [error('WORKBOOK', `cannot read sheet '${s.name}': ${e.message}`, { file }, 'open it in Excel or LibreOffice and save it again as .xlsx')] });
      }
      throw e;
    }
  };
  let k = -1;
  if (sheetFlag !== undefined) {
    k = names.findIndex((n) => n === sheetFlag);
    if (k < 0) k = names.findIndex((n) => n.normalize('NFC').toLowerCase() === sheetFlag.normalize('NFC').toLowerCase());
    if (k < 0 && /^\d+$/.test(sheetFlag) && Number(sheetFlag) >= 1 && Number(sheetFlag) <= names.length) k = Number(sheetFlag) - 1;
    if (k < 0) {
      const message = `no sheet '${sheetFlag}' in the workbook`;
      throw new CliError(exitCode, message, { diagnostics: [error('WORKBOOK', message, { file }, `its sheets: ${list} (or a number from 1 to ${names.length})`)] });
    }
  }
  let rows: ReturnType<typeof readSheet> | undefined;
  if (k < 0) {
    let firstNonEmpty = -1;
    for (let i = 0; i < names.length && k < 0; i++) {
      const r = load(i);
      if (r.rows.length > 0 && firstNonEmpty < 0) firstNonEmpty = i;
      if (r.rows.slice(0, 30).some((row) => isHeaderRow(row, fw))) { k = i; rows = r; }
    }
    if (k < 0) k = Math.max(0, firstNonEmpty);
  }
  if (names.length === 0) {
    throw new CliError(exitCode, 'the workbook has no sheets', { diagnostics: [error('WORKBOOK', 'the workbook has no sheets', { file }, 'save a sheet with the data in it')] });
  }
  rows ??= load(k);
  const name = sheetFileName(file, names[k]!);
  const warnings = rows.uncalculated.slice(0, 1).map((c) => warning('WORKBOOK',
    `${rows!.uncalculated.length} formula cell${rows!.uncalculated.length === 1 ? ' has' : 's have'} no saved value (the workbook was never calculated); read as empty`,
    { file: name, line: c.line, col: c.col }, 'open the workbook in Excel or LibreOffice and save it: that stores the results of its formulas'));
  return { name, sheet: names[k]!, rows: rows.rows, warnings };
}

/** The bytes of an .xlsx holding these sheets. */
export function workbookBytes(sheets: readonly OutSheet[]): Uint8Array {
  const enc = new TextEncoder();
  return writeZip(workbookParts(sheets).map((p) => ({ name: p.name, data: enc.encode(p.text) })));
}

/** A command's output as asked: text, or for xlsx its CSV as a one-sheet workbook. */
export function textOrWorkbook(format: Format, render: (f: Format) => string, sheet: string): string | Uint8Array {
  return format === 'xlsx' ? workbookBytes([csvSheet(sheet, render('csv'))]) : render(format);
}

/** Every sheet's cells as comparable text, or undefined when the bytes are no readable workbook. */
export function workbookContent(bytes: Uint8Array): string | undefined {
  try {
    if (!isZip(bytes)) return undefined;
    const zip = readZip(bytes);
    const part = (n: string) => { const e = zip.get(n); return e === undefined ? undefined : decoder.decode(e.read()); };
    const wb = readWorkbook(part);
    return contentOf(wb, (s) => part(s.part));
  } catch {
    return undefined;
  }
}

// --check compares a workbook by its cells; files.ts asks this module for that without
// importing it (a CSV run loads no workbook code), and any workbook to compare was made here.
setWorkbookReader(workbookContent);
