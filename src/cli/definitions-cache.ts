/**
 * The shipped definitions, validated once at build time. `npm run build` writes
 * dist/definitions-cache.json: the validated form of every indicators/*.yaml, keyed by the
 * SHA-256 of the file's text. A definitions file whose text hashes to an entry is compiled
 * from it without parsing YAML or loading the validator; any other text (an edited or a
 * user's file) is parsed and validated as always, so an edit is never missed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Definitions } from '../core/definitions.js';
import type { Result } from '../core/diagnostics.js';
import { type Framework, compile } from '../core/framework.js';
import { packagePath } from '../paths.js';

export const CACHE_FILE = 'dist/definitions-cache.json';
export const CACHE_SCHEMA = 'dti-definitions-cache/v1';

export interface DefinitionsCache {
  schema: typeof CACHE_SCHEMA;
  /** SHA-256 (hex) of a file's text → its validated definitions (files with no warnings only). */
  entries: Record<string, Definitions>;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Only the build uses the cache: it is written by the same build as the code that reads it.
 * Running from the TypeScript sources (the unit tests) always validates.
 */
const FROM_BUILD = !import.meta.url.endsWith('.ts');

let entries: Record<string, Definitions> | null | undefined;

function cacheEntries(): Record<string, Definitions> | null {
  if (entries === undefined) {
    try {
      const c = JSON.parse(readFileSync(packagePath(CACHE_FILE), 'utf8')) as DefinitionsCache;
      entries = c.schema === CACHE_SCHEMA ? c.entries : null;
    } catch {
      entries = null; // no cache (not built yet): validate
    }
  }
  return entries;
}

/** The validated definitions of `text` if the build cached them. */
export function cachedDefinitions(text: string): Definitions | undefined {
  const e = FROM_BUILD ? cacheEntries() : null;
  if (e === null) return undefined;
  const hit = e[hashText(text)];
  // A fresh copy: callers own what they get.
  return hit === undefined ? undefined : (JSON.parse(JSON.stringify(hit)) as Definitions);
}

/** `loadDefinitions`, served from the build's cache when the text is a cached file's. */
export async function loadDefinitionsCached(text: string, file?: string): Promise<Result<Framework>> {
  const hit = cachedDefinitions(text);
  if (hit !== undefined) return { ok: true, value: compile(hit), warnings: [] };
  const { loadDefinitions } = await import('../load.js');
  return loadDefinitions(text, file);
}
