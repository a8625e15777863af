// Build step (npm run bundle, after tsc): bundle the CLI with esbuild into dist/dti.js plus a
// chunk per lazily loaded part (each command, the YAML parser and validator, the table
// renderer), all beside it in dist/ so that every chunk finds the package root one level up;
// then validate the shipped definitions once into dist/definitions-cache.json.
import { readdirSync, unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
// Chunks of an earlier build.
for (const f of readdirSync(DIST)) if (/^dti-[A-Z0-9]+\.js$/.test(f)) unlinkSync(join(DIST, f));

await build({
  absWorkingDir: ROOT,
  entryPoints: ['src/run.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  entryNames: 'dti',
  chunkNames: 'dti-[hash]',
  logLevel: 'warning',
  // The report command's chart libraries stay in node_modules, loaded only by that command.
  external: ['vega', 'vega-lite'],
  // Bundled CommonJS dependencies call require().
  banner: { js: "import{createRequire as __dtiRequire}from'node:module';const require=__dtiRequire(import.meta.url);" },
});

await import('./definitions-cache.mjs');
