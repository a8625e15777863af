// A rank interval is read in whole ranks everywhere a person meets it: `dti sensitivity`'s table,
// its picture, and the report's sentence and picture draw the same interval (core's wholeRanks:
// 5th percentile down, 95th up, median half up). On data/2023.csv (1000 runs, seed 1, weights
// ±25 %) Tiền Giang's 95th percentile is 24.05 (JSON): the interval read is 20–25.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wholeRanks } from '../src/core/sensitivity/whole.js';
import { cli, tmp } from './helpers.js';

/** The length of the interval line Vega drew in the picture for a unit: the 3 px rule beside its axis label. */
function drawnBeside(svg: string, unit: string): number {
  const label = new RegExp(`translate\\(-7,([0-9.]+)\\)"[^>]*>${unit}</text>`).exec(svg);
  if (label === null) throw new Error(`no label ${unit}`);
  const y = Number(label[1]);
  const rules = [...svg.matchAll(/<line [^>]*transform="translate\(([0-9.]+),([0-9.]+)\)" x2="([0-9.]+)" y2="0" stroke="#7f8c8d" stroke-width="3"/g)];
  const mine = rules.filter((m) => Math.abs(Number(m[2]) - y) < 6);
  expect(mine, unit).toHaveLength(1);
  return Number(mine[0]![3]);
}

/** The length of the interval line Vega drew for a unit in the report (its aria-label starts with the unit's name). */
function drawn(svg: string, unit: string): number {
  const m = new RegExp(`<line aria-label="${unit}: [^"]*"[^>]* x2="([0-9.]+)"`).exec(svg);
  if (m === null) throw new Error(`no interval drawn for ${unit}`);
  return Number(m[1]);
}

describe('wholeRanks (the one rule)', () => {
  it('widens to the ranks around, rounds the median half up, and takes a rank within 1e-9 as that rank', () => {
    expect(wholeRanks({ p5: 20, medianRank: 23, p95: 24.05 })).toEqual({ low: 20, median: 23, high: 25 });
    expect(wholeRanks({ p5: 5.95, medianRank: 22.5, p95: 30.2 })).toEqual({ low: 5, median: 23, high: 31 });
    expect(wholeRanks({ p5: 6.000000000001, medianRank: 7.4999, p95: 8.999999999999 })).toEqual({ low: 6, median: 7, high: 9 });
    expect(wholeRanks({ p5: null, medianRank: null, p95: null })).toBeNull();
  });
});

describe('the interval drawn is the one printed', () => {
  it('the JSON keeps the percentile (24.05); the table prints 20–25, in vi and en', async () => {
    const j = JSON.parse((await cli(['sensitivity', 'data/2023.csv', '-f', 'json', '-q'])).stdout) as { units: { unit: string; p95: number }[] };
    expect(j.units.find((u) => u.unit === 'Tiền Giang')!.p95).toBe(24.05);
    for (const lang of ['vi', 'en']) {
      const t = (await cli(['sensitivity', 'data/2023.csv', '-f', 'table', '-q', '--lang', lang])).stdout;
      expect(t.split('\n').find((l) => l.includes('Tiền Giang'))).toMatch(/\s20–25\s/);
    }
  });

  it('dti sensitivity -o x.svg draws 20–25: five ranks long where Trà Vinh\'s 19–23 is four', async () => {
    const dir = tmp();
    for (const lang of ['vi', 'en']) {
      const f = join(dir, `s-${lang}.svg`);
      expect((await cli(['sensitivity', 'data/2023.csv', '-o', f, '-q', '--lang', lang])).code).toBe(0);
      const svg = readFileSync(f, 'utf8');
      expect(drawnBeside(svg, 'Tiền Giang') / drawnBeside(svg, 'Trà Vinh')).toBeCloseTo(5 / 4, 9);
      // …and says it, in the reader's language.
      expect(svg).toContain(lang === 'vi' ? 'aria-label="Tiền Giang: khoảng hạng 20–25, trung vị 23, hạng danh nghĩa 23"' : 'aria-label="Tiền Giang: rank interval 20–25, median 23, nominal rank 23"');
    }
  });

  it('the report says 20–25 and draws 20–25, in vi and en', async () => {
    const dir = tmp();
    for (const [lang, said] of [['vi', 'Tiền Giang xếp hạng 20–25 (khoảng 90 %), trung vị 23'], ['en', 'ranks 20–25']] as const) {
      const f = join(dir, `r-${lang}.html`);
      const r = await cli(['report', 'data/2023.csv', '--unit', 'Tiền Giang', '--sensitivity', '-o', f, '-q', '--lang', lang]);
      expect(r.code, r.stderr).toBe(0);
      const html = readFileSync(f, 'utf8');
      expect(html).toContain(said);
      expect(html).not.toMatch(/20–24[,.]05/);
      expect(drawn(html, 'Tiền Giang') / drawn(html, 'Trà Vinh')).toBeCloseTo(5 / 4, 9);
    }
  });
});
