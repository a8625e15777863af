// Start-up: the shipped definitions come from the build's validated cache (an edited file is
// validated again), and a command loads only what it uses: `dti score` on the shipped
// definitions never loads the YAML parser or the schema validator, on a CSV file no workbook
// code.
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { appendFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../src/load/definitions.js';
import { ROOT, tmp } from './helpers.js';

const BIN = join(ROOT, 'bin/dti.js');
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const dir = () => { const d = tmp(); dirs.push(d); return d; };

// The build's own module (dist/, as the binary runs it), not the TypeScript source.
const cacheModule = () => import(join(ROOT, 'dist/load/definitions-cache.js')) as Promise<typeof import('../src/load/definitions-cache.js')>;
const shipped = readdirSync(join(ROOT, 'indicators')).filter((f) => f.endsWith('.yaml'));
const COMMAND_FILES = readdirSync(join(ROOT, 'src/commands')).filter((f) => f.endsWith('.ts')).map((f) => `src/commands/${f}`).sort();

/**
 * Run the binary and say what it loaded: the modules of the bundle it evaluated (V8's
 * coverage counts calls of each module's initialiser, which esbuild names after the module's
 * path), whether the YAML and zod bundles were evaluated, and Node's own modules.
 */
function traced(args: string[]) {
  const d = dir();
  const log = join(d, 'loaded.json');
  writeFileSync(join(d, 'at-exit.cjs'), `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(log)},
  JSON.stringify({ builtins: process.moduleLoadList, required: Object.keys(require.cache) })));\n`);
  const cov = join(d, 'coverage');
  const r = spawnSync(process.execPath, ['-r', join(d, 'at-exit.cjs'), BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_V8_COVERAGE: cov } });
  const loaded = JSON.parse(readFileSync(log, 'utf8')) as { builtins: string[]; required: string[] };
  const scripts = readdirSync(cov).flatMap((f) => (JSON.parse(readFileSync(join(cov, f), 'utf8')) as { result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[] }).result);
  const bundle = scripts.find((s) => s.url.endsWith('/dist/dti.cjs'))!;
  const inits = bundle.functions.filter((f) => /^(src|node_modules)\//.test(f.functionName));
  const required = loaded.required.map((f) => relative(ROOT, f));
  return {
    ...r,
    /** Every module of the bundle, and those evaluated. */
    modules: inits.map((f) => f.functionName),
    sources: inits.filter((f) => f.ranges[0]!.count > 0).map((f) => f.functionName),
    /** The names of the bundle's functions that were called. */
    called: new Set(bundle.functions.filter((f) => f.ranges[0]!.count > 0).map((f) => f.functionName)),
    builtins: loaded.builtins.filter((l) => l.startsWith('NativeModule ')).map((l) => l.slice(13)),
    required,
    loadsYaml: required.includes('dist/dti-yaml.cjs'),
    loadsZod: required.includes('dist/dti-zod.cjs'),
  };
}

describe('the definitions cache', () => {
  it('holds every shipped definitions file, exactly as validating it gives', async () => {
    const { cachedDefinitions } = await cacheModule();
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    for (const f of shipped) {
      const text = readFileSync(join(ROOT, 'indicators', f), 'utf8');
      const fresh = loadDefinitions(text, `indicators/${f}`);
      expect(fresh.ok && fresh.warnings).toEqual([]);
      expect(cachedDefinitions(text, `indicators/${f}`)).toStrictEqual(fresh.ok ? fresh.value.definitions : null);
    }
  });
  it('serves no edited file, even by one character, and only under its shipped name', async () => {
    const { cachedDefinitions } = await cacheModule();
    const text = readFileSync(join(ROOT, 'indicators/dti.yaml'), 'utf8');
    expect(cachedDefinitions(text, 'indicators/dti.yaml')).toBeDefined();
    expect(cachedDefinitions(`${text} `, 'indicators/dti.yaml')).toBeUndefined();
    expect(cachedDefinitions(text.replace('weight: 1', 'weight: 2'), 'dti.yaml')).toBeUndefined();
    // Another shipped file's name, or no shipped file's name: validated.
    expect(cachedDefinitions(text, 'indicators/papi.yaml')).toBeUndefined();
    expect(cachedDefinitions(text, 'my-index.yaml')).toBeUndefined();
    expect(cachedDefinitions(text, '-')).toBeUndefined();
  });
  it('re-reads an edited copy: its changes show, its errors are reported', () => {
    const d = dir();
    const text = readFileSync(join(ROOT, 'indicators/dti.yaml'), 'utf8');
    // The index's own Vietnamese name is the first 'vi:' of the file.
    writeFileSync(join(d, 'renamed.yaml'), text.replace(/^ {2}vi: .*$/m, '  vi: Chỉ số sửa'));
    const r = spawnSync(process.execPath, [BIN, 'score', 'data/2023.csv', '-i', join(d, 'renamed.yaml'), '-f', 'json', '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).framework.name).toBe('Chỉ số sửa');
    appendFileSync(join(d, 'renamed.yaml'), 'bogus: 1\n');
    const bad = spawnSync(process.execPath, [BIN, 'score', 'data/2023.csv', '-i', join(d, 'renamed.yaml'), '--lang', 'en'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/renamed\.yaml:\d+:\d+: error: .*bogus/);
  });
});

describe('lazy loading', () => {
  it('dti score on the shipped definitions loads neither the YAML parser nor the validator', () => {
    const r = traced(['score', 'data/2023.csv', '-f', 'csv', '-q']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Vĩnh Phúc');
    expect(r.required).toContain('dist/dti.cjs');
    expect(r.loadsYaml).toBe(false);
    expect(r.loadsZod).toBe(false);
  });
  it('dti score on a CSV file loads no workbook code (xlsx, zip, XML, zlib), no crypto, no child processes', () => {
    const r = traced(['score', 'data/2023.csv', '-f', 'csv', '-q']);
    expect(r.status).toBe(0);
    expect(r.sources).toContain('src/commands/score.ts');
    expect(r.sources).toContain('src/load/sniff.ts');
    for (const m of ['src/cli/xlsx.ts', 'src/load/zip.ts', 'src/cli/zip-write.ts', 'src/load/xml.ts', 'src/load/xlsx.ts', 'src/render/xlsx.ts']) {
      expect(r.modules).toContain(m);
      expect(r.sources).not.toContain(m);
    }
    for (const m of ['zlib', 'crypto', 'child_process', 'tty']) expect(r.builtins).not.toContain(m);
    // node:os only for the compile cache's folder (os.tmpdir(), Node 22.1+), never for chalk.
    expect(r.builtins.includes('os')).toBe(typeof module.enableCompileCache === 'function');
    // Writing a file (-o) takes crypto for the temporary name, not zlib.
    const d = dir();
    const out = traced(['score', 'data/2023.csv', '-q', '-o', join(d, 'out.csv')]);
    expect(out.status).toBe(0);
    expect(readFileSync(join(d, 'out.csv'), 'utf8')).toContain('Vĩnh Phúc');
    expect(out.builtins).toContain('crypto');
    expect(out.builtins).not.toContain('zlib');
  });
  it('loads the workbook code for a workbook, in and out', () => {
    const d = dir();
    const w = traced(['score', 'data/2023.csv', '-q', '-o', join(d, 'out.xlsx')]);
    expect(w.status).toBe(0);
    for (const m of ['src/cli/xlsx.ts', 'src/load/zip.ts', 'src/cli/zip-write.ts', 'src/render/xlsx.ts']) expect(w.sources).toContain(m);
    expect(w.builtins).toContain('zlib');
    const back = traced(['score', join(d, 'out.xlsx'), '--no-previous', '-f', 'csv', '-q']);
    expect(back.builtins).toContain('zlib');
    expect(back.sources).toContain('src/load/xml.ts');
  });
  it('a quiet run that succeeds never opens standard error, nor standard input (a pipe there would load net)', () => {
    const d = dir();
    const log = join(d, 'builtins.txt');
    writeFileSync(join(d, 'at-exit.cjs'), `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(log)}, process.moduleLoadList.join('\\n')));\n`);
    const loadsNet = (args: string[]) => {
      // Standard input and error are pipes, as in a CI job; standard output a file.
      const r = spawnSync(process.execPath, ['-r', join(d, 'at-exit.cjs'), BIN, ...args], { cwd: ROOT, input: '', stdio: ['pipe', 'ignore', 'pipe'] });
      const builtins = readFileSync(log, 'utf8').split('\n');
      return { status: r.status, stderr: String(r.stderr), net: builtins.includes('NativeModule net'), readStream: builtins.includes('NativeModule internal/fs/streams') };
    };
    expect(loadsNet(['score', 'data/2023.csv', '-f', 'csv', '-q'])).toEqual({ status: 0, stderr: '', net: false, readStream: false });
    // An error is written there (and so opens it).
    const bad = loadsNet(['score', 'no-such-file.csv']);
    expect(bad.status).toBe(5);
    expect(bad.stderr).toContain('no-such-file.csv');
    expect(bad.net).toBe(true);
  });
  it('loads them for a file the build has not seen', () => {
    const d = dir();
    writeFileSync(join(d, 'copy.yaml'), `${readFileSync(join(ROOT, 'indicators/dti.yaml'), 'utf8')}\n# a comment\n`);
    const r = traced(['score', 'data/2023.csv', '-i', join(d, 'copy.yaml'), '-f', 'csv', '-q']);
    expect(r.status).toBe(0);
    expect(r.loadsYaml).toBe(true);
    expect(r.loadsZod).toBe(true);
  });
  it('loads only the command that runs, and every command for help', () => {
    const one = traced(['provinces', '-f', 'csv']);
    const help = traced(['--help']);
    expect(one.status).toBe(0);
    expect(help.status).toBe(0);
    for (const c of ['score', 'trend', 'compare', 'validate', 'indicators', 'provinces']) expect(help.stdout).toContain(c);
    const commands = (t: { sources: string[] }) => t.sources.filter((m) => m.startsWith('src/commands/')).sort();
    // provinces alone: the output helpers every command shares are in src/cli/options.ts, no other command.
    expect(commands(one)).toEqual(['src/commands/provinces.ts']);
    expect(commands(help)).toEqual(COMMAND_FILES);
    expect(commands(traced(['scroe', 'data/2023.csv']))).toEqual(COMMAND_FILES); // for the suggestion
  });
  it('loads no command for the version, and every one for help with it', () => {
    const v = traced(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+ \(/);
    expect(v.sources.filter((m) => m.startsWith('src/commands/'))).toEqual([]);
    const vh = traced(['--version', '--help']);
    expect(vh.sources.filter((m) => m.startsWith('src/commands/')).sort()).toEqual(COMMAND_FILES);
  });
});

describe('the bundle', () => {
  it('is minified but keeps its names, and --debug maps a stack trace to src/ (dist/dti.cjs.map)', () => {
    const bundle = readFileSync(join(ROOT, 'dist/dti.cjs'), 'utf8');
    expect(bundle).toMatch(/function compareVi\(/);
    expect(bundle.split('\n').length).toBeLessThan(2000); // white space gone: it was about 20,000 lines
    const d = dir();
    // An internal error: the collator throws.
    writeFileSync(join(d, 'boom.cjs'), "Intl.Collator = function () { throw new Error('collator on fire'); };\n");
    const run = (debug: boolean) => spawnSync(process.execPath, ['-r', join(d, 'boom.cjs'), BIN, ...(debug ? ['--debug'] : []), 'score', 'data/2023.csv', '-f', 'csv', '-q'], { cwd: ROOT, encoding: 'utf8' });
    const traced = run(true);
    expect(traced.status).toBe(70);
    expect(traced.stderr).toContain('collator on fire');
    expect(traced.stderr).toMatch(/\n\s+at compareVi \(.*src\/core\/text\.ts:\d+:\d+\)/);
    const plain = run(false);
    expect(plain.status).toBe(70);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('what a run builds', () => {
  it('a command that runs does not load the help texts; help does', () => {
    const catalogue = 'src/core/messages-help.ts'; // the help catalogue
    const run = traced(['score', 'data/2023.csv', '-f', 'csv', '-q']);
    expect(run.status).toBe(0);
    expect(run.modules).toContain(catalogue);
    expect(run.sources).not.toContain(catalogue);
    const help = traced(['score', '--help']);
    expect(help.status).toBe(0);
    expect(help.sources).toContain(catalogue);
  });
  it('the message catalogues are built when a text is written: a quiet run that succeeds builds none, English never the Vietnamese one', () => {
    // src/core/messages-vi.ts and messages-en.ts, by their builders' names.
    const builders = (t: { called: Set<string> }) => ['viEntries', 'enEntries'].filter((b) => t.called.has(b));
    const quiet = traced(['score', 'data/2023.csv', '-f', 'csv', '-q']);
    expect(quiet.status).toBe(0);
    expect(builders(quiet)).toEqual([]);
    // A diagnostic carries its English message for scripts (Diagnostic.message), so a
    // Vietnamese error builds both.
    const vi = traced(['score', 'no-such-file.csv']);
    expect(vi.status).toBe(5);
    expect(vi.stderr).toContain('lỗi');
    expect(builders(vi)).toEqual(['viEntries', 'enEntries']);
    const en = traced(['score', 'no-such-file.csv', '--lang', 'en']);
    expect(en.status).toBe(5);
    expect(en.stderr).toContain('error');
    expect(builders(en)).toEqual(['enEntries']);
  });
  it("the patterns of third-party text (the YAML parser's, commander's) are built only when such a message is printed", () => {
    // src/core/yaml-vi.ts and src/core/third-party.ts, by their builders' names; dti's own messages come from the catalogues.
    const builders = ['yamlPatterns', 'commanderPatterns'];
    const run = traced(['score', 'data/2023.csv', '-f', 'csv', '-q']);
    expect(run.status).toBe(0);
    expect(builders.filter((b) => run.called.has(b))).toEqual([]);
    const missing = traced(['score', 'no-such-file.csv']);
    expect(missing.status).toBe(5);
    expect(builders.filter((b) => missing.called.has(b))).toEqual([]);
    const usage = traced(['score', '--bogus']);
    expect(usage.status).toBe(2);
    expect(builders.filter((b) => usage.called.has(b))).toEqual(['commanderPatterns']);
  });
});
