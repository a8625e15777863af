/**
 * Reading inputs and writing outputs safely: `-` is stdin/stdout, text must be UTF-8 (a
 * UTF-16 or Windows-1258 file is named as such), and `-o` writes a temporary file beside
 * the target and renames it, so a failed or interrupted run never leaves half a file.
 */
import * as nodeFs from 'node:fs';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { decode } from '../load/decode.js';
import { unreadable } from '../load/unreadable.js';
import { type PlainKey, msg } from '../core/messages.js';
import { CliError } from './errors.js';
import { EXIT, type Io, type OutputFs } from './io.js';

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
 * `decode` (src/load/decode.ts) for the shell: the text, or a CliError with `exitCode` carrying
 * the diagnostic (an unknown `--encoding` label is a usage error).
 */
export function decodeOr(bytes: Uint8Array, name: string, exitCode: number, encoding?: string): string {
  const r = decode(bytes, name, encoding);
  if (r.ok) return r.value;
  throw encodingError(r.errors[0]!, exitCode);
}

/** A decoding diagnostic as the CLI's error: an unknown encoding label is a usage error, the rest `exitCode`. */
export function encodingError(d: Diagnostic, exitCode: number): CliError {
  if (d.text.key === 'ENCODING.unknown') return new CliError(EXIT.USAGE, d.text, d.hintText === undefined ? {} : { hint: d.hintText });
  return new CliError(exitCode, d.text, { diagnostics: [d] });
}

/** The largest input read, in bytes: a bigger file (or /dev/zero, an endless pipe) is refused, not read into memory. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

const tooLarge = (arg: string) => new CliError(EXIT.IO, msg('cli.cannotRead', { file: arg, why: msg('why.tooLarge', { mib: MAX_INPUT_BYTES / 1024 / 1024 }) }),
  { hint: msg('hint.endless') });

/** Runs that have read standard input already (it can be read once). */
const stdinRead = new WeakSet<Io>();

/** A file's bytes, read in chunks up to the limit (a device or a growing file may never end). */
function readCapped(path: string, arg: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (st.isFile() && st.size > MAX_INPUT_BYTES) throw tooLarge(arg);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(st.isFile() ? Math.max(1, Math.min(st.size + 1, 1 << 24)) : 1 << 20);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT_BYTES) throw tooLarge(arg);
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Read a file (or stdin for '-') as bytes. */
export async function readInputBytes(arg: string, io: Io): Promise<{ name: string; path: string | null; bytes: Uint8Array }> {
  // '' resolves to the working folder ('cannot read: it is a directory'): a usage error instead.
  if (arg === '') throw new CliError(EXIT.USAGE, msg('cli.emptyFileName'), { hint: msg('hint.emptyFileName') });
  if (arg === '-') {
    if (io.stdinIsTTY) {
      throw new CliError(EXIT.USAGE, msg('cli.stdinTerminal'), { hint: msg('hint.pipeFile') });
    }
    if (stdinRead.has(io)) {
      throw new CliError(EXIT.USAGE, msg('cli.stdinTwice'), { hint: msg('hint.nameOtherFiles') });
    }
    stdinRead.add(io);
    const bytes = await io.readStdin(MAX_INPUT_BYTES);
    if (bytes.length > MAX_INPUT_BYTES) throw tooLarge('<stdin>');
    return { name: '<stdin>', path: null, bytes };
  }
  const path = resolve(io.cwd, arg);
  let bytes: Uint8Array;
  try {
    bytes = readCapped(path, arg);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const why = unreadable(arg, e);
    throw new CliError(EXIT.IO, why.text, why.hint === undefined ? {} : { hint: why.hint });
  }
  return { name: displayName(path, io.cwd), path, bytes };
}

/** Read a file (or stdin for '-') as UTF-8 text (or as `encoding`). */
export async function readInput(arg: string, io: Io, exitCode: number, encoding?: string): Promise<Input> {
  const { name, path, bytes } = await readInputBytes(arg, io);
  return { name, path, text: decodeOr(bytes, name, exitCode, encoding) };
}

/** Temporary files being written now, removed if the run is interrupted (SIGINT, SIGTERM, SIGHUP; see Io.holdSignals). */
const pending = new Set<{ fs: OutputFs; path: string }>();

/** Remove the temporary files of writes still under way (the signal handlers of bin/dti.js call this). */
export function removeTemporaries(): void {
  for (const t of pending) {
    try { t.fs.unlinkSync(t.path); } catch { /* already gone */ }
  }
  pending.clear();
}

