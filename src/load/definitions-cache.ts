/**
 * The shipped definitions, validated once at build time. `npm run build` writes one small
 * file per shipped indicators/NAME.yaml, dist/definitions/NAME.yaml.json, holding the file's
 * text and its validated form. A definitions file called NAME.yaml whose text is exactly
 * that text is compiled from it without parsing YAML or loading the validator (nor hashing:
 * the texts are compared); any other text (an edited or a user's file) is parsed and
 * validated as always, so an edit is never missed.
 */
import { readFileSync } from 'node:fs';
import type { Definitions } from '../core/definitions.js';
import type { Result } from '../core/diagnostics.js';
import { type Framework, compile } from '../core/framework.js';
import { packagePath } from './paths.js';

export const CACHE_DIR = 'dist/definitions';
export const CACHE_SCHEMA = 'dti-definitions-cache/v2';

export interface CachedDefinitions {
  schema: typeof CACHE_SCHEMA;
  /** The definitions file's text, exactly. */
  text: string;
  /** Its validated definitions (files with no warnings only). */
  definitions: Definitions;
}

/** The cache file of a definitions file's name (its base name), if it could have one. */
export function cacheFileOf(name: string): string | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  return /^[A-Za-z0-9][\w.-]*\.yaml$/.test(base) ? `${CACHE_DIR}/${base}.json` : undefined;
}

/**
 * Only the build uses the cache: it is written by the same build as the code that reads it.
 * Running from the TypeScript sources (the unit tests) always validates.
 */
const FROM_BUILD = !import.meta.url.endsWith('.ts');

/** The validated definitions of `text`, read from the file `name`, if the build cached them (a fresh copy). */
export function cachedDefinitions(text: string, name: string): Definitions | undefined {
  const file = FROM_BUILD ? cacheFileOf(name) : undefined;
  if (file === undefined) return undefined;
  let c: CachedDefinitions;
  try {
    c = JSON.parse(readFileSync(packagePath(file), 'utf8')) as CachedDefinitions;
  } catch {
    return undefined; // not a shipped file's name, or not built yet: validate
  }
  return c.schema === CACHE_SCHEMA && c.text === text ? c.definitions : undefined;
}

/** `loadDefinitions`, served from the build's cache when the text is a shipped file's. */
export async function loadDefinitionsCached(text: string, file?: string): Promise<Result<Framework>> {
  const hit = file === undefined ? undefined : cachedDefinitions(text, file);
  if (hit !== undefined) return { ok: true, value: compile(hit), warnings: [] };
  const { loadDefinitions } = await import('./definitions.js');
  return loadDefinitions(text, file);
}
