// The report in a real browser (headless Chromium): no console errors, no request leaving the
// file, one map shape per province and a legend, pixels on the screenshot, keyboard focus
// reaching the table and the map, sorting, phone width and print.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tmp } from '../helpers.js';
import { type Browser, launch } from './browser.js';
import { inkStats, readPng } from './png.js';

const PAPI = ['data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml'];
let dir: string;
let r63: string;
let r34: string;
let audited: string;
let browser: Browser;

beforeAll(async () => {
  dir = tmp();
  r63 = join(dir, 'papi-63.html');
  r34 = join(dir, 'papi-34.html');
  expect((await cli(['report', ...PAPI, '--unit', 'Nghệ An', '--target-rank', '15', '-o', r63])).code).toBe(0);
  expect((await cli(['report', ...PAPI, '--merge-2025', '--lang', 'en', '-o', r34])).code).toBe(0);
  audited = join(dir, 'dti-audit.html');
  expect((await cli(['report', 'data/2023.csv', '--audit', '-o', audited])).code).toBe(0);
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Open a file, recording console errors, page errors and every request. */
async function open(file: string, b: Browser = browser) {
  const page = await b.context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', async (route) => {
    requests.push(route.request().url());
    if (route.request().url() === pathToFileURL(file).href) await route.continue();
    else await route.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

describe('report in Chromium', () => {
  it('loads with no console error and no request but the file itself', async () => {
    for (const f of [r63, r34]) {
      const { page, errors, requests } = await open(f);
      expect(errors).toEqual([]);
      expect(requests).toEqual([pathToFileURL(f).href]);
      await page.close();
    }
    const unit = (await open(r63)).page;
    expect(await unit.locator('#unit h2').textContent()).toBe('Hồ sơ: Nghệ An (2016)');
    expect(await unit.locator('#unit svg').count()).toBe(1);
    expect(await unit.locator('#ranking-table tr.hl th').textContent()).toBe('Nghệ An');
    await unit.close();
  });

  it('draws one shape per province (63 and 34), the legend and both archipelagos', async () => {
    const { page } = await open(r63);
    expect(await page.locator('#map svg path.province').count()).toBe(63);
    expect(await page.locator('#map svg .role-legend').count()).toBe(1);
    expect(await page.locator('#map svg .role-legend-label text').count()).toBeGreaterThanOrEqual(2);
    const labels = await page.locator('#map svg .island_labels_marks text').allTextContents();
    expect(labels).toEqual(['Quần đảo Hoàng Sa', 'Quần đảo Trường Sa']);
    expect(await page.locator('#map .attribution').textContent()).toContain('Natural Earth');
    // Each shape is painted in a colour of the scale, and the shapes differ (not one flat fill).
    const fills = await page.locator('#map svg path.province').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
    expect(new Set(fills).size).toBeGreaterThan(20);
    // The best province gets the darkest end of the scale: Cần Thơ ranks 1 in PAPI 2016.
    const best = await page.locator('#map svg path.province[aria-label^="Cần Thơ"]').getAttribute('aria-label');
    expect(best).toMatch(/^Cần Thơ: điểm 39,5721, hạng 1\/63$/); // the decimal comma under vi
    await page.close();
    const p34 = (await open(r34)).page;
    expect(await p34.locator('#map svg path.province').count()).toBe(34);
    expect(await p34.locator('#map svg .island_labels_marks text').allTextContents()).toEqual(['Hoàng Sa archipelago', 'Trường Sa archipelago']);
    await p34.close();
  });

  it('shows pixels: the map screenshot is not blank', async () => {
    const { page } = await open(r63);
    const img = readPng(await page.locator('#map figure').screenshot());
    const { colours, inked } = inkStats(img);
    expect(img.width).toBeGreaterThan(300);
    expect(colours).toBeGreaterThan(30);
    expect(inked).toBeGreaterThan(0.1);
    await page.close();
  });

  it('lets the keyboard reach the table and the map, and a focused province shows its score', async () => {
    const { page } = await open(r63);
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        if (a === null) return '';
        if (a.closest('#ranking-table') !== null || a.classList.contains('table-wrap')) return 'table';
        if (a.matches('path.province')) return `map:${a.getAttribute('aria-label')}`;
        return a.tagName;
      });
      seen.push(where);
      if (where.startsWith('map:')) break;
    }
    expect(seen).toContain('table');
    const onMap = seen[seen.length - 1]!;
    expect(onMap).toMatch(/^map:/);
    expect(await page.locator('#map-info').textContent()).toBe(onMap.slice(4));
    await page.close();
  });

  it('sorts the table by a column header, both ways', async () => {
    const { page } = await open(r63);
    const units = () => page.locator('#ranking-table tbody th').allTextContents();
    const before = await units();
    expect(before[0]).toBe('Cần Thơ');
    const header = page.locator('#ranking-table thead th').nth(3).locator('button'); // score
    await header.click();
    const asc = await units();
    expect(asc).toEqual([...before].reverse());
    expect(await page.locator('#ranking-table thead th').nth(3).getAttribute('aria-sort')).toBe('ascending');
    await header.click();
    expect(await units()).toEqual(before);
    await page.close();
  });

  it('shows the same map with scripts blocked', async () => {
    const b = await launch({ javaScriptEnabled: false });
    try {
      const { page, errors } = await open(r63, b);
      expect(errors).toEqual([]);
      expect(await page.locator('#map svg path.province').count()).toBe(63);
      expect(await page.locator('#pillars svg, #changes svg, #distribution svg').count()).toBe(2); // PAPI has no pillars
    } finally {
      await b.close();
    }
  });

  it('fits a phone-width screen: nothing wider than the screen but the scrollable table', async () => {
    const b = await launch({ viewport: { width: 390, height: 844 } });
    try {
      const { page } = await open(r63, b);
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, map: document.querySelector('#map svg')!.getBoundingClientRect().width }));
      expect(widths.doc).toBeLessThanOrEqual(390);
      expect(widths.map).toBeLessThanOrEqual(390);
      expect(widths.map).toBeGreaterThan(300);
    } finally {
      await b.close();
    }
  });

  it('prints: navigation hidden, charts kept, a PDF of several pages', async () => {
    const { page } = await open(r63);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.locator('#map svg').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    await page.close();
  });
});

