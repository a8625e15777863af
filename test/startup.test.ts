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
  writeFileSync(join(d, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${join(d, 'hooks.mjs')}`).href)});\n`);
  const r = spawnSync(process.execPath, ['--import', join(d, 'register.mjs'), BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  const files = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:') && u.includes('/dist/')).map((u) => fileURLToPath(u));
  const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  return { ...r, files, loadsYaml: text.includes('LineCounter'), loadsZod: text.includes('ZodError') };
}

describe('the definitions cache', () => {
  it('holds every shipped definitions file, exactly as validating it gives', async () => {
    const { cachedDefinitions } = await cacheModule();
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    for (const f of shipped) {
      const text = readFileSync(join(ROOT, 'indicators', f), 'utf8');
      const fresh = loadDefinitions(text, `indicators/${f}`);
      expect(fresh.ok && fresh.warnings).toEqual([]);
      expect(cachedDefinitions(text)).toStrictEqual(fresh.ok ? fresh.value.definitions : null);
    }
  });
  it('serves no edited file, even by one character', async () => {
    const { cachedDefinitions } = await cacheModule();
    const text = readFileSync(join(ROOT, 'indicators/dti.yaml'), 'utf8');
    expect(cachedDefinitions(text)).toBeDefined();
    expect(cachedDefinitions(`${text} `)).toBeUndefined();
    expect(cachedDefinitions(text.replace('weight: 1', 'weight: 2'))).toBeUndefined();
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
