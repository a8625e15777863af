// dti report without a browser: the page's content, bytes and errors.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from '../helpers.js';
import { findProvince } from '../../src/core/provinces.js';

const PAPI = ['data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml'];
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
  const lines = readFileSync(join(ROOT, 'data/papi-dimensions/2016.csv'), 'utf8').trim().split('\n').slice(1);
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
    const rows = [...html.matchAll(/<tr data-i="\d+" data-code="(\d\d)"><td data-v="(\d+)">\d+<\/td>.*?<th scope="row" class="l" data-v="([^"]+)">.*?<\/th><td data-v="([\d.]+)">([\d,]+)<\/td>/g)];
    expect(rows).toHaveLength(63);
    const pub = published();
    for (const [, code, , , value, shown] of rows) {
      expect(Number(value)).toBeCloseTo(pub.get(code!)!, 4);
      expect(shown).toBe(vn(Number(value), 4)); // decimal comma under vi
    }
    // Ranks follow the published totals.
    const order = [...pub.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(rows.map((r) => r[1])).toEqual(order);
    expect(rows.map((r) => Number(r[2]))).toEqual(order.map((_, i) => i + 1));
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Bảng xếp hạng');
    expect(html).toContain('<li><code>data/papi-dimensions/2016.csv</code></li><li><code>data/papi-dimensions/2015.csv</code></li>');
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
    const free = await report([csv, '-i', 'indicators/papi-dimensions.yaml', '--year', '2016'], 'free.html');
    expect(free).not.toContain('<path class="province"');
    expect(free).toContain('Không có bản đồ');
    // Names are text, never markup.
    expect(free).not.toContain('<script>alert');
    expect(free).toContain('Sở &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(free).toContain('Sở &quot;Tài chính&quot; &amp; Kế hoạch');
  });

  it('checks a page in CI with --check, and writes nothing when the data are bad', async () => {
    const out = join(dir, 'check.html');
    expect((await cli(['report', ...PAPI, '-o', out, '--check'])).code).toBe(5); // missing: an I/O error
    await report(PAPI, 'check.html');
    const ok = await cli(['report', ...PAPI, '-o', out, '--check']);
    expect(ok.code).toBe(0);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'province,d1-participation\nNowhere,abc\n');
    const before = readdirSync(dir).length;
    const r = await cli(['report', bad, '-i', 'indicators/papi-dimensions.yaml', '-o', join(dir, 'bad.html'), '--lang', 'en']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/bad\.csv:2:\d+: error/);
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);
    expect(readdirSync(dir).length).toBe(before);
  });

  it('leaves Vega out of the start-up bundle: other commands never load it', () => {
    // The bundle: dist/dti.cjs and the libraries bundled beside it (dist/dti-*.cjs). Vega is
    // imported at run time from node_modules, with import().
    const bundle = readdirSync(join(ROOT, 'dist')).filter((f) => /^dti(-[a-z]+)?\.cjs$/.test(f)).map((f) => join(ROOT, 'dist', f));
    expect(bundle.length).toBeGreaterThanOrEqual(1);
    const text = bundle.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).toMatch(/\bimport\(\s*"vega"\s*\)/);
    expect(text).toMatch(/\bimport\(\s*"vega-lite"\s*\)/);
    expect(text).not.toContain('vega-scenegraph');
    for (const f of bundle) expect(statSync(f).size).toBeLessThan(1.5 * 1024 * 1024);
  });
});

/** PAPI totals of a year as published (last column), by GSO code. */
function totals(year: number): Map<string, number> {
  const lines = readFileSync(join(ROOT, `data/papi-dimensions/${year}.csv`), 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((l) => {
    const f = l.split(',');
    const p = findProvince(f[0]!);
    if (!p.ok) throw new Error(`unknown province ${f[0]}`);
    return [p.province.code, Number(f[f.length - 1])];
  }));
}
/** A number as a Vietnamese reader sees it (decimal comma, thousands dot), written here independently of dti's helper. */
const vn = (x: number, d: number) => {
  const [int, frac] = x.toFixed(d).split('.');
  return `${int!.replace(/\B(?=(\d{3})+$)/g, '.')}${frac === undefined ? '' : `,${frac}`}`;
};
/** A value needed for a target as a reader sees it: rounded up (never short of the target), then as `vn`. */
const vnUp = (x: number, d: number) => vn(Math.ceil(x * 10 ** d - 1e-9) / 10 ** d, d);
const rankOf = (m: Map<string, number>, code: string) => [...m.values()].filter((v) => v > m.get(code)!).length + 1;

