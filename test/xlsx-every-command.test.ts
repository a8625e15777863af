// -f xlsx (or -o *.xlsx) on explain and sensitivity: a workbook whose one sheet holds the
// command's CSV, as trend and compare write it. Both commands offered "xlsx" among their
// formats but wrote the text table into the .xlsx file (exit 0), which Excel cannot open.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from './helpers.js';
import { readZip } from '../src/load/zip.js';
import { readSheet, readWorkbook } from '../src/load/xlsx.js';

/** The first sheet's rows as texts (what a spreadsheet shows), from the workbook's bytes. */
function firstSheet(bytes: Uint8Array): string[][] {
  const z = readZip(bytes);
  const part = (name: string) => {
    const e = z.get(name);
    return e === undefined ? undefined : new TextDecoder().decode(e.read());
  };
  const wb = readWorkbook(part);
  return readSheet(wb, part(wb.sheets[0]!.part)!).rows.map((r) => r.map((c) => c.text));
}

/** A row without its trailing empty cells (a sheet stores no empty cell). */
// A number compares as a number: the CSV's 0.0030 is the workbook's 0.003 shown at 4 decimals.
const trim = (r: string[]) => { const o = r.map((c) => (/^-?\d+\.\d+$/.test(c) ? String(Number(c)) : c)); while (o.length > 0 && o[o.length - 1] === '') o.pop(); return o; };

/** CSV text to rows, as the sheet should hold them. */
const csvRows = (t: string) => t.trimEnd().split('\n').map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((f) => f.replace(/,$/, '').replace(/^"(.*)"$/s, '$1').replace(/""/g, '"')));

describe('-f xlsx on explain and sensitivity', () => {
  const cases: [string, string[]][] = [
    ['explain', ['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '15', '--lang', 'en']],
    ['explain-vi', ['explain', 'Hà Tĩnh', 'data/2023.csv']],
    ['sensitivity', ['sensitivity', 'data/2023.csv', '--runs', '40', '--seed', '5', '--lang', 'en']],
  ];
  for (const [name, argv] of cases) {
    it(`${name}: a workbook (zip) with the CSV's cells, exit 0`, async () => {
      const d = tmp();
      const out = join(d, `${name}.xlsx`);
      const r = await cli([...argv, '-o', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const bytes = readFileSync(out);
      expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // "PK\3\4": a zip, not text
      const csv = await cli([...argv, '-f', 'csv']);
      expect(csv.code).toBe(0);
      const want = csvRows(csv.stdout).map(trim);
      expect(want.length).toBeGreaterThan(3);
      const got = firstSheet(bytes).map(trim);
      // A workbook's header is named in words of the reader's language (the CSV keeps the keys): the cells below are the CSV's.
      if (!argv.includes('en')) expect(got[0]).toEqual(['Đơn vị', 'Năm', 'Mã chỉ số', 'Cấp', 'Thuộc', 'Số liệu', 'Giá trị', 'Hạng', 'Điểm có', 'Điểm tối đa', 'Điểm mất', 'Đóng góp', 'Giá trị cần đạt', 'Số liệu cần đạt']);
      else expect(got[0]!.filter((h) => h.includes('_'))).toEqual([]);
      expect(got.slice(1)).toEqual(want.slice(1));
      // --check compares the cells: the same run is up to date.
      expect((await cli([...argv, '-o', out, '--check'])).code).toBe(0);
    });
  }
  it('a workbook never goes to standard output', async () => {
    const r = await cli(['explain', 'Nghệ An', 'data/2023.csv', '-f', 'xlsx', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('a workbook (-f xlsx) is written to a file');
  });
});
