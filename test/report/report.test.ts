// dti report without a browser: the page's content, bytes and errors.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from '../helpers.js';
import { findProvince } from '../../src/core/provinces.js';

const PAPI = ['data/papi/2016.csv', '-i', 'indicators/papi.yaml'];
let dir: string;
beforeAll(() => { dir = tmp(); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(args: string[], name: string, quiet = true): Promise<string> {
  const out = join(dir, name);
  const r = await cli(['report', ...args, '-o', out]);
  if (quiet) expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readFileSync(out, 'utf8');
}

/** The published PAPI 2016 totals (the '#papi_unweighted_published' column), read independently of dti. */
function published(): Map<string, number> {
  const lines = readFileSync(join(ROOT, 'data/papi/2016.csv'), 'utf8').trim().split('\n').slice(1);
  // Keyed by GSO code: the report shows the registry's spelling of a name.
  return new Map(lines.map((l) => {
    const f = l.split(',');
    const p = findProvince(f[0]!);
    if (!p.ok) throw new Error(`unknown province ${f[0]}`);
    return [p.province.code, Number(f[f.length - 1])];
  }));
}

describe('dti report', () => {
  it('writes one page under 2 MB with a row per province whose score is the published total', async () => {
    const html = await report(PAPI, 'papi.html');
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
    const rows = [...html.matchAll(/<tr data-i="\d+" data-code="(\d\d)"><td data-v="(\d+)">\d+<\/td>.*?<th scope="row" class="l" data-v="([^"]+)">.*?<\/th><td data-v="([\d.]+)">([\d.]+)<\/td>/g)];
    expect(rows).toHaveLength(63);
    const pub = published();
    for (const [, code, , , , shown] of rows) expect(Number(shown)).toBeCloseTo(pub.get(code!)!, 4);
    // Ranks follow the published totals.
    const order = [...pub.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(rows.map((r) => r[1])).toEqual(order);
    expect(rows.map((r) => Number(r[2]))).toEqual(order.map((_, i) => i + 1));
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Bảng xếp hạng');
    expect(html).toContain('<li><code>data/papi/2016.csv</code></li><li><code>data/papi/2015.csv</code></li>');
    expect(html).toContain('Ranh giới: Natural Earth');
    expect((html.match(/<path class="province" tabindex="0"/g) ?? []).length).toBe(63);
  });

  it('gives the same bytes twice, in-process and under another TZ and locale', async () => {
    const a = await report(PAPI, 'a.html');
    const b = await report(PAPI, 'b.html');
    expect(b).toBe(a);
    const out = join(dir, 'c.html');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/dti.js'), 'report', ...PAPI, '-o', out], {
      cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
    });
    expect(r.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(a);
  });

  it('speaks English with --lang en', async () => {
    const html = await report([...PAPI, '--lang', 'en'], 'en.html');
    expect(html).toContain('<html lang="en">');
    for (const w of ['Ranking', 'Map of scores', 'Rank changes', 'Distribution of scores', 'Boundaries: Natural Earth', 'Hoàng Sa archipelago']) expect(html).toContain(w);
    for (const w of ['Bảng xếp hạng', 'Bản đồ', 'Ranh giới', 'Quần đảo']) expect(html).not.toContain(w);
  });

  it('maps the 34 provinces with --merge-2025, and draws no map for units that are not provinces', async () => {
    // (dti score --merge-2025 warns that merged units have no raw values; not the report's concern)
    const html = await report([...PAPI, '--merge-2025'], 'm.html', false);
    expect((html.match(/<path class="province"/g) ?? []).length).toBe(34);
    expect(html).toContain('Bản đồ 34 tỉnh');
    const csv = join(dir, 'units.csv');
    writeFileSync(csv, 'unit,d1-participation,d2-transparency,d3-vertical-accountability,d4-control-of-corruption,d5-public-admin-procedures,d6-public-service-delivery\n'
      + 'Sở <script>alert(1)</script>,5,5,5,5,5,5\nSở "Tài chính" & Kế hoạch,6,6,6,6,6,6\n');
    const free = await report([csv, '-i', 'indicators/papi.yaml', '--year', '2016'], 'free.html');
    expect(free).not.toContain('<path class="province"');
    expect(free).toContain('Không có bản đồ');
    // Names are text, never markup.
    expect(free).not.toContain('<script>alert');
    expect(free).toContain('Sở &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(free).toContain('Sở &quot;Tài chính&quot; &amp; Kế hoạch');
  });

  it('checks a page in CI with --check, and writes nothing when the data are bad', async () => {
    const out = join(dir, 'check.html');
    expect((await cli(['report', ...PAPI, '-o', out, '--check'])).code).toBe(1);
    await report(PAPI, 'check.html');
    const ok = await cli(['report', ...PAPI, '-o', out, '--check']);
    expect(ok.code).toBe(0);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'province,d1-participation\nNowhere,abc\n');
    const before = readdirSync(dir).length;
    const r = await cli(['report', bad, '-i', 'indicators/papi.yaml', '-o', join(dir, 'bad.html')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/bad\.csv:2:\d+: error/);
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);
    expect(readdirSync(dir).length).toBe(before);
  });

  it('leaves Vega out of the start-up bundle: other commands never load it', () => {
    const bundle = join(ROOT, 'dist/dti.js');
    const text = readFileSync(bundle, 'utf8');
    expect(text).toMatch(/import\(\s*"vega"\s*\)/);
    expect(text).toMatch(/import\(\s*"vega-lite"\s*\)/);
    expect(text).not.toContain('vega-scenegraph');
    expect(statSync(bundle).size).toBeLessThan(1.5 * 1024 * 1024);
  });
});
