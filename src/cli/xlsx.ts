/**
 * Workbooks in and out: unzip an .xlsx and hand its parts to the pure reader
 * (src/load/xlsx.ts), or zip the parts the writer makes. Why no dependency: npm's `xlsx`
 * 0.18.5 has known advisories (prototype pollution, ReDoS) and its fixes are not on npm;
 * exceljs pulls in an archiver/unzipper tree with advisories of its own. A workbook is a
 * ZIP of XML parts, and Node's zlib inflates them: about 400 lines of our own code, capped
 * against zip bombs, with no DTD or entity expansion.
 */
import { type Diagnostic, error } from '../core/diagnostics.js';
import { isHeaderRow } from '../load/office.js';
import type { Framework } from '../core/framework.js';
import { type SheetCell, XmlError, contentOf, readSheet, readWorkbook } from '../load/xlsx.js';
import { type OutSheet, workbookParts } from '../render/workbook.js';
import { CliError } from './errors.js';
import { msg } from '../core/messages.js';
import { ZipError, readZip, writeZip } from '../load/zip.js';
import { isOle2, isZip, sheetFileName } from '../load/sniff.js';
import { csvSheet } from '../render/xlsx.js';
import type { Format } from '../render/format.js';

export { isOle2, isWorkbookName, sheetFileName } from '../load/sniff.js';

export interface SheetRead {
  /** The name for diagnostics: file[sheet]. */
  name: string;
  sheet: string;
  rows: SheetCell[][];
}

const decoder = new TextDecoder('utf-8');

/** A workbook that cannot be read: a CLI error carrying its diagnostic. */
function fail(exitCode: number, d: Diagnostic): never {
  throw new CliError(exitCode, d.text!, { diagnostics: [d] });
}

function open(bytes: Uint8Array, file: string, exitCode: number) {
  if (isOle2(bytes)) fail(exitCode, error('WORKBOOK.xls', {}, { file }, msg('hint.saveXlsx')));
  if (!isZip(bytes)) fail(exitCode, error('WORKBOOK.notZip', {}, { file }, msg('hint.realExtension')));
  try {
    const zip = readZip(bytes);
    const part = (n: string) => { const e = zip.get(n); return e === undefined ? undefined : decoder.decode(e.read()); };
    return { wb: readWorkbook(part), part };
  } catch (e) {
    if (e instanceof ZipError || e instanceof XmlError) return fail(exitCode, error('WORKBOOK.unreadable', { detail: e.message }, { file }, msg('hint.saveAgainXlsx')));
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
    if (xml === undefined) throw new CliError(exitCode, msg('cli.sheetMissing', { file, sheet: s.name }), { hint: msg('hint.saveAgain') });
    try {
      return readSheet(wb, xml);
    } catch (e) {
      if (e instanceof XmlError) {
        fail(exitCode, error('WORKBOOK.sheet', { sheet: s.name, detail: e.message }, { file }, msg('hint.saveAgainXlsx')));
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
      fail(exitCode, error('WORKBOOK.noSheet', { sheet: sheetFlag }, { file }, msg('hint.sheets', { list, n: names.length })));
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
    fail(exitCode, error('WORKBOOK.noSheets', {}, { file }, msg('hint.saveSheet')));
  }
  rows ??= load(k);
  return { name: sheetFileName(file, names[k]!), sheet: names[k]!, rows: rows.rows };
}

/** The bytes of an .xlsx holding these sheets. */
export function workbookBytes(sheets: readonly OutSheet[]): Uint8Array {
  const enc = new TextEncoder();
  return writeZip(workbookParts(sheets).map((p) => ({ name: p.name, data: enc.encode(p.text) })));
}

/** A command's output as asked: text, or for xlsx its CSV as a one-sheet workbook. */
export function textOrWorkbook(format: Format, render: (f: Format) => string, sheet: string, lang: 'vi' | 'en'): string | Uint8Array {
  return format === 'xlsx' ? workbookBytes([csvSheet(sheet, render('csv'), lang)]) : render(format);
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
