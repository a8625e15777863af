// A group with more pairs of indicators than a call can take arguments (review R53): the
// terminal's line per group (its smallest and largest within-group r) spread the pairs into
// Math.min/Math.max, which overflows the stack past about 125,000 (a group of 500+
// indicators): "Maximum call stack size exceeded", exit 70. Here the audit of data/2023.csv
// is given 200,000 more pairs in its first group, with r from -0.5 to 0.9 (set by hand).
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { audit, load } from '../src/index.js';
import { renderAudit } from '../src/render/audit.js';
import { ROOT } from './helpers.js';

describe('dti audit of a large group', () => {
  it("the table's line of a group with 200,000 pairs: its count, smallest and largest r", async () => {
    const run = await load(join(ROOT, 'data/2023.csv'));
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const a = audit(run.value);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const within = a.value.result.correlations.withinGroups as { group: string; a: string; b: string; r: number | null }[];
    const group = within[0]!.group;
    const before = within.filter((x) => x.group === group).length;
    for (let i = 0; i < 200_000; i++) within.push({ group, a: `a${i}`, b: `b${i}`, r: i === 0 ? -0.5 : i === 1 ? 0.9 : 0.2 });
    const text = renderAudit(a.value, { format: 'table', lang: 'en', chalk: new Chalk({ level: 0 }), ascii: false, names: (id) => id });
    const line = text.split('\n').find((l) => l.startsWith(`${group} `) && l.includes(String(200_000 + before)));
    expect(line).toBeDefined();
    expect(line).toMatch(/−0\.5\b.*0\.9\b/);
  });
});
