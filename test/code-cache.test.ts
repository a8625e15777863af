// The CLI bundle's V8 code cache (src/cli-loader.ts, made by scripts/code-cache.mjs): used
// when it was made from the very bundle being run; a stale one (the bundle changed, the cache
// not), one V8 rejects (another Node version) or none at all is not used, and the CLI then
// behaves exactly the same, only compiled from source. The loader never writes.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT, tmp } from './helpers.js';

type Loader = typeof import('../src/cli-loader.js');
interface Ran { cache: string; vendor: Record<string, string>; code: number; stdout: string; stderr: string }

/** Run `dti argv…` in a child through the loader of `dist` (with or without its cache). */
function ran(dist: string, argv: string[], useCache = true): Ran {
  const script = `const { loadCli } = require(${JSON.stringify(join(dist, 'cli-loader.cjs'))});
const { cli, cache, vendor } = loadCli({ dir: ${JSON.stringify(dist)}, useCache: ${useCache} });
let stdout = '', stderr = '';
const io = { stdout: { write: (s) => { stdout += s; }, isTTY: false }, stderr: { write: (s) => { stderr += s; }, isTTY: false },
  readStdin: async () => new Uint8Array(), stdinIsTTY: true, stdinFile: () => undefined, env: { NO_COLOR: '1' }, cwd: ${JSON.stringify(ROOT)} };
cli.run(${JSON.stringify(argv)}, io).then((code) => process.stdout.write(JSON.stringify({
  cache, vendor: Object.fromEntries([...vendor].map(([k, v]) => [k, v.cache])), code, stdout, stderr })));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Ran;
}

/** A copy of the installed package's files the CLI reads (package.json, definitions, data, dist). */
function packageCopy(): string {
  const d = tmp();
  cpSync(join(ROOT, 'package.json'), join(d, 'package.json'));
  cpSync(join(ROOT, 'indicators'), join(d, 'indicators'), { recursive: true });
  mkdirSync(join(d, 'dist'));
  for (const f of ['dti.cjs', 'dti.cjs.cache', 'cli-loader.cjs', 'dti-yaml.cjs', 'dti-zod.cjs', 'dti-yaml.cjs.cache', 'dti-zod.cjs.cache', 'definitions']) {
    cpSync(join(ROOT, 'dist', f), join(d, 'dist', f), { recursive: true });
  }
  return join(d, 'dist');
}

const DIST = join(ROOT, 'dist');
const loader = () => import(join(DIST, 'cli-loader.cjs')) as Promise<Loader>;

/** Commands that cover the shipped definitions (cached and validated), every output format, help and errors. */
const COMMANDS = [
  ['score', 'data/2023.csv', '-f', 'csv', '-q'],
  ['score', 'data/2023.csv', '-f', 'json'],
  ['score', 'data/2023.csv', '-f', 'md', '--detail', 'indicators', '--lang', 'en'],
  ['score', 'data/2023.csv', '-f', 'table', '--by', 'region'],
  ['score', 'data/papi/2016.csv', '-i', 'indicators/papi.yaml', '-f', 'tsv'],
  ['compare', 'Nghệ An', 'Hà Tĩnh', '-f', 'csv'],
  ['indicators', '-f', 'md'],
  ['validate', 'data/2023.csv'],
  ['--help'],
  ['score', 'no-such-file.csv'],
  ['scroe'],
];

describe('the code cache', () => {
  it('is used by the build that made it', () => {
    expect(ran(DIST, ['--version']).cache).toBe('used');
  });

  it('changes nothing: the same output and exit code with and without it', () => {
    for (const argv of COMMANDS) {
      const cached = ran(DIST, argv);
      const compiled = ran(DIST, argv, false);
      expect(cached.cache).toBe('used');
      expect(compiled.cache).toBe('none');
      expect([argv, cached.code, cached.stdout, cached.stderr]).toEqual([argv, compiled.code, compiled.stdout, compiled.stderr]);
      expect(cached.stdout.length + cached.stderr.length).toBeGreaterThan(20);
    }
  });

  it('is not used when stale: a bundle edited without changing its length runs as edited', async () => {
    const dist = packageCopy();
    const file = join(dist, 'dti.cjs');
    const text = readFileSync(file, 'latin1');
    const from = 'Results go to standard output'; // a line of the help, in English
    expect(text).toContain(from);
    const edited = text.split(from).join(from.toUpperCase());
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited, 'latin1');
    const r = ran(dist, ['--help', '--lang', 'en']);
    expect(r.cache).toBe('stale');
    expect(r.stdout).toContain(from.toUpperCase());
    // Why the loader compares the bytes itself: V8 takes the same cache for the edited
    // source (it checks little more than the length), and would run the old code.
    const { splitCache } = await loader();
    const parts = splitCache(readFileSync(join(dist, 'dti.cjs.cache')))!;
    const wrap = (s: string) => `(function (exports, require, module, __filename, __dirname, __dtiImport, __dtiMetaUrl) {${s}\n})`;
    expect(new Script(wrap(edited), { filename: file, cachedData: parts.data }).cachedDataRejected).toBe(false);
  });

  it('falls back to compiling when V8 rejects it (made by another Node version), or there is none', () => {
    const dist = packageCopy();
    const cacheFile = join(dist, 'dti.cjs.cache');
    const reference = ran(DIST, COMMANDS[1]!);
    const bytes = readFileSync(cacheFile);
    // Our header (two lines), the bundle's copy, then V8's data: its header is a magic
    // number and the hash of the V8 version that made it.
    const dataAt = bytes.indexOf(10, bytes.indexOf(10) + 1) + 1 + statSync(join(dist, 'dti.cjs')).size;
    for (let i = 4; i < 8; i++) bytes[dataAt + i]! ^= 0xff;
    writeFileSync(cacheFile, bytes);
    const rejected = ran(dist, COMMANDS[1]!);
    expect(rejected.cache).toBe('rejected');
    expect(rejected.stdout).toBe(reference.stdout);
    writeFileSync(cacheFile, 'not a cache');
    expect(ran(dist, COMMANDS[1]!).cache).toBe('stale');
    rmSync(cacheFile);
    const none = ran(dist, COMMANDS[1]!);
    expect(none.cache).toBe('none');
    expect(none.stdout).toBe(reference.stdout);
  });

  it('serves the YAML parser and zod too, for definitions the build has not seen, under the same checks', () => {
    const dist = packageCopy();
    const yamlFile = join(tmp(), 'my.yaml');
    writeFileSync(yamlFile, `${readFileSync(join(ROOT, 'indicators', 'dti.yaml'), 'utf8')}# my edit\n`);
    const argv = ['score', 'data/2023.csv', '-i', yamlFile, '-f', 'csv', '-q'];
    const both = { 'dti-yaml.cjs': 'used', 'dti-zod.cjs': 'used' };
    const cached = ran(dist, argv);
    expect(cached.vendor).toEqual(both);
    const compiled = ran(dist, argv, false);
    expect(compiled.vendor).toEqual({ 'dti-yaml.cjs': 'none', 'dti-zod.cjs': 'none' });
    expect(cached.stdout.length).toBeGreaterThan(1000);
    expect([cached.code, cached.stdout, cached.stderr]).toEqual([compiled.code, compiled.stdout, compiled.stderr]);
    // The shipped definitions, unedited, need neither.
    expect(ran(dist, ['score', 'data/2023.csv', '-f', 'csv', '-q']).vendor).toEqual({});
    // A mistake in the user's file: the same diagnostics either way.
    writeFileSync(yamlFile, 'version: 1\nindicators: [\n');
    const bad = ran(dist, argv);
    expect(bad.code).not.toBe(0);
    expect(bad.vendor['dti-yaml.cjs']).toBe('used');
    expect([bad.code, bad.stderr]).toEqual([ran(dist, argv, false).code, ran(dist, argv, false).stderr]);
    // Stale (the library's bundle edited: a comment added) and missing: compiled from source.
    writeFileSync(yamlFile, `${readFileSync(join(ROOT, 'indicators', 'dti.yaml'), 'utf8')}# my edit\n`);
    writeFileSync(join(dist, 'dti-zod.cjs'), `${readFileSync(join(dist, 'dti-zod.cjs'), 'latin1')}\n// edited\n`, 'latin1');
    rmSync(join(dist, 'dti-yaml.cjs.cache'));
    const fallback = ran(dist, argv);
    expect(fallback.vendor).toEqual({ 'dti-yaml.cjs': 'none', 'dti-zod.cjs': 'stale' });
    expect([fallback.code, fallback.stdout, fallback.stderr]).toEqual([compiled.code, compiled.stdout, compiled.stderr]);
  });

  it('writes nothing at run time', () => {
    const dist = packageCopy();
    const listing = () => readdirSync(dist, { recursive: true }).map(String).sort().map((f) => [f, statSync(join(dist, f)).mtimeMs]);
    const before = listing();
    // Stale, so that a loader that "repaired" its cache would show here.
    writeFileSync(join(dist, 'dti.cjs'), `${readFileSync(join(dist, 'dti.cjs'), 'latin1')}\n`, 'latin1');
    const edited = listing();
    expect(ran(dist, ['score', 'data/2023.csv', '-f', 'csv', '-q']).cache).toBe('stale');
    expect(listing()).toEqual(edited);
    expect(edited.map(([f]) => f)).toEqual(before.map(([f]) => f));
  });
});
