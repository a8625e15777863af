// Pictures for documents (issue 22, item 6): -o file.svg|png of chart, trend, compare, explain
// and sensitivity. The PNG is drawn by resvg with the DejaVu Sans of the npm package
// dejavu-fonts-ttf, no browser; the same inputs give the same bytes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from '../helpers.js';
import { inkStats, readPng } from './png.js';
import { picture } from '../../src/cli/picture.js';
import { CONFIG } from '../../src/report/charts.js';

const YEARS = ['data/2022.csv', 'data/2023.csv', 'data/2024.csv'];

describe('dti … -o file.svg|png', () => {
  it('trend draws every unit\'s rank path as SVG, and the same as PNG at twice its size, the same bytes twice', async () => {
    const d = tmp();
    expect((await cli(['trend', ...YEARS, '-q', '-o', join(d, 't.svg')])).code).toBe(0);
    const svg = readFileSync(join(d, 't.svg'), 'utf8');
    const size = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
    expect(size).not.toBeNull();
    // One line per province (63) and its name at its 2024 rank.
    expect((svg.match(/class="mark-line role-mark/g) ?? []).length).toBe(63);
    for (const name of ['Hồ Chí Minh', 'Nghệ An', 'Thừa Thiên Huế']) expect(svg).toContain(`>${name}</text>`);
    expect(svg).toContain('>Hạng</text>');
    expect((await cli(['trend', ...YEARS, '-q', '-o', join(d, 't.png')])).code).toBe(0);
    expect((await cli(['trend', ...YEARS, '-q', '-o', join(d, 't2.png')])).code).toBe(0);
    const png = readFileSync(join(d, 't.png'));
    expect(png.equals(readFileSync(join(d, 't2.png')))).toBe(true);
    const img = readPng(png);
    expect([img.width, img.height]).toEqual([2 * Number(size![1]), 2 * Number(size![2])]);
    expect(inkStats(img).colours).toBeGreaterThan(10);
  });

  it('compare, explain, sensitivity and chart write pictures too', async () => {
    const d = tmp();
    const runs: [string, string[]][] = [
      ['c.png', ['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc']],
      ['e.png', ['explain', 'Nghệ An', 'data/2023.csv']],
      ['s.png', ['sensitivity', 'data/2023.csv', '--runs', '50']],
      ['b.png', ['chart', 'data/2023.csv', '--top', '10']],
      ['b.svg', ['chart', 'data/2023.csv', '--top', '10', '--lang', 'en']],
    ];
    for (const [file, args] of runs) {
      const r = await cli([...args, '-q', '-o', join(d, file)]);
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      if (file.endsWith('.png')) expect(inkStats(readPng(readFileSync(join(d, file)))).inked, file).toBeGreaterThan(0.02);
    }
    // --check compares a picture by its bytes: current, then stale once the picture would differ.
    expect((await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-q', '-o', join(d, 'c.png'), '--check'])).code).toBe(0);
    expect((await cli(['compare', 'Nghệ An', 'Hà Tĩnh', '-q', '-o', join(d, 'c.png'), '--check'])).code).toBe(1);
    const compare = readFileSync(join(d, 'c.png'));
    expect(readPng(compare).width).toBeGreaterThan(300);
    const bars = readFileSync(join(d, 'b.svg'), 'utf8');
    expect(bars).toContain('>Đà Nẵng</text>');
    expect(bars).toContain('>Score</text>');
    // chart has no text output to a file: another extension is a usage error.
    const bad = await cli(['chart', 'data/2023.csv', '-o', join(d, 'x.txt'), '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('hint: dti chart writes pictures: -o chart.svg or -o chart.png');
  });

  it('draws Vietnamese letters (the font has them: a title of ệ, ữ and đ puts ink on the PNG)', async () => {
    const spec = (title: string) => ({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: CONFIG, title, width: 60, height: 10, data: { values: [{}] }, mark: { type: 'point', opacity: 0 } });
    const blank = inkStats(readPng(Buffer.from(await picture(spec(' '), 'png', 'vi') as Uint8Array))).inked;
    const vi = inkStats(readPng(Buffer.from(await picture(spec('ệữđ ỆỮĐ'), 'png', 'vi') as Uint8Array))).inked;
    expect(vi).toBeGreaterThan(blank + 0.01);
  });

  it('keeps resvg and the font out of the start-up bundle: only a picture loads them', () => {
    const bundle = readdirSync(join(ROOT, 'dist')).filter((f) => /^dti(-[a-z]+)?\.cjs$/.test(f)).map((f) => readFileSync(join(ROOT, 'dist', f), 'utf8')).join('\n');
    expect(bundle).toMatch(/\bimport\(\s*"@resvg\/resvg-js"\s*\)/);
    expect(bundle).not.toMatch(/require\(\s*"@resvg\/resvg-js"\s*\)/);
  });
});
