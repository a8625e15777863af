// The library entry (`import … from 'dti'`) loads the core and the loaders, never the CLI:
// follow every static import from src/index.ts and check what the graph reaches.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    // Static imports and re-exports, type-only ones included (harmless: stricter).
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('library entry', () => {
  const { files, packages } = graph(join(ROOT, 'src/index.ts'));
  it('reaches no CLI package and no node: module', () => {
    expect([...packages].sort()).toEqual(['yaml', 'zod']);
  });
  it('reaches no file of the shell (cli, commands, render)', () => {
    const shell = [...files].map((f) => f.slice(ROOT.length + 1)).filter((f) => /^src\/(cli|commands|render)\//.test(f));
    expect(shell).toEqual([]);
    // The graph is real: it does reach the stages.
    expect([...files].some((f) => f.endsWith(join('src', 'core', 'stages', 'normalise.ts')))).toBe(true);
  });
  it('the CLI has its own entry', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { default: string }> };
    expect(pkg.exports['./cli']!.default).toBe('./dist/cli/run.js');
    expect(graph(join(ROOT, 'src/cli/run.ts')).packages.has('commander')).toBe(true);
  });
});
