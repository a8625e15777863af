// PAPI 2011–2024 in three levels (data/papi/*.csv, indicators/papi.yaml): sub-dimensions →
// dimensions → total, each a sum; six dimensions until 2017, eight from 2018; blank or partial
// province-years unranked. Oracle: the published 2011–2016 dimensions and unweighted totals
// (data/reference/papi_2011_2016_dimensions.csv, from UNDP/CECODES/VFF-CRT via mdtrinh/vietnamdata),
// a source independent of the sub-dimension compilation the data come from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../src/load/csv.js';
import { ROOT, cli } from './helpers.js';

const YEARS = Array.from({ length: 14 }, (_, i) => 2011 + i);
const FILES = YEARS.map((y) => `data/papi/${y}.csv`);
const published = readRecords(readFileSync(join(ROOT, 'data/reference/papi_2011_2016_dimensions.csv'), 'utf8'))
  .filter((r) => r.gso_code !== '999');
const DIMS = ['d1_participation', 'd2_transparency', 'd3_vertical_accountability', 'd4_control_of_corruption', 'd5_public_admin_procedures', 'd6_public_service_delivery'];

interface Unit { unit: string; code: string; rank: number | null; score: number | null; groups: Record<string, number | null> }
const scoreYear = async (y: number) => {
  const r = await cli(['score', `data/papi/${y}.csv`, '-i', 'indicators/papi.yaml', '-f', 'json', '-q', '--no-previous']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { rankings: Unit[] };
};

describe('PAPI 2011–2024, three levels', () => {
  it('dti trend covers the 14 years; the method changes where the instrument did (2018, 2019, 2021)', async () => {
    const r = await cli(['trend', ...FILES, '-i', 'indicators/papi.yaml', '-f', 'json', '-q']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.years).toEqual(YEARS);
    expect(j.units).toHaveLength(63);
    // 2018: two dimensions and SC24 added; 2019: SC83 added; 2021: SC52 gone (codebook).
    expect(j.methodChanges).toEqual([2018, 2019, 2021]);
    // Unranked: 2014 (2), 2018 (2), 2021 (3), 2022 (2), 2023 (2), 2024 (2) province-years with gaps.
    expect(j.ranked).toEqual([63, 63, 63, 61, 63, 63, 63, 61, 63, 63, 60, 61, 61, 61]);
  });
  it.each([2011, 2012, 2013, 2014, 2015, 2016])('%i: every dimension and total equals the published one', async (y) => {
    const j = await scoreYear(y);
    const rows = published.filter((r) => r.year === String(y));
    expect(rows).toHaveLength(63);
    for (const p of rows) {
      const u = j.rankings.find((x) => x.code === p.gso_code)!;
      if (p.papi_unweighted_published === '') {
        expect([u.rank, u.score], p.province).toEqual([null, null]);
        continue;
      }
      expect(Math.abs(u.score! - Number(p.papi_unweighted_published)), p.province).toBeLessThan(1e-5);
      DIMS.forEach((d, k) => expect(Math.abs(u.groups[`C0${k + 1}`]! - Number(p[d])), `${p.province} ${d}`).toBeLessThan(1e-5));
    }
  });
  it('has six dimensions until 2017 and eight from 2018', async () => {
    const dims = (j: { rankings: Unit[] }) => Object.entries(j.rankings[0]!.groups).filter(([, v]) => v !== null).map(([k]) => k);
    expect(dims(await scoreYear(2017))).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06']);
    expect(dims(await scoreYear(2018))).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08']);
    // A 2018 total is the sum of its eight dimensions, each the sum of its sub-dimensions.
    const j = await scoreYear(2018);
    const row = readRecords(readFileSync(join(ROOT, 'data/papi/2018.csv'), 'utf8')).find((r) => r.province === 'Lạng Sơn')!;
    const sum = Object.entries(row).filter(([k, v]) => /^SC\d\d$/.test(k) && v !== '').reduce((s, [, v]) => s + Number(v), 0);
    expect(j.rankings.find((u) => u.unit === 'Lạng Sơn')!.score).toBeCloseTo(sum, 9);
  });
  it('lists blank and partial province-years unranked, never scored as zero', async () => {
    const unranked = async (y: number) => (await scoreYear(y)).rankings.filter((u) => u.rank === null).map((u) => u.unit).sort();
    expect(await unranked(2014)).toEqual(['Bắc Giang', 'Đồng Tháp']);
    expect(await unranked(2018)).toEqual(['Quảng Ninh', 'Đồng Tháp']); // 8 of 28 sub-dimensions blank
    expect(await unranked(2022)).toEqual(['Bắc Giang', 'Bắc Ninh']); // 15 and 14 of 28 blank
    expect(await unranked(2024)).toEqual(['Tiền Giang', 'Vĩnh Phúc']);
    const j = await scoreYear(2024);
    expect(j.rankings.filter((u) => u.rank !== null)).toHaveLength(61);
    expect(j.rankings.every((u) => u.score === null || u.score > 20)).toBe(true); // nobody's gap counted as 0
  });
  it('keeps a source on every row', () => {
    for (const f of FILES) {
      for (const r of readRecords(readFileSync(join(ROOT, f), 'utf8'))) expect(r['#nguon']).toMatch(/^GitHub hnks-gh\/ml-mcdm data\/csv\/\d{4}\.csv @ d165721/);
    }
  });
});
