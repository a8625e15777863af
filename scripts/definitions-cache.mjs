// Build step (npm run build): validate every shipped indicators/*.yaml once and write
// dist/definitions-cache.json, keyed by the SHA-256 of each file's text (see
// src/cli/definitions-cache.ts). Files with warnings are left out: they are validated at
// every run, so their warnings are printed.
import { deepStrictEqual } from 'node:assert';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { loadDefinitions } = await import(join(ROOT, 'dist/load.js'));
const { CACHE_FILE, CACHE_SCHEMA, hashText } = await import(join(ROOT, 'dist/cli/definitions-cache.js'));

const entries = {};
for (const name of readdirSync(join(ROOT, 'indicators')).filter((f) => f.endsWith('.yaml')).sort()) {
  const text = readFileSync(join(ROOT, 'indicators', name), 'utf8');
  const r = loadDefinitions(text, `indicators/${name}`);
  if (!r.ok || r.warnings.length > 0) continue;
  const defs = r.value.definitions;
  try {
    // Only what survives JSON unchanged may be cached.
    deepStrictEqual(JSON.parse(JSON.stringify(defs)), defs);
  } catch {
    console.error(`indicators/${name}: not cached (its validated form does not survive JSON); it is validated at every run`);
    continue;
  }
  entries[hashText(text)] = defs;
}
writeFileSync(join(ROOT, CACHE_FILE), JSON.stringify({ schema: CACHE_SCHEMA, entries }));
