// Years and comparisons: rank changes, new and dropped units, pooled normalisation,
// dti trend, dti compare with official ranks. (The library example: e2e.test.ts.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../src/load/csv.js';
import { ROOT, cli, tmp } from './helpers.js';

/** Ranks of the published PAPI totals, computed straight from the reference CSV (an independent oracle). */
function publishedRanks(year: string): Map<string, number> {
  const rows = readRecords(readFileSync(join(ROOT, 'data/reference/papi_2011_2016_dimensions.csv'), 'utf8'))
    .filter((r) => r.year === year && r.gso_code !== '999' && r.papi_unweighted_published !== '');
  rows.sort((a, b) => Number(b.papi_unweighted_published) - Number(a.papi_unweighted_published));
  return new Map(rows.map((r, i) => [r.province!, i + 1]));
}

describe('rank changes', () => {
  it('marks new units and lists dropped ones, never inventing a change', async () => {
    const dir = tmp();
    const defs = join(ROOT, 'indicators/dti-2022-main.yaml');
    writeFileSync(join(dir, '2022.csv'), 'province,nhan-thuc-so\nNghệ An,0.5\nHà Tĩnh,0.4\nVĩnh Phúc,0.3\n');
    writeFileSync(join(dir, '2023.csv'), 'province,nhan-thuc-so\nNghệ An,0.5\nHà Tĩnh,0.6\nQuảng Bình,0.1\n');
    const j = JSON.parse((await cli(['score', join(dir, '2023.csv'), '-i', defs, '-f', 'json', '-q'], { cwd: dir })).stdout);
    expect(j.previousYear).toBe(2022);
    expect(j.rankings.map((r: { unit: string; rankChange: number | null; previousRank: number | null }) => [r.unit, r.previousRank, r.rankChange]))
      .toEqual([['Hà Tĩnh', 2, 1], ['Nghệ An', 1, -1], ['Quảng Bình', null, null]]);
    expect(j.dropped).toEqual([{ unit: 'Vĩnh Phúc', code: '26', previousRank: 3 }]);
    const table = (await cli(['score', join(dir, '2023.csv'), '-i', defs, '-f', 'table', '-q'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout;
    expect(table).toMatch(/1\s+▲1\s+Hà Tĩnh/);
    expect(table).toMatch(/3\s+mới\s+Quảng Bình/);
    expect(table).toContain('Có trong năm 2022, không còn trong năm 2023: Vĩnh Phúc');
    const ascii = (await cli(['score', join(dir, '2023.csv'), '-i', defs, '-f', 'table', '-q', '--lang', 'en'], { cwd: dir, env: { NO_COLOR: '1', LANG: 'C' } })).stdout;
    expect(ascii).toMatch(/1\s+\+1\s+Hà Tĩnh/);
    expect(ascii).toMatch(/2\s+-1\s+Nghệ An/);
  });
  it('PAPI 2016 against 2015: rank changes of three provinces equal those of the published totals', async () => {
    const j = JSON.parse((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-f', 'json'])).stdout);
    const r16 = publishedRanks('2016');
    const r15 = publishedRanks('2015');
    for (const [unit, source] of [['Hà Tĩnh', 'Hà Tĩnh'], ['Quảng Bình', 'Quảng Bình'], ['Hồ Chí Minh', 'Hồ Chí Minh']] as const) {
      const r = j.rankings.find((x: { unit: string }) => x.unit === unit);
      expect([r.rank, r.previousRank, r.rankChange]).toEqual([r16.get(source), r15.get(source), r15.get(source)! - r16.get(source)!]);
    }
  });
  it('warns that minmax scores do not compare across years, and --pool-years normalises over both', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n    normalize: { method: minmax }\n');
    writeFileSync(join(dir, '2022.csv'), 'unit,a\nX,10\nY,20\n');
    writeFileSync(join(dir, '2023.csv'), 'unit,a\nX,20\nY,30\n');
    const plain = await cli(['score', '2023.csv', '-i', 'd.yaml', '-f', 'json', '--lang', 'en'], { cwd: dir });
    expect(plain.stderr).toContain('not comparable across years');
    expect(JSON.parse(plain.stdout).rankings.map((r: { score: number }) => r.score)).toEqual([1, 0]);
    // Pooled over 2022 and 2023: min 10, max 30 → Y (30) = 1, X (20) = 0.5.
    const pooled = await cli(['score', '2023.csv', '-i', 'd.yaml', '-f', 'json', '--pool-years'], { cwd: dir });
    expect(pooled.stderr).not.toContain('not comparable');
    expect(JSON.parse(pooled.stdout).rankings.map((r: { score: number }) => r.score)).toEqual([1, 0.5]);
  });
});

describe('dti trend', () => {
  it('gives six years of PAPI, ranks as the published totals rank', async () => {
    const files = [2011, 2012, 2013, 2014, 2015, 2016].map((y) => `data/papi-dimensions/${y}.csv`);
    const r = await cli(['trend', ...files, '-i', 'indicators/papi-dimensions.yaml', '-f', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.years).toEqual([2011, 2012, 2013, 2014, 2015, 2016]);
    expect(j.ranked).toEqual([63, 63, 63, 61, 63, 63]);
    expect(j.units).toHaveLength(63);
    const ranks = j.years.map((y: number) => publishedRanks(String(y)));
    const ct = j.units.find((u: { unit: string }) => u.unit === 'Cần Thơ');
    expect(ct.series.map((p: { rank: number }) => p.rank)).toEqual(ranks.map((m: Map<string, number>) => m.get('Cần Thơ')));
    expect(ct.change.rank).toBe(ranks[0].get('Cần Thơ') - ranks[5].get('Cần Thơ'));
    // Bắc Giang has no 2014 score: a gap, not a made-up rank.
    expect(j.units.find((u: { unit: string }) => u.unit === 'Bắc Giang').series[3]).toMatchObject({ rank: null, score: null });
  });
  it('draws the rank path on a terminal and writes Markdown for reports', async () => {
    const t = await cli(['trend', 'data/papi-dimensions/2015.csv', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-f', 'table'], { env: { NO_COLOR: '1' } });
    expect(t.stdout.split('\n')[3]).toMatch(/^Cần Thơ\s+2\s+1\s+39,5721\s+▲1\s+[▁▂▃▄▅▆▇█]{2}$/);
    const md = await cli(['trend', 'data/papi-dimensions/2015.csv', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-f', 'md']);
    expect(md.stdout).toContain('| Cần Thơ | 39,3441 (2) | 39,5721 (1) | ▲1 |');
  });
});

describe('dti compare', () => {
  it('compares the three provinces on the official data of 2022–2024, with their national ranks', async () => {
    const r = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-f', 'json', '-q']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.units.map((u: { unit: string }) => u.unit)).toEqual(['Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc']);
    expect(j.years).toEqual([2022, 2023, 2024]);
    expect(j.methodChanges).toEqual([2024]);
    const score = (y: number) => j.rows.find((x: { year: number; section: string }) => x.year === y && x.section === 'score');
    // National ranks from the published tables (data/reference/dti_2022_2024_provincial_63.csv):
    // Nghệ An 52 → 42 → 27, Hà Tĩnh 37 → 25 → 11, Vĩnh Phúc 18 → 44 → 20; ranks among the three beside them.
    expect([2022, 2023, 2024].map((y) => score(y).nationalRanks)).toEqual([[52, 37, 18], [42, 25, 44], [27, 11, 20]]);
    expect([2022, 2023, 2024].map((y) => score(y).ranks)).toEqual([[3, 2, 1], [2, 1, 3], [3, 1, 2]]);
    expect(score(2023).ranked).toBe(63);
    expect(score(2023).leaders).toEqual([1]);
    // Pillar rows exist where the method has pillars (2022–2023), each with national ranks.
    const cqs23 = j.rows.find((x: { year: number; id: string }) => x.year === 2023 && x.id === 'cqs');
    expect(cqs23.nationalRanks).toEqual([44, 15, 49]);
    expect(j.rows.filter((x: { year: number; section: string }) => x.year === 2024 && x.section === 'pillar')).toEqual([]);
    // A main index: Hà Tĩnh's 2023 Hoạt động chính quyền số 0.7807 of 200 points loses 200 × 0.2193 = 43.86.
    const hd = j.rows.find((x: { year: number; id: string }) => x.year === 2023 && x.id === 'hoat-dong-chinh-quyen-so');
    expect(hd.values).toEqual([0.6599, 0.7807, 0.6172]);
    expect(hd.maxPoints).toBe(200);
    expect(hd.pointsLost[1]).toBeCloseTo(43.86, 10);
    // Published ranks stay where they add a year the data do not have (2020, 2021; the 34-province ranking of 2024).
    const vp = j.official.filter((o: { unit: string; universe: string }) => o.unit === 'Vĩnh Phúc' && o.universe === '63 provinces');
    expect(vp.map((o: { year: number; rank: number }) => [o.year, o.rank])).toEqual([[2020, 55], [2021, 12]]);
    const t = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-f', 'table', '-q', '--lang', 'en'], { env: { NO_COLOR: '1' } });
    expect(t.stdout).toMatch(/Provincial Digital Transformation Index \(DTI\)\s+0\.6619 \(#2 · #42\/63\)\s+0\.6993 \(#1 · #25\/63\) ★/);
    expect(t.stdout).toContain('2024‡');
    expect(t.stdout).toContain('‡ The method of 2024 differs from the year before');
  });
  it('compares the three provinces on the proxy components, indicator by indicator', async () => {
    const r = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-i', 'indicators/dti-components.yaml',
      '--data', 'data/components/2022.csv', 'data/components/2023.csv', '-f', 'json', '-q']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.years).toEqual([2022, 2023]);
    expect(j.methodChanges).toEqual([]);
    // The 2023 score row ranks Vĩnh Phúc first (0.4044 > 0.4039 > 0.3159), as `dti score` ranks them,
    // but stars nobody: each has under half the data (32%, 42.5%, 42.5%).
    const s23 = j.rows.find((x: { year: number; section: string }) => x.year === 2023 && x.section === 'score');
    expect(s23.ranks).toEqual([3, 2, 1]);
    expect(s23.leaders).toEqual([]);
    // An indicator row: Vĩnh Phúc's 95.5% e-health records, target 100 → 0.955, lost 25 × 0.045 = 1.125 points.
    const ehr = j.rows.find((x: { year: number; id: string }) => x.year === 2023 && x.id === 'xhs-ho-so-suc-khoe-dien-tu');
    expect(ehr.values).toEqual([null, null, 95.5]);
    expect(ehr.normalized[2]).toBeCloseTo(0.955, 12);
    expect(ehr.pointsLost[2]).toBeCloseTo(1.125, 12);
    expect(ehr.pointsLost[0]).toBe(25); // no value under missing: zero loses all 25 points
    expect(ehr.maxPoints).toBe(25);
    // The data hold 2022–2023 only: the published 2022 rank of the 63 is shown (it adds a ranking).
    const vp = j.official.filter((o: { unit: string; universe: string }) => o.unit === 'Vĩnh Phúc' && o.universe === '63 provinces');
    expect(vp.map((o: { year: number; rank: number }) => [o.year, o.rank])).toEqual([[2020, 55], [2021, 12], [2022, 18]]);
  });
  it('labels official ranks as official in Markdown', async () => {
    const r = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-f', 'md', '-q']);
    expect(r.stdout).toContain('| Xếp hạng DTI chính thức (công bố) | Nghệ An | Hà Tĩnh | Vĩnh Phúc |');
    expect(r.stdout).toContain('| 2020 (63 tỉnh) | #36 | – | #55 |');
  });
  it('an unknown unit is a usage error with a suggestion', async () => {
    const r = await cli(['compare', 'Nghệ An', 'Ha Tinhh', '-q', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean 'Hà Tĩnh'");
  });
});

describe('--previous', () => {
  it('takes a file without a year of its own as the year before', async () => {
    const dir = tmp();
    const defs = join(ROOT, 'indicators/dti-2022-main.yaml');
    writeFileSync(join(dir, 'now.csv'), 'province,year,nhan-thuc-so\nNghệ An,2023,0.5\nHà Tĩnh,2023,0.6\n');
    writeFileSync(join(dir, 'before.csv'), 'province,nhan-thuc-so\nNghệ An,0.7\nHà Tĩnh,0.6\n');
    const j = JSON.parse((await cli(['score', 'now.csv', '--previous', 'before.csv', '-i', defs, '-f', 'json', '-q'], { cwd: dir })).stdout);
    expect(j.previousYear).toBe(2022);
    expect(j.rankings.map((r: { unit: string; rankChange: number }) => [r.unit, r.rankChange])).toEqual([['Hà Tĩnh', 1], ['Nghệ An', -1]]);
  });
});

describe('dti compare on unbounded scales', () => {
  it('gives no points lost where the scale is unbounded (none, zscore)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: raw\n    name: Raw\n'
      + '  - id: z\n    name: Z\n    normalize: { method: zscore }\n  - id: g\n    name: G\n    normalize: { method: goalposts, min: 0, max: 10 }\n');
    writeFileSync(join(dir, 'd.csv'), 'unit,raw,z,g\nA,5.4,1,5\nB,2,3,10\n');
    const r = await cli(['compare', 'A', 'B', '-i', 'd.yaml', '--data', 'd.csv', '-f', 'json', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).rows;
    expect(rows.find((x: { id: string }) => x.id === 'raw').pointsLost).toEqual([null, null]);
    expect(rows.find((x: { id: string }) => x.id === 'z').pointsLost).toEqual([null, null]);
    // Goalposts 0–10: A at 5 → 0.5, loses half of its 1 point (of 3 equal leaves).
    expect(rows.find((x: { id: string }) => x.id === 'g').pointsLost).toEqual([0.5, 0]);
    const table = (await cli(['compare', 'A', 'B', '-i', 'd.yaml', '--data', 'd.csv', '-f', 'table', '-q'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout;
    expect(table).not.toContain('−-');
    expect(table).toContain('5 → 0,50 (−0,5)');
  });
});

describe('dti trend of free units', () => {
  it('labels free units as units, and writes ▲ in Markdown as dti score does', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n');
    writeFileSync(join(dir, '2022.csv'), 'unit,a\nSở A,0.1\nSở B,0.2\n');
    writeFileSync(join(dir, '2023.csv'), 'unit,a\nSở A,0.3\nSở B,0.2\n');
    const md = (await cli(['trend', '2022.csv', '2023.csv', '-i', 'd.yaml', '-f', 'md', '--lang', 'en'], { cwd: dir })).stdout;
    expect(md).toContain('| Unit | 2022 | 2023 | ± |');
    expect(md).toContain('| Sở A | 0.1000 (2) | 0.3000 (1) | ▲1 |');
    const vi = (await cli(['trend', '2022.csv', '2023.csv', '-i', 'd.yaml', '-f', 'table'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout;
    expect(vi).toMatch(/Đơn vị\s+2022/);
    // The same in a terminal that cannot show ▲: still ▲ in Markdown, +1 on the screen.
    const asciiMd = (await cli(['trend', '2022.csv', '2023.csv', '-i', 'd.yaml', '-f', 'md', '--lang', 'en'], { cwd: dir, env: { LANG: 'C' } })).stdout;
    expect(asciiMd).toBe(md);
    const score = (await cli(['score', '2023.csv', '-i', 'd.yaml', '-f', 'md', '--lang', 'en'], { cwd: dir })).stdout;
    expect(score).toMatch(/\| 1 \| ▲1 \| Sở A \|/);
  });
});

describe('compare on the proxy components (under half the data)', () => {
  const argv = ['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-i', 'indicators/dti-components.yaml', '--data', 'data/components/2022.csv', 'data/components/2023.csv', '-q'];
  it('shows each unit’s coverage and stars no score, pillar or group from under half the data', async () => {
    const j = JSON.parse((await cli([...argv, '-f', 'json'])).stdout);
    const score = j.rows.filter((r: { section: string }) => r.section === 'score');
    // data/components: 2022 7%, 2.5%, 2.5% of the weights; 2023 32%, 42.5%, 42.5% (dti score's coverage).
    expect(score.map((r: { coverage: number[] }) => r.coverage)).toEqual([[0.07, 0.025, 0.025], [0.32, 0.425, 0.425]]);
    for (const r of j.rows.filter((x: { section: string }) => x.section !== 'indicator')) expect(r.leaders).toEqual([]);
    // An indicator's leader is its own data's: still starred.
    expect(j.rows.some((r: { section: string; leaders: number[] }) => r.section === 'indicator' && r.leaders.length > 0)).toBe(true);
    const t = await cli([...argv, '-f', 'table', '--lang', 'en'], { env: { NO_COLOR: '1', COLUMNS: '80' } });
    expect(t.stdout).toMatch(/^Data +7% +3% +3%$/m);
    expect(t.stdout).toMatch(/^Data +32% +43% +43%$/m);
    expect(t.stdout.replace(/\n/g, ' ')).toContain('a unit with under half the data gets no ★ on a score, pillar or group.');
    expect((await cli([...argv, '-f', 'table'], { env: { NO_COLOR: '1', COLUMNS: '80' } })).stdout).toMatch(/^Dữ liệu +7 % +3 % +3 %$/m);
  });
  it('the shipped DTI (every indicator given) has no coverage row and keeps its ★', async () => {
    const t = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', '-q', '-f', 'table', '--lang', 'en'], { env: { NO_COLOR: '1' } });
    expect(t.stdout).not.toMatch(/^Data /m);
    expect(t.stdout).toContain('★');
  });
});

describe('--year on a file with a year column', () => {
  it('is said to be unused (a warning at the year column), and the rows keep their own year', async () => {
    const r = await cli(['score', 'data/2023.csv', '--year', '2030', '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('data/2023.csv:1:10: warning: the year given (2030) is not used: the file has a year column [BAD_YEAR]');
    expect(r.stdout).toBe((await cli(['score', 'data/2023.csv', '-f', 'csv'])).stdout);
    const vi = await cli(['validate', 'data/2023.csv', '--year', '2030']);
    expect(vi.stderr).toContain('năm được chỉ định (2030) không được dùng: tệp đã có cột năm');
  });
});
