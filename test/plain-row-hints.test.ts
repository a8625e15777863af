// Plain JavaScript rows name the rows a diagnostic's hint points to as they name the position
// of the problem itself: rows[1], not "line 3" (a plain row has no line). Files keep their lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type PlainRow, load, localize } from '../src/index.js';
import { ROOT, cli, defs, tmp } from './helpers.js';
import { writeFileSync } from 'node:fs';

const rows = () => (parse(readFileSync(join(ROOT, 'data/2023.csv')), { columns: true, cast: true }) as PlainRow[]);

describe('the first of two rows, in plain rows', () => {
  it('DUPLICATE_ROW: at rows[3], its hint names rows[1], in vi and en', async () => {
    const rs = rows().slice(0, 5);
    rs[3] = { ...rs[1]! };
    const r = await load(rs, { previous: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.errors.find((e) => e.code === 'DUPLICATE_ROW')!;
    expect(d.path).toBe('rows[3].province');
    expect(localize(d, 'vi')).toContain('gợi ý: dòng đầu tiên là rows[1] (');
    expect(localize(d, 'vi')).not.toMatch(/dòng \d/);
    expect(localize(d, 'en')).toContain('hint: the first is rows[1] (');
    expect(localize(d, 'en')).not.toMatch(/line \d/);
    expect(d.hint).toMatch(/^the first is rows\[1\]/);
  });

  it('a value given twice (long layout): its hint names the first row', async () => {
    const y = defs('  - id: x\n    name: X\n  - id: y\n    name: Y\n');
    const long = [{ unit: 'P', year: 2023, indicator: 'x', value: 1 }, { unit: 'P', year: 2023, indicator: 'y', value: 2 }, { unit: 'P', year: 2023, indicator: 'x', value: 3 }];
    const r = await load(long, { definitions: { text: y, file: 'd.yaml' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.errors.find((e) => e.code === 'DUPLICATE_ROW')!;
    expect(d.path).toMatch(/^rows\[2\]/);
    expect(localize(d, 'vi')).toContain('giá trị đầu tiên ở rows[0]; chỉ giữ một');
    expect(localize(d, 'en')).toContain('the first is rows[0]; keep one');
  });

  it('a file keeps its line numbers (the CLI, vi and en)', async () => {
    const dir = tmp();
    const text = readFileSync(join(ROOT, 'data/2023.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'd-2023.csv'), [...text.slice(0, 4), text[2], ''].join('\n'));
    const vi = await cli(['score', 'd-2023.csv', '--no-previous'], { cwd: dir });
    expect(vi.code).toBe(4);
    expect(vi.stderr).toContain('gợi ý: dòng đầu tiên ở dòng 3 (');
    const en = await cli(['score', 'd-2023.csv', '--no-previous', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('hint: the first is on line 3 (');
  });
});
