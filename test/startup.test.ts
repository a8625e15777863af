// Start-up: the shipped definitions come from the build's validated cache (an edited file is
// validated again), and a command loads only what it uses: `dti score` on the shipped
// definitions never loads the YAML parser or the schema validator.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../src/load.js';
import { ROOT, tmp } from './helpers.js';

const BIN = join(ROOT, 'bin/dti.js');
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const dir = () => { const d = tmp(); dirs.push(d); return d; };

// The build's own module (dist/, as the binary runs it), not the TypeScript source.
const cacheModule = () => import(join(ROOT, 'dist/cli/definitions-cache.js')) as Promise<typeof import('../src/cli/definitions-cache.js')>;
const shipped = readdirSync(join(ROOT, 'indicators')).filter((f) => f.endsWith('.yaml'));

/** Run the binary, listing every file of dist/ that it loaded (a module-loading hook). */
function traced(args: string[]) {
  const d = dir();
  const log = join(d, 'loaded.txt');
  writeFileSync(log, '');
  writeFileSync(join(d, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
  const builtinsLog = join(d, 'builtins.txt');
  // Node's own modules loaded by the end of the run.
  writeFileSync(join(d, 'register.mjs'), `import { register } from 'node:module';\nimport { writeFileSync } from 'node:fs';
register(${JSON.stringify(new URL(`file://${join(d, 'hooks.mjs')}`).href)});
process.on('exit', () => writeFileSync(${JSON.stringify(builtinsLog)}, process.moduleLoadList.join('\\n')));\n`);
  const r = spawnSync(process.execPath, ['--import', join(d, 'register.mjs'), BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  const files = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:') && u.includes('/dist/')).map((u) => fileURLToPath(u));
  const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  // The bundle names each source module it holds in a comment: '// src/cli/xlsx.ts'.
  const sources = [...text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
  const builtins = readFileSync(builtinsLog, 'utf8').split('\n').filter((l) => l.startsWith('NativeModule ')).map((l) => l.slice(13));
  return { ...r, files, sources, builtins, loadsYaml: text.includes('LineCounter'), loadsZod: text.includes('ZodError') };
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
    expect(r.files.length).toBeGreaterThan(1);
    expect(r.loadsYaml).toBe(false);
    expect(r.loadsZod).toBe(false);
  });
  it('dti score on a CSV file loads no workbook code (xlsx, zip, XML, zlib), no crypto, no child processes', () => {
    const r = traced(['score', 'data/2023.csv', '-f', 'csv', '-q']);
    expect(r.status).toBe(0);
    expect(r.sources).toContain('src/commands/score.ts');
    expect(r.sources).toContain('src/cli/sniff.ts');
    for (const m of ['src/cli/xlsx.ts', 'src/cli/zip.ts', 'src/core/xml.ts', 'src/core/xlsx.ts', 'src/render/xlsx.ts']) expect(r.sources).not.toContain(m);
    for (const m of ['zlib', 'crypto', 'child_process', 'os', 'tty']) expect(r.builtins).not.toContain(m);
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
    for (const m of ['src/cli/xlsx.ts', 'src/cli/zip.ts', 'src/render/xlsx.ts']) expect(w.sources).toContain(m);
    expect(w.builtins).toContain('zlib');
    const back = traced(['score', join(d, 'out.xlsx'), '--no-previous', '-f', 'csv', '-q']);
    expect(back.builtins).toContain('zlib');
    expect(back.sources).toContain('src/core/xml.ts');
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
    expect(help.files.length).toBeGreaterThan(one.files.length);
  });
});
