/**
 * The report's audit section (`dti report --audit`): per group a correlation heat map of its
 * children (Vega-Lite, rendered to SVG with the other charts), the groups' Cronbach's alpha
 * and first principal component, and the flags, from `dti audit`'s result.
 */
import type { AuditFlag, AuditResult } from '../core/audit/index.js';
import type { Lang } from '../core/score.js';
import { esc } from './html.js';
import { formatNumber, formatPercent } from '../core/text.js';
import { msg, render } from '../core/messages.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = Record<string, any>;

const T = {
  vi: {
    section: 'Kiểm định thống kê',
    lead: (method: string) => `Tương quan ${method} giữa các thành phần của mỗi nhóm (dữ liệu đã chuẩn hoá cho chỉ số, điểm đã tổng hợp cho nhóm). Theo các hàm phân tích của COINr 1.1.14.`,
    heat: (g: string) => `Tương quan trong nhóm ${g}`,
    heatCaption: 'Xanh: cùng chiều; đỏ: ngược chiều. Trên 0,9: gần trùng nhau; dưới −0,4: ngược chiều đáng kể.',
    groups: 'Nhóm', group: 'Nhóm', level: 'Cấp', alpha: 'Alpha Cronbach', pca: 'Thành phần chính thứ nhất',
    flags: 'Cảnh báo', noFlags: 'Không có cảnh báo.', code: 'Mã', what: 'Nội dung', a: 'Thành phần', b: 'Thành phần',
    flag: {
      COLLINEAR: 'gần trùng nhau', NEGATIVE_CORRELATION: 'tương quan âm', LOW_AVAILABILITY: 'ít dữ liệu', MANY_ZEROS: 'nhiều giá trị 0',
      FEW_UNIQUE: 'ít giá trị khác nhau', SKEW_KURTOSIS: 'lệch và nhọn (có thể có ngoại lai)', DENOMINATOR_CORRELATION: 'tương quan với mẫu số',
    },
  },
  en: {
    section: 'Statistical audit',
    lead: (method: string) => `${method} correlations between the members of each group (normalised data for indicators, aggregated scores for groups). Following the analysis functions of COINr 1.1.14.`,
    heat: (g: string) => `Correlations within ${g}`,
    heatCaption: 'Blue: together; red: opposite. Above 0.9: nearly duplicate; below −0.4: notably opposite.',
    groups: 'Groups', group: 'Group', level: 'Level', alpha: "Cronbach's alpha", pca: 'First principal component',
    flags: 'Flags', noFlags: 'No flags.', code: 'Flag', what: 'What', a: 'Member', b: 'Member',
    flag: {
      COLLINEAR: 'nearly duplicate', NEGATIVE_CORRELATION: 'negative correlation', LOW_AVAILABILITY: 'few values', MANY_ZEROS: 'many zeros',
      FEW_UNIQUE: 'few distinct values', SKEW_KURTOSIS: 'skewed and heavy-tailed (possible outliers)', DENOMINATOR_CORRELATION: 'correlates with a denominator',
    },
  },
} as const;

export const auditSectionTitle = (lang: Lang): string => T[lang].section;

/** 2 decimals, the language's decimal mark. */
const r2 = (x: number | null, lang: Lang) => (x === null ? '' : formatNumber(x, 2, lang));

/** A share as a percentage with one decimal, the language's mark. */
const pct = (x: number, lang: Lang) => formatPercent(x * 100, 1, lang);

/** The members of each group in order, and the full matrix of their correlations (1 on the diagonal). */
export function heatMaps(a: AuditResult, names: (id: string) => string = (id) => id): { group: string; members: string[]; cells: { a: string; b: string; r: number | null }[] }[] {
  const out = new Map<string, { members: string[]; cells: { a: string; b: string; r: number | null }[] }>();
  for (const x of a.correlations.withinGroups) {
    let g = out.get(x.group);
    if (g === undefined) out.set(x.group, (g = { members: [], cells: [] }));
    for (const m of [x.a, x.b]) if (!g.members.includes(m)) g.members.push(m);
    g.cells.push({ a: x.a, b: x.b, r: x.r }, { a: x.b, b: x.a, r: x.r });
  }
  // Shown by name (the reader's language), as the other commands show indicators.
  return [...out].map(([group, g]) => ({
    group: names(group), members: g.members.map(names),
    cells: [...g.members.map((m) => ({ a: names(m), b: names(m), r: 1 })), ...g.cells.map((c) => ({ ...c, a: names(c.a), b: names(c.b) }))],
  }));
}

