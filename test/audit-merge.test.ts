// `dti audit --merge-2025`: the audit of the 34 provinces after 1 July 2025. The merger averages
// the members' main indices, so the audit covers the main indices and the index over the 34. The
// figures are checked against a computation written here from the published table
// (data/2023.csv read with csv-parse) and the reference list of the 63 provinces and where each
// merged (data/reference/provinces_63.csv): each main index's mean over the members, the DTI
// as Σ(main index × points) / 1000, then Pearson's r, Cronbach's alpha from the variances,
// the first principal component by power iteration, the rank shifts on removal. The report's
// audit section on the 34 (report --audit --merge-2025): test/report/report.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { audit, load } from '../src/index.js';
import { ROOT, cli, tmp, workbookAt } from './helpers.js';

const MERGED = ['audit', 'data/2023.csv', '--merge-2025'];
const width = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));

// The 2023 main indices with their points (QĐ 922) and goalposts' maximum.
const MAIN = [
  { id: 'nts-tcs-nls-attt-suy-ra', points: 400, max: 4 },
  { id: 'ha-tang-so', points: 100, max: 1 },
  { id: 'hoat-dong-chinh-quyen-so', points: 200, max: 1 },
  { id: 'hoat-dong-kinh-te-so', points: 150, max: 1 },
  { id: 'hoat-dong-xa-hoi-so', points: 150, max: 1 },
];

/** The 34 provinces of 2023: each main index the mean of its members' (on 0–1), from the files alone. */
function merged2023(): { name: string; main: number[]; dti: number }[] {
  const rows = parse(readFileSync(join(ROOT, 'data/2023.csv')), { columns: true }) as Record<string, string>[];
  const into = new Map((parse(readFileSync(join(ROOT, 'data/reference/provinces_63.csv')), { columns: true }) as Record<string, string>[])
    .map((p) => [p.name_vi!, p.merged_into_2025!]));
  const groups = new Map<string, number[][]>();
  for (const r of rows) {
    const to = into.get(r.province!)!;
    groups.set(to, [...(groups.get(to) ?? []), MAIN.map((m) => Number(r[m.id]) / m.max)]);
  }
  return [...groups].map(([name, ms]) => {
    const main = MAIN.map((_, c) => ms.reduce((s, x) => s + x[c]!, 0) / ms.length);
    return { name, main, dti: main.reduce((s, x, c) => s + x * MAIN[c]!.points, 0) / 1000 };
  });
}

const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const variance = (x: number[]) => { const m = mean(x); return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1); };
function pearson(x: number[], y: number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0; let sxx = 0; let syy = 0;
  x.forEach((v, i) => { sxy += (v - mx) * (y[i]! - my); sxx += (v - mx) ** 2; syy += (y[i]! - my) ** 2; });
  return sxy / Math.sqrt(sxx * syy);
}
/** Competition ranks, highest first (R's rank(-x, ties.method = 'min')). */
const ranks = (x: number[]) => x.map((v) => 1 + x.filter((w) => w > v).length);

