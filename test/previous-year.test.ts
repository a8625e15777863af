// `--previous` naming a file that holds no earlier year (the same year, a later one) gives no
// previous rank: a warning with a hint says so (NEWUSER 19: silently ignored, exit 0, nothing on stderr).
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';

describe('--previous that cannot be the year before', () => {
  it('a later or the same year: a warning naming both years, vi and en; the ranking as before', async () => {
    const vi = await cli(['score', 'data/2023.csv', '--previous', 'data/2024.csv', '-f', 'csv']);
    expect(vi.code).toBe(0);
    expect(vi.stderr).toBe('data/2024.csv: cảnh báo: tệp năm trước data/2024.csv là năm 2024, không trước năm 2023: không có thứ hạng năm trước để so sánh [BAD_YEAR]\n'
      + '  gợi ý: nêu tệp của năm 2022 với --previous\n');
    const alone = await cli(['score', 'data/2023.csv', '--no-previous', '-f', 'csv']);
    expect(vi.stdout).toBe(alone.stdout);
    const en = await cli(['score', 'data/2023.csv', '--previous', 'data/2023.csv', '-f', 'json', '--lang', 'en']);
    expect(JSON.parse(en.stdout).warnings).toContainEqual({ code: 'BAD_YEAR',
      message: "the previous year's file data/2023.csv is of 2023, not before 2023: no previous rank to compare with", hint: 'give the file of 2022 with --previous' });
  });
  it('the year before: no such warning', async () => {
    const r = await cli(['score', 'data/2024.csv', '--previous', 'data/2023.csv', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('BAD_YEAR');
    expect(r.stdout.split('\n')[1]).toMatch(/^1,2,1,Hồ Chí Minh,/);
  });
});

describe('the file beside the data, read as the year before (NEWUSER 39)', () => {
  it('when it cannot be used, the run says it was read as the year before and how to leave it out; asked for, it does not', async () => {
    const d = tmp();
    try {
      copyFileSync(join(ROOT, 'data/2023.csv'), join(d, 'so-lieu-2023.csv'));
      writeFileSync(join(d, 'so-lieu-2022.csv'), 'ghi chú\nmột dòng nữa\n');
      const vi = await cli(['score', 'so-lieu-2023.csv'], { cwd: d });
      expect(vi.code).toBe(4);
      expect(vi.stderr).toContain('so-lieu-2022.csv:1:1: lỗi: ');
      expect(vi.stderr).toContain('so-lieu-2022.csv: cảnh báo: tệp này nằm cạnh tệp số liệu nên được đọc làm số liệu năm trước (để so sánh thứ hạng); lỗi của nó dừng cả lần chạy [READ_ERROR]\n'
        + '  gợi ý: sửa tệp đó, nêu tệp năm trước khác với --previous, hoặc bỏ năm trước với --no-previous\n');
      const en = await cli(['score', 'so-lieu-2023.csv', '--lang', 'en'], { cwd: d });
      expect(en.code).toBe(4);
      expect(en.stderr).toContain("so-lieu-2022.csv: warning: this file is beside the data file, so it was read as the previous year's data (to compare ranks); its errors stop the whole run [READ_ERROR]");
      const asked = await cli(['score', 'so-lieu-2023.csv', '--previous', 'so-lieu-2022.csv'], { cwd: d });
      expect(asked.code).toBe(4);
      expect(asked.stderr).not.toContain('nằm cạnh');
      expect((await cli(['score', 'so-lieu-2023.csv', '--no-previous', '-q'], { cwd: d })).code).toBe(0);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