/** The heat map of one group as a Vega-Lite specification. */
/** Axis labels are names, some of them long: cut (with …) at this many pixels so the cells keep most of the picture; the cells' own labels carry the full names for screen readers. */
const LABEL_LIMIT = 240;

export function heatSpec(h: ReturnType<typeof heatMaps>[number], lang: Lang, config: Spec): Spec {
  const size = Math.max(200, Math.min(640, 56 * h.members.length));
  const values = h.cells.map((c) => ({ ...c, label: r2(c.r, lang) }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size,
    height: size,
    config,
    data: { values },
    encoding: {
      x: { field: 'a', type: 'nominal', sort: h.members, title: null, axis: { labelAngle: -45, grid: false, labelLimit: LABEL_LIMIT } },
      y: { field: 'b', type: 'nominal', sort: h.members, title: null, axis: { grid: false, labelLimit: LABEL_LIMIT } },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'r', type: 'quantitative', scale: { domain: [-1, 1], scheme: 'redblue' }, title: 'r' },
          tooltip: [{ field: 'a' }, { field: 'b' }, { field: 'label', title: 'r' }],
        },
      },
      ...(h.members.length <= 16 ? [{
        mark: { type: 'text', fontSize: 11 },
        encoding: { text: { field: 'label' }, color: { condition: { test: 'abs(datum.r) > 0.6', value: '#ffffff' }, value: '#1d1d1f' } },
      }] : []),
    ],
  };
}

/** The section's HTML, with the heat maps already rendered to SVG (in the order of `heatMaps`). */
export function auditHtml(a: AuditResult, lang: Lang, svgs: (string | null)[], names: (id: string) => string = (id) => id): string {
  const t = T[lang];
  const maps = heatMaps(a, names);
  const parts: string[] = [`<section id="audit"><h2>${esc(t.section)}</h2>`, `<p class="note">${esc(t.lead(a.correlations.method[0]!.toUpperCase() + a.correlations.method.slice(1)))}</p>`];
  // The 34 after the 2025 merger: the levels audited, and where the others are.
  if (a.merge2025 === true) parts.push(`<p class="note">${esc(render(msg('audit.merged'), lang))}</p>`);
  maps.forEach((h, k) => {
    const svg = svgs[k];
    if (svg === null || svg === undefined) return;
    parts.push(`<h3>${esc(t.heat(h.group))}</h3><figure>${svg}<figcaption>${esc(t.heatCaption)}</figcaption></figure>`);
  });
  parts.push(`<h3>${esc(t.groups)}</h3><div class="plain-wrap"><table class="plain"><thead><tr><th scope="col" class="l">${esc(t.group)}</th><th scope="col">${esc(t.level)}</th><th scope="col">${esc(t.alpha)}</th><th scope="col">${esc(t.pca)}</th></tr></thead><tbody>`
    + a.groups.map((g) => `<tr><th scope="row" class="l">${esc(names(g.id))}</th><td>${g.level}</td><td>${r2(g.cronbachAlpha, lang)}</td><td>${g.pcaFirstShare === null ? '' : `${pct(g.pcaFirstShare, lang)}`}</td></tr>`).join('')
    + '</tbody></table></div>');
  parts.push(`<h3>${esc(t.flags)}</h3>`);
  if (a.flags.length === 0) parts.push(`<p>${esc(t.noFlags)}</p>`);
  else {
    parts.push(`<div class="plain-wrap"><table class="plain"><thead><tr><th scope="col" class="l">${esc(t.code)}</th><th scope="col" class="l">${esc(t.what)}</th><th scope="col" class="l">${esc(t.a)}</th><th scope="col" class="l">${esc(t.b)}</th><th scope="col">r</th></tr></thead><tbody>`
      + a.flags.map((f: AuditFlag) => `<tr><td class="l">${esc(f.code)}</td><td class="l">${esc(t.flag[f.code])}${f.group === null ? '' : ` (${esc(names(f.group))})`}</td><td class="l">${esc(names(f.a))}</td><td class="l">${esc(f.b === null ? '' : names(f.b))}</td><td>${r2(f.r, lang)}</td></tr>`).join('')
      + '</tbody></table></div>');
  }
  parts.push('</section>');
  return parts.join('\n');
}
