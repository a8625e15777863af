// The layout rules of docs/ARCHITECTURE.md ("Layout rules"), checked on the source: no import
// circle in src/ (type-only and dynamic imports count), only the library entry at the top of
// src/, the core free of the shell, the reading wing free of the CLI, the data model a leaf.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

/** Every .ts module under a folder, as paths relative to the checkout ('src/core/x.ts'). */
function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? modules(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [relative(ROOT, p)] : [];
  });
}

/** What a module imports: its own modules (relative to the checkout) and everything else by name ('yaml', 'node:fs'). */
function importsOf(file: string): { local: string[]; named: string[] } {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const local: string[] = [];
  const named: string[] = [];
  // Imports and re-exports (type-only ones too), side-effect imports, dynamic import('…').
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    if (!spec.startsWith('.')) { named.push(spec); continue; }
    const ts = relative(ROOT, resolve(dirname(join(ROOT, file)), spec.replace(/\.js$/, '.ts')));
    local.push(ts);
  }
  return { local, named };
}

/** The import circles of a graph (module → what it imports): groups of modules that reach each other (Tarjan). */
function circles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next); low.set(v, next); next++;
    stack.push(v); onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); c.push(w); } while (w !== v);
      if (c.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(c.sort());
    }
  };
  for (const f of edges.keys()) if (!index.has(f)) visit(f);
  return found;
}

const ALL = modules(SRC);
const under = (dir: string) => ALL.filter((f) => f.startsWith(`${dir}/`));

describe('the layout of src/ (docs/ARCHITECTURE.md, layout rules)', () => {
  it('has no import circle, type-only and dynamic imports counted', () => {
    expect(ALL.length).toBeGreaterThan(100);
    const graph = new Map(ALL.map((f) => [f, importsOf(f).local]));
    // The graph is real: type-only imports are edges (panel.ts imports only types from the model).
    expect(graph.get('src/core/panel.ts')).toContain('src/core/model.ts');
    expect(circles(graph)).toEqual([]);
  });
  it('the circle finder finds circles (a long one, one through a module importing itself, none in a chain)', () => {
    const g = (o: Record<string, string[]>) => new Map(Object.entries(o));
    expect(circles(g({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual([['a', 'b', 'c']]);
    expect(circles(g({ a: ['a'], b: ['a'] }))).toEqual([['a']]);
    expect(circles(g({ a: ['b'], b: ['c'], c: [] }))).toEqual([]);
  });
  it('holds only the library entry at the top of src/', () => {
    const top = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    expect(top).toEqual(['index.ts']);
  });
  it('reads in src/load/: definitions, specs, CSV, office layouts, workbooks, decoding, one YAML parser', () => {
    for (const f of ['definitions.ts', 'sensitivity-spec.ts', 'yaml.ts', 'csv.ts', 'office.ts', 'dataset.ts', 'zip.ts', 'xml.ts', 'xlsx.ts', 'decode.ts']) {
      expect(under('src/load')).toContain(`src/load/${f}`);
    }
    // The YAML parser is imported in one place.
    expect(ALL.filter((f) => importsOf(f).named.includes('yaml'))).toEqual(['src/load/yaml.ts']);
  });
  it('keeps the core pure: no node:*, no process, nothing from outside src/core/', () => {
    for (const f of under('src/core')) {
      const { local, named } = importsOf(f);
      expect({ f, named: named.filter((n) => n.startsWith('node:')) }).toEqual({ f, named: [] });
      expect({ f, outside: local.filter((t) => !t.startsWith('src/core/')) }).toEqual({ f, outside: [] });
      expect({ f, process: /\bprocess\s*\./.test(readFileSync(join(ROOT, f), 'utf8')) }).toEqual({ f, process: false });
    }
  });
  it('keeps the reading wing apart from the shell: src/load/ imports only the core and itself; of Node, zlib and the library loaders\' file reading; no process', () => {
    // zip.ts inflates a workbook's parts; library.ts, the library's loaders that take paths, is
    // the wing's one file that reads the file system besides the package's own files (paths.ts
    // finds them, definitions-cache.ts reads the build's validated definitions). Every other
    // reader takes text or bytes.
    const NODE: Record<string, string[]> = {
      'src/load/zip.ts': ['node:zlib'], 'src/load/library.ts': ['node:fs', 'node:fs/promises'],
      'src/load/paths.ts': ['node:url'], 'src/load/definitions-cache.ts': ['node:fs'],
    };
    for (const f of under('src/load')) {
      const { local, named } = importsOf(f);
      expect({ f, outside: local.filter((t) => !t.startsWith('src/core/') && !t.startsWith('src/load/')) }).toEqual({ f, outside: [] });
      expect({ f, node: named.filter((n) => n.startsWith('node:') && !(NODE[f] ?? []).includes(n)) }).toEqual({ f, node: [] });
      expect({ f, process: /\bprocess\s*\./.test(readFileSync(join(ROOT, f), 'utf8')) }).toEqual({ f, process: false });
    }
  });
  it('declares the data model in a leaf that imports nothing', () => {
    expect(importsOf('src/core/model.ts')).toEqual({ local: [], named: [] });
  });
});
