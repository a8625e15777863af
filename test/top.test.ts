/**
 * `--top n` of trend and sensitivity means what it means for score: the units ranked n or better
 * (ties kept whole); trend by the last year's rank, sensitivity by the nominal rank. The oracle is
 * `dti score` of the same year with the same --top.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cli, tmp, workbookAt } from './helpers.js';

const YEARS = ['data/2022.csv', 'data/2023.csv', 'data/2024.csv'];

/** The units `dti score <file> --top n` keeps (CSV: the province column). */
async function scoreTop(file: string, n: number): Promise<string[]> {
  const r = await cli(['score', file, '--top', String(n), '-f', 'json', '-q']);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { rankings: { unit: string }[] }).rankings.map((u) => u.unit);
}

describe('trend --top', () => {
  it('keeps the units ranked n or better in the last year, ties whole (2024 has two at 13)', async () => {
    const expected = await scoreTop('data/2024.csv', 13);
    expect(expected).toHaveLength(14);
    const j = JSON.parse((await cli(['trend', ...YEARS, '--top', '13', '-f', 'json', '-q'])).stdout) as { units: { unit: string; series: ({ rank: number | null } | null)[] }[] };
    expect(j.units.map((u) => u.unit).sort()).toEqual([...expected].sort());
    expect(j.units.every((u) => u.series[2]!.rank! <= 13)).toBe(true);
    const all = JSON.parse((await cli(['trend', ...YEARS, '-f', 'json', '-q'])).stdout) as { units: unknown[] };
    expect(all.units).toHaveLength(63);
  });

  it('in vi (the table) and en (CSV) alike', async () => {
    const vi = await cli(['trend', ...YEARS, '--top', '3', '-f', 'table', '-q']);
    expect(vi.code).toBe(0);
    const rows = vi.stdout.split('\n').filter((l) => /^\s*(Hồ Chí Minh|Đà Nẵng|Hải Phòng|Hà Nội)\b/.test(l));
    expect(rows.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng']);
    const en = await cli(['trend', ...YEARS, '--top', '3', '-f', 'csv', '--lang', 'en', '-q']);
    expect(en.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[0])).toEqual(['Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng']);
  });

  it('a bad n is a usage error in both languages', async () => {
    const vi = await cli(['trend', ...YEARS, '--top', '0']);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('--top');
    expect(vi.stderr).toMatch(/số nguyên/);
    const en = await cli(['trend', ...YEARS, '--top', 'x', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/whole number/);
  });
});

describe('sensitivity --top', () => {
  it('keeps the units of nominal rank n or better, ties whole (2023 has two at 59)', async () => {
    const expected = await scoreTop('data/2023.csv', 59);
    expect(expected).toHaveLength(60);
    const j = JSON.parse((await cli(['sensitivity', 'data/2023.csv', '--runs', '50', '--top', '59', '-f', 'json', '-q'])).stdout) as { units: { unit: string; nominalRank: number }[] };
    expect(j.units.map((u) => u.unit).sort()).toEqual([...expected].sort());
    expect(j.units.every((u) => u.nominalRank <= 59)).toBe(true);
  });

  it('the same rows as without --top, only fewer, in vi (table) and en (CSV)', async () => {
    const full = (await cli(['sensitivity', 'data/2023.csv', '--runs', '100', '-f', 'csv', '--lang', 'en', '-q'])).stdout.trim().split('\n');
    const top = (await cli(['sensitivity', 'data/2023.csv', '--runs', '100', '--top', '5', '-f', 'csv', '--lang', 'en', '-q'])).stdout.trim().split('\n');
    expect(top).toEqual(full.slice(0, 6));
    const vi = await cli(['sensitivity', 'data/2023.csv', '--runs', '100', '--top', '5', '-f', 'table', '-q']);
    expect(vi.code).toBe(0);
    const expected = await scoreTop('data/2023.csv', 5);
    for (const u of expected) expect(vi.stdout).toContain(u);
    expect(vi.stdout).not.toContain((await scoreTop('data/2023.csv', 6))[5]);
    // The chart's scale still runs to the worst rank an interval reaches (Cần Thơ 5–6), not to 5.
    expect(vi.stdout).toContain('1 … 6');
  });
});

describe('--top help', () => {
  it('is one text in score, chart, trend and sensitivity, in each language', async () => {
    for (const [lang, text] of [['vi', 'chỉ các đơn vị xếp từ hạng 1 đến hạng n'], ['en', 'only the units ranked n or better']] as const) {
      for (const c of ['score', 'chart', 'trend', 'sensitivity']) {
        const h = (await cli([c, '--help', '--lang', lang], { env: { COLUMNS: '200' } })).stdout;
        const line = h.split('\n').find((l) => l.includes('--top <n>'));
        expect(line, `${c} ${lang}`).toContain(text);
      }
    }
  });
});

describe('score --top within regions', () => {
  it('keeps the same units in CSV, JSON and the workbook (region ranks, not national)', async () => {
    for (const args of [['--region', 'Bắc Trung Bộ', '--top', '2'], ['--by', 'region', '--top', '2']]) {
      const base = ['score', 'data/2023.csv', ...args, '-q'];
      const csv = (await cli([...base, '-f', 'csv'])).stdout.trim().split('\n').slice(1).map((l) => l.split(',')[3]!).sort();
      const json = (JSON.parse((await cli([...base, '-f', 'json'])).stdout) as { rankings: { unit: string }[] }).rankings.map((r) => r.unit).sort();
      const f = join(tmp(), 'x.xlsx');
      expect((await cli([...base, '-o', f])).code).toBe(0);
      const wb = workbookAt(f);
      const sheet = wb.sheet(wb.names[0]!);
      const col = sheet[0]!.findIndex((c) => c.text === 'Tỉnh');
      const xlsx = sheet.slice(1).map((r) => r[col]!.text).sort();
      expect(json).toEqual(csv);
      expect(xlsx).toEqual(csv);
      expect(csv.length).toBe(args[0] === '--region' ? 2 : 12);
    }
  });
});
