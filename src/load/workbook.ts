/**
 * A data workbook's sheet: unzip the .xlsx, find the sheet (asked for by name or number, else
 * the first whose rows hold a header dti recognises, else the first with anything in it) and
 * read its cells. Every problem is a located diagnostic (`file`), never an exception. Loaded
 * only for a workbook: reading a CSV file never reaches the zip and xml code.
 */
import { type Diagnostic, type Result, error } from '../core/diagnostics.js';
import type { Framework } from '../core/framework.js';
import { msg } from '../core/messages.js';
import { isHeaderRow } from './office.js';
import { type SheetCell, type Workbook, XmlError, readSheet, readWorkbook } from './xlsx.js';
import { ZipError, readZip } from './zip.js';
import { isOle2, isZip, sheetFileName } from './sniff.js';

export interface SheetRead {
  /** The name for diagnostics: file[sheet]. */
  name: string;
  sheet: string;
  rows: SheetCell[][];
}

const decoder = new TextDecoder('utf-8');

/** A problem that ends the reading of the workbook (caught below, returned as a Result). */
class Unreadable { constructor(readonly d: Diagnostic) {} }

/** An opened workbook: its list of sheets and styles, and any part's text by name. */
export interface OpenWorkbook {
  wb: Workbook;
  part: (name: string) => string | undefined;
}

/** Open the workbook `bytes` (named `file`): an old .xls, a file that is no ZIP, or a damaged archive or workbook part is a located diagnostic. */
export function openWorkbook(bytes: Uint8Array, file: string): Result<OpenWorkbook> {
  try {
    return { ok: true, value: open(bytes, file), warnings: [] };
  } catch (e) {
    if (e instanceof Unreadable) return { ok: false, errors: [e.d], warnings: [] };
    throw e;
  }
}

function open(bytes: Uint8Array, file: string): OpenWorkbook {
  if (isOle2(bytes)) throw new Unreadable(error('WORKBOOK.xls', {}, { file }, msg('hint.saveXlsx')));
  if (!isZip(bytes)) throw new Unreadable(error('WORKBOOK.notZip', {}, { file }, msg('hint.realExtension')));
  try {
    const zip = readZip(bytes);
    const part = (n: string) => { const e = zip.get(n); return e === undefined ? undefined : decoder.decode(e.read()); };
    return { wb: readWorkbook(part), part };
  } catch (e) {
    if (e instanceof ZipError || e instanceof XmlError) throw new Unreadable(error('WORKBOOK.unreadable', { detail: e.text }, { file }, msg('hint.saveAgainXlsx')));
    throw e;
  }
}

/** The rows of one sheet of the workbook `bytes` (named `file`): `sheet` by name or number (1 is the first), else found. */
export function readWorkbookSheet(bytes: Uint8Array, file: string, fw: Framework, sheet?: string): Result<SheetRead> {
  try {
    return { ok: true, value: findSheet(bytes, file, fw, sheet), warnings: [] };
  } catch (e) {
    if (e instanceof Unreadable) return { ok: false, errors: [e.d], warnings: [] };
    throw e;
  }
}

function findSheet(bytes: Uint8Array, file: string, fw: Framework, sheetFlag: string | undefined): SheetRead {
  const { wb, part } = open(bytes, file);
  const names = wb.sheets.map((s) => s.name);
  const list = names.map((n) => `'${n}'`).join(', ');
  const load = (k: number) => {
    const s = wb.sheets[k]!;
    try {
      const xml = part(s.part);
      if (xml === undefined) throw new Unreadable(error('WORKBOOK.sheetMissing', { sheet: s.name }, { file }, msg('hint.saveAgain')));
      return readSheet(wb, xml);
    } catch (e) {
      // The sheet's part is inflated here, when first read: a damaged stream is the sheet's problem too.
      if (e instanceof ZipError || e instanceof XmlError) throw new Unreadable(error('WORKBOOK.sheet', { sheet: s.name, detail: e.text }, { file }, msg('hint.saveAgainXlsx')));
      throw e;
    }
  };
  let k = -1;
  if (sheetFlag !== undefined) {
    k = names.findIndex((n) => n === sheetFlag);
    if (k < 0) k = names.findIndex((n) => n.normalize('NFC').toLowerCase() === sheetFlag.normalize('NFC').toLowerCase());
    if (k < 0 && /^\d+$/.test(sheetFlag) && Number(sheetFlag) >= 1 && Number(sheetFlag) <= names.length) k = Number(sheetFlag) - 1;
    if (k < 0) throw new Unreadable(error('WORKBOOK.noSheet', { sheet: sheetFlag }, { file }, msg('hint.sheets', { list, n: names.length })));
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
  if (names.length === 0) throw new Unreadable(error('WORKBOOK.noSheets', {}, { file }, msg('hint.saveSheet')));
  rows ??= load(k);
  return { name: sheetFileName(file, names[k]!), sheet: names[k]!, rows: rows.rows };
}