/** Why a file could not be written (or read back for --check), by the system's error code. */
const WHY: Record<string, PlainKey> = {
  ENOENT: 'why.ENOENT',
  EACCES: 'why.EACCES',
  EPERM: 'why.EPERM',
  ENOSPC: 'why.ENOSPC',
  EDQUOT: 'why.EDQUOT',
  EROFS: 'why.EROFS',
  EISDIR: 'why.EISDIR',
  ENOTDIR: 'why.ENOTDIR',
  ENXIO: 'why.ENXIO',
  EIO: 'why.EIO',
};

function ioError(arg: string, e: unknown, verb = 'write'): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  const known = code === undefined ? undefined : WHY[code];
  const why = code === 'ENOENT' && verb === 'read' ? msg('why.noSuchFile')
    : verb === 'read' && code === 'EISDIR' ? msg('why.readDirectory') : verb === 'read' && code === 'EACCES' ? msg('why.readPermission')
      : code === undefined ? String((e as Error).message ?? e) : known === undefined ? code : msg(known);
  const hint = verb === 'read' ? msg(code === 'ENOENT' ? 'hint.checkWithoutCheck' : 'hint.checkPermissions')
    : msg(code === 'ENOSPC' || code === 'EDQUOT' ? 'hint.freeSpace' : 'hint.checkFolder');
  return new CliError(EXIT.IO, msg(verb === 'read' ? 'cli.cannotRead' : 'cli.cannotWrite', { file: arg, why }), { hint });
}

/** Pieces of text joined into blocks of at least `size` characters: fewer, larger writes. */
export function* blocks(content: string | Iterable<string>, size = 65536): Generator<string> {
  if (typeof content === 'string') {
    yield content;
    return;
  }
  let buf = '';
  for (const piece of content) {
    buf += piece;
    if (buf.length >= size) { yield buf; buf = ''; }
  }
  if (buf !== '') yield buf;
}

const whole = (content: string | Iterable<string>): string => (typeof content === 'string' ? content : [...blocks(content)].join(''));

/**
 * Write `content` to `arg` ('-' = stdout). Text may come in pieces: a large ranking is
 * written as it is made, never held whole (except into a pipe or device named with -o). A regular file is replaced atomically: a temporary
 * file in the same folder (with the replaced file's permissions), then a rename, so a failed
 * or interrupted run leaves the old file or the whole new one. A FIFO or a character device
 * (/dev/null, /dev/stdout, a terminal) is written into, never replaced; any other special file
 * is refused. Refuses to write over any of `inputs` (null: standard input), compared by file
 * identity (device and inode), so a link or another path to an input is caught too.
 */
export async function writeOutput(arg: string, content: string | Uint8Array | Iterable<string>, io: Io, inputs: readonly (string | null)[]): Promise<void> {
  if (arg === '-') {
    if (content instanceof Uint8Array) throw new CliError(EXIT.USAGE, msg('cli.workbookToStdout'), { hint: msg('hint.nameWorkbook') });
    for (const b of blocks(content)) io.stdout.write(b);
    return;
  }
  const fs = io.fs ?? nodeFs;
  let path = resolve(io.cwd, arg);
  const st = fs.statSync(path, { throwIfNoEntry: false });
  if (st !== undefined) {
    for (const inp of inputs) {
      const id = inp === null ? io.stdinFile?.() : fs.statSync(inp, { throwIfNoEntry: false });
      if (id !== undefined && id.dev === st.dev && id.ino === st.ino) {
        throw new CliError(EXIT.USAGE, msg('cli.overInput', { file: arg, stdin: inp === null }), { hint: msg('hint.otherOutput') });
      }
    }
    if (st.isDirectory()) throw new CliError(EXIT.IO, msg('cli.cannotWrite', { file: arg, why: msg('why.EISDIR') }), { hint: msg('hint.giveFileName') });
    if (st.isFIFO() || st.isCharacterDevice()) {
      // Written into as it is: replacing /dev/null or a named pipe with a regular file would break the system or the reader.
      try { fs.writeFileSync(path, content instanceof Uint8Array ? content : whole(content)); } catch (e) { throw ioError(arg, e); }
      return;
    }
    if (!st.isFile()) throw new CliError(EXIT.IO, msg('cli.cannotWrite', { file: arg, why: msg('why.notAFile') }), { hint: msg('hint.otherOutput') });
    // A symbolic link stays a link: the file it points to is replaced.
    path = fs.realpathSync(path);
    // A read-only file (no write permission for anyone, or none for this user) is not replaced:
    // the rename would go round its permission, which `> file` in a shell respects.
    let readOnly = (st.mode & 0o222) === 0;
    if (!readOnly) {
      try { (fs.accessSync ?? nodeFs.accessSync)(path, nodeFs.constants.W_OK); } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EROFS') throw ioError(arg, e);
        readOnly = code === 'EACCES' || code === 'EPERM';
      }
    }
    if (readOnly) throw new CliError(EXIT.IO, msg('cli.cannotWrite', { file: arg, why: msg('why.readOnlyFile') }), { hint: msg('hint.readOnlyFile') });
  }
  // node:crypto is loaded only here, when a file is written.
  const tmp = { fs, path: join(dirname(path), `.${basename(path)}.${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}.tmp`) };
  pending.add(tmp);
  const release = io.holdSignals?.();
  try {
    // A new file gets the usual 0666 less the umask; a replaced one keeps its permissions
    // (and, where allowed, its owner).
    const mode = st === undefined ? 0o666 : 0o600;
    if (content instanceof Uint8Array || typeof content === 'string') fs.writeFileSync(tmp.path, content, { flag: 'wx', mode });
    else {
      // In blocks of about a megabyte, appended as they are made. Between two blocks the event
      // loop runs, so Ctrl-C or SIGTERM during a long write is handled at once (bin/dti.js removes
      // this temporary file and exits 130/143) instead of after the rename.
      let first = true;
      for (const b of blocks(content, 1 << 20)) {
        if (!first) await new Promise((r) => setImmediate(r));
        fs.writeFileSync(tmp.path, b, first ? { flag: 'wx', mode } : { flag: 'a' });
        first = false;
      }
      if (first) fs.writeFileSync(tmp.path, '', { flag: 'wx', mode });
    }
    if (st !== undefined) {
      fs.chmodSync(tmp.path, st.mode & 0o7777);
      try { fs.chownSync(tmp.path, st.uid, st.gid); } catch { /* only root may give a file away */ }
    }
    // A signal that came while the file was written is handled here, before the rename: the
    // old file is kept.
    if (release !== undefined) await new Promise((r) => setImmediate(r));
    fs.renameSync(tmp.path, path);
  } catch (e) {
    let created = true;
    try { fs.unlinkSync(tmp.path); } catch { created = false; }
    // The file may be writable but not its folder, where the temporary file goes: said so.
    const code = (e as NodeJS.ErrnoException).code;
    if (!created && (code === 'EACCES' || code === 'EPERM')) {
      throw new CliError(EXIT.IO, msg('cli.cannotWrite', { file: arg, why: msg('why.folderNotWritable', { folder: dirname(arg) }) }),
        { hint: msg('hint.folderNotWritable') });
    }
    throw ioError(arg, e);
  } finally {
    pending.delete(tmp);
    release?.();
  }
}

