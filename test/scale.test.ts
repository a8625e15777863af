// Scale (full tier): a file with 200,000 errors, rows and inputs past the limits, a terminal
// table of thousands of rows, definitions with 100,000 leaves, a 1 MB cell in a message.
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../src/cli/files.js';
import { validateDefinitions } from '../src/core/definitions.js';
import { compile } from '../src/core/framework.js';
import { renderTable, type Column } from '../src/render/format.js';
import { cli } from './helpers.js';
import { files, userError } from './hostile-input.js';

describe('scale', () => {
  it('a file with 200,000 errors: every one counted, 50 shown, no crash', async () => {
    // A log transform and a negative value on every row: 200,000 out-of-domain errors, built as one
    // array (push(...it) overflows the stack from about 130,000 elements on Node 20).
    const defs = 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n    transform: log\n    normalize: { method: goalposts, min: 1, max: 100 }\n';
    const rows = Array.from({ length: 200_000 }, (_, i) => `U${i},-${(i % 9) + 1}`);
    const dir = files(`unit,a\n${rows.join('\n')}\n`, defs);
    const r = await cli(['validate', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: dir });
    userError(r, 4);
    expect(r.stderr).toContain('d.csv:2:4: error: a: -1 is outside what transform log accepts');
    expect(r.stderr).toContain('200000 errors');
    expect(r.stderr.split('\n').length).toBeLessThan(120);
  }, 60_000);

  it('a row far past the limit is refused while it is read', async () => {
    const dir = files(`unit,a,b\nX,1,2\n${','.repeat(10_000_001)}\n`);
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: dir });
    userError(r, 4);
    expect(r.stderr).toContain('d.csv:3:1: error: a row longer than 10000000 characters [CSV_SYNTAX]');
  });

  it('an endless input (/dev/zero, a pipe that never ends) stops at the size limit with a clear error', async () => {
    const dev = await cli(['score', '/dev/zero', '--lang', 'en']);
    userError(dev, 5);
    expect(dev.stderr.split('\n')[0]).toBe('error: cannot read /dev/zero: it is larger than 256 MiB, the limit of an input');
    // The pipe: standard input gives more than the limit (zero-filled pages, never touched).
    const pipe = await cli(['score', '-', '--lang', 'en'], { stdin: new Uint8Array(new ArrayBuffer(MAX_INPUT_BYTES + 1)) });
    userError(pipe, 5);
    expect(pipe.stderr).toContain('cannot read <stdin>: it is larger than 256 MiB');
  });

  it('draws a terminal table of any size, the same as cli-table3 draws it whole', () => {
    const n = 4500;
    const cols: Column[] = [
      { header: 'Hạng', align: 'right', cells: Array.from({ length: n }, (_, i) => String(i + 1)) },
      { header: 'Đơn vị', align: 'left', cells: Array.from({ length: n }, (_, i) => `Đơn vị ${'x'.repeat(i % 37)}`) },
    ];
    const whole = new Table({
      head: cols.map((c) => c.header), colAligns: cols.map((c) => c.align),
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1, compact: true },
      chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '─', 'mid-mid': '─', right: '', 'right-mid': '', middle: ' ' },
    });
    for (let i = 0; i < n; i++) whole.push(cols.map((c) => c.cells[i]!));
    // 4,500 rows are drawn in three chunks (cli-table3 alone overflows the stack on the README's
    // 170,000-unit table; drawn in chunks it works: see the closing note for the run).
    expect(renderTable(cols, new Chalk({ level: 0 }), false)).toBe(`${whole.toString().split('\n').map((l) => l.trimEnd()).join('\n')}\n`);
  });

  it('compiles definitions with 100,000 leaves under one group (linear, not quadratic)', () => {
    // Validated once with 1,000 leaves, then the leaf repeated: compiling was quadratic in a group's size.
    const v = validateDefinitions({ schema: 'dti/v1', id: 'big', name: 'Big',
      indicators: [{ id: 'g', name: 'G', children: Array.from({ length: 1000 }, (_, i) => ({ id: `x${i}`, name: `X${i}` })) }] });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const leaf = v.value.indicators[0]!.children[0]!;
    v.value.indicators[0]!.children = Array.from({ length: 100_000 }, (_, i) => ({ ...leaf, id: `x${i}` }));
    const fw = compile(v.value);
    expect(fw.leafIds).toHaveLength(100_000);
    expect(fw.leafShare[99_999]).toBeCloseTo(1e-5, 15);
  }, 60_000);

  it('a 1 MB cell quoted in a message is cut to a few hundred characters', async () => {
    const dir = files(`unit,a,b\nX,${'9'.repeat(10)}${'x'.repeat(1_000_000)},1\n`);
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: dir });
    userError(r, 4);
    const line = r.stderr.split('\n').find((l) => l.includes('NOT_A_NUMBER'))!;
    expect(line.length).toBeLessThan(500);
    expect(line).toContain('(1 000');
  });
});
