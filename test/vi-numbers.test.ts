// Vietnamese numbers where people read them (issue 23, item 2): under --lang vi (the default)
// the terminal table, Markdown, the HTML report, charts and the text of explain and sensitivity
// write the decimal comma and group thousands with a dot; CSV, TSV and JSON keep the dot, and
// --lang en keeps the dot everywhere. 0.8340 is Đà Nẵng's published DTI 2023 (data/2023.csv).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, localNumber } from '../src/core/text.js';
import { excelCsv } from '../src/render/format.js';
import { cli, tmp } from './helpers.js';

describe('localNumber, formatNumber, formatPercent', () => {
  it('write the decimal comma and a thousands dot in Vietnamese, nothing changed in English', () => {
    expect(localNumber('0.8340', 'vi')).toBe('0,8340');
    expect(localNumber('3743092.5', 'vi')).toBe('3.743.092,5');
    expect(localNumber('1000', 'vi')).toBe('1.000');
    expect(localNumber('999', 'vi')).toBe('999');
    expect(localNumber('-1234.25', 'vi')).toBe('−1.234,25');
    expect(localNumber('-0.5', 'en')).toBe('−0.5');
    expect(localNumber('−0.5', 'vi')).toBe('−0,5');
    expect(localNumber('1.5e-7', 'vi')).toBe('1,5e-7');
    // Not a number: left as it is (an id such as 1.2.10, a word).
    expect(localNumber('1.2.10', 'vi')).toBe('1.2.10');
    expect(localNumber('có', 'vi')).toBe('có');
    expect(localNumber('3743092.5', 'en')).toBe('3743092.5');
    expect(formatNumber(0.834, 4, 'vi')).toBe('0,8340');
    expect(formatNumber(0.834, 4, 'en')).toBe('0.8340');
    expect(formatNumber(661.94, 1, 'vi')).toBe('661,9');
    expect(formatPercent(15.6, 1, 'vi')).toBe('15,6 %');
    expect(formatPercent(15.6, 1, 'en')).toBe('15.6%');
  });
});

const firstRow = (table: string) => table.split('\n').find((l) => /Đà Nẵng/.test(l))!;

describe('dti score data/2023.csv', () => {
  it('shows 0,8340 as a table and as Markdown under vi; 0.8340 in CSV, TSV, JSON and under --lang en', async () => {
    const table = (await cli(['score', 'data/2023.csv', '-f', 'table', '-q'])).stdout;
    expect(firstRow(table)).toMatch(/^\s+1\s+=\s+Đà Nẵng\s+0,8340\s+0,9098\s+1\s+0,8769\s+1\s+0,8450\s+1$/);
    expect(table).not.toMatch(/\d\.\d{4}/);
    const md = (await cli(['score', 'data/2023.csv', '-f', 'md', '-q'])).stdout;
    expect(md).toContain('| 1 | = | Đà Nẵng | 0,8340 | 0,9098 | 1 |');
    const csv = (await cli(['score', 'data/2023.csv', '-f', 'csv', '-q'])).stdout;
    expect(csv.split('\n')[1]).toBe('1,1,0,Đà Nẵng,48,0.8340,1.0000,0.9098,1,0.8769,1,0.8450,1');
    const tsv = (await cli(['score', 'data/2023.csv', '-f', 'tsv', '-q'])).stdout;
    expect(tsv.split('\n')[1]).toContain('\t0.8340\t');
    const json = (await cli(['score', 'data/2023.csv', '-f', 'json', '-q'])).stdout;
    expect(json).toContain('"score": 0.834');
    const en = (await cli(['score', 'data/2023.csv', '-f', 'table', '-q', '--lang', 'en'])).stdout;
    expect(firstRow(en)).toMatch(/Đà Nẵng\s+0\.8340\s+0\.9098/);
    const enMd = (await cli(['score', 'data/2023.csv', '-f', 'md', '-q', '--lang', 'en'])).stdout;
    expect(enMd).toContain('| 1 | = | Đà Nẵng | 0.8340 | 0.9098 | 1 |');
    expect(enMd).not.toMatch(/\d,\d{4}/);
  });

  it('writes raw values and coverage the Vietnamese way in the breakdown (--detail indicators)', async () => {
    const t = (await cli(['score', 'data/2023.csv', '--detail', 'indicators', '-f', 'md', '-q', '--top', '1'])).stdout;
    // Đà Nẵng's row of data/2023.csv: ha-tang-so 0.8362, hoat-dong-chinh-quyen-so 0.879, the derived sum 3.7744.
    const row = t.split('\n').find((l) => l.includes('Đà Nẵng'))!;
    expect(row).toContain('| 3,7744 | 0,9436 | 0,8362 | 0,8362 | 0,879 | 0,8790 |');
    expect(row).not.toMatch(/\d\.\d/);
  });
});

