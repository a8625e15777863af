// The library entry (`import … from 'dti'`) loads the core and the loaders, never the CLI:
// follow every import from src/index.ts (and from the built dist/index.js) and check what the
// graph reaches. The engine's internals are the subpath `dti/engine`, importable from the built
// package through its exports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';
import { localize } from '../src/index.js';
import { loadData, loadDefinitions } from '../src/load/definitions.js';

/** Every module reached from `entry` by its imports (static, and dynamic `import('…')` with a literal). */
function graph(entry: string, ext: '.ts' | '.js'): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    // Static imports and re-exports (type-only ones included: stricter), and dynamic imports.
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)) {
      const spec = (m[1] ?? m[2] ?? m[3])!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), ext === '.ts' ? spec.replace(/\.js$/, '.ts') : spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

const CLI_PACKAGES = ['commander', 'chalk', 'cli-table3'];

describe('library entry', () => {
  const { files, packages } = graph(join(ROOT, 'src/index.ts'), '.ts');
  it('reaches no CLI package', () => {
    expect([...packages].filter((p) => CLI_PACKAGES.includes(p))).toEqual([]);
    // The graph is real: it does reach the validation libraries.
    expect(packages.has('yaml')).toBe(true);
  });
  it('reaches no file of the shell (cli, commands, render)', () => {
    const shell = [...files].map((f) => f.slice(ROOT.length + 1)).filter((f) => /^src\/(cli|commands|render)\//.test(f));
    expect(shell).toEqual([]);
    // The graph is real: it does reach the stages.
    expect([...files].some((f) => f.endsWith(join('src', 'core', 'stages', 'normalise.ts')))).toBe(true);
  });
  it('the built entry reaches no CLI package either, lazy imports included', () => {
    const built = graph(join(ROOT, 'dist/index.js'), '.js');
    expect([...built.packages].filter((p) => CLI_PACKAGES.includes(p))).toEqual([]);
    expect(built.files.size).toBeGreaterThan(20);
    expect(graph(join(ROOT, 'dist/engine/index.js'), '.js').packages.has('commander')).toBe(false);
  });
  it('the CLI has its own entry', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { default: string }> };
    const cliEntry = join(ROOT, pkg.exports['./cli']!.default);
    expect(graph(cliEntry, '.js').packages.has('commander')).toBe(true);
  });
  it('the top entry exports the verbs, build, the loaders and localize; the internals are not there', async () => {
    const lib = await import('../src/index.js');
    for (const name of ['score', 'trend', 'compare', 'explain', 'sensitivity', 'audit', 'build', 'loadData', 'loadDefinitions', 'localize']) {
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe('function');
    }
    for (const name of ['rankYear', 'tokenize', 'normaliseColumn', 'aggregate', 'scoreYear', 'render']) expect(name in lib, name).toBe(false);
  });
});

