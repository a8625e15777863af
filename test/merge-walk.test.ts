// The 34 provinces after the 2025 merger, walked as a user would: every data command with
// --merge-2025 on data/2023.csv and data/2024.csv agrees with `score --merge-2025`, and what a
// Vietnamese reader meets is Vietnamese. Each case here was a bug found on that walk.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp, workbookAt } from './helpers.js';

const csvRows = (s: string) => s.trim().split('\n').map((l) => l.split(','));

describe('--merge-2025 walked through the commands', () => {
  it("a main index outside the year's method stays empty on the 34, as on the 63 (DTI công bố in 2023 read 0)", async () => {
    for (const merge of [[], ['--merge-2025']]) {
      const j = JSON.parse((await cli(['score', 'data/2023.csv', ...merge, '--detail', 'indicators', '-f', 'json', '-q'])).stdout);
      for (const u of j.rankings) expect(u.indicators['dti-cong-bo'], `${u.unit} ${merge.join('')}`).toEqual({ value: null, normalized: null });
    }
    const csv = (await cli(['score', 'data/2023.csv', '--merge-2025', '--detail', 'indicators', '-f', 'csv', '-q'])).stdout.split('\n');
    const k = csv[0]!.split(',').indexOf('dti-cong-bo');
    expect(csv.slice(1).filter((l) => l !== '').map((l) => l.split(',')[k])).toEqual(Array(34).fill(''));
  });

  it('explain on the 34: the raw value of a merged province for people as score shows it (0,6726, not 0,6726000000000001)', async () => {
    const t = (await cli(['explain', 'Phú Thọ', 'data/2023.csv', '--merge-2025', '-f', 'table', '-q'])).stdout;
    expect(t).toMatch(/Hạ tầng số +0,6726 +0,67 /);
    expect(t).toMatch(/Hoạt động xã hội số +0,3619333333 +0,36 /);
    expect(t).not.toContain('0000000');
    // The derived sum has no raw form on the 34 (only the members' mean of its 0–1 value): an empty cell as score shows it, not 'trống' (missing).
    expect(t).toMatch(/Nhận thức số \+ Thể chế số \+ Nhân lực số… +0,72 +30 /);
    const j = JSON.parse((await cli(['explain', 'Phú Thọ', 'data/2023.csv', '--merge-2025', '-f', 'json', '-q'])).stdout);
    expect(j.nodes.find((n: { id: string }) => n.id === 'nts-tcs-nls-attt-suy-ra')).not.toHaveProperty('raw');
    expect(j.nodes.find((n: { id: string }) => n.id === 'ha-tang-so').raw).toBeCloseTo(0.6726, 12);
    // The same cells score --detail indicators shows.
    const s = (await cli(['score', 'data/2023.csv', '--merge-2025', '--detail', 'indicators', '-f', 'md', '-q'])).stdout;
    expect(s.split('\n').find((l) => l.includes('| Phú Thọ |'))).toContain('| 0,6726 |');
  });

  it("compare's CSV on the 34: score, pillar and national rank as score --merge-2025 writes them; no float noise", async () => {
    for (const y of ['2023', '2024']) {
      const score = csvRows((await cli(['score', `data/${y}.csv`, '--merge-2025', '-f', 'csv', '-q'])).stdout);
      const h = score[0]!;
      const c = csvRows((await cli(['compare', 'Phú Thọ', 'Nghệ An', 'Hà Tĩnh', '--data', `data/${y}.csv`, '--merge-2025', '-f', 'csv', '-q'])).stdout);
      const rows = c.slice(1).filter((r) => r[0] === y && r[1] === 'score');
      expect(rows).toHaveLength(3);
      for (const r of rows) {
        const s = score.find((x) => x[h.indexOf('province')] === r[3])!;
        // value, national rank: score's score and rank, byte for byte.
        expect([r[5], r[7]], r[3]).toEqual([s[h.indexOf('score')], s[h.indexOf('rank')]]);
      }
      if (y === '2023') {
        for (const r of c.slice(1).filter((x) => x[1] === 'pillar')) {
          const s = score.find((x) => x[h.indexOf('province')] === r[3])!;
          expect(r[5], `${r[3]} ${r[2]}`).toBe(s[h.indexOf(r[2]!)]);
        }
      }
    }
    // On the 63 too: Nghệ An's 2022 DTI and points lost (0.5049000000000001 and 105.77999999999999 before).
    const c63 = (await cli(['compare', 'Nghệ An', 'Hà Tĩnh', '-f', 'csv'])).stdout;
    expect(c63).toContain('2022,score,dti-province,Nghệ An,40,0.5049,2,52,,,0');
    expect(c63).toContain('2022,indicator,hoat-dong-chinh-quyen-so,Nghệ An,40,0.4711,,,0.4711,105.78,0');
    expect(c63).not.toMatch(/\d{12}/);
  });

  it("explain's CSV: values and contributions rounded as score's (0.0745, not 0.07445999999999994); points and raw values as they are", async () => {
    const e = (await cli(['explain', 'Nghệ An', 'data/2023.csv', '-f', 'csv', '-q'])).stdout;
    expect(e).toContain('Nghệ An,2023,nts-tcs-nls-attt-suy-ra,1,,3.1505,0.7876,33,315.05,400,84.95,0.0745,,');
    expect(e).not.toMatch(/\d{12}/);
    const m = (await cli(['explain', 'Phú Thọ', 'data/2023.csv', '--merge-2025', '-f', 'csv', '-q'])).stdout;
    expect(m).toContain('Phú Thọ,2023,ha-tang-so,1,,0.6726000000000001,0.6726,21,67.26,100,32.74,0.0072,,');
  });

  it("compare's workbook under vi names its sections in Vietnamese (the column read 'score', 'pillar', 'indicator')", async () => {
    const d = tmp();
    for (const lang of ['vi', 'en'] as const) {
      const out = join(d, `c-${lang}.xlsx`);
      const r = await cli(['compare', 'Phú Thọ', 'Nghệ An', '--merge-2025', '--lang', lang, '-o', out, '-q']);
      expect(r.code, r.stderr).toBe(0);
      const book = workbookAt(out);
      const rows = book.sheet(book.names[0]!).map((row) => row.map((c) => c.text));
      const k = rows[0]!.indexOf(lang === 'vi' ? 'Mục' : 'Section');
      expect(new Set(rows.slice(1).map((row) => row[k]))).toEqual(new Set(lang === 'vi' ? ['Điểm', 'Trụ cột', 'Chỉ số'] : ['score', 'pillar', 'indicator']));
    }
  });

  it('a province of the 63 named on the 34 (Vĩnh Phúc, merged into Phú Thọ): explain, compare and report --unit say where it went', async () => {
    for (const [argv, lang] of [
      [['explain', 'Vĩnh Phúc', 'data/2024.csv', '--merge-2025'], 'vi'],
      [['compare', 'Vĩnh Phúc', 'Nghệ An', '--merge-2025'], 'vi'],
      [['report', 'data/2024.csv', '--merge-2025', '--unit', 'vinh phuc', '-o', join(tmp(), 'r.html')], 'en'],
    ] as const) {
      const r = await cli([...argv, '--lang', lang]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(lang === 'vi'
        ? 'Vĩnh Phúc đã hợp nhất vào Phú Thọ từ ngày 01/7/2025; số liệu là của 34 tỉnh sau sáp nhập [UNKNOWN_PROVINCE]\n  gợi ý: dùng "Phú Thọ"'
        : 'Vĩnh Phúc merged into Phú Thọ on 1 July 2025; the data are the 34 provinces after the merger [UNKNOWN_PROVINCE]\n  hint: use "Phú Thọ"');
    }
    // A province simply absent from the data is still said so.
    const d = tmp();
    const f = join(d, 'hai-tinh-2023.csv');
    writeFileSync(f, 'province,year,ha-tang-so,hoat-dong-chinh-quyen-so,hoat-dong-kinh-te-so,hoat-dong-xa-hoi-so,nts-tcs-nls-attt-suy-ra\nNghệ An,2023,0.5,0.5,0.5,0.5,2\nHà Tĩnh,2023,0.6,0.6,0.6,0.6,2\n');
    const r = await cli(['explain', 'Vĩnh Phúc', f, '--lang', 'en']);
    expect(r.stderr).toContain('Vĩnh Phúc has no row in the data [UNKNOWN_PROVINCE]');
  });

  it('explain --what-if on a province of the 34: its main indices changed, the DTI recomputed from them, ranked among the 34 (was refused)', async () => {
    const sc = JSON.parse((await cli(['score', 'data/2023.csv', '--merge-2025', '--detail', 'indicators', '-f', 'json', '-q'])).stdout);
    const pt = sc.rankings.find((u: { unit: string }) => u.unit === 'Phú Thọ');
    // Σ(main index × points) / 1000 with Hạ tầng số 0.8 and the derived sum 3.6 of 4.
    const points: Record<string, number> = { 'nts-tcs-nls-attt-suy-ra': 400, 'ha-tang-so': 100, 'hoat-dong-chinh-quyen-so': 200, 'hoat-dong-kinh-te-so': 150, 'hoat-dong-xa-hoi-so': 150 };
    const x: Record<string, number> = { ...Object.fromEntries(Object.keys(points).map((id) => [id, pt.indicators[id].normalized as number])), 'ha-tang-so': 0.8, 'nts-tcs-nls-attt-suy-ra': 3.6 / 4 };
    const want = Object.keys(points).reduce((s, id) => s + x[id]! * points[id]!, 0) / 1000;
    const rank = 1 + sc.rankings.filter((u: { unit: string; score: number }) => u.unit !== 'Phú Thọ' && u.score.toFixed(4) > want.toFixed(4)).length;
    const j = JSON.parse((await cli(['explain', 'Phú Thọ', 'data/2023.csv', '--merge-2025', '--what-if', 'ha-tang-so=0.8', 'nts-tcs-nls-attt-suy-ra=3,6', '-f', 'json', '-q'])).stdout);
    expect(j.whatIf.score).toBeCloseTo(want, 12);
    expect(j.whatIf.rank).toBe(rank);
    expect(j.whatIf.rankChange).toBe(pt.rank - rank);
    expect(j.whatIf.changes.map((c: { id: string; to: number }) => [c.id, c.to])).toEqual([['ha-tang-so', 0.8], ['nts-tcs-nls-attt-suy-ra', 3.6]]);
    const t = (await cli(['explain', 'Phú Thọ', 'data/2023.csv', '--merge-2025', '--what-if', 'ha-tang-so=0.8', '-f', 'table', '-q'])).stdout;
    expect(t).toContain('ha-tang-so: 0,6726 → 0,8');
    // 2024: the published DTI is the index; 0.8 is second to Hà Nội's 0.8241.
    const y = JSON.parse((await cli(['explain', 'Phú Thọ', 'data/2024.csv', '--merge-2025', '--what-if', 'dti-cong-bo=0.8', '-f', 'json', '-q'])).stdout);
    expect([y.whatIf.score, y.whatIf.rank]).toEqual([0.8, 2]);
    // Below the main indices a merged province has no values: an error naming the indicator.
    const c = await cli(['explain', 'Phú Thọ', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--merge-2025', '--allow-partial-merge', '-q', '--what-if', 'nts-ban-chi-dao=có', '--lang', 'en']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("--what-if nts-ban-chi-dao: on the 34 provinces after the 2025 merger, Phú Thọ has only main indices (the means of its members'), no value of its own for nts-ban-chi-dao [BAD_PARAMETER]");
  });
});
