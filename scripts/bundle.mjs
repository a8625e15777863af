// Build step (npm run bundle, after tsc): bundle the CLI with esbuild into dist/dti.js plus a
// chunk per lazily loaded part (each command, the YAML parser and validator, the table
// renderer), all beside it in dist/ so that every chunk finds the package root one level up;
// then validate the shipped definitions once into dist/definitions/.
import { readdirSync, unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
// Chunks of an earlier build.
for (const f of readdirSync(DIST)) if (/^dti-[A-Z0-9]+\.js$/.test(f)) unlinkSync(join(DIST, f));

/**
 * Two start-up costs that dti never uses, left out of the bundle (behaviour unchanged):
 * - chalk detects the terminal's colours at import (node:os, node:tty) for its default
 *   instance; dti only makes its own instances with an explicit level (cli/context.ts makeChalk);
 * - commander loads node:child_process (with net, dgram, streams) for executable subcommands,
 *   which dti has none of: it gets the module when it first uses it.
 */
const startupStubs = {
  name: 'dti-startup-stubs',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (a) => (a.importer.includes('/node_modules/chalk/') ? { path: 'supports-color', namespace: 'dti-stub' } : undefined));
    b.onResolve({ filter: /^node:child_process$/ }, (a) => (a.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'dti-stub' } : undefined));
    b.onLoad({ filter: /^supports-color$/, namespace: 'dti-stub' }, () => ({
      contents: 'export default { stdout: false, stderr: false };', loader: 'js',
    }));
    b.onLoad({ filter: /^child_process$/, namespace: 'dti-stub' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, k) => process.getBuiltinModule('node:child_process')[k] });", loader: 'js',
    }));
  },
};

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
  plugins: [startupStubs],
  // Bundled CommonJS dependencies call require().
  banner: { js: "import{createRequire as __dtiRequire}from'node:module';const require=__dtiRequire(import.meta.url);" },
});

await import('./definitions-cache.mjs');
