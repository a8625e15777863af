// A data file where no indicator cell has a value (an unfilled `dti template`): an error, exit 4,
// with a hint, not a ranking of every unit tied at 0 (NEWUSER 9: 63 provinces "1,,,…,0.0000").
// One value anywhere is enough (then the definitions' `missing` applies to the rest).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';

describe('a file with no value at all', () => {
  it('an unfilled template (CSV or workbook): one located error, exit 4, in both languages', async () => {
    const dir = tmp();
    for (const f of ['mau-2024.csv', 'mau-2024.xlsx']) {
      expect((await cli(['template', '-o', f], { cwd: dir })).code).toBe(0);
      const vi = await cli(['score', f], { cwd: dir });
      expect(vi.code).toBe(4);
      expect(vi.stdout).toBe('');
      const where = f.endsWith('.csv') ? 'mau-2024.csv:1:1' : 'mau-2024.xlsx[Số liệu]!A1';
      expect(vi.stderr).toBe(`${where}: lỗi: tệp chưa có giá trị nào: mọi ô chỉ số đều trống [MISSING_VALUE]\n`
        + '  gợi ý: điền số liệu vào các cột chỉ số (tệp do dti template tạo ra để trống các cột này)\n1 lỗi\n');
      // --check of an output made from it fails the same way (it passed: 63 ties written).
      writeFileSync(join(dir, 'kq.csv'), 'x\n');
      expect((await cli(['score', f, '-o', 'kq.csv', '--check'], { cwd: dir })).code).toBe(4);
    }
    const defs = join(ROOT, 'indicators/dti-components.yaml');
    expect((await cli(['template', '-i', defs, '-o', 'c-2023.csv'], { cwd: dir })).code).toBe(0);
    const en = await cli(['score', 'c-2023.csv', '-i', defs, '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(4);
    expect(en.stderr).toBe('c-2023.csv:1:1: error: no value yet: every indicator cell is empty [MISSING_VALUE]\n'
      + '  hint: fill in the indicator columns (a file made by dti template leaves them empty)\n1 error\n');
  });

  it('one value, or one cell that is not a number, is not this error', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nmissing: zero\nindicators:\n  - id: a\n    name: A\n  - id: b\n    name: B\n');
    writeFileSync(join(dir, 'd.csv'), 'unit,a,b\nX,,\nY,,0.5\n');
    const one = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
    expect(one.code).toBe(0);
    expect(one.stdout.split('\n')[1]).toMatch(/^1,,,Y,/);
    writeFileSync(join(dir, 'd.csv'), 'unit,a,b\nX,,\nY,,abc\n');
    const bad = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: dir });
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/^d\.csv:3:4: error: b: 'abc' is not a number \[NOT_A_NUMBER\]/);
    expect(bad.stderr).not.toContain('no value yet');
  });
});
