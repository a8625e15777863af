// The commands on a terminal (provinces, indicators, compare, sensitivity, report): what a
// reader sees is in the user's language and fits 80 columns (found by trying the README as a
// new user would).
import { describe, expect, it } from 'vitest';
import { cli, tmp } from './helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const widest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));
const TTY80 = { tty: true, env: { NO_COLOR: '1', COLUMNS: '80' } };

describe('dti provinces', () => {
  it('takes --lang like every other command (it was a usage error)', async () => {
    const en = await cli(['provinces', '--lang', 'en', '-f', 'table']);
    expect(en.code).toBe(0);
    expect(en.stdout.split('\n')[0]).toMatch(/^\s*Code\s+Name\s+Type\s+ISO\s+Region/);
  });
  it('heads its table in Vietnamese by default; CSV and JSON keep their keys', async () => {
    const vi = await cli(['provinces', '-f', 'table']);
    expect(vi.stdout.split('\n')[0]).toMatch(/^\s*Mã\s+Tên\s+Loại\s+ISO\s+Vùng/);
    expect((await cli(['provinces', '-f', 'md', '--map', '34'])).stdout.split('\n')[0]).toContain('Gồm các tỉnh cũ');
    expect((await cli(['provinces', '-f', 'csv'])).stdout.split('\n')[0]).toBe('code,name,type,iso,region,successor_code,successor');
    expect((await cli(['provinces', '-f', 'csv', '--lang', 'en'])).stdout.split('\n')[0]).toBe('code,name,type,iso,region,successor_code,successor');
  });
  it('fits an 80-column terminal (it was 108 wide)', async () => {
    const piped = await cli(['provinces', '-f', 'table']);
    expect(widest(piped.stdout)).toBeGreaterThan(80); // as wide as it is: the fit is what keeps it in
    for (const map of ['63', '34']) {
      const r = await cli(['provinces', '--map', map], TTY80);
      expect(r.code).toBe(0);
      expect(widest(r.stdout)).toBeLessThanOrEqual(80);
      expect(r.stdout).toContain('Nghệ An');
    }
  });
});

describe('dti indicators', () => {
  it('heads its table in Vietnamese by default (kind, weight, share… were English)', async () => {
    const vi = await cli(['indicators', '-f', 'table']);
    const head = vi.stdout.split('\n')[0]!;
    expect(head).toMatch(/tên\s+loại\s+trọng số\s+tỷ trọng\s+chuẩn hoá\s+đơn vị/);
    expect(head).not.toMatch(/weight|share|kind/);
    expect((await cli(['indicators', '-f', 'table', '--lang', 'en'])).stdout.split('\n')[0]).toMatch(/name\s+kind\s+weight\s+share\s+normalize\s+unit/);
    // CSV too: no English under vi (issue 23); --lang en gives the English keys.
    expect((await cli(['indicators', '-f', 'csv'])).stdout.split('\n')[0]).toMatch(/^mã,tên,loại,trọng số,tỷ trọng,chuẩn hoá,đơn vị,/);
    expect((await cli(['indicators', '-f', 'csv', '--lang', 'en'])).stdout.split('\n')[0]).toMatch(/^id,name,kind,weight,share,normalize,unit,/);
  });
  it('fits an 80-column terminal, method notes included (it was 184 wide)', async () => {
    for (const lang of ['vi', 'en']) {
      const r = await cli(['indicators', '--lang', lang], TTY80);
      expect(r.code).toBe(0);
      expect(widest(r.stdout)).toBeLessThanOrEqual(80);
      expect(r.stdout).toContain(lang === 'vi' ? 'ngưỡng: (x − min)' : 'goalposts: (x − min)');
    }
  });
});

