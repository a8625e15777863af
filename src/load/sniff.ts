/**
 * What a data file is, told from its name and first bytes: small, so that reading a CSV file loads none of the workbook code (xlsx, zip, zlib).
 */

/** An old Excel 97–2003 file (or a password-protected .xlsx): an OLE2 compound document. */
export function isOle2(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
}

/** A ZIP archive (an .xlsx is one). */
export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

export function isWorkbookName(name: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(name);
}

/** `book.xlsx[Số liệu]`: the name diagnostics give a sheet. */
export function sheetFileName(file: string, sheet: string): string {
  return `${file}[${sheet}]`;
}
