// Excel files made by scripts (issue 22, item 3). The workbooks in test/fixtures were written by
// openpyxl 3.0.9 (Debian's python3-openpyxl) with test/tools/make-script-xlsx.py, from
// data/2023.csv: the expected results are dti's own results on that CSV, and the positions of
// the formula cells are those the generator wrote them at.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';
import { parse } from 'csv-parse/sync';
import { readZip } from '../src/load/zip.js';

const SO_LIEU = 'test/fixtures/so-lieu.xlsx';
const NAMES = 'test/fixtures/headed-by-names.xlsx';

describe('a formula with no saved value (openpyxl, pandas)', () => {
  it('the fixture is what openpyxl writes: a formula and an empty value', () => {
    const sheet = new TextDecoder().decode(readZip(readFileSync(join(ROOT, SO_LIEU))).get('xl/worksheets/sheet1.xml')!.read());
    expect(sheet).toMatch(/<c r="D6"><f>ROUND\(0\.8055,4\)<\/f><v\s*(\/>|><\/v>)<\/c>/);
  });
  it('is an error at its cell, with the hint to open and save the file in Excel; score and validate alike, every cell at once', async () => {
    for (const cmd of ['score', 'validate']) {
      const r = await cli([cmd, SO_LIEU]);
      expect(r.code, cmd).toBe(4);
      expect(r.stderr).toContain(`${SO_LIEU}[Số liệu]!D2: lỗi: hoat-dong-chinh-quyen-so: công thức ở ô này chưa có giá trị được lưu`);
      expect(r.stderr).toContain(`${SO_LIEU}[Số liệu]!D6: lỗi: hoat-dong-chinh-quyen-so: công thức ở ô này chưa có giá trị được lưu`);
      expect(r.stderr).toContain('gợi ý: mở tệp bằng Excel (hoặc LibreOffice) rồi lưu lại');
      expect(r.stderr).toContain('2 lỗi');
      expect(r.stdout).toBe(cmd === 'score' ? '' : r.stdout);
    }
    const en = await cli(['score', SO_LIEU, '--lang', 'en']);
    expect(en.stderr).toContain(`${SO_LIEU}[Số liệu]!D6: error: hoat-dong-chinh-quyen-so: this cell's formula has no saved value`);
    expect(en.stderr).toContain('hint: open the file in Excel (or LibreOffice) and save it');
    // The totals row's AVERAGE formulas are not read as values: no error there, only the row skipped.
    expect(en.stderr).toContain("[Số liệu]!A65: warning: 'Trung bình' is a totals or average row; skipped");
    expect(en.stderr).not.toMatch(/!\w65: error/);
  });
});

describe('headers that are names', () => {
  it('a workbook headed by the indicators\' names (Vietnamese, English, name (unit)) scores exactly as data/2023.csv; -v says how each was read', async () => {
    const book = await cli(['score', NAMES, '--previous', 'data/2022.csv', '-f', 'csv', '-v']);
    const csv = await cli(['score', 'data/2023.csv', '-f', 'csv']);
    expect(book.code).toBe(0);
    expect(book.stdout).toBe(csv.stdout);
    expect(book.stdout.split('\n')).toHaveLength(65);
    expect(book.stderr).toContain("đọc cột 'Hạ tầng số' là ha-tang-so");
    expect(book.stderr).toContain("đọc cột 'Digital economy activity' là hoat-dong-kinh-te-so");
    expect(book.stderr).toContain("đọc cột 'hoạt động xã hội số' là hoat-dong-xa-hoi-so");
    expect(book.stderr).toContain("đọc cột 'Nhận thức số + Thể chế số + Nhân lực số + An toàn thông tin mạng (suy ra từ DTI công bố) (tổng của bốn chỉ số, 0–4)' là nts-tcs-nls-attt-suy-ra");
  });
  it('the header dti template writes is read back (template → fill → score)', async () => {
    const d = tmp();
    const t = await cli(['template', '--year', '2023', '-o', join(d, 'mau.csv')]);
    expect(t.code).toBe(0);
    const [ids, notes] = parse(readFileSync(join(d, 'mau.csv'), 'utf8')) as string[][];
    // The template's note row holds each indicator's `name (unit)`: used as the header here.
    const rows = parse(readFileSync(join(ROOT, 'data/2023.csv'), 'utf8')) as string[][];
    const col = ids!.slice(2).map((id) => rows[0]!.indexOf(id));
    const quote = (h: string) => (/[,"]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h);
    const body = rows.slice(1).map((r) => [r[0]!, r[1]!, ...col.map((k) => (k < 0 ? '' : r[k]!))].map(quote).join(','));
    expect(notes![2]).toBe('Nhận thức số + Thể chế số + Nhân lực số + An toàn thông tin mạng (suy ra từ DTI công bố) (tổng của bốn chỉ số, 0–4)');
    writeFileSync(join(d, 'named.csv'), [['province', 'year', ...notes!.slice(2)].map(quote).join(','), ...body].join('\n') + '\n');
    const named = await cli(['score', 'named.csv', '--previous', join(ROOT, 'data/2022.csv'), '-f', 'csv', '-q'], { cwd: d });
    expect(named.code).toBe(0);
    expect(named.stdout).toBe((await cli(['score', 'data/2023.csv', '-f', 'csv', '-q'])).stdout);
  });
  it('a near miss gets "did you mean" with the name', async () => {
    const d = tmp();
    const rows = readFileSync(join(ROOT, 'data/2023.csv'), 'utf8').split('\n');
    writeFileSync(join(d, 'x-2023.csv'), [rows[0]!.replace('ha-tang-so', 'Hạ tầng sô'), ...rows.slice(1)].join('\n'));
    const r = await cli(['validate', 'x-2023.csv', '--lang', 'en'], { cwd: d });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("x-2023.csv:1:15: error: column 'Hạ tầng sô' names no indicator of 'dti-province' [UNKNOWN_COLUMN]\n  hint: did you mean 'Hạ tầng số'?");
  });
});
