// `--previous` naming a file that holds no earlier year (the same year, a later one) gives no
// previous rank: a warning with a hint says so (NEWUSER 19: silently ignored, exit 0, nothing on stderr).
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

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
