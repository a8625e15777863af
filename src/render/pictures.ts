/**
 * Pictures for documents (`-o file.svg|png` of chart, trend, compare, explain, sensitivity):
 * each command's result as a Vega-Lite specification, pure data. They are drawn by the same
 * Vega path as the HTML report's charts (src/report/charts.ts) and rasterised to PNG by resvg
 * (src/cli/picture.ts). Numbers on the axes follow the language (the report's vi locale).
 */
import type { CompareResult } from '../core/compare.js';
import type { ExplainResult } from '../core/explain/index.js';
import type { Lang } from '../core/score.js';
import type { TrendResult } from '../core/trend.js';
import { wholeRanks } from '../core/sensitivity/whole.js';
import { CONFIG } from '../report/charts.js';
import { unitSpecs } from '../report/unit.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Spec = Record<string, any>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const BAR = '#2c6e9e';

const T = {
  vi: { rank: 'Hạng', year: 'Năm', unit: 'Đơn vị', interval: 'Khoảng hạng 5%–95% (vạch), trung vị (chấm), hạng danh nghĩa (vòng)',
    said: (u: string, lo: number, hi: number, med: number, nom: number | null) => `${u}: khoảng hạng ${lo}–${hi}, trung vị ${med}${nom === null ? '' : `, hạng danh nghĩa ${nom}`}` },
  en: { rank: 'Rank', year: 'Year', unit: 'Unit', interval: '5%–95% rank interval (line), median (dot), nominal rank (ring)',
    said: (u: string, lo: number, hi: number, med: number, nom: number | null) => `${u}: rank interval ${lo}–${hi}, median ${med}${nom === null ? '' : `, nominal rank ${nom}`}` },
};

/** A horizontal bar per unit, in rank order (dti chart). */
export function barsSpec(rows: readonly { rank: number | null; label: string; value: number | null }[], title: string, valueTitle: string): Spec {
  const values = rows.filter((r) => r.value !== null).map((r, i) => ({ unit: r.label, order: i, value: r.value, rank: r.rank }));
  return {
    $schema: SCHEMA, config: CONFIG, title, width: 420, height: { step: values.length > 40 ? 12 : 18 },
    data: { values },
    mark: { type: 'bar', color: BAR },
    encoding: {
      y: { field: 'unit', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null },
      x: { field: 'value', type: 'quantitative', title: valueTitle },
      description: { field: 'unit' },
    },
  };
}

/** Pixels from one end label's baseline to the next (11 px text). */
const LABEL_GAP = 12;

/**
 * End labels moved apart where they would overlap (tied ranks, or ranks nearer than a line of
 * text): taken in order of their place (ties in the order given), each run of labels nearer than
 * `gap` is set `gap` apart and centred where its labels belong; a label with room stays put.
 * Returns each label's vertical offset in pixels (rounded to 0.01), the same on every machine.
 */
export function spreadLabels(ys: readonly number[], gap = LABEL_GAP): number[] {
  const order = ys.map((_, i) => i).sort((a, b) => ys[a]! - ys[b]! || a - b);
  const blocks: { members: number[]; start: number }[] = [];
  for (const i of order) {
    blocks.push({ members: [i], start: ys[i]! });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.start + a.members.length * gap <= b.start + 1e-9) break;
      a.members.push(...b.members);
      a.start = a.members.reduce((sum, m, j) => sum + ys[m]! - j * gap, 0) / a.members.length;
      blocks.pop();
    }
  }
  const dy = ys.map(() => 0);
  for (const b of blocks) b.members.forEach((m, j) => { dy[m] = Math.round((b.start + j * gap - ys[m]!) * 100) / 100 || 0; });
  return dy;
}