describe('dti audit --merge-2025: the 34 provinces, checked by an independent computation', () => {
  const units = merged2023();
  const col = (c: number) => units.map((u) => u.main[c]!);
  const dti = units.map((u) => u.dti);

  it('34 units; the main indices and the index as merged; r, alpha, PC1, importance and removal as computed here', async () => {
    expect(units).toHaveLength(34);
    const r = await cli([...MERGED, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.merge2025).toBe(true);
    expect(j.stage).toBe('aggregated');
    // The statistics: the five main indices and the index, 34 values each.
    expect(j.stats.map((s: { id: string }) => s.id)).toEqual([...MAIN.map((m) => m.id), 'dti-province']);
    for (const s of j.stats) expect(s.n).toBe(34);
    const stat = (id: string) => j.stats.find((s: { id: string }) => s.id === id);
    expect(stat('dti-province').mean).toBeCloseTo(mean(dti), 12);
    expect(stat('dti-province').sd).toBeCloseTo(Math.sqrt(variance(dti)), 12);
    expect(stat('dti-province').max).toBeCloseTo(Math.max(...dti), 12);
    MAIN.forEach((m, c) => expect(stat(m.id).mean, m.id).toBeCloseTo(mean(col(c)), 12));
    // The index of the audit is the one score --merge-2025 ranks.
    const score = JSON.parse((await cli(['score', 'data/2023.csv', '--merge-2025', '-f', 'json', '-q'])).stdout);
    for (const u of score.rankings) expect(u.score, u.unit).toBeCloseTo(units.find((x) => x.name === u.unit)!.dti, 12);
    // Each main index with the index, and each pair.
    MAIN.forEach((m, c) => {
      const wp = j.correlations.withParent.find((x: { id: string }) => x.id === m.id);
      expect(wp.parent).toBe('dti-province');
      expect(wp.r, m.id).toBeCloseTo(pearson(col(c), dti), 12);
      expect(j.importance.find((x: { id: string }) => x.id === m.id).r2).toBeCloseTo(pearson(col(c), dti) ** 2, 12);
    });
    expect(j.correlations.withParent).toHaveLength(5);
    expect(j.correlations.withinGroups).toHaveLength(10);
    for (const p of j.correlations.withinGroups) {
      const a = MAIN.findIndex((m) => m.id === p.a);
      const b = MAIN.findIndex((m) => m.id === p.b);
      expect(p.r, `${p.a}~${p.b}`).toBeCloseTo(pearson(col(a), col(b)), 12);
    }
    // Cronbach's alpha: k/(k−1)·(1 − Σ var(xᵢ) / var(Σ xᵢ)).
    const k = MAIN.length;
    const sum = units.map((u) => u.main.reduce((s, x) => s + x, 0));
    const alpha = (k / (k - 1)) * (1 - MAIN.reduce((s, _, c) => s + variance(col(c)), 0) / variance(sum));
    expect(j.groups).toHaveLength(1);
    expect(j.groups[0].id).toBe('dti-province');
    expect(j.groups[0].cronbachAlpha).toBeCloseTo(alpha, 12);
    expect(alpha).toBeCloseTo(0.85, 2); // as the README says
    // The first principal component of the standardised main indices: the largest eigenvalue of their correlation matrix over k.
    const R = MAIN.map((_, a) => MAIN.map((__, b) => pearson(col(a), col(b))));
    let v = MAIN.map(() => 1);
    let lambda = 0;
    for (let it = 0; it < 1000; it++) {
      const w = R.map((row) => row.reduce((s, x, q) => s + x * v[q]!, 0));
      lambda = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
      v = w.map((x) => x / lambda);
    }
    expect(j.groups[0].pcaFirstShare).toBeCloseTo(lambda / k, 9);
    j.groups[0].pcaLoadings.forEach((l: { id: string; loading: number }, q: number) => expect(Math.abs(l.loading), l.id).toBeCloseTo(Math.abs(v[q]!), 6));
    // Removal: the index without one main index (its points out of the sum), the mean |rank shift|.
    const nominal = ranks(dti);
    MAIN.forEach((m, c) => {
      const without = units.map((u) => u.main.reduce((s, x, d) => s + (d === c ? 0 : x * MAIN[d]!.points), 0) / (1000 - m.points));
      const shift = mean(ranks(without).map((q, i) => Math.abs(q - nominal[i]!)));
      expect(j.removal.find((x: { id: string }) => x.id === m.id).meanAbsRankShift, m.id).toBeCloseTo(shift, 12);
    });
    expect(j.effectiveWeights.map((x: { weight: number }) => x.weight)).toEqual(MAIN.map((m) => m.points / 1000));
    expect(j.denominators).toEqual([]);
  });

  it('the library: audit of a merged Run gives the JSON the command writes', async () => {
    const run = await load(join(ROOT, 'data/2023.csv'), { previous: false, merge2025: true });
    if (!run.ok) throw new Error('load');
    const r = audit(run.value, { method: 'spearman' });
    if (!r.ok) throw new Error('audit');
    const a = r.value;
    expect(a.result.merge2025).toBe(true);
    expect(a.availability).toHaveLength(34);
    const j = JSON.parse((await cli([...MERGED, '-f', 'json', '--method', 'spearman'])).stdout);
    expect(JSON.parse(JSON.stringify(a.result))).toEqual(j);
    // Unmerged, the same verb audits the 63 and says nothing of a merger.
    const plain = await load(join(ROOT, 'data/2023.csv'), { previous: false });
    if (!plain.ok) throw new Error('load');
    const unmerged = audit(plain.value);
    expect(unmerged.ok && unmerged.value.result.merge2025).toBeUndefined();
  });

  it('every format, in both languages: the note on what the 34 have, no denominators section', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const t = await cli([...MERGED, '-f', 'table', '--lang', lang]);
      expect(t.code, t.stderr).toBe(0);
      expect(width(t.stdout), t.stdout).toBeLessThanOrEqual(80);
      expect(t.stdout).toContain(lang === 'vi' ? '34 đơn vị. 34 tỉnh sau' : '34 units. The 34');
      expect(t.stdout).toContain(lang === 'vi' ? 'dữ liệu đã tổng hợp' : 'aggregated data');
      expect(t.stdout).toContain(lang === 'vi' ? '0,85' : '0.85');
      expect(t.stdout).not.toContain(lang === 'vi' ? 'Tương quan với mẫu số' : 'Correlation with denominators');
      const md = await cli([...MERGED, '-f', 'md', '--lang', lang]);
      expect(md.stdout).toMatch(lang === 'vi' ? /^# Kiểm định thống kê.*\n\n.*34 tỉnh sau sáp nhập ngày 01\/7\/2025/ : /^# Statistical audit.*\n\n.*The 34 provinces after 1 July 2025/);
      expect(md.stdout).toContain(lang === 'vi' ? '| Chỉ số chuyển đổi số cấp tỉnh (DTI) | Hạ tầng số | Hoạt động chính quyền số |' : '| Provincial Digital Transformation Index (DTI) | Digital infrastructure | Digital government activity |');
      for (const f of ['csv', 'tsv']) {
        const c = await cli([...MERGED, '-f', f, '--lang', lang]);
        expect(c.code, c.stderr).toBe(0);
        const sep = f === 'csv' ? ',' : '\t';
        // The keys scripts read, whatever the language (docs/REFERENCE.md).
        expect(c.stdout.split('\n')[0]).toBe(['table', 'group', 'a', 'b', 'measure', 'value'].join(sep));
        expect(c.stdout).toContain(['stats', '', 'dti-province', '', 'n', '34'].join(sep));
        // The 34 names, each once in the availability rows.
        expect(c.stdout.split('\n').filter((l) => l.startsWith(`availability${sep}${sep}`) && l.endsWith(`${sep}availability${sep}1`))).toHaveLength(34);
      }
    }
    const d = tmp();
    const out = join(d, 'audit.xlsx');
    const w = await cli([...MERGED, '-o', out, '--lang', 'en']);
    expect(w.code, w.stderr).toBe(0);
    const book = workbookAt(out);
    expect(book.names).toEqual(['Statistics', 'Availability', 'With parent', 'Within groups', 'Groups', 'Loadings', 'Weights', 'Flags', 'Note']);
    // The note the tables print under the title, on its own sheet.
    const note = book.sheet(book.names[8]!).map((r) => r.map((c) => c.text));
    expect(note[0]).toEqual(['Note']);
    expect(note[1]![0]).toMatch(/^The 34 provinces after 1 July 2025: each main index is the mean of the merged provinces' values \(as the ministry computes it\)/);
  });

  it('2024 on the 34: the published DTI the one main index, r = 1 with the index', async () => {
    const j = JSON.parse((await cli(['audit', 'data/2024.csv', '--merge-2025', '-f', 'json'])).stdout);
    expect(j.stats.map((s: { id: string; n: number }) => [s.id, s.n])).toEqual([['dti-cong-bo', 34], ['dti-province', 34]]);
    expect(j.correlations.withParent).toEqual([{ id: 'dti-cong-bo', parent: 'dti-province', r: 1 }]);
  });

  it('--stage other than aggregated, and --balance below the main indices, are usage errors on the 34', async () => {
    const s = await cli([...MERGED, '--stage', 'raw', '--lang', 'en']);
    expect(s.code).toBe(2);
    expect(s.stdout).toBe('');
    expect(s.stderr).toContain('--stage raw: the 34 provinces');
    expect((await cli([...MERGED, '--stage', 'aggregated', '-f', 'json'])).code).toBe(0);
    // The proxy component set: its indicators (level 1) have no values on the 34; its main indices are level 2.
    const comp = ['audit', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--merge-2025', '--allow-partial-merge', '-q'];
    const b = await cli([...comp, '--balance', '1']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--balance 1: trên 34 tỉnh');
    const j = JSON.parse((await cli([...comp, '-f', 'json', '--balance', '2'])).stdout);
    expect(j.balance.level).toBe(2);
    // Only the index is a group on the 34; its children are the eight main indices.
    expect(j.groups.map((g: { id: string }) => g.id)).toEqual(['dti-province-proxy']);
    // Hà Tĩnh, Nghệ An and Phú Thọ (from Vĩnh Phúc alone, a partial merger): the eight main indices and the index.
    expect(j.stats.map((s: { n: number }) => s.n)).toEqual(Array(9).fill(3));
    // Removal and r with the index from the merged main indices score --merge-2025 reports (the index re-aggregated from them, not from indicators the 34 lack).
    const sc = JSON.parse((await cli(['score', ...comp.slice(1, 4), '--merge-2025', '--allow-partial-merge', '-q', '-f', 'json', '--detail', 'groups'])).stdout);
    const ids = Object.keys(sc.rankings[0].groups);
    const pts = [100, 100, 100, 100, 100, 200, 150, 150];
    const main = sc.rankings.map((u: { groups: Record<string, number> }) => ids.map((id) => u.groups[id]!));
    const index = main.map((m: number[]) => m.reduce((s, x, c) => s + x * pts[c]!, 0) / 1000);
    sc.rankings.forEach((u: { score: number }, i: number) => expect(u.score).toBeCloseTo(index[i]!, 12));
    ids.forEach((id, c) => {
      const without = main.map((m: number[]) => m.reduce((s, x, d) => s + (d === c ? 0 : x * pts[d]!), 0) / (1000 - pts[c]!));
      const shift = mean(ranks(without).map((q, i) => Math.abs(q - ranks(index)[i]!)));
      expect(j.removal.find((x: { id: string }) => x.id === id).meanAbsRankShift, id).toBeCloseTo(shift, 12);
      // Nhân lực số is 0.25 in all three: no correlation (null).
      const r = pearson(main.map((m: number[]) => m[c]!), index);
      const got = j.correlations.withParent.find((x: { id: string }) => x.id === id).r;
      if (Number.isNaN(r)) expect(got, id).toBeNull();
      else expect(got, id).toBeCloseTo(r, 12);
    });
  });
});
