// Fuzz (full tier): a fixed-seed run of thousands of hostile inputs through the whole CLI, in
// process (hostile input class by class: hostile.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from './helpers.js';
import { DEFS, ESC } from './hostile-input.js';

describe('fuzz: 2,000 hostile inputs through the whole CLI (and 3,000 more into the loaders: properties.test.ts)', () => {
  const defsFiles = [
    DEFS,
    'schema: dti/v1\nid: t\nname: T\nmissing: exclude\naggregate: geometric\nindicators:\n  - id: a\n    name: A\n    normalize: { method: minmax }\n  - id: b\n    name: B\n    transform: log\n    normalize: { method: goalposts, min: 1, max: 100 }\n',
    'schema: dti/v1\nid: t\nname: T\nscore: { ties: exact, scale: 100 }\nindicators:\n  - id: g\n    name: G\n    aggregate: sum\n    children:\n      - id: a\n        name: A\n        normalize: { method: zscore }\n      - id: b\n        name: B\n        normalize: { method: rank }\n',
    'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n    weight: 1e99\n  - id: b\n    name: B\n    weight: 1e-99\n',
  ];
  const token = fc.constantFrom(
    'unit', 'province', 'year', 'a', 'b', 'A', 'indicator', 'value', 'constructor', '__proto__', 'toString', '#note',
    ',', ',', ',', ';', '\t', '"', '""', '\n', '\n', '\r\n', '\r', ' ', '\u00A0', '\u200B', '\u202E', '\u0000', ESC, `${ESC}[2J`, '\u0007',
    '|', '<b>', '**', '=cmd', '+1', '-', '@x', '1', '0', '-1', '0.5', '75,7', '1e308', '-1e308', '5e-324', '1e-200', 'NaN', 'Infinity', '1e999',
    'NA', 'có', 'không', '2023', '2025', 'Hà Nội', 'HN', 'Sở A', 'Sở\u00A0A', 'x'.repeat(300), '😀', '\uD800', '%',
  );
  // Rows of three cells, each a few hostile tokens (often a plain name or number), or plain hostile text.
  const hostile = fc.array(token, { minLength: 1, maxLength: 4 }).map((t) => t.join(''));
  const name = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('Sở A', 'Sở B', 'Sở C', 'Hà Nội', 'Huế', '"Sở <b>|D</b>"', `"Sở ${ESC}[1mE"`) }, { weight: 1, arbitrary: hostile });
  const value = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('0.5', '1', '7', '0', '', '1e99', '1e-99', '0.30000000000000004') }, { weight: 1, arbitrary: hostile });
  const row = fc.tuple(name, value, value).map((c) => c.join(','));
  const csv = fc.oneof({ weight: 3, arbitrary: fc.array(row, { minLength: 1, maxLength: 5 }).map((r) => r.join('\n') + '\n') },
    { weight: 1, arbitrary: fc.array(token, { maxLength: 60 }).map((t) => t.join('')) });
  const header = fc.constantFrom('unit,a,b\n', 'unit,a,b\n', 'unit,a,b\n', 'province,a,b\n', 'unit,indicator,value\n', 'unit,A,b\n', '');
  const argv = fc.record({
    defs: fc.nat({ max: defsFiles.length - 1 }),
    format: fc.constantFrom('table', 'csv', 'tsv', 'md', 'json'),
    cmd: fc.constantFrom('score', 'score', 'validate', 'trend', 'compare'),
    extra: fc.subarray([['--detail', 'indicators'], ['--by', 'region'], ['--top', '1'], ['--decimal', 'comma'], ['--delimiter', 'semicolon'], ['--year', '2023'], ['--map', '34'], ['--pool-years'], ['--merge-2025']], { maxLength: 2 }).map((x) => x.flat()),
  });

  it('never ends in an internal error or a stack trace, and never prints a control character raw', async () => {
    const dir = tmp();
    defsFiles.forEach((d, i) => writeFileSync(join(dir, `d${i}.yaml`), d));
    const codes = new Map<number, number>();
    await fc.assert(fc.asyncProperty(header, csv, argv, async (head, body, a) => {
      writeFileSync(join(dir, 'x.csv'), head + body);
      const args = a.cmd === 'compare'
        ? ['compare', 'Sở A', '--data', 'x.csv', '--year', '2023', '-f', a.format]
        : a.cmd === 'validate' ? ['validate', 'x.csv'] : a.cmd === 'trend' ? ['trend', 'x.csv', '--year', '2023', '-f', a.format] : ['score', 'x.csv', '-f', a.format, ...a.extra];
      // Options that pair (--by region) stay together; a stray value is a usage error, which is fine.
      const r = await cli([...args, '-i', `d${a.defs}.yaml`, '--lang', 'en'], { cwd: dir, env: { NO_COLOR: '1' } });
      codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
      expect([0, 1, 2, 3, 4, 5], r.stderr.slice(0, 400)).toContain(r.code);
      expect(r.stderr).not.toMatch(/internal error|lỗi nội bộ|\n\s+at .+:\d+:\d+\)?\n/);
      expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
      if (a.format === 'table' || a.format === 'md') expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
    }), { seed: 20261202, numRuns: 2000 });
    // The runs reached the scoring as well as the errors: both outcomes occur often.
    expect(codes.get(0) ?? 0).toBeGreaterThan(50);
    expect(codes.get(4) ?? 0).toBeGreaterThan(500);
  }, 120_000);
});
