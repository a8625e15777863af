// The registries of methods: `percentile` added as one entry, and everything that describes the
// methods (schema and its hints, `dti indicators`, the README table) read from the registry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NORMALISE, normaliseTable } from '../src/core/methods/normalise/index.js';
import { normaliseColumn } from '../src/core/stages/normalise.js';
import { score } from './helpers.js';
import type { IndicatorNode } from '../src/core/definitions.js';
import { loadDefinitions } from '../src/load/definitions.js';
import { ROOT, cli, data, defs, fw, tmp } from './helpers.js';
import { rmSync, writeFileSync } from 'node:fs';

const leaf = (method: string, direction: 'higher' | 'lower' = 'higher') => ({
  ...fw(defs('  - id: x\n    name: X\n')).nodes[0]!.def!, normalize: { method }, direction,
}) as IndicatorNode;

describe('percentile (COINr n_prank)', () => {
  it('is the share of the other units below, ties at the lower share', () => {
    // 10, 20, 20, 40: units below = 0, 1, 1, 3; n − 1 = 3 → 0, 1/3, 1/3, 1.
    expect([...normaliseColumn(leaf('percentile'), [10, 20, 20, 40])]).toEqual([0, 1 / 3, 1 / 3, 1]);
    // `rank` gives the tied pair their mean rank instead: (2.5 − 1)/3 = 0.5.
    expect([...normaliseColumn(leaf('rank'), [10, 20, 20, 40])]).toEqual([0, 0.5, 0.5, 1]);
  });
  it('lower is better counts the units above', () => {
    // units above: 3, 1, 1, 0 → 1, 1/3, 1/3, 0.
    expect([...normaliseColumn(leaf('percentile', 'lower'), [10, 20, 20, 40])]).toEqual([1, 1 / 3, 1 / 3, 0]);
  });
  it('keeps missing values missing; one unit alone gets 1', () => {
    expect([...normaliseColumn(leaf('percentile'), [NaN, 5, 7])]).toEqual([NaN, 0, 1]);
    expect([...normaliseColumn(leaf('percentile'), [5])]).toEqual([1]);
  });
  it('works from a definitions file and is year-dependent like rank', () => {
    const f = fw(defs('  - id: x\n    name: X\n    normalize: { method: percentile }\n'));
    const r = score(f, data('unit,x\nA,1\nB,2\nC,3\n', f)).rankings;
    expect(r.map((u) => [u.unit, u.score])).toEqual([['C', 1], ['B', 0.5], ['A', 0]]);
  });
});

describe('the registry drives every description', () => {
  it('an unknown method names the registry\'s methods, percentile included', () => {
    const r = loadDefinitions(defs('  - id: x\n    name: X\n    normalize: { method: percentil }\n'), 't.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.hint).toMatch(/percentile/);
  });
  it('indicators/README.md carries the table generated from the registry', () => {
    const readme = readFileSync(join(ROOT, 'indicators/README.md'), 'utf8');
    // If this fails after adding a method: paste normaliseTable()'s output over the table.
    expect(readme).toContain(normaliseTable());
    expect(normaliseTable().split('\n').length).toBe(NORMALISE.length + 3);
  });
  it('dti indicators describes each leaf and each method in use from its entry', async () => {
    const dir = tmp();
    try {
      writeFileSync(join(dir, 'p.yaml'), defs('  - id: x\n    name: X\n    normalize: { method: percentile }\n    direction: lower\n'));
      const md = (await cli(['indicators', '-i', 'p.yaml', '-f', 'md', '--lang', 'en'], { cwd: dir })).stdout;
      expect(md).toMatch(/\| x \| X \| leaf \| 1 \| 100\.0% \| percentile, lower is better \|/);
      expect(md).toContain(`percentile: ${NORMALISE.find((m) => m.id === 'percentile')!.doc.higher}; lower is better: (units above)/(n − 1)`);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