/** Where a stale file first differs from what the command makes: the line, and that line in each (null past the end). */
export interface Difference {
  /** 1-based; 0 when the file is not a workbook that can be read at all. */
  line: number;
  was: string | null;
  now: string | null;
}

/** The first line where two texts differ (null when they are the same). */
export function firstDifference(was: string, now: string): Difference | null {
  if (was === now) return null;
  // Lines, the final line break ending the last one (not starting an empty one past the end).
  const lines = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
  const a = lines(was);
  const b = lines(now);
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  // Only the final line break differs: the last line is where.
  if (k === a.length && k === b.length) k = Math.max(0, k - 1);
  return { line: k + 1, was: a[k] ?? null, now: b[k] ?? null };
}

/**
 * `--check`: where the file at `arg` first differs from `content`, or null when it is the same.
 * Text: line endings do not count (a checkout with CRLF is not stale); a workbook: the same
 * cells, however saved (the line is that of its cells as text). A file that is missing or
 * unreadable is an I/O error. `cellsOf` reads a workbook's cells as comparable text
 * (cli/xlsx.ts workbookContent, passed by the caller so that a text run loads no workbook code).
 */
export function staleness(arg: string, content: string | Uint8Array | Iterable<string>, io: Io, cellsOf?: (bytes: Uint8Array) => string | undefined): Difference | null {
  const fs = io.fs ?? nodeFs;
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(resolve(io.cwd, arg));
  } catch (e) {
    throw ioError(arg, e, 'read');
  }
  if (content instanceof Uint8Array) {
    // The same bytes (a PNG picture, or a workbook as written) are up to date.
    if (bytes.length === content.length && bytes.every((b, i) => b === content[i])) return null;
    // A workbook: compared by its cells (line 0: not something that can be read as cells, a picture).
    const was = cellsOf?.(bytes);
    const now = cellsOf?.(content);
    if (was === undefined || now === undefined) return { line: 0, was: null, now: null };
    return firstDifference(was, now);
  }
  const lf = (t: string) => t.replace(/\r\n/g, '\n');
  return firstDifference(lf(new TextDecoder().decode(bytes)), lf(whole(content)));
}

/** `--check`: is the file at `arg` the same as `content`? (see `staleness`) */
export function isUpToDate(arg: string, content: string | Uint8Array | Iterable<string>, io: Io, cellsOf?: (bytes: Uint8Array) => string | undefined): boolean {
  return staleness(arg, content, io, cellsOf) === null;
}
