/**
 * The report's charts as Vega-Lite specifications (pure data), and their rendering to SVG
 * strings with Vega at build time, so the page shows them with scripts blocked and on paper.
 * Vega and Vega-Lite are imported dynamically: only `dti report` loads them.
 */
import { type Labels, vegaAriaVi } from './i18n.js';
import type { Lang } from '../core/score.js';
import { type ReportModel, fmt } from './model.js';
import { maxOf, minOf } from '../core/arrays.js';

/** A TopoJSON topology as the shipped boundary files hold it. */
export interface Topology {
  type: 'Topology';
  objects: Record<string, { type: string; geometries: { type: string; properties?: Record<string, unknown> }[] }>;
  [k: string]: unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = Record<string, any>;

const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
const BAR = '#2c6e9e';
const UP = '#1a8a4a';
const DOWN = '#c0392b';
export const NO_DATA = '#d4d4d4';

export const CONFIG = {
  font: FONT,
  background: '#ffffff',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0, grid: true, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  header: { labelFontSize: 12, labelFontWeight: 'bold', titleFontSize: 0 },
};

/** Height per unit on charts with one row per unit. */
function step(n: number): number {
  return n > 120 ? 8 : n > 40 ? 12 : 18;
}

/** Ranked units in rank order (unranked left out). */
function ranked(m: ReportModel) {
  return m.rows.filter((r) => r.rank !== null && r.score !== null);
}

/** The map: provinces coloured by score (grey: no data), legend, and the two archipelagos marked and labelled. */
export function mapSpec(m: ReportModel, topo: Topology, L: Labels): Spec {
  const codeKey = m.map === '34' ? 'new_code_2025' : 'gso_code';
  const byCode = new Map(m.rows.filter((r) => r.code !== null).map((r) => [r.code!, r]));
  const n = m.rows.filter((r) => r.rank !== null).length;
  const provinces = topo.objects.provinces!.geometries.map((g) => {
    const p = g.properties ?? {};
    const code = String(p[codeKey]);
    const row = byCode.get(code);
    const name = row?.unit ?? String(p.name_vi);
    const label = row === undefined || row.score === null
      ? `${name}: ${L.noData}`
      : `${name}: ${L.score.toLowerCase()} ${fmt(row.score, m.decimals, m.lang)}${row.rank === null ? '' : `, ${L.rank.toLowerCase()} ${row.rank}${L.of}${n}`}`;
    return { ...g, properties: { code, score: row?.score ?? null, label } };
  });
  const islandsIn = topo.objects.islands!.geometries;
  const topology = { ...topo, objects: { provinces: { type: 'GeometryCollection', geometries: provinces }, islands: topo.objects.islands } };
  const islands = islandsIn.map((g) => {
    const p = g.properties ?? {};
    const vi = String(p.name_vi);
    return { lon: Number(p.label_lon), lat: Number(p.label_lat), name: vi.includes('Hoàng Sa') ? L.hoangSa : L.truongSa };
  });
  const scores = m.rows.map((r) => r.score).filter((x): x is number => x !== null);
  const domain = scores.length === 0 ? [0, 1] : [minOf(scores), maxOf(scores)];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 580,
    config: CONFIG,
    projection: { type: 'mercator' },
    layer: [
      {
        name: 'provinces',
        data: { values: topology, format: { type: 'topojson', feature: 'provinces' } },
        mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.6, invalid: 'show' },
        encoding: {
          color: {
            condition: { test: 'datum.properties.score === null', value: NO_DATA },
            field: 'properties.score',
            type: 'quantitative',
            title: L.score,
            scale: { scheme: 'yellowgreenblue', domain, nice: false },
            legend: { orient: 'none', legendX: 0, legendY: 330, direction: 'vertical', gradientLength: 150, format: `.${Math.min(m.decimals, 2)}f` },
          },
          description: { field: 'properties.label' },
        },
      },
      {
        name: 'islands',
        data: { values: topology, format: { type: 'topojson', feature: 'islands' } },
        mark: { type: 'geoshape', fill: '#555555', stroke: '#555555', strokeWidth: 0.5 },
      },
      {
        name: 'island_markers',
        data: { values: islands },
        mark: { type: 'point', shape: 'circle', size: 700, filled: false, stroke: '#444444', strokeDash: [3, 2], strokeWidth: 1 },
        encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, description: { field: 'name' } },
      },
      {
        name: 'island_labels',
        data: { values: islands },
        // The marker above is named already: the label is drawing only for a screen reader.
        mark: { type: 'text', dy: 24, fontSize: 11, fontStyle: 'italic', fill: '#222222', aria: false },
        encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, text: { field: 'name' } },
      },
    ],
  };
}