/** Rank paths over the years, 1 at the top, one line per unit labelled at its last point (labels that would overlap moved apart). */
function pathsSpec(points: { unit: string; year: number; rank: number }[], title: string, lang: Lang): Spec {
  const t = T[lang];
  const last = new Map<string, { unit: string; year: number; rank: number }>();
  for (const p of points) { const q = last.get(p.unit); if (q === undefined || p.year > q.year) last.set(p.unit, p); }
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const maxRank = Math.max(1, ...points.map((p) => p.rank));
  const height = Math.max(320, 15 * maxRank); // 15 px a rank: labels of ranks next to each other do not overlap
  const x = { field: 'year', type: 'ordinal', title: t.year, scale: { domain: years }, axis: { labelAngle: 0 } };
  const y = { field: 'rank', type: 'quantitative', title: t.rank, scale: { domain: [maxRank, 1], nice: false }, axis: { tickMinStep: 1, format: 'd' } };
  // Titled, so a screen reader hears "Đơn vị: Hà Nội" under vi (Vega names an untitled field by its key).
  const color = { field: 'unit', type: 'nominal', title: t.unit, legend: null, scale: { scheme: 'tableau10' } };
  // Tied ranks (two provinces 13th) would print their names on one another: each year's end labels spread apart.
  const labels = [...last.values()];
  const px = maxRank <= 1 ? 0 : height / (maxRank - 1);
  const dy = labels.map(() => 0);
  for (const yr of new Set(labels.map((l) => l.year))) {
    const at = labels.flatMap((l, i) => (l.year === yr ? [i] : []));
    spreadLabels(at.map((i) => (labels[i]!.rank - 1) * px)).forEach((d, k) => { dy[at[k]!] = d; });
  }
  const offsets = [...new Set(dy)].sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : a - b));
  const text = (d: number): Spec => ({
    data: { values: labels.filter((_, i) => dy[i] === d) },
    mark: { type: 'text', align: 'left', dx: 8, ...(d === 0 ? {} : { dy: d }), fontSize: 11 },
    encoding: { x, y, color, text: { field: 'unit', title: t.unit } },
  });
  return {
    $schema: SCHEMA, config: CONFIG, title, width: Math.max(240, 90 * years.length), height,
    layer: [
      { data: { values: points }, mark: { type: 'line', point: true, strokeWidth: 2 }, encoding: { x, y, color, detail: { field: 'unit', title: t.unit } } },
      ...offsets.map(text),
    ],
  };
}

/** dti trend: every unit's rank path (the units ranked in any year). */
export function trendSpec(r: TrendResult, lang: Lang): Spec {
  const points = r.units.flatMap((u) => u.series.flatMap((p, k) => (p === null || p.rank === null ? [] : [{ unit: u.unit, year: r.years[k]!, rank: p.rank }])));
  return pathsSpec(points, `${r.framework.name}: ${T[lang].rank.toLowerCase()} ${r.years[0] ?? ''}–${r.years[r.years.length - 1] ?? ''}`, lang);
}

/** dti compare: the compared units' national rank path (rank among the compared units where there is none). */
export function compareSpec(r: CompareResult, lang: Lang): Spec {
  const points = r.rows.filter((row) => row.section === 'score' && row.year !== null).flatMap((row) =>
    r.units.flatMap((u, i) => {
      const rank = row.nationalRanks?.[i] ?? row.ranks?.[i] ?? null;
      return rank === null ? [] : [{ unit: u.unit, year: row.year!, rank }];
    }));
  return pathsSpec(points, `${r.framework.name}: ${r.units.map((u) => u.unit).join(', ')}`, lang);
}

/** dti explain: points earned and lost per main index (as the report's profile draws them), else the change's contributions. */
export function explainSpec(e: ExplainResult, lang: Lang): Spec | null {
  const s = unitSpecs(e, lang, CONFIG);
  const spec = s.priorities ?? s.change;
  return spec === null ? null : { ...spec, title: `${e.unit}${e.year === null ? '' : ` (${e.year})`}` };
}

/** dti sensitivity: every unit's rank interval, median and nominal rank, in whole ranks as the table prints them. */
export function sensitivitySpec(units: readonly { unit: string; nominalRank: number | null; medianRank: number | null; p5: number | null; p95: number | null }[], title: string, lang: Lang): Spec {
  const t = T[lang];
  // Whole ranks, as the table prints them (core's one rule).
  const values = units.flatMap((u, i) => {
    const w = wholeRanks(u);
    return w === null ? [] : [{ unit: u.unit, order: u.nominalRank ?? 1e9 + i, low: w.low, high: w.high, median: w.median, nominal: u.nominalRank, text: t.said(u.unit, w.low, w.high, w.median, u.nominalRank) }];
  });
  const y = { field: 'unit', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null };
  const x = { type: 'quantitative', title: t.interval, scale: { domainMin: 1 } };
  return {
    $schema: SCHEMA, config: CONFIG, title, width: 420, height: { step: values.length > 40 ? 12 : 18 },
    data: { values },
    encoding: { y },
    layer: [
      // What a screen reader hears, in the reader's language (Vega would name the fields by their keys).
      { mark: { type: 'rule', strokeWidth: 3, color: '#7f8c8d' }, encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, description: { field: 'text' } } },
      { mark: { type: 'point', filled: true, size: 40, opacity: 1, color: BAR }, encoding: { x: { ...x, field: 'median' } } },
      { mark: { type: 'point', filled: false, size: 70, color: '#e67e22' }, encoding: { x: { ...x, field: 'nominal' } } },
    ],
  };
}
