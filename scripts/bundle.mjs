// Build step (npm run bundle, after tsc): bundle the CLI (src/run.ts and its dependencies)
// with esbuild into one CommonJS file, dist/dti.cjs, which dist/cli-loader.cjs compiles with a
// V8 code cache (Node 20 has no module compile cache; a script compiled through node:vm takes
// one). Each command, and everything only one command or one case needs (the YAML parser and
// validator, the workbook reader and writer), is evaluated only when it is imported: esbuild
// turns each dynamic import() into a call of that module's initialiser. The YAML parser and
// zod, used only to validate a definitions file the build has not seen, are bundles of their
// own (dist/dti-yaml.cjs, dist/dti-zod.cjs), so a run that does not validate does not even read
// them. Then: validate the shipped definitions once into dist/definitions/, and make the code
// cache (scripts/code-cache.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
// What an earlier build made (also the ESM bundle and chunks of builds before this one), and
// tsc's ES module of the loader, which nothing uses (bin/dti.js requires dist/cli-loader.cjs).
for (const f of readdirSync(DIST)) if (/^dti(-[A-Z0-9]+)?\.js$|^dti(-[a-z]+)?\.cjs(\.cache)?$|^cli-loader\.c?js$/.test(f)) unlinkSync(join(DIST, f));

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

const common = { absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['src/run.ts'],
  outfile: 'dist/dti.cjs',
  // The report command's chart libraries stay in node_modules, loaded only by that command.
  external: ['vega', 'vega-lite'],
  plugins: [startupStubs, vendorExternal],
  // The loader (src/cli-loader.ts) passes the bundle's file URL.
  define: { 'import.meta.url': '__dtiMetaUrl' },
});
// The loader bin/dti.js requires (src/cli-loader.ts): CommonJS, its own small file.
await build({ ...common, entryPoints: ['src/cli-loader.ts'], outfile: 'dist/cli-loader.cjs' });
for (const name of VENDOR) {
  await build({
    ...common,
    stdin: { contents: `export * from '${name}';`, resolveDir: ROOT, sourcefile: `${name}.js`, loader: 'js' },
    outfile: `dist/dti-${name}.cjs`,
  });
}

// A script compiled through node:vm has no import() of its own: the loader passes one
// (__dtiImport). The chart libraries (ESM, with top-level await) are the only modules
// imported dynamically from outside the bundle.
const bundle = join(DIST, 'dti.cjs');
let text = readFileSync(bundle, 'utf8');
const imports = text.match(/\bimport\(/g) ?? [];
text = text.replace(/\bimport\(("vega(?:-lite)?")\)/g, '__dtiImport($1)');
const left = text.match(/\bimport\(/g) ?? [];
if (imports.length !== 2 || left.length !== 0) throw new Error(`dist/dti.cjs: expected the two dynamic imports of vega and vega-lite, found ${imports.length} (${left.length} left)`);
// ASCII only, so that V8 holds the source as one byte a character (half the memory, and the
// loader decodes it as Latin-1 with no UTF-8 decoding). esbuild escapes strings and comments
// but leaves letters such as 'đ' in regular expressions; \uXXXX means the same there (and in
// strings and identifiers), a UTF-16 unit at a time.
text = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(bundle, text);

await import('./definitions-cache.mjs');

// The code cache is made in a process of its own, so that it holds what those commands compile.
const r = spawnSync(process.execPath, [join(ROOT, 'scripts/code-cache.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (r.status !== 0) throw new Error('scripts/code-cache.mjs failed');