// The file itself must name nothing outside it.
describe('report --audit in Chromium', () => {
  it('shows the audit section: linked from the contents, a 5×5 heat map with its values, the groups and no flags', async () => {
    const { page, errors, requests } = await open(audited);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(audited).href]);
    expect(await page.locator('nav a[href="#audit"]').textContent()).toBe('Kiểm định thống kê');
    const audit = page.locator('#audit');
    expect(await audit.locator('h2').textContent()).toBe('Kiểm định thống kê');
    expect(await audit.locator('figure svg').count()).toBe(1);
    // The five main-index leaves of 2023 against each other: 25 cells, each labelled with its r (1,00 on the diagonal).
    const labels = await audit.locator('figure svg text').allTextContents();
    expect(labels.filter((t) => t === '1,00')).toHaveLength(5);
    expect(labels).toContain('0,76'); // ha-tang-so with hoat-dong-chinh-quyen-so, 0.758 (COINr: the same, test/audit-coinr.test.ts)
    expect(await audit.locator('table tbody tr').first().locator('td').allTextContents()).toEqual(['2', '0,81', '58,8 %']);
    expect(await audit.locator('p').last().textContent()).toBe('Không có cảnh báo.');
    // Pixels: the cells are painted (with axis labels and the legend, ~23 % of the picture), in shades of the scale.
    const ink = inkStats(readPng(await audit.locator('figure svg').screenshot()));
    expect(ink.inked).toBeGreaterThan(0.15);
    expect(ink.colours).toBeGreaterThan(10);
    await page.close();
  });
});

describe('report file', () => {
  it('has no URL that a browser would fetch', () => {
    const html = readFileSync(r63, 'utf8');
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).not.toMatch(/@import|@font-face/);
  });
});

// Issue 22, item 5: the DTI reports on a 390 px phone (the sources' long URLs made them 460 px
// wide), the unit's profile first, and no label over the histogram's bars.
describe('the DTI reports on a phone', () => {
  it('2023, 2024 after the merger and a unit profile are never wider than 390 px', async () => {
    const d = tmp();
    const pages: [string, string[]][] = [
      ['dti-2023.html', ['data/2023.csv']],
      ['dti-2024-34.html', ['data/2024.csv', '--merge-2025']],
      ['nghe-an.html', ['data/2023.csv', '--unit', 'Nghệ An', '--target-rank', '15', '--sensitivity']],
    ];
    for (const [name, args] of pages) expect((await cli(['report', ...args, '-o', join(d, name), '-q'])).code).toBe(0);
    const b = await launch({ viewport: { width: 390, height: 844 } });
    try {
      for (const [name] of pages) {
        const { page } = await open(join(d, name), b);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, name).toBeLessThanOrEqual(390);
        // The long source URL wraps inside the page.
        const link = await page.locator('.meta a[href*="thuvienphapluat"]').boundingBox();
        expect(link!.x + link!.width, name).toBeLessThanOrEqual(390);
        if (name === 'nghe-an.html') {
          // The profile is the first section on screen, above the table of every province.
          const unitTop = (await page.locator('#unit').boundingBox())!.y;
          const tableTop = (await page.locator('#ranking').boundingBox())!.y;
          expect(unitTop).toBeLessThan(tableTop);
        }
        await page.close();
      }
    } finally {
      await b.close();
    }
  });

  it("the histogram's mean label sits over no bar", async () => {
    const d = tmp();
    expect((await cli(['report', 'data/2023.csv', '-o', join(d, 'r.html'), '-q'])).code).toBe(0);
    const { page } = await open(join(d, 'r.html'));
    const overlaps = await page.evaluate(() => {
      const svg = document.querySelector('#distribution svg')!;
      const boxes = (sel: string) => Array.from(svg.querySelectorAll(sel)).map((e) => e.getBoundingClientRect());
      const labels = boxes('.mark-text.role-mark text');
      const bars = boxes('.mark-rect.role-mark path');
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return { labels: labels.length, bars: bars.length, overlaps: labels.filter((l) => bars.some((r) => hit(l, r))).length };
    });
    expect(overlaps.labels).toBe(1);
    expect(overlaps.bars).toBeGreaterThan(3);
    expect(overlaps.overlaps).toBe(0);
    await page.close();
  });
});
