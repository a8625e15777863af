/**
 * From a file's bytes to its text: UTF-8 (or the `--encoding` asked for), or a located
 * diagnostic saying what encoding the file seems to be in and which option reads it.
 */
import { type Diagnostic, type Result, error } from '../core/diagnostics.js';
import { msg } from '../core/messages.js';

/**
 * Decode bytes as UTF-8 (or as `encoding`, e.g. windows-1258: any label WHATWG's TextDecoder
 * knows), or say what encoding the file seems to be in and which option reads it.
 */
export function decode(bytes: Uint8Array, name: string, encoding?: string): Result<string> {
  const ok = (value: string): Result<string> => ({ ok: true, value, warnings: [] });
  const enc = (d: Diagnostic): Result<string> => ({ ok: false, errors: [d], warnings: [] });
  const at1 = { file: name, line: 1, col: 1 };
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
    let d: InstanceType<typeof TextDecoder>;
    try {
      d = new TextDecoder(encoding, { fatal: true });
    } catch {
      return enc(error('ENCODING.unknown', { encoding }, {}, msg('hint.encodings')));
    }
    try {
      // Windows-1258 writes tones as combining marks: compose them as UTF-8 files have them.
      const text = d.decode(bytes).normalize('NFC');
      return ok(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      return enc(error('ENCODING.invalid', { encoding }, at1, msg('hint.checkEncoding')));
    }
  }
  const wide = wideEncoding(bytes);
  if (wide !== undefined) {
    const utf32 = wide.encoding.startsWith('UTF-32');
    return enc(error('ENCODING.wide', { encoding: wide.encoding, bom: wide.bom }, at1,
      utf32 ? msg('hint.iconv', { encoding: wide.encoding }) : msg('hint.passEncoding', { encoding: wide.encoding.toLowerCase() })));
  }
  // Line and column (in characters) of a byte offset.
  const where = (at: number) => {
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 10) { line++; lineStart = i + 1; }
    return { file: name, line, col: new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1 };
  };
  // A NUL is no character of a text file, in UTF-8 or a legacy encoding: a binary file, or a
  // damaged one. Said before any other encoding problem, so a binary file is not taken for
  // Windows-1258.
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return enc(error('ENCODING.nul', {}, where(nul), msg('hint.saveUtf8')));
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return enc(error('ENCODING.notUtf8', {}, where(firstInvalidUtf8(bytes)), msg('hint.passEncoding', { encoding: 'windows-1258' })));
  }
}

/**
 * UTF-16 or UTF-32, told by the byte-order mark or, without one, by where the zero bytes of
 * mostly-ASCII text fall (every second byte, or three of every four).
 */
function wideEncoding(b: Uint8Array): { encoding: string; bom: boolean } | undefined {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'UTF-32LE', bom: true };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'UTF-32BE', bom: true };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'UTF-16LE', bom: true };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'UTF-16BE', bom: true };
  const n = Math.min(b.length, 4096) & ~3;
  if (n < 8) return undefined;
  // No zero byte at all (every UTF-8 or legacy text): none of the patterns below, found without a loop.
  if (b.subarray(0, n).indexOf(0) < 0) return undefined;
  const z = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (b[i] === 0) z[i & 3]! += 1;
  const q = n / 4;
  const high = (k: number) => z[k]! > q * 0.6;
  const low = (k: number) => z[k]! < q * 0.2;
  if (high(1) && high(2) && high(3) && low(0)) return { encoding: 'UTF-32LE', bom: false };
  if (high(0) && high(1) && high(2) && low(3)) return { encoding: 'UTF-32BE', bom: false };
  if (high(1) && high(3) && low(0) && low(2)) return { encoding: 'UTF-16LE', bom: false };
  if (high(0) && high(2) && low(1) && low(3)) return { encoding: 'UTF-16BE', bom: false };
  return undefined;
}

/** Index of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  // Well-formed sequences as the Unicode Standard's Table 3-7 lists them (what TextDecoder
  // accepts): no overlong forms (E0 80–9F, F0 80–8F), no surrogates (ED A0–BF), nothing past U+10FFFF (F4 90–BF).
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (need > 0 && (i + 1 >= b.length || b[i + 1]! < lo || b[i + 1]! > hi)) return i;
    for (let k = 2; k <= need; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}
