/**
 * Workbooks out (the data's sheet is read by src/load/workbook.ts): zip the parts the writer
 * makes, and read a written workbook's cells back for --check. Why no dependency: npm's `xlsx`
 * 0.18.5 has known advisories (prototype pollution, ReDoS) and its fixes are not on npm;
 * exceljs pulls in an archiver/unzipper tree with advisories of its own. A workbook is a
 * ZIP of XML parts, and Node's zlib inflates them: about 400 lines of our own code, capped
 * against zip bombs, with no DTD or entity expansion.
 */
import { contentOf } from '../load/xlsx.js';
import { openWorkbook } from '../load/workbook.js';
import { type OutSheet, workbookParts } from '../render/workbook.js';
import { writeZip } from './zip-write.js';
import { csvSheet } from '../render/xlsx.js';
import type { Format } from '../render/format.js';

export { isOle2, isWorkbookName, sheetFileName } from '../load/sniff.js';

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
  const open = openWorkbook(bytes, '');
  if (!open.ok) return undefined;
  const { wb, part } = open.value;
  try {
    return contentOf(wb, (s) => part(s.part));
  } catch {
    return undefined;
  }
}
