/**
 * Just enough ZIP for .xlsx workbooks, on Node's own zlib (no dependency): read the entries
 * of an archive (stored or deflated). The writer is src/cli/zip-write.ts.
 *
 * A hostile archive is a user's mistake: sizes are capped before anything is inflated,
 * and inflation itself is capped (a "zip bomb" stops at the limit).
 */
import { inflateRawSync } from 'node:zlib';
import { isZip } from './sniff.js';
import { type Text, msg, render } from '../core/messages.js';

/** A damaged or unsupported archive: why, as a text of the catalogue (its English as the message). */
export class ZipError extends Error {
  constructor(readonly text: Text) { super(render(text, 'en')); }
}

/** Largest entry inflated, and largest total, in bytes. */
export const MAX_ENTRY = 256 * 1024 * 1024;
export const MAX_TOTAL = 512 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  /** The entry's bytes, inflated on demand. */
  read(): Uint8Array;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

export { isZip };

/** The entries of an archive, by name. */
export function readZip(b: Uint8Array): Map<string, ZipEntry> {
  // End of central directory: 22 bytes plus a comment of at most 65535.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new ZipError(msg('zip.noDirectory'));
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  if (p === 0xffffffff || count === 0xffff) throw new ZipError(msg('zip.zip64'));
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipError(msg('zip.damagedDirectory'));
    const method = u16(b, p + 10);
    const csize = u32(b, p + 20);
    const usize = u32(b, p + 24);
    const nlen = u16(b, p + 28);
    const xlen = u16(b, p + 30);
    const clen = u16(b, p + 32);
    const local = u32(b, p + 42);
    const name = decoder.decode(b.subarray(p + 46, p + 46 + nlen));
    p += 46 + nlen + xlen + clen;
    if (usize > MAX_ENTRY) throw new ZipError(msg('zip.partTooLarge', { name, size: usize, max: MAX_ENTRY }));
    total += usize;
    if (total > MAX_TOTAL) throw new ZipError(msg('zip.tooLarge', { max: MAX_TOTAL }));
    if (local + 30 > b.length || u32(b, local) !== 0x04034b50) throw new ZipError(msg('zip.partDamaged', { name }));
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (start + csize > b.length) throw new ZipError(msg('zip.partCut', { name }));
    const raw = b.subarray(start, start + csize);
    entries.set(name, {
      name,
      read: () => {
        if (method === 0) return raw;
        if (method !== 8) throw new ZipError(msg('zip.method', { name, method }));
        try {
          // The declared size is checked above; the cap stops an archive that lies about it.
          return inflateRawSync(raw, { maxOutputLength: Math.max(usize, 1) });
        } catch {
          throw new ZipError(msg('zip.inflate', { name }));
        }
      },
    });
  }
  return entries;
}