describe('the shipped definitions', () => {
  it('the built library serves them from the build\'s validated copy, as `dti` does: the YAML reader and validator are never loaded; an edited text is', () => {
    // A module hook that makes src/load/definitions.ts (parse and validate) fail if it is ever loaded.
    const dir = tmp();
    writeFileSync(join(dir, 'hooks.mjs'), [
      'export async function load(url, context, next) {',
      "  if (url.endsWith('/dist/load/definitions.js')) return { format: 'module', source: 'throw new Error(\"validated again\")', shortCircuit: true };",
      '  return next(url, context);',
      '}',
    ].join('\n'));
    writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
    writeFileSync(join(dir, 'probe.mjs'), [
      `const lib = await import(${JSON.stringify(join(ROOT, 'dist/index.js'))});`,
      'const shipped = await lib.loadDefinitions();',
      `const papi = await lib.loadDefinitions(${JSON.stringify(join(ROOT, 'indicators/papi.yaml'))});`,
      `const run = await lib.load(${JSON.stringify(join(ROOT, 'data/2023.csv'))});`,
      'console.log(JSON.stringify([shipped.ok && shipped.value.definitions.id, papi.ok && papi.value.definitions.id, run.ok && run.value.years.length]));',
      // An edited text is parsed and validated: the hook is seen to work.
      `const edited = await lib.loadDefinitions({ text: (await import('node:fs')).readFileSync(${JSON.stringify(join(ROOT, 'indicators/dti.yaml'))}, 'utf8') + '\\n', file: 'dti.yaml' }).catch((e) => e.message);`,
      'console.log(JSON.stringify(edited));',
    ].join('\n'));
    const r = spawnSync(process.execPath, ['--import', './register.mjs', 'probe.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['["dti-province","papi",2]', '"validated again"']);
  });
});

describe('dti/engine', () => {
  it('is importable from the built package through its exports, with its types', () => {
    // The package as an installed dependency: node_modules/dti is this checkout (built).
    const dir = tmp();
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'dti'), 'dir');
    writeFileSync(join(dir, 'probe.mjs'), [
      "const engine = await import('dti/engine');",
      "const lib = await import('dti');",
      'const names = (m) => Object.keys(m).filter((k) => typeof m[k] === "function").sort();',
      'console.log(JSON.stringify({ engine: names(engine), lib: names(lib) }));',
    ].join('\n'));
    const r = spawnSync(process.execPath, ['probe.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { engine, lib } = JSON.parse(r.stdout) as { engine: string[]; lib: string[] };
    for (const name of ['rankYear', 'tokenize', 'normaliseColumn', 'normaliseMatrix', 'aggregate', 'rankKeys', 'column', 'panelOf']) expect(engine).toContain(name);
    expect(lib).toContain('build');
    expect(lib).not.toContain('rankYear');
    // One spelling: nothing of the API is spelt with a z.
    expect([...engine, ...lib].filter((n) => /normaliz/i.test(n))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string }> };
    for (const [sub, e] of Object.entries(pkg.exports).filter(([k]) => k !== './package.json')) {
      expect(existsSync(join(ROOT, e.types)), `${sub} types`).toBe(true);
      expect(existsSync(join(ROOT, e.default)), `${sub} code`).toBe(true);
    }
    expect(readFileSync(join(ROOT, pkg.exports['./engine']!.types), 'utf8')).toMatch(/rankYear/);
  });
});

describe('localize', () => {
  it('writes a diagnostic as the CLI prints it, in Vietnamese by default or in English', async () => {
    const csv = 'province,year,ha-tang-so\nNghệ An,2023,abc\n';
    const dir = tmp();
    writeFileSync(join(dir, 'x.csv'), csv);
    const fw = loadDefinitions(readFileSync(join(ROOT, 'indicators/dti.yaml'), 'utf8'), 'dti.yaml');
    if (!fw.ok) throw new Error('definitions');
    const ds = loadData(csv, fw.value, { file: 'x.csv' });
    expect(ds.ok).toBe(false);
    if (ds.ok) return;
    const notANumber = ds.errors.find((e) => e.code === 'NOT_A_NUMBER')!;
    for (const lang of ['vi', 'en'] as const) {
      const r = await cli(['validate', 'x.csv', '--lang', lang], { cwd: dir });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`${localize(notANumber, lang)}\n`);
    }
    expect(localize(notANumber)).toBe(localize(notANumber, 'vi'));
    expect(localize(notANumber)).toMatch(/^x\.csv:2:\d+: lỗi: .*\[NOT_A_NUMBER\]\n {2}gợi ý: /);
    expect(localize(notANumber, 'en')).toMatch(/^x\.csv:2:\d+: error: .*\[NOT_A_NUMBER\]\n {2}hint: /);
    // A message of the catalogue, and a result's warning (its diagnostic rides along).
    expect(localize(notANumber.text, 'en')).toBe(notANumber.message);
  });
});
