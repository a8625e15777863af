// The official DTI of the 63 provinces, 2022–2024 (data/2022.csv … 2024.csv, indicators/dti.yaml),
// checked against the published tables: the order and values of all 63 each year, the pillars
// against the pillar facts provinces published, the rank changes, the 2025 merger.
// Oracles: data/reference/dti_2022_2024_provincial_63.csv (the ranking pages of dti.gov.vn),
// data/published/dti-2022-ranking-63.csv (the 2022 order from dti.gov.vn, with its tie at 15),
// data/published/dti-results-known.csv (pillar scores and ranks from provincial press releases).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../src/load/csv.js';
import { PROVINCES } from '../src/core/provinces.js';
import { ROOT, cli } from './helpers.js';

const table = (p: string) => readRecords(readFileSync(join(ROOT, p), 'utf8'));
const reference = table('data/reference/dti_2022_2024_provincial_63.csv');
const published = (year: string) => reference.filter((r) => r.year === year);

interface Row { rank: number | null; unit: string; code: string; score: number; previousRank: number | null; rankChange: number | null;
  pillars: Record<string, { score: number | null; rank: number | null }>; indicators: Record<string, { value: number | null }> }
const scored = async (args: string[]) => {
  const r = await cli(['score', ...args, '-f', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { year: number; previousYear: number | null; methodChanged: boolean; rankings: Row[] };
};

describe('the shipped data are the published tables', () => {
  it.each(['2022', '2023', '2024'])('data/%s.csv holds all 63 provinces with the published values, each row with its source', (year) => {
    const rows = table(`data/${year}.csv`);
    const ref = published(year);
    expect(rows).toHaveLength(63);
    expect(new Set(rows.map((r) => r.province))).toEqual(new Set(PROVINCES.map((p) => p.name)));
    for (const r of rows) {
      const p = ref.find((x) => x.province === r.province)!;
      expect(r.year).toBe(year);
      expect([r['ha-tang-so'], r['hoat-dong-chinh-quyen-so'], r['hoat-dong-kinh-te-so'], r['hoat-dong-xa-hoi-so']])
        .toEqual([p.ha_tang_so, p.hd_chinh_quyen_so, p.hd_kinh_te_so, p.hd_xa_hoi_so]);
      if (year === '2024') {
        expect(r['dti-cong-bo']).toBe(p.dti);
      } else {
        expect(r['#dti_cong_bo']).toBe(p.dti);
        expect(r['nts-tcs-nls-attt-suy-ra']).toBe(p.sum_nts_tcs_nls_attt_derived);
        expect(r['#suy_ra']).toContain('derived: (1000·DTI − 200·HĐCQS − 150·HĐKTS − 150·HĐXHS − 100·HTS) / 100');
      }
      expect(r['#xep_hang_cong_bo']).toBe(p.dti_rank);
      expect(r['#nguon']).toMatch(/^https:\/\/dti\.gov\.vn\/xep-hang-20\d\d/);
      expect(p.source).toContain(r['#nguon']!);
    }
  });
});

describe('dti score data/<year>.csv', () => {
  it.each(['2022', '2023', '2024'])('%s: all 63 in the published order with the published DTI', async (year) => {
    const j = await scored([`data/${year}.csv`]);
    expect(j.year).toBe(Number(year));
    expect(j.rankings).toHaveLength(63);
    const ref = published(year);
    for (const r of j.rankings) {
      const p = ref.find((x) => x.province === r.unit)!;
      expect(r.rank, r.unit).toBe(Number(p.dti_rank));
      // 2022–2023: Σ(main index × points)/1000 from the published indices and the derived sum (which
      // closes the sum, so this checks the arithmetic, not the ministry); 2024: the published value.
      expect(Math.abs(r.score - Number(p.dti)), r.unit).toBeLessThan(1e-5);
      expect(r.score.toFixed(4)).toBe(Number(p.dti).toFixed(4));
    }
  });
  it('2022: the order of all 63 equals the ranking page copied independently, tie at 15 included', async () => {
    const j = await scored(['data/2022.csv', '--no-previous']);
    const page = table('data/published/dti-2022-ranking-63.csv');
    expect(page).toHaveLength(63);
    for (const p of page) expect(j.rankings.find((r) => r.unit === p.province)?.rank, p.province).toBe(Number(p.dti_rank));
    expect(j.rankings.filter((r) => r.rank === 15)).toHaveLength(2);
  });
  it('2023: rank changes since 2022 (Vĩnh Phúc 18 → 44, Hà Tĩnh 37 → 25, Nghệ An 52 → 42), no change of method', async () => {
    const j = await scored(['data/2023.csv']);
    expect(j.previousYear).toBe(2022);
    expect(j.methodChanged).toBe(false);
    const at = (u: string) => j.rankings.find((r) => r.unit === u)!;
    expect([at('Vĩnh Phúc').previousRank, at('Vĩnh Phúc').rank, at('Vĩnh Phúc').rankChange]).toEqual([18, 44, -26]);
    expect([at('Hà Tĩnh').previousRank, at('Hà Tĩnh').rank, at('Hà Tĩnh').rankChange]).toEqual([37, 25, 12]);
    expect([at('Nghệ An').previousRank, at('Nghệ An').rank, at('Nghệ An').rankChange]).toEqual([52, 42, 10]);
    // Every unit's change is the difference of the two published ranks.
    for (const r of j.rankings) {
      const before = published('2022').find((x) => x.province === r.unit)!;
      expect(r.rankChange).toBe(Number(before.dti_rank) - r.rank!);
    }
  });
  it('2024: rank changes since 2023 across the change of method (QĐ 922 → QĐ 405), marked as such; no pillars', async () => {
    const j = await scored(['data/2024.csv']);
    expect(j.previousYear).toBe(2023);
    expect(j.methodChanged).toBe(true);
    const ht = j.rankings.find((r) => r.unit === 'Hà Tĩnh')!;
    expect([ht.previousRank, ht.rank, ht.rankChange]).toEqual([25, 11, 14]);
    for (const r of j.rankings) expect(Object.values(r.pillars).map((p) => p.score)).toEqual([null, null, null]);
    const t = await cli(['score', 'data/2024.csv', '-f', 'table', '--lang', 'en'], { env: { NO_COLOR: '1' } });
    expect(t.stdout).toContain('±‡');
    expect(t.stdout).toContain('‡ The method of 2024 differs from that of 2023');
    const vi = await cli(['score', 'data/2024.csv', '-f', 'md']);
    expect(vi.stdout).toContain('‡ Phương pháp tính năm 2024 khác năm 2023');
    const same = await cli(['score', 'data/2023.csv', '-f', 'md']);
    expect(same.stdout).not.toContain('Phương pháp tính');
  });
});

describe('the pillars (2022–2023): (foundation points + activity points) ÷ 700 or ÷ 650', () => {
  // Published pillar facts. Bến Tre 2022's "28/25/55" are its activity-index ranks, not pillars
  // (data/reference/DTI-METHODOLOGY.md §4), so they are not used here.
  const facts = table('data/published/dti-results-known.csv')
    .filter((r) => (r.year === '2022' || r.year === '2023') && r.cqs_rank !== '' && r.province !== 'Bến Tre');
  it('has the published pillar facts to check against', () => {
    expect(facts.map((f) => `${f.year} ${f.province}`)).toEqual(
      ['2022 Hồ Chí Minh', '2022 Hà Nội', '2022 Trà Vinh', '2022 Quảng Ngãi', '2023 Hồ Chí Minh', '2023 Thanh Hóa', '2023 Quảng Ngãi']);
  });
  it('reproduces every published pillar rank (21 ranks) and Trà Vinh 2022\'s three pillar values', async () => {
    for (const year of ['2022', '2023']) {
      const j = await scored([`data/${year}.csv`]);
      for (const f of facts.filter((x) => x.year === year)) {
        const r = j.rankings.find((x) => x.unit === f.province)!;
        expect([r.pillars.cqs!.rank, r.pillars.kts!.rank, r.pillars.xhs!.rank], `${year} ${f.province}`)
          .toEqual([Number(f.cqs_rank), Number(f.kts_rank), Number(f.xhs_rank)]);
        if (f.cqs_score !== '') {
          // The derived sum carries up to 8e-4 of rounding (five published 4-decimal values), which is at
          // most 1.4e-4 in a pillar, plus the published pillar's own 5e-5: 2e-4.
          for (const k of ['cqs', 'kts', 'xhs'] as const) expect(Math.abs(r.pillars[k]!.score! - Number(f[`${k}_score`]))).toBeLessThan(2e-4);
        }
      }
    }
  });
  it('pins one pillar by hand: Đà Nẵng 2022 CQS = (100·(3.5068 + 0.8253) + 200·0.8575)/700', async () => {
    const j = await scored(['data/2022.csv']);
    const dn = j.rankings.find((r) => r.unit === 'Đà Nẵng')!;
    expect(dn.pillars.cqs!.score).toBeCloseTo((100 * (3.5068 + 0.8253) + 200 * 0.8575) / 700, 12);
    expect(dn.pillars.kts!.score).toBeCloseTo((100 * (3.5068 + 0.8253) + 150 * 0.7836) / 650, 12);
  });
});

describe('--merge-2025 on the official 2024 data', () => {
  it('gives the 34 provinces the mean of their members\' DTI, Hà Nội first with 0.8241', async () => {
    const r = await cli(['score', 'data/2024.csv', '--merge-2025', '-f', 'json', '-q']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { rankings: Row[] };
    expect(j.rankings).toHaveLength(34);
    expect(j.rankings[0]).toMatchObject({ rank: 1, unit: 'Hà Nội' });
    expect(j.rankings[0]!.score.toFixed(4)).toBe('0.8241');
    // Every merged province: the mean of its members' published DTI 2024, worked out from the table.
    const members = new Map<string, number[]>();
    for (const p of published('2024')) members.set(p.new_code_2025!, [...(members.get(p.new_code_2025!) ?? []), Number(p.dti)]);
    for (const u of j.rankings) {
      const m = members.get(u.code)!;
      expect(u.score, u.unit).toBeCloseTo(m.reduce((a, b) => a + b, 0) / m.length, 12);
    }
    // Hồ Chí Minh (with Bình Dương and Bà Rịa - Vũng Tàu): (0.8373 + 0.7161 + 0.7774) / 3.
    const hcm = j.rankings.find((x) => x.unit === 'Hồ Chí Minh')!;
    expect(hcm.score).toBeCloseTo((0.8373 + Number(published('2024').find((p) => p.province === 'Bình Dương')!.dti) + 0.7774) / 3, 12);
  });
});

describe('dti trend on the official data', () => {
  it('gives the three years with their national ranks (Hà Tĩnh 37 → 25 → 11), the 2024 change of method marked', async () => {
    const r = await cli(['trend', 'data/2022.csv', 'data/2023.csv', 'data/2024.csv', '-f', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.years).toEqual([2022, 2023, 2024]);
    expect(j.ranked).toEqual([63, 63, 63]);
    expect(j.methodChanges).toEqual([2024]);
    const path = (u: string) => j.units.find((x: { unit: string }) => x.unit === u).series.map((p: { rank: number }) => p.rank);
    expect(path('Hà Tĩnh')).toEqual([37, 25, 11]);
    expect(path('Nghệ An')).toEqual([52, 42, 27]);
    expect(path('Vĩnh Phúc')).toEqual([18, 44, 20]);
    const md = await cli(['trend', 'data/2022.csv', 'data/2023.csv', 'data/2024.csv', '-f', 'md', '--lang', 'en']);
    expect(md.stdout).toContain('| 2022 | 2023 | 2024‡ |');
    expect(md.stdout).toContain('| Hà Tĩnh | 0.5676 (37) | 0.6993 (25) | 0.7629 (11) | ▲26 |');
    expect(md.stdout).toContain('‡ The method of 2024 differs from that of 2023');
  });
});