/** One horizontal bar chart per pillar, side by side, units in order of overall rank. */
export function pillarSpec(m: ReportModel, L: Labels): Spec | null {
  if (m.pillars.length === 0) return null;
  const rows = ranked(m);
  const values = rows.flatMap((r) => m.pillars.map((p, k) => ({
    unit: r.unit, order: r.rank, pillar: p.name, pk: k, score: r.pillars[k], text: `${r.unit} · ${p.name}: ${fmt(r.pillars[k] ?? null, m.decimals, m.lang)}`,
  }))).filter((v) => v.score !== null);
  const width = m.pillars.length > 3 ? 140 : 190;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    data: { values },
    facet: { column: { field: 'pillar', type: 'nominal', sort: m.pillars.map((p) => p.name), title: null } },
    spec: {
      width,
      height: { step: step(rows.length) },
      mark: { type: 'bar', color: BAR },
      encoding: {
        y: { field: 'unit', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null },
        x: { field: 'score', type: 'quantitative', title: L.score, axis: { tickCount: 4 } },
        description: { field: 'text' },
      },
    },
    resolve: { scale: { x: 'independent' } },
  };
}

/** A dumbbell per unit from last year's rank to this year's: green up, red down. Null without a previous year. */
export function changeSpec(m: ReportModel, L: Labels): Spec | null {
  if (m.previousYear === null) return null;
  const rows = ranked(m).filter((r) => r.previousRank !== null);
  if (rows.length === 0) return null;
  const values = rows.map((r) => {
    const c = r.rankChange!;
    return {
      unit: r.unit, rank: r.rank, prev: r.previousRank,
      dir: c > 0 ? L.up : c < 0 ? L.down : L.same,
      text: `${r.unit}: ${r.previousRank} → ${r.rank}`,
    };
  });
  const y = { field: 'unit', type: 'nominal', sort: { field: 'rank', op: 'min' }, title: null };
  const max = maxOf(rows.map((r) => Math.max(r.rank!, r.previousRank!)));
  const x = { type: 'quantitative', title: L.rank, scale: { domain: [1, max], nice: false }, axis: { tickMinStep: 1, format: 'd' } };
  const color = { field: 'dir', type: 'nominal', title: L.movement, scale: { domain: [L.up, L.down, L.same], range: [UP, DOWN, '#888888'] }, legend: { orient: 'top' } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    width: 420,
    height: { step: step(rows.length) },
    data: { values },
    encoding: { y },
    layer: [
      // One accessible name per unit (on the previous rank's point); the line and the current point are drawing only.
      { mark: { type: 'rule', strokeWidth: 2, aria: false }, encoding: { x: { ...x, field: 'prev' }, x2: { field: 'rank' }, color } },
      { mark: { type: 'point', filled: false, size: 40, strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'prev' }, color, description: { field: 'text' } } },
      { mark: { type: 'point', filled: true, size: 50, opacity: 1, aria: false }, encoding: { x: { ...x, field: 'rank' }, color } },
    ],
  };
}

