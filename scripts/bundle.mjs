// Build step (npm run bundle, after tsc): bundle the CLI (src/cli/run.ts and its dependencies)
// with esbuild into one CommonJS file, dist/dti.cjs, which bin/dti.js requires (with Node's
// module compile cache where Node has one, 22.1 and later). Each command, and everything only
// one command or one case needs (the YAML parser and validator, the workbook reader and
// writer), is evaluated only when it is imported: esbuild turns each dynamic import() into a
// call of that module's initialiser. The YAML parser and zod, used only to validate a
// definitions file the build has not seen, are bundles of their own (dist/dti-yaml.cjs,
// dist/dti-zod.cjs), so a run that does not validate does not even read them. Then: validate
// the shipped definitions once into dist/definitions/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
// What an earlier build made (also the ESM bundle and chunks, and the code-cache files and
// the loader dist/cli-loader.* of builds before Node 22's compile cache).
for (const f of readdirSync(DIST)) if (/^dti(-[A-Z0-9]+)?\.js$|^dti(-[a-z]+)?\.cjs(\.cache)?$|^cli-loader\.(c?js|d\.ts)$/.test(f)) unlinkSync(join(DIST, f));

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

// The lowest supported Node line (package.json engines; README "Set up and run").
const common = { absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'cjs', target: 'node22', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/dti.cjs',
  // The report command's chart libraries stay in node_modules, loaded only by that command
  // (by import(), which a CommonJS module has too).
  external: ['vega', 'vega-lite', '@resvg/resvg-js'],
  plugins: [startupStubs, vendorExternal],
  // A CommonJS module has no import.meta: its URL is that of the file (src/cli/paths.ts).
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

// The definitions cache before the training runs below, so that they take the path a user's run takes.
await import('./definitions-cache.mjs');

/**
 * Compiled when the bundle loads, so that Node's compile cache keeps it. V8 compiles a function
 * when it is first called, except a function in parentheses (`(function f() {…})`,
 * `((x) => …)`), which it compiles with the code around it; Node's compile cache holds what was
 * compiled when the module loaded, so a function compiled later is compiled again at every run
 * (on Node 24, about a third of `dti score`'s own start-up). So: run the start-up commands once
 * (TRAINING) with V8's coverage, and put every function they called that can be put in
 * parentheses there: module initialisers (esbuild's `__esm`/`__commonJS` methods become
 * function expressions), functions declared at the top of the bundle (`function f` becomes
 * `var f = (function f`; the bundle's top level only defines functions, and runs code only at
 * its end, after every definition), arrow functions and function expressions. Methods and
 * nested declarations stay as they are. Same code, compiled earlier: nothing else changes.
 * Node 20, which has no compile cache, compiles the same functions at load instead of at their
 * first call.
 */
const TRAINING = [
  ['score', 'data/2023.csv', '-f', 'csv', '-q'],
  ['score', 'data/2023.csv', '-q'],
  ['score', 'data/2023.csv', '-f', 'json', '-q'],
  ['--version'],
];
{
  const source = readFileSync(bundle, 'utf8');
  const coverage = mkdtempSync(join(tmpdir(), 'dti-bundle-'));
  try {
    for (const args of TRAINING) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/dti.js'), ...args], {
        cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_V8_COVERAGE: coverage, NODE_DISABLE_COMPILE_CACHE: '1' },
      });
      if (r.status !== 0) throw new Error(`bundle: dti ${args.join(' ')} failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
    }
    const called = new Map();
    for (const f of readdirSync(coverage)) {
      for (const script of JSON.parse(readFileSync(join(coverage, f), 'utf8')).result) {
        if (script.url !== pathToFileURL(bundle).href) continue;
        for (const { ranges: [r] } of script.functions) if (r.count > 0 && r.startOffset > 0) called.set(r.startOffset, r.endOffset);
      }
    }
    if (called.size === 0) throw new Error('bundle: the training runs left no coverage of dist/dti.cjs');
    writeFileSync(bundle, inParentheses(source, called));
  } finally {
    rmSync(coverage, { recursive: true, force: true });
  }
}

/** `source` with the functions starting at the keys of `called` (ending at its values) in parentheses where that means the same. */
function inParentheses(source, called) {
  const edits = []; // [offset, characters removed, text inserted]
  for (const [start, end] of called) {
    const text = source.slice(start, start + 300);
    let m;
    if (source[start - 1] === '\n' && (m = /^(?:async )?function\*? ?([\w$]+)\(/.exec(text))) {
      // A declaration at the top of the bundle.
      edits.push([start, 0, `var ${m[1]} = (`], [end, 0, ');']);
    } else if ((m = /^"[^"\n]+"(?=\()/.exec(text)) && /= __(?:esm|commonJS)\(\{\n {2}$/.test(source.slice(start - 30, start))) {
      // A module's initialiser: a method named after the module.
      edits.push([start, m[0].length, `${m[0]}: (function`], [end, 0, ')']);
    } else if (/^(?:async )?(?:\(|[\w$]+ =>)/.test(text) && !/^async [\w$]+\(/.test(text)) {
      // An arrow function (a method's text starts with its name, never a parenthesis).
      edits.push([start, 0, '('], [end, 0, ')']);
    } else if (/^(?:async )?function\b/.test(text) && /[=(,:[?!&|]\s*$/.test(source.slice(start - 20, start))) {
      // A function expression.
      edits.push([start, 0, '('], [end, 0, ')']);
    }
  }
  edits.sort((a, b) => b[0] - a[0]);
  let out = source;
  for (const [at, removed, inserted] of edits) out = out.slice(0, at) + inserted + out.slice(at + removed);
  return out;
}