describe('dti report --unit', () => {
  it('adds the profile: score and rank, change since last year, the gap to a target rank (checked on the published PAPI totals)', async () => {
    const html = await report([...PAPI, '--unit', 'nghe an', '--target-rank', '15'], 'unit.html');
    const t16 = totals(2016);
    const t15 = totals(2015);
    const NA = '40';
    const r16 = rankOf(t16, NA);
    const r15 = rankOf(t15, NA);
    expect(html).toContain('<section id="unit"><h2>Hồ sơ: Nghệ An (2016)</h2>');
    expect(html).toContain(`Điểm ${vn(t16.get(NA)!, 4)}, hạng ${r16}/63`);
    const d = t16.get(NA)! - t15.get(NA)!;
    expect(html).toContain(`Điểm từ ${vn(t15.get(NA)!, 4)} ${d >= 0 ? 'lên' : 'xuống'} ${vn(t16.get(NA)!, 4)} (${d >= 0 ? '+' : '−'}${vn(Math.abs(d), 4)}); hạng từ ${r15} ${r16 < r15 ? 'lên' : 'xuống'} ${r16}.`);
    // Rank 15 needs the score of the 15th province; the gap is the difference.
    const fifteenth = [...t16.values()].sort((a, b) => b - a)[14]!;
    expect(html).toContain(`Cần ${vnUp(fifteenth, 4)} điểm, còn thiếu ${vnUp(fifteenth - t16.get(NA)!, 4)}`);
    expect(html).toContain('Điểm mạnh (xếp hạng tốt nhất)');
    // The unit's row is marked in the table, and the section is in the contents.
    expect(html).toMatch(/<tr data-i="\d+" data-code="40" class="hl">/);
    expect(html).toContain('<a href="#unit">Hồ sơ đơn vị: Nghệ An</a>');
    // Two charts in the section (priorities need a bounded scale: PAPI's 1–10 dimensions are taken as they are).
    const section = html.slice(html.indexOf('<section id="unit">'), html.indexOf('<section id="ranking">'));
    expect((section.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(1);
  });

  it('shows points lost and a balanced plan on a bounded scale (DTI main indices; points worked out by hand)', async () => {
    const html = await report(['-i', 'indicators/dti-2022-main.yaml', 'data/published/dti-2022-main-indices.csv', '--unit', 'Cần Thơ', '--target-rank', '1'], 'ct.html');
    // DTI = Σ main index × its points (100 ×5, 200, 150, 150) / 1000, from the published main indices.
    const lines = readFileSync(join(ROOT, 'data/published/dti-2022-main-indices.csv'), 'utf8').trim().split('\n');
    const f = lines.find((l) => l.startsWith('Cần Thơ,'))!.split(',');
    const points = [100, 100, 100, 100, 100, 200, 150, 150].reduce((s, p, i) => s + p * Number(f[2 + i]), 0);
    expect(html).toContain(`(${vn(points, 1)} điểm trên thang 1.000)`);
    expect(html).toContain('Ưu tiên: chỉ số chính mất nhiều điểm nhất');
    expect(html).toContain('Phương án cân đối: mỗi chỉ số chính thu hẹp');
    // Rank 1 needs Đà Nẵng's score: (1000 − points) short of the maximum… and the gap in points.
    const best = lines.slice(1).map((l) => l.split(',')).map((g) => [100, 100, 100, 100, 100, 200, 150, 150].reduce((s, p, i) => s + p * Number(g[2 + i]), 0));
    const gap = Math.max(...best) - points;
    // Printed rounded up (ties: rounded asks for a score that rounds to Đà Nẵng's 0,8002): never short of the gap.
    const printed = Number(/\(([\d.,]+) điểm theo thang\)/.exec(html)![1]!.replace(',', '.'));
    expect(printed).toBeGreaterThanOrEqual(gap);
    expect(printed).toBeLessThan(gap + 0.2);
    const section = html.slice(html.indexOf('<section id="unit">'), html.indexOf('<section id="ranking">'));
    expect((section.match(/<svg /g) ?? []).length).toBe(1); // priorities; no previous year, so no change chart
    expect(section).toContain('Không có dữ liệu năm trước của đơn vị này.');
  });

  it('puts the profile first, before the table of every unit, in the page and its contents', async () => {
    const html = await report(['data/2023.csv', '--unit', 'Nghệ An'], 'first.html');
    const at = (x: string) => html.indexOf(x);
    expect(at('<section id="unit">')).toBeGreaterThan(0);
    expect(at('<section id="unit">')).toBeLessThan(at('<section id="ranking">'));
    expect(at('<a href="#unit">')).toBeLessThan(at('<a href="#ranking">'));
  });

  it('rounds the values needed for a target up, as dti explain prints them (aiming at the printed figure is enough)', async () => {
    const html = await report(['data/2023.csv', '--unit', 'Nghệ An', '--target-rank', '15', '--lang', 'en'], 'up.html');
    const e = JSON.parse((await cli(['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '15', '-f', 'json'])).stdout);
    const up = (x: number, d: number) => (Math.ceil(x * 10 ** d - 1e-9) / 10 ** d).toFixed(d);
    const g = e.target;
    expect(html).toContain(`A score of ${up(g.scoreNeeded, 4)} is needed, ${up(g.gap, 4)} more (${up(g.gapPoints, 1)} points)`);
    // Each value needed, as explain's table shows it (rounded up to 4 decimals); at least one that rounding half-up would print lower.
    const plan = g.plan.steps.map((x: { to: number }) => up(x.to, 4));
    for (const v of plan) expect(html).toContain(`<td>${v}</td>`);
    const alone = g.byNode.filter((x: { depth: number; valueNeeded: number | null }) => x.depth === 1 && x.valueNeeded !== null);
    for (const x of alone) expect(html).toContain(`→ ${up(x.valueNeeded, 4)}</li>`);
    const all = [...g.plan.steps.map((x: { to: number }) => x.to), ...alone.map((x: { valueNeeded: number }) => x.valueNeeded), g.scoreNeeded, g.gap];
    expect(all.some((x: number) => up(x, 4) !== x.toFixed(4))).toBe(true);
    const table = (await cli(['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '15', '--lang', 'en', '-f', 'md'])).stdout;
    for (const v of plan) expect(table).toContain(v);
  });

  it('speaks English in the profile too', async () => {
    const html = await report([...PAPI, '--unit', 'Nghệ An', '--lang', 'en'], 'unit-en.html');
    expect(html).toContain('<h2>Profile: Nghệ An (2016)</h2>');
    expect(html).toContain('Strengths (best ranks)');
    expect(html).not.toContain('Hồ sơ');
  });

  it('rejects an unknown unit and --target-rank alone, writing nothing', async () => {
    const out = join(dir, 'none.html');
    const bad = await cli(['report', ...PAPI, '--unit', 'Nghe Anh', '-o', out, '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown province 'Nghe Anh'");
    expect(bad.stderr).toMatch(/hint: did you mean 'Nghệ An'/);
    const vi = await cli(['report', ...PAPI, '--unit', 'Nghe Anh', '-o', out]);
    expect(vi.stderr).toContain("lỗi: không có tỉnh 'Nghe Anh'");
    const alone = await cli(['report', ...PAPI, '--target-rank', '3', '-o', out]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('lỗi: --target-rank chỉ dùng cùng --unit');
    expect((await cli(['report', ...PAPI, '--target-rank', '3', '-o', out, '--lang', 'en'])).stderr).toContain('error: --target-rank goes with --unit');
    expect(existsSync(out)).toBe(false);
  });
});

describe('dti report --audit', () => {
  it("adds the audit section (dti audit's figures), the same bytes twice; with --merge-2025, the 34's", async () => {
    const a = join(dir, 'audit-a.html');
    const b = join(dir, 'audit-b.html');
    expect((await cli(['report', 'data/2023.csv', '--audit', '--lang', 'en', '-o', a])).code).toBe(0);
    expect((await cli(['report', 'data/2023.csv', '--audit', '--lang', 'en', '-o', b])).code).toBe(0);
    const html = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(html);
    expect(html).toContain('<section id="audit"><h2>Statistical audit</h2>');
    // Named, not by id (it said 'within dti-province', and the cells' labels 'a: hoat-dong-xa-hoi-so; b: ha-tang-so').
    expect(html).toContain('<h3>Correlations within Provincial Digital Transformation Index (DTI)</h3><figure><svg');
    expect(html).toMatch(/a: Digital society activity; b: Digital infrastructure; label: 0\.58/);
    expect(html.slice(html.indexOf('<section id="audit">')).split('</section>')[0]).not.toMatch(/ha-tang-so|hoat-dong-xa-hoi-so|dti-province/);
    expect(html).toContain('<td>2</td><td>0.81</td><td>58.8%</td>');
    const plain = await report(['data/2023.csv'], 'plain.html');
    expect(plain).not.toContain('id="audit"');
    // On the 34 (test/audit-merge.test.ts checks the figures): the main indices' alpha and first component, and what the 34 lack.
    const out = join(dir, 'merged.html');
    const merged = await cli(['report', 'data/2023.csv', '--merge-2025', '--audit', '--lang', 'en', '-o', out]);
    expect(merged.code, merged.stderr).toBe(0);
    const m = readFileSync(out, 'utf8');
    expect(m).toContain('<td>2</td><td>0.85</td><td>65.7%</td>');
    expect(m).toContain('The 34 provinces after 1 July 2025');
  });
});

describe('dti report --unit --sensitivity', () => {
  it('shows every unit’s rank interval, the same as dti sensitivity, the same bytes twice', async () => {
    const args = [...PAPI, '--unit', 'Nghệ An', '--sensitivity'];
    const html = await report(args, 'sens.html');
    expect(await report(args, 'sens2.html')).toBe(html);
    const s = JSON.parse((await cli(['sensitivity', ...PAPI, '-f', 'json', '-q'])).stdout);
    const na = s.units.find((u: { unit: string }) => u.unit === 'Nghệ An');
    const rank = (x: number) => String(x).replace('.', ',');
    expect(html).toContain(`Qua ${vn(s.runs, 0)} lần tính lại với các lựa chọn phương pháp khác nhau, Nghệ An xếp hạng ${rank(na.p5)}–${rank(na.p95)} (khoảng 90 %), trung vị ${rank(na.medianRank)}.`);
    expect(html).toContain('Các lựa chọn thay đổi: trọng số cấp 1 ±25 %');
    const section = html.slice(html.indexOf('<h3>Độ nhạy của thứ hạng</h3>'));
    // One interval (a rule) per province.
    const rules = /<g class="mark-rule role-mark layer_0_marks"[^>]*>(.*?)<\/g>/s.exec(section)![1]!;
    expect((rules.match(/<line /g) ?? []).length).toBe(63);
    const alone = await cli(['report', ...PAPI, '--sensitivity', '-o', join(dir, 'x.html'), '--lang', 'en']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--sensitivity goes with --unit');
  });
});

describe('dti report on the shipped official DTI', () => {
  it('2023: 63 provinces all with data; 2024 merged: 34, no pillars that year, rank changes across the change of method marked', async () => {
    const y23 = await report(['data/2023.csv'], 'dti-2023.html');
    expect((y23.match(/<path class="province"/g) ?? []).length).toBe(63);
    expect(y23).not.toContain(': không có dữ liệu"'); // every province has a score
    expect(y23).not.toContain('‡');
    const y24 = await report(['data/2024.csv', '--merge-2025'], 'dti-2024-34.html', false);
    expect((y24.match(/<path class="province"/g) ?? []).length).toBe(34);
    expect(y24).toContain('Thay đổi‡</button>');
    expect(y24).toContain('‡ Phương pháp tính năm 2024 khác năm 2023');
    // DTI 2024's method has no pillars: no empty pillar columns, and no pillar section (nor its link) at all.
    expect(y24).not.toContain('id="pillars"');
    expect(y24).not.toContain('href="#pillars"');
    expect(y23).toContain('<section id="pillars"');
    // No section is a heading over nothing: every <h2> of the page is followed by content, not a "none" note.
    for (const page of [y23, y24]) expect(page).not.toMatch(/<h2>[^<]*<\/h2>\s*<p class="note">/);
    expect(y24).not.toMatch(/<th scope="col" data-type="num"><button type="button" title="Sắp xếp theo: Chính quyền số">/);
    expect(y23).toMatch(/<th scope="col" data-type="num"><button type="button" title="Sắp xếp theo: Chính quyền số">/);
    // Source URLs are links that stop before the punctuation after them.
    expect(y23).toContain('<a href="https://dti.gov.vn/xep-hang-2022">https://dti.gov.vn/xep-hang-2022</a>,');
  });
});

describe('dti report on the latest year (DTI 2024: the published DTI alone)', () => {
  it('a unit profile on 2024: no empty section; one line for no breakdown, the change unsplit, nothing to vary said', async () => {
    const page = await report(['data/2024.csv', '--unit', 'Nghệ An', '--target-rank', '5', '--sensitivity', '--lang', 'en'], 'dti-2024-unit.html');
    const unit = /<section id="unit">([\s\S]*?)<\/section>/.exec(page)![1]!;
    expect(unit).toContain('(718.4 points out of 1000)');
    expect(unit).toContain('2024 publishes only the overall index (Published DTI): there is no breakdown by indicator');
    expect(unit).not.toContain('Priorities');
    expect(unit).not.toContain('Strengths');
    expect(unit).not.toContain('None.');
    expect(unit).toContain("The method of 2024 differs from 2023's: the change is not split into contributions of indicators.");
    expect(unit).toContain('Nothing to vary');
    expect(unit).not.toContain('Balanced plan');
    // Every h3 is followed by content, not by the next heading.
    expect(unit).not.toMatch(/<\/h3>\s*<h3>/);
    expect(page).not.toContain('href="#pillars"');
  });
});
