// dti chart: bars in eighths of a character, fitted to COLUMNS, ASCII and colour rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli } from '../helpers.js';
import { bar } from '../../src/render/chart.js';

const PAPI = ['data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-q'];

/** The published PAPI 2016 totals, largest first. */
function totals(): number[] {
  return readFileSync(join(ROOT, 'data/papi-dimensions/2016.csv'), 'utf8').trim().split('\n').slice(1)
    .map((l) => Number(l.split(',').at(-1))).sort((a, b) => b - a);
}

describe('dti chart', () => {
  it('fits COLUMNS and draws each bar as value ÷ largest × the free width, in eighths', async () => {
    const r = await cli(['chart', ...PAPI, '--top', '8'], { env: { COLUMNS: '70', LANG: 'C.UTF-8' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI), chưa trọng số 2016: Điểm');
    expect(lines).toHaveLength(9);
    for (const l of lines.slice(1)) expect([...l].length).toBeLessThanOrEqual(70);
    // 70 columns − rank (1) − name ('Quảng Bình', 10) − value ('39,5721': a decimal comma under vi, 7) − 4 spaces = 49 cells.
    const t = totals();
    lines.slice(1).forEach((l, i) => {
      const drawn = /^\d \S.*? ([█▏▎▍▌▋▊▉]+)\s+(\d+,\d+)$/.exec(l)!;
      const eighths = Math.round((t[i]! / t[0]!) * 49 * 8);
      const full = Math.floor(eighths / 8);
      expect(drawn[1]).toBe('█'.repeat(full) + ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8]);
      expect(Number(drawn[2]!.replace(',', '.'))).toBeCloseTo(t[i]!, 4);
    });
    expect(lines[2]).toContain(`${'█'.repeat(48)}▋ 39,3165`); // 39.3165/39.5721·49·8 = 389.47 → 389 eighths: 48 blocks and ▋ (5/8)
  });

  it('falls back to # on a terminal that is not UTF-8, and with --ascii', async () => {
    const c = await cli(['chart', ...PAPI, '--top', '3'], { env: { LANG: 'C', COLUMNS: '60' } });
    expect(c.stdout).not.toMatch(/[█▏▎▍▌▋▊▉]/);
    expect(c.stdout.split('\n')[1]).toMatch(/^1 Cần Thơ #+ 39,5721$/);
    const a = await cli(['chart', ...PAPI, '--top', '3', '--ascii', '--width', '60'], { env: { LANG: 'en_US.UTF-8' } });
    expect(a.stdout).toBe(c.stdout);
  });

  it('colours bars on a terminal, never with NO_COLOR or --no-color', async () => {
    const tty = await cli(['chart', ...PAPI, '--top', '3'], { tty: true, env: {} });
    expect(tty.stdout).toContain('\u001b[36m');
    expect((await cli(['chart', ...PAPI, '--top', '3'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await cli(['chart', ...PAPI, '--top', '3', '--no-color'], { tty: true, env: {} })).stdout).not.toContain('\u001b[');
  });

  it('charts one pillar in its own rank order, and names the pillars when one is unknown', async () => {
    const main = ['-i', 'indicators/dti-2022-main.yaml', 'data/published/dti-2022-main-indices.csv', '-q'];
    const json = JSON.parse((await cli(['score', ...main, '-f', 'json'])).stdout);
    const byXhs = [...json.rankings].sort((a: { pillars: { xhs: { rank: number } } }, b: { pillars: { xhs: { rank: number } } }) => a.pillars.xhs.rank - b.pillars.xhs.rank).map((r: { unit: string }) => r.unit);
    const r = await cli(['chart', ...main, '--pillar', 'xhs', '--lang', 'en'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/: Digital society$/);
    expect(lines.slice(1).map((l) => /^\d (.+?) +[█▏▎▍▌▋▊▉]/.exec(l)![1])).toEqual(byXhs);
    const bad = await cli(['chart', ...main, '--pillar', 'xhx', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("no pillar 'xhx'");
    expect(bad.stderr).toContain("did you mean 'xhs'?");
    const vi = await cli(['chart', ...main, '--pillar', 'xhx']);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain("lỗi: không có trụ cột 'xhx' trong dti-2022-main");
  });

  it('draws nothing for zero or negative spans', () => {
    expect(bar(0, 1, 10, false)).toBe('');
    expect(bar(1, 0, 10, false)).toBe('');
    expect(bar(1, 1, 10, false)).toBe('█'.repeat(10));
    expect(bar(1, 1, 10, true)).toBe('#'.repeat(10));
  });
});
