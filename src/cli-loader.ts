/**
 * Loads the CLI bundle, dist/dti.cjs, with the V8 code cache the build made for it
 * (dist/dti.cjs.cache), so that `dti` starts without parsing or compiling its own code.
 * Built by esbuild into dist/cli-loader.cjs (CommonJS, like bin/dti.js: an ES module entry
 * and its imports cost Node 20 some 10–20 ms more at start-up); not part of the library.
 * Node 20 has no module compile cache (module.enableCompileCache is Node 22), but a script
 * compiled through node:vm takes V8's `cachedData`.
 *
 * The cache file holds a header, a copy of the exact bundle it was made from, and V8's data.
 * It is used only when that copy is byte for byte the bundle being run: V8's own check
 * compares little more than the source's length (an edited bundle of the same length would
 * run the old code), so the loader compares the bytes itself. A missing, stale or rejected
 * cache (another Node version, other V8 flags) is not an error: the bundle is compiled as
 * usual. Nothing is ever written at run time; the cache is made by the build
 * (scripts/code-cache.mjs) after running representative commands, so the functions they
 * compile lazily are in it.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import type { Io } from './cli/io.js';

/** What dist/dti.cjs exports (src/run.ts). */
export interface Cli {
  run(argv: readonly string[], io: Io): Promise<number>;
  removeTemporaries(): void;
}

/** How the cache served: used; none (no cache file, or not asked for); stale (made from another bundle); rejected (by V8). */
export type CacheState = 'used' | 'none' | 'stale' | 'rejected';

export interface LoadedCli {
  cli: Cli;
  cache: CacheState;
  /** The compiled bundle (the build makes the cache from it). */
  script: Script;
  /** The vendor bundles required so far, by file name (VENDOR). */
  vendor: ReadonlyMap<string, VendorModule>;
}

export const BUNDLE = 'dti.cjs';
export const CODE_CACHE = 'dti.cjs.cache';
/** First line of a cache file; the second is the length of the bundle copy that follows. */
export const CODE_CACHE_MAGIC = 'dti-code-cache/v1';

/** The bundle's text, as CommonJS wraps a module (plus the dynamic import and import.meta.url the bundle needs). */
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname, __dtiImport, __dtiMetaUrl) {';
const WRAP_TAIL = '\n})';

/** The bundle copy and V8's data in a cache file, or undefined if it is not one. */
export function splitCache(file: Buffer): { source: Buffer; data: Buffer } | undefined {
  const nl1 = file.indexOf(10);
  const nl2 = nl1 < 0 ? -1 : file.indexOf(10, nl1 + 1);
  if (nl2 < 0 || file.toString('latin1', 0, nl1) !== CODE_CACHE_MAGIC) return undefined;
  const length = Number(file.toString('latin1', nl1 + 1, nl2));
  if (!Number.isSafeInteger(length) || nl2 + 1 + length > file.length) return undefined;
  return { source: file.subarray(nl2 + 1, nl2 + 1 + length), data: file.subarray(nl2 + 1 + length) };
}

/** The contents of a cache file: the bundle it is made from and V8's data. */
export function joinCache(source: Buffer, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${CODE_CACHE_MAGIC}\n${source.length}\n`, 'latin1'), source, data]);
}

/**
 * The validation libraries (scripts/bundle.mjs), which the bundle requires only to validate a
 * definitions file the build has not seen: compiled like the bundle, each with its own cache
 * (NAME.cache, made by the build after validating such a file), under the same checks.
 */
export const VENDOR: readonly string[] = ['dti-yaml.cjs', 'dti-zod.cjs'];

/** A vendor bundle, once required. */
export interface VendorModule {
  script: Script;
  cache: CacheState;
  exports: unknown;
}

/** How Node wraps a CommonJS module. */
const CJS_HEAD = '(function (exports, require, module, __filename, __dirname) {';

/** `file` compiled as `head` + its text + `}`, with the cache `file`.cache when it was made from exactly this file. */
function compileCached(file: string, head: string, useCache: boolean): { script: Script; cache: CacheState } {
  const bytes = readFileSync(file);
  let cachedData: Buffer | undefined;
  let cache: CacheState = 'none';
  if (useCache) {
    let stored: Buffer | undefined;
    try {
      stored = readFileSync(`${file}.cache`);
    } catch {
      stored = undefined; // not built: compile as usual
    }
    if (stored !== undefined) {
      const parts = splitCache(stored);
      if (parts !== undefined && parts.source.equals(bytes)) cachedData = parts.data;
      else cache = 'stale';
    }
  }
  // The build writes the bundles in ASCII: Latin-1 is then the same text, decoded by a copy.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new Script(head + source + WRAP_TAIL, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  if (cachedData !== undefined) cache = script.cachedDataRejected === true ? 'rejected' : 'used';
  return { script, cache };
}

/** Compile and run the bundle in `dir` (dist/), with its code cache unless `useCache` is false. */
export function loadCli(opts: { dir: string; useCache?: boolean }): LoadedCli {
  const { dir } = opts;
  const useCache = opts.useCache !== false;
  const file = join(dir, BUNDLE);
  const { script, cache } = compileCached(file, WRAP_HEAD, useCache);
  const module = { exports: {} as Cli };
  // The external dynamic imports (the report's chart libraries) resolve from this module,
  // dist/cli-loader.cjs, which sits beside the bundle.
  const dynamicImport = (specifier: string): Promise<unknown> => import(specifier);
  // The bundle's require: Node's, but the vendor bundles compiled with their caches, once.
  const nodeRequire = createRequire(file);
  const vendor = new Map<string, VendorModule>();
  const bundleRequire = Object.assign((id: string): unknown => {
    const name = id.startsWith('./') ? id.slice(2) : '';
    if (!VENDOR.includes(name)) return nodeRequire(id);
    let v = vendor.get(name);
    if (v === undefined) {
      const vfile = join(dir, name);
      const compiled = compileCached(vfile, CJS_HEAD, useCache);
      const m = { exports: {} as unknown };
      (compiled.script.runInThisContext() as (...args: unknown[]) => void).call(m.exports, m.exports, createRequire(vfile), m, vfile, dir);
      v = { ...compiled, exports: m.exports };
      vendor.set(name, v);
    }
    return v.exports;
  }, { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main, extensions: nodeRequire.extensions });
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports, bundleRequire, module, file, dir, dynamicImport, pathToFileURL(file).href,
  );
  return { cli: module.exports, cache, script, vendor };
}
