// Build step (npm run build): validate every shipped indicators/*.yaml once and write
// dist/definitions/NAME.yaml.json with its text and validated form (see
// src/load/definitions-cache.ts). Files with warnings are left out: they are validated at
// every run, so their warnings are printed.
import { deepStrictEqual } from 'node:assert';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { loadDefinitions } = await import(join(ROOT, 'dist/load/definitions.js'));
const { CACHE_DIR, CACHE_SCHEMA, cacheFileOf } = await import(join(ROOT, 'dist/load/definitions-cache.js'));

rmSync(join(ROOT, CACHE_DIR), { recursive: true, force: true });
rmSync(join(ROOT, 'dist/definitions-cache.json'), { force: true }); // an earlier build's single cache
mkdirSync(join(ROOT, CACHE_DIR), { recursive: true });
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
  const file = cacheFileOf(name);
  if (file === undefined) {
    console.error(`indicators/${name}: not cached (its name is not a plain file name); it is validated at every run`);
    continue;
  }
  writeFileSync(join(ROOT, file), JSON.stringify({ schema: CACHE_SCHEMA, text, definitions: defs }));
}
