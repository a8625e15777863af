// Build step (run by scripts/bundle.mjs in a process of its own): compile dist/dti.cjs, run
// the commands that start-up matters most for, in-process with their output discarded, then
// save V8's code cache of the bundle, with the functions those runs compiled, to
// dist/dti.cjs.cache (see src/cli-loader.ts for its format and checks).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const { loadCli, joinCache, BUNDLE, CODE_CACHE, VENDOR } = createRequire(import.meta.url)(join(DIST, 'cli-loader.cjs'));

const { cli, script, vendor } = loadCli({ dir: DIST, useCache: false });
const sink = { write: () => {} };
const io = {
  stdout: { ...sink, isTTY: false }, stderr: { ...sink, isTTY: false },
  readStdin: async () => new Uint8Array(), stdinIsTTY: true, stdinFile: () => undefined,
  env: { NO_COLOR: '1' }, cwd: ROOT,
};
// CI jobs and scripts: a ranking as CSV, JSON and Markdown, on the shipped definitions.
const COMMANDS = [
  ['score', 'data/2023.csv', '-f', 'csv', '-q'],
  ['score', 'data/2023.csv', '-f', 'json', '-q'],
  ['score', 'data/2023.csv', '-f', 'md', '-q'],
];
for (const argv of COMMANDS) {
  const code = await cli.run(argv, io);
  if (code !== 0) throw new Error(`code cache: dti ${argv.join(' ')} exited ${code}`);
}
// A definitions file the build has not seen (a user's edited copy of the shipped one, given on
// standard input): the YAML parser and zod are required, validate it, and keep their compiled
// functions for their own caches.
const edited = Buffer.from(`${readFileSync(join(ROOT, 'indicators', 'dti.yaml'), 'utf8')}\n# edited\n`);
const code = await cli.run(['score', 'data/2023.csv', '-i', '-', '-f', 'csv', '-q'], { ...io, readStdin: async () => edited, stdinIsTTY: false });
if (code !== 0) throw new Error(`code cache: dti score with edited definitions exited ${code}`);
for (const name of VENDOR) {
  const v = vendor.get(name);
  if (v === undefined) throw new Error(`code cache: ${name} was not required by a validation`);
  writeFileSync(join(DIST, `${name}.cache`), joinCache(readFileSync(join(DIST, name)), v.script.createCachedData()));
}
const data = script.createCachedData();
writeFileSync(join(DIST, CODE_CACHE), joinCache(readFileSync(join(DIST, BUNDLE)), data));
