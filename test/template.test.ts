// dti template: filled in from the shipped data and read back, it scores exactly as the data.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';
import { readRecords } from '../src/load/csv.js';
import { readSheet, readWorkbook } from '../src/load/xlsx.js';
import { readZip } from '../src/load/zip.js';
import { workbookBytes } from '../src/cli/xlsx.js';
import { PROVINCES, findProvince } from '../src/core/provinces.js';

const dirs: string[] = [];
const scratch = () => { const d = tmp(); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function sheets(bytes: Uint8Array) {
  const z = readZip(bytes);
  const part = (n: string) => { const e = z.get(n); return e === undefined ? undefined : new TextDecoder().decode(e.read()); };
  const wb = readWorkbook(part);
  return wb.sheets.map((s) => ({ name: s.name, rows: readSheet(wb, part(s.part)!).rows.map((r) => r.map((c) => c.text)) }));
}

describe('dti template', () => {
  it('every province of the 63, the ids of the definitions, a note row with names and units', async () => {
    const d = scratch();
    // The proxy components: a definitions file with many leaves, as an office would fill in.
    const r = await cli(['template', '-i', 'indicators/dti-components.yaml', '-o', join(d, 'mau.xlsx')]);
    expect(r.code).toBe(0);
    const [data, list] = sheets(readFileSync(join(d, 'mau.xlsx')));
    expect(data!.name).toBe('Số liệu');
    expect(data!.rows[0]!.slice(0, 3)).toEqual(['province', 'year', 'nts-ban-chi-dao']);
    expect(data!.rows[0]!.length - 2).toBe(list!.rows.length - 1); // one column per indicator listed
    expect(data!.rows[1]![0]).toBe('# Tên chỉ tiêu (đơn vị) →');
    expect(data!.rows[1]![2]).toBe('Có Ban Chỉ đạo chuyển đổi số cấp tỉnh (có/không)');
    expect(data!.rows.slice(2).map((row) => row[0])).toEqual(PROVINCES.map((p) => p.name));
    const m34 = sheets(readFileSync(join(d, 'mau.xlsx'))); // unchanged by the next run
    expect((await cli(['template', '-i', 'indicators/dti-components.yaml', '--map', '34', '-o', join(d, 'mau-2026.xlsx')])).code).toBe(0);
    const [d34] = sheets(readFileSync(join(d, 'mau-2026.xlsx')));
    expect(d34!.rows.length).toBe(2 + 34);
    expect(d34!.rows[2]![1]).toBe('2026'); // the year in the file name
    expect(m34[0]!.rows[2]![1] ?? '').toBe(''); // no year asked, none in the name
  });

  it('a workbook filled from data/2023.csv scores exactly as the CSV', async () => {
    const d = scratch();
    const records = readRecords(readFileSync(join(ROOT, 'data/2023.csv'), 'utf8'));
    writeFileSync(join(d, 'tinh.txt'), records.map((r) => r.province).join('\n') + '\n');
    const made = await cli(['template', '--units', 'tinh.txt', '--year', '2023', '-o', 'mau.xlsx'], { cwd: d });
    expect(made.code).toBe(0);
    const [data] = sheets(readFileSync(join(d, 'mau.xlsx')));
    const [header, notes, ...rows] = data!.rows;
    // Fill each cell from the CSV, as an office would type it: numbers as numbers, yes/no as text.
    const filled = rows.map((row) => {
      const rec = records.find((x) => x.province === row[0])!;
      return header!.map((h, k) => (k < 2 ? (k === 1 ? Number(row[1]) : row[0]!) : rec[h] === '' || rec[h] === undefined ? null : /^-?\d+(\.\d+)?$/.test(rec[h]!) ? Number(rec[h]) : rec[h]!));
    });
    writeFileSync(join(d, 'so-lieu.xlsx'), workbookBytes([{ name: data!.name, columns: header!.map((h) => ({ header: h, kind: 'general' })), rows: [notes!, ...filled] }]));
    const a = await cli(['score', 'so-lieu.xlsx', '-f', 'csv', '--no-previous', '-q'], { cwd: d });
    const b = await cli(['score', 'data/2023.csv', '-f', 'csv', '--no-previous', '-q']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split('\n').length).toBe(records.length + 2);
  });

  it('a CSV template filled in scores as the data (PAPI 2016)', async () => {
    const d = scratch();
    const papi = join(ROOT, 'indicators/papi-dimensions.yaml');
    expect((await cli(['template', '-i', papi, '--year', '2016', '-o', 'mau.csv'], { cwd: d })).code).toBe(0);
    const lines = readFileSync(join(d, 'mau.csv'), 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const records = readRecords(readFileSync(join(ROOT, 'data/papi-dimensions/2016.csv'), 'utf8'));
    const out = [lines[0], lines[1], ...lines.slice(2).map((l) => {
      const name = l.split(',')[0]!;
      const rec = records.find((x) => { const p = findProvince(x.province!); return p.ok && p.province.name === name; })!;
      return [name, '2016', ...header.slice(2).map((h) => rec[h]!)].join(',');
    })];
    writeFileSync(join(d, 'so-lieu.csv'), out.join('\n') + '\n');
    const a = await cli(['score', 'so-lieu.csv', '-i', papi, '-f', 'csv', '--no-previous'], { cwd: d });
    const b = await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-f', 'csv', '--no-previous']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('free units from --units; --check; a wrong extension is a usage error', async () => {
    const d = scratch();
    writeFileSync(join(d, 'huyen.txt'), 'Huyện Nam Đàn\nHuyện Đô Lương\n');
    expect((await cli(['template', '--units', 'huyen.txt', '-o', 'huyen.csv'], { cwd: d })).code).toBe(0);
    const csv = readFileSync(join(d, 'huyen.csv'), 'utf8').split('\n');
    expect(csv[0]!.startsWith('unit,year,')).toBe(true);
    expect(csv.slice(2, 4).map((l) => l.split(',')[0])).toEqual(['Huyện Nam Đàn', 'Huyện Đô Lương']);
    expect((await cli(['template', '--units', 'huyen.txt', '-o', 'huyen.csv', '--check'], { cwd: d })).code).toBe(0);
    expect((await cli(['template', '-o', 'mau.pdf'], { cwd: d })).code).toBe(2);
  });

  it('--units: a misspelt province is an error at its line, not a template of free units; a province twice is one row, with a warning', async () => {
    const d = scratch();
    writeFileSync(join(d, 'u3.txt'), 'Nghệ An\nHà Tĩnh\n# a note\n  Nghe Ann\n');
    for (const lang of ['vi', 'en']) {
      const r = await cli(['template', '--units', 'u3.txt', '-o', 't.csv', '--lang', lang], { cwd: d });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(lang === 'vi' ? "u3.txt:4:3: lỗi: không có tỉnh 'Nghe Ann' [UNKNOWN_PROVINCE]\n  gợi ý: có phải ý bạn là 'Nghệ An'?" : "u3.txt:4:3: error: unknown province 'Nghe Ann' [UNKNOWN_PROVINCE]\n  hint: did you mean 'Nghệ An'?");
      expect(r.stderr).toContain(lang === 'vi' ? 'u3.txt: lỗi: 2 trên 3 dòng là tên tỉnh' : 'u3.txt: error: 2 of 3 lines name a province');
      expect(r.stderr).toContain(lang === 'vi' ? 'ghi "unit" ở dòng đầu danh sách' : 'write "unit" as the list\'s first line');
    }
    expect(() => readFileSync(join(d, 't.csv'))).toThrow();
    // Asked for on purpose: `unit` as the first line makes a template of any units, whatever they are called.
    writeFileSync(join(d, 'u4.txt'), 'unit\nNghệ An\nNghe Ann\n');
    expect((await cli(['template', '--units', 'u4.txt', '-o', 't4.csv'], { cwd: d })).code).toBe(0);
    const t4 = readFileSync(join(d, 't4.csv'), 'utf8').split('\n');
    expect([t4[0]!.split(',')[0], ...t4.slice(2, -1).map((l) => l.split(',')[0])]).toEqual(['unit', 'Nghệ An', 'Nghe Ann']);
    // Two spellings of one province: one row, the second line named.
    writeFileSync(join(d, 'u2.txt'), 'Nghệ An\nnghe an\nHà Tĩnh\n');
    for (const lang of ['vi', 'en']) {
      const r = await cli(['template', '--units', 'u2.txt', '-o', 't2.csv', '--lang', lang], { cwd: d });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(lang === 'vi' ? "u2.txt:2:1: cảnh báo: 'nghe an' là Nghệ An, đã có ở dòng 1: bỏ qua, mỗi tỉnh một dòng [DUPLICATE_ROW]\n"
        : "u2.txt:2:1: warning: 'nghe an' is Nghệ An, already on line 1: left out, one row per province [DUPLICATE_ROW]\n");
      const t2 = readFileSync(join(d, 't2.csv'), 'utf8').split('\n');
      expect([t2[0]!.split(',')[0], ...t2.slice(2, -1).map((l) => l.split(',')[0])]).toEqual(['province', 'Nghệ An', 'Hà Tĩnh']);
    }
    // A list of districts with one town named as its province stays a list of free units.
    writeFileSync(join(d, 'u5.txt'), 'Huyện Nam Đàn\nHuyện Đô Lương\nHà Tĩnh\n');
    const r5 = await cli(['template', '--units', 'u5.txt', '-o', 't5.csv'], { cwd: d });
    expect([r5.code, r5.stderr]).toEqual([0, '']);
    expect(readFileSync(join(d, 't5.csv'), 'utf8').startsWith('unit,year,')).toBe(true);
  });

  it("--check's help says what it does (docs/REFERENCE.md's exit codes): 1 when the file differs, 5 when it is missing; template, report and score say the same", async () => {
    const d = scratch();
    expect((await cli(['template', '--units', 'huyen.txt', '-o', 'khong-co.csv', '--check'], { cwd: d })).code).toBe(5);
    writeFileSync(join(d, 'huyen.txt'), 'Huyện Nam Đàn\n');
    writeFileSync(join(d, 'khac.csv'), 'unit,year\n');
    expect((await cli(['template', '--units', 'huyen.txt', '-o', 'khac.csv', '--check'], { cwd: d })).code).toBe(1);
    for (const lang of ['vi', 'en']) {
      const texts = [];
      for (const command of ['template', 'report', 'score']) {
        const help = (await cli([command, '--help', '--lang', lang])).stdout.replace(/\s+/g, ' ');
        texts.push(/--check (.*?\))/.exec(help)?.[1]);
      }
      expect(texts[0]).toMatch(lang === 'vi' ? /mã 1 nếu tệp --output khác, mã 5 nếu chưa có tệp/ : /exit 1 if --output differs, 5 if it is missing/);
      expect(new Set(texts).size).toBe(1);
    }
  });
});

describe('dti template for a year', () => {
  it("for 2024 asks only for 2024's indicators (the published DTI), and filled in from data/2024.csv it scores as data/2024.csv", async () => {
    const d = scratch();
    expect((await cli(['template', '--year', '2024', '-o', 'mau.csv'], { cwd: d })).code).toBe(0);
    const lines = readFileSync(join(d, 'mau.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe('province,year,dti-cong-bo');
    expect(lines[1]).toBe('# Tên chỉ tiêu (đơn vị) →,năm,DTI công bố (chỉ số 0–1)');
    // The year taken from the file name asks the same.
    expect((await cli(['template', '-o', 'mau-2024.csv'], { cwd: d })).code).toBe(0);
    expect(readFileSync(join(d, 'mau-2024.csv'), 'utf8').split('\n')[0]).toBe('province,year,dti-cong-bo');
    // Without a year: every indicator of every year.
    expect((await cli(['template', '-o', 'mau.tsv'], { cwd: d })).code).toBe(0);
    expect(readFileSync(join(d, 'mau.tsv'), 'utf8').split('\n')[0]).toContain('ha-tang-so\thoat-dong-chinh-quyen-so\thoat-dong-kinh-te-so\thoat-dong-xa-hoi-so\tdti-cong-bo');
    // Filled in with the published DTI of data/2024.csv, it ranks as data/2024.csv does.
    const pub = new Map(readFileSync(join(ROOT, 'data/2024.csv'), 'utf8').trim().split('\n').slice(1).map((l) => { const c = l.split(','); return [c[0]!, c[2]!]; }));
    const filled = [lines[0], ...lines.slice(2).filter((l) => l !== '').map((l) => { const [p, y] = l.split(','); return `${p},${y},${pub.get(p!) ?? ''}`; })].join('\n');
    writeFileSync(join(d, 'filled.csv'), filled);
    const a = await cli(['score', 'filled.csv', '-f', 'csv', '-q', '--no-previous'], { cwd: d });
    const b = await cli(['score', join(ROOT, 'data/2024.csv'), '-f', 'csv', '-q', '--no-previous'], { cwd: d });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});
