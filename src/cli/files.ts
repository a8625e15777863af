/**
 * Reading inputs and writing outputs safely: `-` is stdin/stdout, text must be UTF-8 (a
 * UTF-16 or Windows-1258 file is named as such), and `-o` writes a temporary file beside
 * the target and renames it, so a failed or interrupted run never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { error } from '../core/diagnostics.js';
import { CliError } from './errors.js';
import { EXIT, type Io } from './io.js';
import { workbookContent } from './xlsx.js';

export interface Input {
  /** The name used in diagnostics: the path as the user gave it, or '<stdin>'. */
  name: string;
  /** Absolute path (null for stdin). */
  path: string | null;
  text: string;
}

/** The name a file is shown by: relative to the working directory when inside it. */
export function displayName(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Decode bytes as UTF-8 (or as `encoding`, e.g. windows-1258: any label WHATWG's TextDecoder
 * knows), or say what encoding the file seems to be in and which option reads it.
 */
export function decode(bytes: Uint8Array, name: string, exitCode: number, encoding?: string): string {
  const enc = (message: string, hint: string): never => {
    throw new CliError(exitCode, message, { diagnostics: [error('ENCODING', message, { file: name, line: 1, col: 1 }, hint)] });
  };
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
    let d: InstanceType<typeof TextDecoder>;
    try {
      d = new TextDecoder(encoding, { fatal: true });
    } catch {
      throw new CliError(EXIT.USAGE, `unknown encoding '${encoding}'`, { hint: 'e.g. --encoding windows-1258 (Vietnamese Windows), utf-16le, windows-1252' });
    }
    try {
      // Windows-1258 writes tones as combining marks: compose them as UTF-8 files have them.
      const text = d.decode(bytes).normalize('NFC');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      return enc(`the file is not valid ${encoding}`, 'check the --encoding, or save the file as CSV UTF-8');
    }
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    enc('the file is UTF-16, not UTF-8', `pass --encoding ${bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'}, or save it as 'CSV UTF-8' (Excel: Save As → CSV UTF-8)`);
  }
  if (bytes.length >= 2 && bytes.subarray(0, Math.min(bytes.length, 4096)).filter((b, i) => b === 0 && i % 2 === 1).length > 8) {
    enc('the file looks like UTF-16 without a byte-order mark', "pass --encoding utf-16le, or save it as 'CSV UTF-8' (Excel: Save As → CSV UTF-8)");
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 10) { line++; lineStart = i + 1; }
    const col = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
    const message = 'the file is not UTF-8 (it looks like a legacy Vietnamese encoding such as Windows-1258 or TCVN3)';
    throw new CliError(exitCode, message, {
      diagnostics: [error('ENCODING', message, { file: name, line, col },
        "pass --encoding windows-1258, or save it as 'CSV UTF-8' (Excel: Save As → CSV UTF-8)")],
    });
  }
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

/** Read a file (or stdin for '-') as bytes. */
export async function readInputBytes(arg: string, io: Io): Promise<{ name: string; path: string | null; bytes: Uint8Array }> {
  if (arg === '-') {
    if (io.stdinIsTTY) {
      throw new CliError(EXIT.USAGE, "'-' reads standard input, but it is a terminal", { hint: 'pipe a file in (dti score - < data.csv) or name the file' });
    }
    return { name: '<stdin>', path: null, bytes: await io.readStdin() };
  }
  const path = resolve(io.cwd, arg);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    throw new CliError(EXIT.IO, `cannot read ${arg}: ${why}`, code === 'ENOENT' ? { hint: 'check the path (it is relative to the current directory)' } : {});
  }
  return { name: displayName(path, io.cwd), path, bytes };
}

/** Read a file (or stdin for '-') as UTF-8 text (or as `encoding`). */
export async function readInput(arg: string, io: Io, exitCode: number, encoding?: string): Promise<Input> {
  const { name, path, bytes } = await readInputBytes(arg, io);
  return { name, path, text: decode(bytes, name, exitCode, encoding) };
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Write `content` to `arg` ('-' = stdout) atomically: a temporary file in the same folder,
 * then a rename. Refuses to write over any of `inputs`.
 */
export function writeOutput(arg: string, content: string | Uint8Array, io: Io, inputs: readonly (string | null)[]): void {
  if (arg === '-') {
    if (typeof content !== 'string') throw new CliError(EXIT.USAGE, 'a workbook cannot be written to standard output', { hint: 'name the file: -o ket-qua.xlsx' });
    io.stdout.write(content);
    return;
  }
  const path = resolve(io.cwd, arg);
  for (const inp of inputs) {
    if (inp !== null && existsSync(path) && sameFile(inp, path)) {
      throw new CliError(EXIT.USAGE, `refusing to write over the input file ${arg}`, { hint: 'choose another --output file' });
    }
  }
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* it may not exist */ }
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(EXIT.IO, `cannot write ${arg}: ${code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'permission denied' : String(code ?? e)}`,
      { hint: 'check that the folder exists and is writable' });
  }
}

/** `--check`: is the file at `arg` exactly `content` (a workbook: the same cells, however saved)? */
export function isUpToDate(arg: string, content: string | Uint8Array, io: Io): boolean {
  try {
    if (typeof content !== 'string') {
      const now = workbookContent(readFileSync(resolve(io.cwd, arg)));
      return now !== undefined && now === workbookContent(content);
    }
    return readFileSync(resolve(io.cwd, arg), 'utf8') === content;
  } catch {
    return false;
  }
}