describe('in Vietnamese throughout', () => {
  it("compare's published ranks name the universe in Vietnamese ('63 provinces' was English)", async () => {
    const vi = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-f', 'table', '-q']);
    expect(vi.stdout).toContain('2020 (63 tỉnh)');
    expect(vi.stdout).toContain('2024 (34 tỉnh)');
    expect(vi.stdout).not.toMatch(/provinces/);
    const en = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-f', 'table', '-q', '--lang', 'en']);
    expect(en.stdout).toContain('2020 (63 provinces)');
  });
  it('a field too long for a CSV has a Vietnamese hint', async () => {
    const d = tmp();
    const f = join(d, 'huge.csv');
    writeFileSync(f, `province,year,ha-tang-so\nHà Nội,2023,${'9'.repeat(1_000_001)}\n`);
    const vi = await cli(['score', f, '-q']);
    expect(vi.code).toBe(4);
    expect(vi.stderr).toContain('gợi ý: tệp này có thật là CSV không?');
    expect(vi.stderr).not.toContain('is this really');
    const en = await cli(['score', f, '-q', '--lang', 'en']);
    expect(en.stderr).toContain('hint: is this really a CSV file?');
  });
});

describe('a split table', () => {
  it("compare's three provinces stay in one block per year at 80 columns, indicators by name (was split in two, rows 'hoat-dong-…')", async () => {
    const r = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-q'], TTY80);
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    const blocks = r.stdout.split('\n\n');
    const first = blocks[1]!; // the 2022 part, all three provinces
    expect(first.split('\n')[0]).toMatch(/^2022 +Nghệ An +Hà Tĩnh +Vĩnh Phúc$/);
    expect(blocks.filter((b) => /^2022/.test(b))).toHaveLength(1);
    const labels = first.split('\n').slice(2).map((l) => l.slice(0, 36).trim()).filter((l) => l.startsWith('Hoạt động'));
    expect(labels).toEqual(['Hoạt động chính quyền số', 'Hoạt động kinh tế số', 'Hoạt động xã hội số']);
    expect(r.stdout).not.toMatch(/hoat-dong|ha-tang-so|nts-tcs/);
    // The compact cell: score and ranks (among the three · among all 63), normalised value and points lost.
    expect(first).toContain('0,5049 #3·52');
    expect(first).toContain('0,60 −159,4');
  });
});

describe('dti sensitivity on a terminal', () => {
  it('fits 80 columns on the 63 provinces (it was 91 wide), and a percentile between ranks keeps its decimals', async () => {
    const argv = ['sensitivity', 'data/2023.csv', '-q'];
    const r = await cli(argv, TTY80);
    expect(r.code).toBe(0);
    // The title line is left as it is (the README shows it whole); every line of the table fits.
    expect(widest(r.stdout.split('\n').slice(1).join('\n'))).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('●');
    // Tiền Giang's 95th percentile lies between ranks 24 and 25 (type 7: 24.05 with 1000 runs):
    // a reader sees ranks, the interval widened to the ranks around it (20–25); JSON keeps 24.05.
    const j = JSON.parse((await cli([...argv, '-f', 'json'])).stdout) as { units: { unit: string; p95: number }[] };
    expect(j.units.find((u) => u.unit === 'Tiền Giang')!.p95).toBeCloseTo(24.05, 10);
    expect(r.stdout).toMatch(/Tiền Giang\s+23\s+20–25\s/);
    expect(r.stdout).not.toMatch(/\d[.,]\d+–|–\d+[.,]\d+\s/);
  });
});

describe('dti report with no -o', () => {
  it('on a terminal is a usage error with the -o to add, not 0.3 MB of HTML on the screen', async () => {
    for (const [lang, msg] of [['vi', 'báo cáo là một trang HTML'], ['en', 'the report is an HTML page']] as const) {
      const r = await cli(['report', 'data/2023.csv', '--lang', lang], { tty: true, env: { NO_COLOR: '1' } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(msg);
      expect(r.stderr).toContain('dti report data/2023.csv -o report.html');
    }
  });
});