describe('explain and sensitivity', () => {
  it('explain: scores, points, the balanced plan as 15,6 % under vi; the dot under en', async () => {
    const vi = (await cli(['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '15', '-f', 'table', '-q'])).stdout;
    expect(vi).toContain('Điểm 0,6619, hạng 42/63 (661,9 điểm trên thang 1.000)');
    expect(vi).toContain('thu hẹp 15,6 % khoảng cách');
    expect(vi).toContain('0,5049 → 0,6619');
    const en = (await cli(['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '15', '-f', 'table', '-q', '--lang', 'en'])).stdout;
    expect(en).toContain('Score 0.6619, rank 42/63 (661.9 points out of 1000)');
    expect(en).toContain('closes 15.6% of the way');
    // CSV writes numbers with the dot: raw values as they are (Nghệ An's published 2023 rows of data/2023.csv), values and contributions rounded as score's CSV.
    const csv = (await cli(['explain', 'Nghệ An', 'data/2023.csv', '-f', 'csv', '-q'])).stdout;
    expect(csv.split('\n')[1]).toBe('Nghệ An,2023,nts-tcs-nls-attt-suy-ra,1,,3.1505,0.7876,33,315.05,400,84.95,0.0745,,');
  });

  it('audit: a negative number takes the minus sign, as explain does (it was -0,638); CSV keeps the hyphen', async () => {
    const vi = (await cli(['audit', 'data/2023.csv', '-f', 'md'])).stdout;
    expect(vi).toMatch(/\| Nhận thức số .*\| −0,638 \|/);
    expect(vi).not.toMatch(/(?<![\p{L}\w])-\d/u);
    expect((await cli(['audit', 'data/2023.csv', '-f', 'md', '--lang', 'en'])).stdout).toContain('| −0.638 |');
    expect((await cli(['audit', 'data/2023.csv', '-f', 'csv'])).stdout).toContain('skew,-0.638');
  });

  it('audit: tables and workbooks name the indicators and groups in the reader\'s language (they showed ids); CSV keeps ids', async () => {
    const vi = (await cli(['audit', 'data/2023.csv', '-f', 'md'])).stdout;
    expect(vi).toMatch(/^\| Tên \| Nhỏ nhất/m);
    expect(vi).toMatch(/^\| Hạ tầng số \| Chỉ số chuyển đổi số cấp tỉnh \(DTI\) \| 0,786 \|$/m);
    expect(vi).not.toMatch(/ha-tang-so|dti-province/);
    const en = (await cli(['audit', 'data/2023.csv', '-f', 'md', '--lang', 'en'])).stdout;
    expect(en).toMatch(/^\| Name \| Min/m);
    expect(en).not.toMatch(/ha-tang-so|dti-province/);
    expect((await cli(['audit', 'data/2023.csv', '-f', 'csv'])).stdout).toContain('stats,,ha-tang-so,,min,');
  });

  it('compare: the coverage row through formatPercent (it said 32% under vi)', async () => {
    const args = ['compare', 'Nghệ An', 'Hà Tĩnh', '--data', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '-f', 'md'];
    expect((await cli(args)).stdout).toContain('| Dữ liệu | 32 % | 43 % |');
    expect((await cli([...args, '--lang', 'en'])).stdout).toMatch(/\| 32% \| 43% \|/);
  });

  it('sensitivity: a percentile between ranks (24.05) shown as ranks 20–25, weights U(0,75; 1,25), 1.000 runs, ±25 %', async () => {
    const vi = (await cli(['sensitivity', 'data/2023.csv', '-f', 'table', '-q', '--sobol'])).stdout;
    expect(vi).toMatch(/Tiền Giang\s+23\s+20–25\s/);
    // Bắc Kạn's 5th percentile is 57.95 (type 7): the interval holds rank 57.
    expect(vi).toMatch(/Bắc Kạn\s+58\s+57–58\s/);
    expect(vi).toContain('mặc định trọng số ±25 %');
    expect(vi).toContain('5 %–95 %');
    expect(vi).not.toMatch(/\d%/);
    // The Sobol input in words, as the report says it (it was weights@1).
    expect(vi).toMatch(/^\s*trọng số cấp 1\s+0,/m);
    expect(vi).not.toContain('weights@');
    expect(vi).toContain('U(0,75; 1,25)');
    expect(vi).toContain('1.000 lần chạy');
    const en = (await cli(['sensitivity', 'data/2023.csv', '-f', 'table', '-q', '--lang', 'en'])).stdout;
    expect(en).toMatch(/Tiền Giang\s+23\s+20–25\s/);
    expect(en).toContain('U(0.75, 1.25)');
  });
});

describe('the HTML report', () => {
  let dir: string;
  beforeAll(() => { dir = tmp(); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("ranks Đà Nẵng 0,8340 in the table, the map and the charts' axes under vi; 0.8340 under en", async () => {
    const vi = join(dir, 'vi.html');
    expect((await cli(['report', 'data/2023.csv', '-o', vi, '-q'])).code).toBe(0);
    const html = readFileSync(vi, 'utf8');
    // The ranking row: the sort key keeps the machine value, the cell is what people read.
    expect(html).toMatch(/data-v="Đà Nẵng">Đà Nẵng<\/th><td data-v="0\.834\d*">0,8340<\/td><td data-v="0\.9098">0,9098<\/td>/);
    expect(html).toContain('Đà Nẵng: điểm 0,8340');
    // Vega's axes through the Vietnamese number locale: 0,50 and not 0.50.
    expect(html).toMatch(/>0,50<\/text>/);
    expect(html).not.toMatch(/>0\.\d+<\/text>/);
    const en = join(dir, 'en.html');
    expect((await cli(['report', 'data/2023.csv', '-o', en, '-q', '--lang', 'en'])).code).toBe(0);
    const e = readFileSync(en, 'utf8');
    expect(e).toMatch(/data-v="Đà Nẵng">Đà Nẵng<\/th><td data-v="0\.834\d*">0\.8340<\/td>/);
    expect(e).toMatch(/>0\.50<\/text>/);
  });
});

describe('--excel: a CSV for Excel set to Vietnamese', () => {
  it("is ';'-separated with decimal commas and a byte-order mark; the same cells as the CSV otherwise", async () => {
    const csv = (await cli(['score', 'data/2023.csv', '-f', 'csv', '-q'])).stdout;
    const xl = (await cli(['score', 'data/2023.csv', '--excel', '-q'])).stdout;
    // The header is named for a reader, as the workbook names it (test/excel-headers.test.ts); the cells are the CSV's.
    expect(xl.startsWith('\ufeffHạng;Hạng năm trước;Thay đổi hạng;Tỉnh;Mã;Điểm;')).toBe(true);
    expect(xl.split('\n')[1]).toBe('1;1;0;Đà Nẵng;48;0,8340;1,0000;0,9098;1;0,8769;1;0,8450;1');
    // Read back as Excel would under a Vietnamese locale (';' fields, ',' decimals): the same
    // values as the plain CSV, row for row. csv-parse is the oracle of both readings.
    const { parse } = await import('csv-parse/sync');
    const a = parse(csv, { delimiter: ',' }) as string[][];
    const b = parse(xl.slice(1), { delimiter: ';' }) as string[][];
    expect(b).toHaveLength(a.length);
    b.slice(1).forEach((row, i) => row.forEach((cell, k) => {
      const plain = a[i + 1]![k]!;
      expect(cell).toBe(/^-?\d+(\.\d+)?$/.test(plain) ? plain.replace('.', ',') : plain);
    }));
    // Negative numbers stay numbers (no formula guard): Hà Nội's rank change is +18, some fall.
    expect(xl).toMatch(/\n\d+;\d+;-\d+;/);
  });
  it('quotes a cell holding ;, works for every command with CSV output, and refuses another format', async () => {
    const t = (await cli(['trend', 'data/2022.csv', 'data/2023.csv', '--excel', '-q'])).stdout;
    expect(t.split('\n')[1]).toBe('Đà Nẵng;48;0,8002;1;0,8340;1;0,0338;0');
    // A ',' in a text needs no quotes under ';'; a ';' does; guarded text keeps its guard.
    expect((await cli(['indicators', '--excel'])).stdout).toContain(';tổng của bốn chỉ số, 0–4;');
    expect([...excelCsv(['a,b,c\n"x;y",-1.5,\'=1+1\n', '"q ""r""",1e-7,2\n'])].join('')).toBe('a;b;c\n"x;y";-1,5;\'=1+1\n"q ""r""";1e-7;2\n');
    const bad = await cli(['score', 'data/2023.csv', '--excel', '-f', 'md']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--excel ghi tệp CSV, không phải md');
    expect((await cli(['score', 'data/2023.csv', '--excel', '-f', 'md', '--lang', 'en'])).stderr).toContain('--excel writes CSV, not md');
  });
});
