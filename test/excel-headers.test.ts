// `--excel` writes a CSV for a person opening it in Excel: its header is named as the command's
// .xlsx names its columns, in words of the reader's language (Vietnamese by default), while plain
// `-f csv` keeps the keys scripts read. The oracle is the workbook the same command writes with -o x.xlsx.
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cli, tmp, workbookAt } from './helpers.js';

const YEARS = ['data/2022.csv', 'data/2023.csv'];

/** The header line of an --excel CSV (after its byte-order mark), read as Excel would (';'). */
async function excelHeader(args: string[]): Promise<string[]> {
  const r = await cli([...args, '--excel', '-q']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout.startsWith('\ufeff')).toBe(true);
  return (parse(r.stdout.slice(1), { delimiter: ';', to: 1 }) as string[][])[0]!;
}

/** The first row of each sheet of the workbook the command writes. */
async function workbookHeaders(args: string[]): Promise<string[][]> {
  const f = join(tmp(), 'x.xlsx');
  expect((await cli([...args, '-o', f, '-q'])).code).toBe(0);
  const wb = workbookAt(f);
  return wb.names.map((n) => wb.sheet(n)[0]!.map((c) => c.text));
}

describe('--excel names its header as the workbook does', () => {
  for (const [name, args] of [['trend', ['trend', ...YEARS]], ['sensitivity', ['sensitivity', 'data/2023.csv', '--runs', '20']], ['compare', ['compare', 'Nghệ An', 'Hà Tĩnh']]] as const) {
    it(`${name}: the workbook's header, in words of vi and of en`, async () => {
      const vi = await excelHeader([...args]);
      expect(vi).toEqual((await workbookHeaders([...args]))[0]);
      expect(vi.some((h) => /^(Hạng|Điểm|Đơn vị|Tỉnh)/.test(h))).toBe(true);
      const en = await excelHeader([...args, '--lang', 'en']);
      expect(en).toEqual((await workbookHeaders([...args, '--lang', 'en']))[0]);
      // Words, not the keys of -f csv: no snake_case under en either.
      expect(en.filter((h) => h.includes('_'))).toEqual([]);
      expect(en.some((h) => /^(Rank|Score|Unit|Province)/.test(h))).toBe(true);
    });
  }

  it('score: every header word is one of its workbook (ranking and breakdown sheets), in vi and en', async () => {
    for (const lang of ['vi', 'en']) {
      const args = ['score', 'data/2023.csv', '--detail', 'indicators', '--lang', lang];
      const words = new Set((await workbookHeaders(args)).slice(0, 2).flat());
      const header = await excelHeader(args);
      expect(header).toHaveLength(25);
      expect(header.filter((h) => !words.has(h))).toEqual([]);
    }
    expect((await excelHeader(['score', 'data/2023.csv'])).slice(0, 8)).toEqual(['Hạng', 'Hạng năm trước', 'Thay đổi hạng', 'Tỉnh', 'Mã', 'Điểm', 'Tỷ lệ dữ liệu', 'Chính quyền số']);
    expect((await excelHeader(['score', 'data/2023.csv', '--lang', 'en'])).slice(0, 8)).toEqual(['Rank', 'Previous rank', 'Rank change', 'Province', 'Code', 'Score', 'Data coverage', 'Digital government']);
  });

  it('plain -f csv keeps the keys (scripts read them), in vi and en', async () => {
    for (const lang of ['vi', 'en']) {
      expect((await cli(['audit', 'data/2023.csv', '-f', 'csv', '-q', '--lang', lang])).stdout.split('\n')[0]).toBe('table,group,a,b,measure,value');
      expect(await excelHeader(['audit', 'data/2023.csv', '--lang', lang])).toEqual(lang === 'vi' ? ['Bảng', 'Nhóm', 'a', 'b', 'Đại lượng', 'Giá trị'] : ['Table', 'Group', 'a', 'b', 'Measure', 'Value']);
      expect((await cli(['score', 'data/2023.csv', '-f', 'csv', '-q', '--lang', lang])).stdout.split('\n')[0]).toBe('rank,previous_rank,rank_change,province,code,score,coverage,cqs,cqs_rank,kts,kts_rank,xhs,xhs_rank');
      expect((await cli(['trend', ...YEARS, '-f', 'csv', '-q', '--lang', lang])).stdout.split('\n')[0]).toBe('unit,code,2022_score,2022_rank,2023_score,2023_rank,score_change,rank_change');
    }
  });
});
