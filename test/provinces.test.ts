// The province registry: spellings, codes, regions, the 34-province map and the 2025 merger.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../src/load/csv.js';
import { PROVINCES, PROVINCES_2025, findProvince, findRegion } from '../src/core/provinces.js';
import { fold } from '../src/core/text.js';
import { loadData } from '../src/load/definitions.js';
import { ROOT, cli, fw, tmp } from './helpers.js';
import { writeFileSync } from 'node:fs';

const name = (t: string) => { const r = findProvince(t); return r.ok ? r.province.name : `✗ ${r.suggestions.join('|')}`; };

describe('province lookup', () => {
  it.each([
    ['TP.HCM', 'Hồ Chí Minh'], ['Tp.HCM', 'Hồ Chí Minh'], ['Hồ Chí Minh', 'Hồ Chí Minh'], ['TP. Hồ Chí Minh', 'Hồ Chí Minh'],
    ['Thành phố Hồ Chí Minh', 'Hồ Chí Minh'], ['TT-Huế', 'Thừa Thiên Huế'], ['Thừa Thiên - Huế', 'Thừa Thiên Huế'],
    ['Thừa Thiên-Huế', 'Thừa Thiên Huế'], ['BR-VT', 'Bà Rịa - Vũng Tàu'], ['Bà Rịa-Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['Bắc Cạn', 'Bắc Kạn'], ['Đăk Lăk', 'Đắk Lắk'], ['Đắc Lắc', 'Đắk Lắk'], ['Tỉnh Nghệ An', 'Nghệ An'], ['tinh nghe an', 'Nghệ An'],
    ['HÀ TĨNH', 'Hà Tĩnh'], ['Hoà Bình', 'Hòa Bình'], ['Thanh Hoá', 'Thanh Hóa'], ['Khánh Hoà', 'Khánh Hòa'],
    ['40', 'Nghệ An'], ['1', 'Hà Nội'], ['01', 'Hà Nội'], ['VN-70', 'Vĩnh Phúc'], ['vn-hn', 'Hà Nội'],
  ])('%s → %s', (text, expected) => {
    expect(name(text)).toBe(expected);
  });
  it('finds every province by its plain name without diacritics, its GSO code and its ISO code', () => {
    expect(PROVINCES).toHaveLength(63);
    for (const p of PROVINCES) {
      expect(name(fold(p.name))).toBe(p.name);
      expect(name(p.code)).toBe(p.name);
      expect(name(String(Number(p.code)))).toBe(p.name);
      expect(name(p.iso)).toBe(p.name);
    }
  });
  it('rejects a near miss with the closest suggestion, never a silent match', () => {
    expect(name('Nghê Ann')).toBe('✗ Nghệ An');
    expect(name('Hà Tỉnh Xyz')).toMatch(/^✗/);
    expect(name('Atlantis')).toBe('✗ ');
  });
  it('matches the reference CSVs it was generated from', () => {
    const read = (f: string) => readRecords(readFileSync(join(ROOT, 'data/reference', f), 'utf8'));
    expect(PROVINCES.map((p) => [p.code, p.name, p.iso, p.region, p.successor]))
      .toEqual(read('provinces_63.csv').map((r) => [r.gso_code, r.name_vi, r.iso_3166_2, r.region_vi_nq81_2023, r.new_code_2025]));
    expect(PROVINCES_2025.map((p) => [p.code, p.name, p.members.join(';')]))
      .toEqual(read('provinces_34_2025.csv').map((r) => [r.new_code_2025, r.name_vi, r.member_gso_codes_pre2025!.replace(/ /g, '')]));
  });
});

describe('regions', () => {
  it.each([['Bắc Trung Bộ', 'Bắc Trung Bộ và duyên hải miền Trung'], ['bac trung bo', 'Bắc Trung Bộ và duyên hải miền Trung'],
    ['ĐBSCL', 'Đồng bằng sông Cửu Long'], ['Mekong', 'Đồng bằng sông Cửu Long'], ['tay nguyen', 'Tây Nguyên'],
    ['Red River Delta', 'Đồng bằng sông Hồng']])('%s → %s', (t, r) => {
    const f = findRegion(t);
    expect(f.ok && f.region.name).toBe(r);
  });
  it('ranks within a region: Tây Nguyên in PAPI 2016, worked out from the published totals', async () => {
    // Published 2016 totals: Đắk Nông 35.8856 (31st nationally), Đắk Lắk 35.6531 (33rd), Lâm Đồng 35.1994 (43rd),
    // Kon Tum 34.8032 (46th), Gia Lai 34.4610 (52nd); their mean 35.2005.
    const r = await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--region', 'tay nguyen', '-f', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.rankings.map((x: { unit: string; rank: number; regionRank: number }) => [x.unit, x.rank, x.regionRank])).toEqual([
      ['Đắk Nông', 31, 1], ['Đắk Lắk', 33, 2], ['Lâm Đồng', 43, 3], ['Kon Tum', 46, 4], ['Gia Lai', 52, 5]]);
    expect(j.regions).toHaveLength(1);
    expect(j.regions[0].units).toBe(5);
    expect(j.regions[0].score).toBeCloseTo(35.2005, 4);
  });
  it('--by region gives each of the six regions its ranking and averages', async () => {
    const j = JSON.parse((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--by', 'region', '-f', 'json'])).stdout);
    expect(j.regions.map((r: { region: string; units: number }) => r.units)).toEqual([11, 14, 14, 5, 6, 13]);
    const csv = (await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--by', 'region', '-f', 'csv'])).stdout;
    expect(csv.split('\n')[0]).toContain(',region,region_rank,');
  });
  it('an unknown region is a usage error with a suggestion', async () => {
    const r = await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--region', 'Tây Nguyen Xa', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean 'Tây Nguyên'");
  });
});

describe('the 34-province map', () => {
  const f = fw('schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n');
  it('reads a 2025 file on the 34 provinces, renamed Huế and re-coded Bắc Ninh included', () => {
    const r = loadData('province,year,a\nHuế,2025,1\nBắc Ninh,2025,2\nPhú Thọ,2025,3\n', f, { file: 'd.csv' });
    expect(r.ok && r.value.map).toBe('34');
    if (r.ok) expect(r.value.records.map((x) => [x.unit, x.code])).toEqual([['Huế', '46'], ['Bắc Ninh', '24'], ['Phú Thọ', '25']]);
  });
  it('rejects a province of the 63 in a file of the 34, naming its successor', () => {
    const r = loadData('province,year,a\nVĩnh Phúc,2025,1\nQuảng Bình,2025,2\n', f, { file: 'd.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.code, e.line])).toEqual([['MIXED_MAPS', 2], ['MIXED_MAPS', 3]]);
      expect(r.errors[0]!.message).toContain('part of Phú Thọ');
      expect(r.errors[1]!.message).toContain('part of Quảng Trị');
    }
  });
});

describe('--merge-2025', () => {
  // Every province of the 63, each main index k (k = 0…7) = (GSO code + k)/200.
  const keys = ['nhan-thuc-so', 'the-che-so', 'ha-tang-so', 'nhan-luc-so', 'an-toan-thong-tin-mang', 'hoat-dong-chinh-quyen-so', 'hoat-dong-kinh-te-so', 'hoat-dong-xa-hoi-so'];
  const file = (skip: string[] = []) => {
    const dir = tmp();
    const rows = PROVINCES.filter((p) => !skip.includes(p.name)).map((p) => [p.name, ...keys.map((_, k) => String((Number(p.code) + k) / 200))].join(','));
    writeFileSync(join(dir, '2024.csv'), `province,${keys.join(',')}\n${rows.join('\n')}\n`);
    return join(dir, '2024.csv');
  };
  const run = (path: string, extra: string[] = []) => cli(['score', path, '-i', join(ROOT, 'indicators/dti-2022-main.yaml'), '--merge-2025', '-f', 'json', ...extra]);

  it('gives the 34 provinces: Phú Thọ = mean of Phú Thọ, Vĩnh Phúc, Hòa Bình; Nghệ An unchanged', async () => {
    const r = await run(file());
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.rankings).toHaveLength(34);
    const pt = j.rankings.find((x: { unit: string }) => x.unit === 'Phú Thọ');
    // Codes 25, 26, 17: mean 68/3 = 22.6667. Main index k = (22.6667 + k)/200, e.g. Nhận thức số = 0.113333.
    expect(pt.code).toBe('25');
    expect(pt.indicators['nhan-thuc-so']).toEqual({ value: expect.closeTo((68 / 3) / 200, 12), normalized: expect.closeTo((68 / 3) / 200, 12) });
    expect(pt.indicators['hoat-dong-xa-hoi-so'].normalized).toBeCloseTo((68 / 3 + 7) / 200, 12);
    // DTI = Σ points_k (22.6667 + k)/200 / 1000 = (22666.67 + Σ points_k·k)/200000, Σ points_k·k = 3950 → 0.1330833
    expect(pt.score).toBeCloseTo((68000 / 3 + 3950) / 200000, 12);
    const na = j.rankings.find((x: { unit: string }) => x.unit === 'Nghệ An');
    // Unchanged: (40·1000 + 3950)/200000 = 0.21975
    expect(na.score).toBeCloseTo(0.21975, 12);
    expect(j.rankings.some((x: { unit: string }) => x.unit === 'Vĩnh Phúc')).toBe(false);
  });
  it('reports a merged province with a member missing, unless --allow-partial-merge', async () => {
    const path = file(['Hòa Bình']);
    const r = await run(path);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Phú Thọ (2024) gồm Phú Thọ + Vĩnh Phúc + Hòa Bình, nhưng số liệu không có dòng nào của Hòa Bình [MISSING_VALUE]');
    const ok = await run(path, ['--allow-partial-merge']);
    expect(ok.code).toBe(0);
    const pt = JSON.parse(ok.stdout).rankings.find((x: { unit: string }) => x.unit === 'Phú Thọ');
    // Codes 25 and 26: mean 25.5 → (25500 + 3950)/200000 = 0.14725
    expect(pt.score).toBeCloseTo(0.14725, 12);
  });
});

const TWO_MAIN = `schema: dti/v1
id: t
name: T
missing: zero
indicators:
  - id: a
    name: A
  - id: b
    name: B
`;

/** All 63 provinces with a = b = 0.5, except the given cells left empty, and rows left out. */
function provincesFile(dir: string, opts: { emptyB?: string[]; skip?: string[] } = {}): string {
  const rows = PROVINCES.filter((p) => !(opts.skip ?? []).includes(p.name))
    .map((p) => `${p.name},0.5,${(opts.emptyB ?? []).includes(p.name) ? '' : '0.5'}`);
  writeFileSync(join(dir, 'd.yaml'), TWO_MAIN);
  writeFileSync(join(dir, '2024.csv'), `province,a,b\n${rows.join('\n')}\n`);
  return dir;
}

describe('--merge-2025 with missing values and absent members', () => {
  it('counts a member’s missing main index as 0 under missing: zero, warns for that province only, and keeps the values', async () => {
    const dir = provincesFile(tmp(), { emptyB: ['Vĩnh Phúc'] });
    const r = await cli(['score', '2024.csv', '-i', 'd.yaml', '--merge-2025', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const pt = j.rankings.find((x: { unit: string }) => x.unit === 'Phú Thọ');
    // Phú Thọ = Phú Thọ + Vĩnh Phúc + Hòa Bình: b = (0.5 + 0 + 0.5)/3 = 1/3; score = (0.5 + 1/3)/2 = 5/12.
    expect(pt.indicators.b.normalized).toBeCloseTo(1 / 3, 12);
    expect(pt.score).toBeCloseTo(5 / 12, 12);
    // a and b take values as they are (normalize none): the merged value is the value.
    expect(pt.indicators.a.value).toBeCloseTo(0.5, 12);
    expect(pt.indicators.b.value).toBeCloseTo(1 / 3, 12);
    // The unmerged score counts Vĩnh Phúc's gap as 0 the same way: (0.5 + 0)/2.
    const unmerged = JSON.parse((await cli(['score', '2024.csv', '-i', 'd.yaml', '-f', 'json', '-q'], { cwd: dir })).stdout);
    expect(unmerged.rankings.find((x: { unit: string }) => x.unit === 'Vĩnh Phúc').score).toBeCloseTo(0.25, 12);
    const missing = j.warnings.filter((w: { code: string }) => w.code === 'MISSING_VALUE');
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toMatch(/^Phú Thọ \(2024\): 1 of 2 indicators has no value in at least one of the provinces merged into it \(coverage [\d.]+\): b;/);
    expect(j.rankings.filter((x: { absentMembers?: string[] }) => x.absentMembers !== undefined)).toEqual([]);
  });

  it('marks a partially merged province in every format', async () => {
    const dir = provincesFile(tmp(), { skip: ['Hòa Bình'] });
    const args = ['score', '2024.csv', '-i', 'd.yaml', '--merge-2025', '--allow-partial-merge', '-q'];
    const j = JSON.parse((await cli([...args, '-f', 'json'], { cwd: dir })).stdout);
    expect(j.rankings.find((x: { unit: string }) => x.unit === 'Phú Thọ').absentMembers).toEqual(['Hòa Bình']);
    expect(j.rankings.find((x: { unit: string }) => x.unit === 'Nghệ An').absentMembers).toBeUndefined();
    const csv = (await cli([...args, '-f', 'csv'], { cwd: dir })).stdout.split('\n');
    expect(csv[0]).toContain(',absent_members,');
    expect(csv.find((l) => l.includes('Phú Thọ'))).toContain(',Hòa Bình,');
    for (const f of ['md', 'table']) {
      const out = (await cli([...args, '-f', f, '--lang', 'en'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout;
      expect(out).toContain('Phú Thọ (partial)');
      expect(out).not.toContain('Nghệ An (partial)');
      expect(out).toContain('(partial) partially merged: averaged over the members with data; no data for: Phú Thọ (Hòa Bình)');
    }
  });
});
