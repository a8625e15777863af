// Build step (npm run bundle, after tsc): bundle the CLI (src/cli/run.ts and its dependencies)
// with esbuild into one CommonJS file, dist/dti.cjs, which bin/dti.js requires (with Node's
// module compile cache where Node has one, 22.1 and later). Each command, and everything only
// one command or one case needs (the YAML parser and validator, the workbook reader and
// writer), is evaluated only when it is imported: esbuild turns each dynamic import() into a
// call of that module's initialiser. The YAML parser and zod, used only to validate a
// definitions file the build has not seen, are bundles of their own (dist/dti-yaml.cjs,
// dist/dti-zod.cjs), so a run that does not validate does not even read them. Then: validate
// the shipped definitions once into dist/definitions/.
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
// What an earlier build made (also the ESM bundle and chunks, and the code-cache files and
// the loader dist/cli-loader.* of builds before Node 22's compile cache).
for (const f of readdirSync(DIST)) if (/^dti(-[A-Z0-9]+)?\.js$|^dti(-[a-z]+)?\.cjs(\.cache|\.map)?$|^cli-loader\.(c?js|d\.ts)$/.test(f)) unlinkSync(join(DIST, f));

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

/** The validation libraries: a bundle each beside dti.cjs, required only when a module that imports them is evaluated. */
const VENDOR = ['yaml', 'zod'];
const vendorExternal = {
  name: 'dti-vendor',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${VENDOR.join('|')})$`) }, (a) => ({ path: `./dti-${a.path}.cjs`, external: true }));
  },
};

// The lowest supported Node line (package.json engines; README "Set up and run"). Without the
// white space and with shorter syntax, names kept (stack traces and V8's coverage name the
// functions): Node reads, checks against its compile cache and holds a smaller source at every
// start-up (dist/dti.cjs 897 KB -> about 660 KB; dti score 2-3 ms less on Node 24, 80
// interleaved runs).
const common = { absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'cjs', target: 'node22', logLevel: 'warning', minifyWhitespace: true, minifySyntax: true };

await build({
  ...common,
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/dti.cjs',
  // The report command's chart libraries stay in node_modules, loaded only by that command
  // (by import(), which a CommonJS module has too).
  external: ['vega', 'vega-lite', '@resvg/resvg-js'],
  plugins: [startupStubs, vendorExternal],
  // dist/dti.cjs.map, read only with --debug (bin/dti.js turns Node's source maps on), so that a
  // stack trace names the files and lines of src/.
  sourcemap: 'linked',
  // A CommonJS module has no import.meta: its URL is that of the file (src/load/paths.ts).
  define: { 'import.meta.url': '__dtiMetaUrl' },
  banner: { js: "var __dtiMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
for (const name of VENDOR) {
  await build({
    ...common,
    stdin: { contents: `export * from '${name}';`, resolveDir: ROOT, sourcefile: `${name}.js`, loader: 'js' },
    outfile: `dist/dti-${name}.cjs`,
  });
}

// ASCII only, so that V8 holds the source as one byte a character (half the memory). esbuild
// escapes strings and comments but leaves letters such as 'đ' in regular expressions; \uXXXX
// means the same there (and in strings and identifiers), a UTF-16 unit at a time.
const bundle = join(DIST, 'dti.cjs');
writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

await import('./definitions-cache.mjs');