/** A histogram of the scores with the mean marked. */
export function distributionSpec(m: ReportModel, L: Labels): Spec | null {
  const values = ranked(m).map((r) => ({ score: r.score, unit: r.unit }));
  if (values.length === 0) return null;
  const mean = values.reduce((s, v) => s + v.score!, 0) / values.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    width: 420,
    height: 200,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', color: BAR, binSpacing: 1 },
        encoding: {
          x: { field: 'score', type: 'quantitative', bin: { maxbins: 15 }, title: L.score },
          y: { aggregate: 'count', type: 'quantitative', title: L.count, axis: { tickMinStep: 1, format: 'd' } },
        },
      },
      {
        data: { values: [{ mean, text: `${L.mean} ${fmt(mean, m.decimals, m.lang)}` }] },
        mark: { type: 'rule', color: '#d35400', strokeWidth: 2, strokeDash: [4, 3] },
        encoding: { x: { field: 'mean', type: 'quantitative' }, description: { field: 'text' } },
      },
      {
        data: { values: [{ mean, text: `${L.mean} ${fmt(mean, m.decimals, m.lang)}` }] },
        // Above the plot, centred on the line: never over the bars.
        mark: { type: 'text', align: 'center', baseline: 'bottom', y: -4, color: '#d35400', fontSize: 11, aria: false },
        encoding: { x: { field: 'mean', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  };
}

/** d3-format's number locale for Vietnamese, as `localNumber` writes numbers: decimal comma, thousands dot. */
const VI_LOCALE = { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' ₫'] } };

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let libs: Promise<[Vega, VegaLite]> | undefined;

/** Load Vega and Vega-Lite once, on first use (never at start-up). */
function load(): Promise<[Vega, VegaLite]> {
  libs ??= Promise.all([import('vega'), import('vega-lite')]);
  return libs;
}

/**
 * Render a Vega-Lite spec to an SVG string. Vega numbers clip paths and gradients from a
 * process-wide counter; they are renumbered per chart (`prefix`) so the page is the same
 * bytes however many reports the process has made, and ids never clash between charts.
 */
export async function renderSvg(spec: Spec, prefix: string, mapLabel?: string, lang: Lang = 'en', scalable = true): Promise<string> {
  const [vega, vl] = await load();
  const compiled = vl.compile(spec as never).spec;
  // Axis and legend numbers in the reader's decimal mark (0,6 and 1.000 in Vietnamese), never the host's.
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', ...(lang === 'vi' ? { locale: VI_LOCALE as never } : {}) });
  let svg = await view.toSVG();
  view.finalize();
  // Vega names axes, legends and marks for screen readers in English: in Vietnamese on a Vietnamese page.
  if (lang === 'vi') svg = vegaAriaVi(svg);
  return stableIds(svg, prefix, mapLabel, scalable);
}

/** Renumber `id="…"` and their references in order of appearance; make the SVG scale to its container (unless a picture of its own size is wanted). */
export function stableIds(svg: string, prefix: string, label?: string, scalable = true): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((x) => x[1]!);
  const rename = new Map(ids.map((id, i) => [id, `${prefix}-${i}`]));
  let out = svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, lead: string, id: string) => {
    const to = rename.get(id);
    return to === undefined ? all : `${lead}${to}`;
  });
  if (!scalable) return out;
  // Fixed pixel size → scalable (the viewBox keeps the proportions); an accessible name.
  out = out.replace(/^<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"/, (_a, rest: string, w: string, h: string) =>
    `<svg${rest} style="max-width:${w}px" data-width="${w}" data-height="${h}" role="img"${label === undefined ? '' : ` aria-label="${escapeAttr(label)}"`}`);
  return out;
}

/** Make every province shape of a rendered map reachable by Tab, with a tooltip (SVG <title>) from its label. */
export function focusableShapes(svg: string): string {
  return svg.replace(/(<g class="mark-shape role-mark provinces_marks"[^>]*>)([\s\S]*?)(<\/g>)/, (_a, open: string, body: string, close: string) =>
    open + body.replace(/<path aria-label="([^"]*)"([^>]*?)(\/>|><\/path>)/g, (_b, lab: string, attrs: string) =>
      `<path class="province" tabindex="0" aria-label="${lab}"${attrs}><title>${lab}</title></path>`) + close);
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
