// The trend picture labels each path at its end; two provinces tied 13th in 2024 (Bắc Giang and
// Yên Bái) printed their names on one another. End labels are moved apart, the same way on every
// machine (render/pictures.ts spreadLabels), in the SVG and so in the PNG drawn from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spreadLabels } from '../src/render/pictures.js';
import { cli, tmp } from './helpers.js';

const YEARS = ['data/2022.csv', 'data/2023.csv', 'data/2024.csv'];

describe('spreadLabels', () => {
  it('leaves labels with room where they are', () => {
    expect(spreadLabels([0, 20, 40], 12)).toEqual([0, 0, 0]);
  });
  it('sets a crowded run 12 px apart, centred where it belongs (worked by hand)', () => {
    // 0, 15, 15, 30 → one run of four: start = mean(0, 15 − 12, 15 − 24, 30 − 36) = −3 → −3, 9, 21, 33.
    expect(spreadLabels([0, 15, 15, 30], 12)).toEqual([-3, -6, 6, 3]);
    // Ties keep the order given: the first of two at 10 goes up.
    expect(spreadLabels([10, 10], 12)).toEqual([-6, 6]);
    expect(spreadLabels([30, 10, 10], 12)).toEqual([0, -6, 6]);
  });
});

/** The end labels of the last year in a trend SVG: name and baseline y (rank from the aria-label). */
function endLabels(svg: string, year: number): { unit: string; rank: number; y: number }[] {
  return [...svg.matchAll(/<text aria-label="[^:"]+: (\d{4}); [^:"]+: (\d+); [^:"]+: ([^"]+)"[^>]*transform="translate\(([0-9.]+),([0-9.-]+)\)"/g)]
    .filter((m) => Number(m[1]) === year)
    .map((m) => ({ unit: m[3]!, rank: Number(m[2]), y: Number(m[5]) }));
}

describe('dti trend -o picture.svg', () => {
  it('no two end labels closer than 12 px, each beside its rank, in vi and en (2024: two 13th)', async () => {
    const dir = tmp();
    for (const lang of ['vi', 'en']) {
      const f = join(dir, `t-${lang}.svg`);
      expect((await cli(['trend', ...YEARS, '-o', f, '-q', '--lang', lang])).code).toBe(0);
      const svg = readFileSync(f, 'utf8');
      const labels = endLabels(svg, 2024).sort((a, b) => a.y - b.y);
      expect(labels).toHaveLength(63);
      expect(labels.filter((l) => l.rank === 13).map((l) => l.unit).sort()).toEqual(['Bắc Giang', 'Yên Bái']);
      for (let k = 1; k < labels.length; k++) expect(labels[k]!.y - labels[k - 1]!.y, `${labels[k - 1]!.unit} / ${labels[k]!.unit}`).toBeGreaterThanOrEqual(12 - 0.02);
      // Rank 1's label sits where it did (y 3 at 15.24 px a rank): a label is moved by less than a rank.
      const perRank = (labels.find((l) => l.rank === 63)!.y - labels.find((l) => l.rank === 1)!.y) / 62;
      for (const l of labels) expect(Math.abs(l.y - (labels[0]!.y + (l.rank - 1) * perRank)), l.unit).toBeLessThan(15);
      // What a screen reader hears is in the reader's language (Vega named the untitled field 'unit').
      expect(svg).toContain(lang === 'vi' ? '; Đơn vị: Bắc Giang"' : '; Unit: Bắc Giang"');
      expect(svg).not.toMatch(/aria-label="[^"]*\bunit: /);
      // The same bytes twice.
      const g = join(dir, `u-${lang}.svg`);
      await cli(['trend', ...YEARS, '-o', g, '-q', '--lang', lang]);
      expect(readFileSync(g, 'utf8')).toBe(svg);
    }
  });
});
