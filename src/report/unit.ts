/**
 * The report's unit profile (`--unit`): from `dti explain` (priorities, strengths and
 * weaknesses, the change since last year by contribution, a rank target) and, with
 * `--sensitivity`, the rank intervals from `dti sensitivity`. Pure: specs and HTML strings.
 */
import type { ExplainResult } from '../core/explain/index.js';
import type { Lang } from '../core/score.js';
import { fixedUp, formatNumber, formatPercent, localNumber } from '../core/text.js';
import { esc } from './html.js';

/** Rank intervals of every unit under the sensitivity runs (what the section shows of `dti sensitivity`). */
export interface RankInterval {
  unit: string;
  rank: number | null;
  median: number;
  low: number;
  high: number;
}

export interface UnitSensitivity {
  runs: number;
  /** The interval's coverage, e.g. 0.9 for the 5th–95th percentile. */
  level: number;
  units: RankInterval[];
  /** What varied, in words. */
  varied: string[];
}

const T = {
  vi: {
    title: (u: string) => `Hồ sơ: ${u}`,
    summary: (score: string, rank: string, pts: string) => `Điểm ${score}, ${rank}${pts}`,
    rank: (r: number, n: number) => `hạng ${r}/${n}`,
    unranked: 'không xếp hạng',
    pointsOf: (p: string, t: string) => ` (${p} điểm trên thang ${t})`,
    priorities: 'Ưu tiên: chỉ số chính mất nhiều điểm nhất',
    prioritiesCaption: 'Điểm đạt (xanh) và điểm mất (cam) ở từng chỉ số chính, theo thang điểm của bộ chỉ số.',
    earned: 'Điểm đạt', lost: 'Điểm mất', points: 'Điểm',
    topLeaves: 'Các chỉ số thành phần mất nhiều điểm nhất',
    node: 'Chỉ số', value: 'Giá trị', raw: 'Số liệu', rankCol: 'Hạng', max: 'Tối đa',
    strengths: 'Điểm mạnh (xếp hạng tốt nhất)', weaknesses: 'Điểm yếu (xếp hạng kém nhất)',
    noStrength: 'Không có điểm mạnh rõ rệt: không chỉ số nào cao hơn trung vị của các đơn vị.',
    noWeakness: 'Không có điểm yếu rõ rệt: không chỉ số nào thấp hơn trung vị của các đơn vị.',
    change: (y: number | null) => `Thay đổi so với năm ${y ?? 'trước'}`,
    changeText: (from: string, to: string, d: string, r: string) => `Điểm từ ${from} lên ${to} (${d}); ${r}.`,
    changeTextDown: (from: string, to: string, d: string, r: string) => `Điểm từ ${from} xuống ${to} (${d}); ${r}.`,
    rankMove: (a: number | null, b: number | null) => (a === null || b === null ? 'không so được thứ hạng' : a === b ? `giữ hạng ${b}` : `hạng từ ${a} ${b < a ? 'lên' : 'xuống'} ${b}`),
    changeCaption: 'Đóng góp của từng chỉ số chính vào thay đổi điểm (điểm theo thang của bộ chỉ số); xanh: tăng, đỏ: giảm.',
    noChange: 'Không có dữ liệu năm trước của đơn vị này.',
    contribution: 'Đóng góp',
    target: (r: number) => `Mục tiêu: hạng ${r}`,
    targetReached: (r: number) => `Đã đạt hạng ${r}.`,
    targetGap: (need: string, gap: string, pts: string) => `Cần ${need} điểm, còn thiếu ${gap}${pts} (các đơn vị khác giữ nguyên kết quả năm nay).`,
    gapPoints: (p: string) => ` (${p} điểm theo thang)`,
    plan: (s: string) => `Phương án cân đối: mỗi chỉ số chính thu hẹp ${s} khoảng cách tới mức tối đa.`,
    noPlan: 'Ngay cả khi mọi chỉ số chính đạt tối đa cũng không đạt hạng này.',
    now: 'Hiện nay', to: 'Cần đạt', gained: 'Điểm tăng',
    alone: 'Nếu chỉ cải thiện một chỉ số chính',
    unreachable: 'không đủ nếu chỉ riêng chỉ số này',
    sensitivity: 'Độ nhạy của thứ hạng',
    sensText: (u: string, lo: string, hi: string, med: string, lvl: string, runs: string) =>
      `Qua ${runs} lần tính lại với các lựa chọn phương pháp khác nhau, ${u} xếp hạng ${lo}–${hi} (khoảng ${lvl}), trung vị ${med}.`,
    sensCaption: (lvl: string) => `Khoảng hạng ${lvl} của mỗi đơn vị (vạch) và trung vị (chấm); đơn vị đang xem tô cam.`,
    varied: 'Các lựa chọn thay đổi',
    intervalRank: 'Hạng',
    median: 'trung vị',
    noBreakdown: (y: string, name: string) => `Năm ${y} chỉ công bố chỉ số tổng thể (${name}): không có phân tách theo chỉ số, nên không có ưu tiên, điểm mạnh hay điểm yếu.`,
    methodChanged: (a: string, b: string) => `Phương pháp năm ${b} khác năm ${a}: thay đổi không được tách thành đóng góp của từng chỉ số.`,
    sensNothing: 'Không có gì để thay đổi: chỉ số năm nay chỉ gồm một chỉ số, nên không trọng số nào làm thay đổi thứ hạng.',
  },
  en: {
    title: (u: string) => `Profile: ${u}`,
    summary: (score: string, rank: string, pts: string) => `Score ${score}, ${rank}${pts}`,
    rank: (r: number, n: number) => `rank ${r} of ${n}`,
    unranked: 'unranked',
    pointsOf: (p: string, t: string) => ` (${p} points out of ${t})`,
    priorities: 'Priorities: main indices losing the most points',
    prioritiesCaption: 'Points earned (blue) and lost (orange) on each main index, on the framework’s scale of points.',
    earned: 'Points earned', lost: 'Points lost', points: 'Points',
    topLeaves: 'Components losing the most points',
    node: 'Indicator', value: 'Value', raw: 'Data', rankCol: 'Rank', max: 'Max',
    strengths: 'Strengths (best ranks)', weaknesses: 'Weaknesses (worst ranks)',
    noStrength: 'No clear strength: no indicator is above the median of the units.',
    noWeakness: 'No clear weakness: no indicator is below the median of the units.',
    change: (y: number | null) => `Change since ${y ?? 'the year before'}`,
    changeText: (from: string, to: string, d: string, r: string) => `Score up from ${from} to ${to} (${d}); ${r}.`,
    changeTextDown: (from: string, to: string, d: string, r: string) => `Score down from ${from} to ${to} (${d}); ${r}.`,
    rankMove: (a: number | null, b: number | null) => (a === null || b === null ? 'ranks not comparable' : a === b ? `rank ${b} kept` : `rank ${b < a ? 'up' : 'down'} from ${a} to ${b}`),
    changeCaption: 'Each main index’s contribution to the change of score (points on the framework’s scale); green: up, red: down.',
    noChange: 'No previous year for this unit in the data.',
    contribution: 'Contribution',
    target: (r: number) => `Target: rank ${r}`,
    targetReached: (r: number) => `Rank ${r} is already reached.`,
    targetGap: (need: string, gap: string, pts: string) => `A score of ${need} is needed, ${gap} more${pts} (other units held at this year’s results).`,
    gapPoints: (p: string) => ` (${p} points)`,
    plan: (s: string) => `Balanced plan: every main index closes ${s} of the way to its maximum.`,
    noPlan: 'Even every main index at its maximum does not reach this rank.',
    now: 'Now', to: 'Needed', gained: 'Points gained',
    alone: 'Improving one main index alone',
    unreachable: 'not reachable alone',
    sensitivity: 'How sure is the rank',
    sensText: (u: string, lo: string, hi: string, med: string, lvl: string, runs: string) =>
      `Over ${runs} re-computations with other method choices, ${u} ranks ${lo}–${hi} (${lvl} interval), median ${med}.`,
    sensCaption: (lvl: string) => `Each unit’s ${lvl} rank interval (line) and median (dot); the unit shown in orange.`,
    varied: 'Choices varied',
    intervalRank: 'Rank',
    median: 'median',
    noBreakdown: (y: string, name: string) => `${y} publishes only the overall index (${name}): there is no breakdown by indicator, so no priorities, strengths or weaknesses.`,
    methodChanged: (a: string, b: string) => `The method of ${b} differs from ${a}'s: the change is not split into contributions of indicators.`,
    sensNothing: 'Nothing to vary: this year\'s index is a single indicator, so no weight can change a rank.',
  },
};

const EARNED = '#2c6e9e';
const LOST = '#e08a2c';
const UP = '#1a8a4a';
const DOWN = '#c0392b';
const HIGHLIGHT = '#e67e22';

type Spec = Record<string, unknown>;

/** How many components the priorities table lists. */
const LEAVES_SHOWN = 10;

export interface UnitCharts { priorities: Spec | null; change: Spec | null; sensitivity: Spec | null }

/** The section's charts as Vega-Lite specs (null when there is nothing to draw). */
export function unitSpecs(e: ExplainResult, lang: Lang, config: Spec, sens?: UnitSensitivity): UnitCharts {
  const t = T[lang];
  const main = e.nodes.filter((n) => n.depth === 1 && n.points !== null && n.pointsLost !== null);
  const priorities = e.totalPoints === null || main.length === 0 || !e.breakdown ? null : {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config,
    width: 380,
    height: { step: 22 },
    data: { values: main.flatMap((n, i) => [
      { node: n.label, order: i, kind: t.earned, k: 0, points: Math.max(0, n.points!), text: `${n.label} · ${t.earned}: ${formatNumber(Math.max(0, n.points!), 1, lang)}` },
      { node: n.label, order: i, kind: t.lost, k: 1, points: n.pointsLost!, text: `${n.label} · ${t.lost}: ${formatNumber(n.pointsLost!, 1, lang)}` },
    ]) },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'node', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null, axis: { labelLimit: 170 } },
      x: { field: 'points', type: 'quantitative', stack: 'zero', title: t.points },
      color: { field: 'kind', type: 'nominal', title: null, scale: { domain: [t.earned, t.lost], range: [EARNED, LOST] }, legend: { orient: 'top' } },
      order: { field: 'k', type: 'quantitative' },
      description: { field: 'text' },
    },
  };
  const contribs = e.change?.contributions.filter((c) => c.depth === 1) ?? [];
  const change = e.change === null || contribs.length === 0 ? null : {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config,
    width: 380,
    height: { step: 22 },
    data: { values: [...contribs].sort((a, b) => b.pointsChange - a.pointsChange).map((c, i) => ({
      node: c.label, order: i, points: Number(c.pointsChange.toFixed(6)), up: c.pointsChange >= 0 ? 1 : 0,
      text: `${c.label} · ${t.contribution}: ${c.pointsChange >= 0 ? '+' : ''}${formatNumber(c.pointsChange, 1, lang)}`,
    })) },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'node', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null, axis: { labelLimit: 170 } },
      x: { field: 'points', type: 'quantitative', title: t.contribution },
      color: { field: 'up', type: 'nominal', scale: { domain: [1, 0], range: [UP, DOWN] }, legend: null },
      description: { field: 'text' },
    },
  };
  let sensitivity: Spec | null = null;
  if (sens !== undefined && sens.units.length > 0) {
    const values = sens.units.map((u, i) => ({ unit: u.unit, order: u.rank ?? 1e9 + i, low: u.low, high: u.high, median: u.median, me: u.unit === e.unit ? 1 : 0,
      text: `${u.unit}: ${t.intervalRank.toLowerCase()} ${localNumber(String(u.low), lang)}–${localNumber(String(u.high), lang)}, ${t.median} ${localNumber(String(u.median), lang)}` }));
    const y = { field: 'unit', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null };
    const color = { field: 'me', type: 'nominal', scale: { domain: [0, 1], range: ['#7f8c8d', HIGHLIGHT] }, legend: null };
    sensitivity = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      config,
      width: 380,
      height: { step: values.length > 40 ? 12 : 18 },
      data: { values },
      encoding: { y },
      layer: [
        { mark: { type: 'rule', strokeWidth: 3 }, encoding: { x: { field: 'low', type: 'quantitative', title: t.intervalRank, scale: { domainMin: 1 } }, x2: { field: 'high' }, color, description: { field: 'text' } } },
        { mark: { type: 'point', filled: true, size: 40, opacity: 1, aria: false }, encoding: { x: { field: 'median', type: 'quantitative' }, color } },
      ],
    };
  }
  return { priorities, change, sensitivity };
}

/** The section's HTML around the rendered charts. */
export function unitHtml(e: ExplainResult, lang: Lang, decimals: number, svgs: { priorities: string | null; change: string | null; sensitivity: string | null },
  sens?: UnitSensitivity): string {
  const t = T[lang];
  const num = (x: number | null | undefined, d = decimals) => (x === null || x === undefined ? '–' : formatNumber(x, d, lang));
  const pts = (x: number | null | undefined) => num(x, 1);
  // A value needed for the target is rounded up, as `dti explain` prints it: aiming at the printed figure is enough.
  const need = (x: number | null | undefined, d = decimals) => (x === null || x === undefined ? '–' : localNumber(fixedUp(x, d), lang));
  const signed = (s: string) => (s.startsWith('-') || s.startsWith('−') ? `−${s.slice(1)}` : `+${s}`);
  const main = e.nodes.filter((n) => n.depth === 1);
  const earned = main.reduce((s, n) => s + (n.points ?? 0), 0);
  const parts: string[] = [];
  const rank = e.rank === null ? t.unranked : t.rank(e.rank, e.units);
  const ptsText = e.totalPoints === null || e.score === null ? '' : t.pointsOf(pts(earned), localNumber(String(Number(e.totalPoints.toFixed(1))), lang));
  parts.push(`<section id="unit"><h2>${esc(t.title(e.unit))}${e.year === null ? '' : ` (${e.year})`}</h2>`);
  parts.push(`<p class="lead">${esc(t.summary(num(e.score), rank, ptsText))}</p>`);

  // A year with no breakdown (DTI 2024): one line in place of priorities, strengths and weaknesses.
  if (!e.breakdown) parts.push(`<p>${esc(t.noBreakdown(e.year === null ? '' : String(e.year), e.nodes[0]?.label ?? ''))}</p>`);
  // Priorities.
  if (svgs.priorities !== null) parts.push(`<h3>${esc(t.priorities)}</h3>`, `<figure>${svgs.priorities}<figcaption>${esc(t.prioritiesCaption)}</figcaption></figure>`);
  const leaves = e.nodes.filter((n) => n.kind === 'leaf' && n.depth > 1 && (n.pointsLost ?? 0) > 0).slice(0, LEAVES_SHOWN);
  const rows = !e.breakdown ? [] : (main.length > 0 && svgs.priorities === null ? main : leaves);
  if (rows.length > 0) {
    parts.push(`<h3>${esc(svgs.priorities === null ? t.priorities : t.topLeaves)}</h3>`);
    // Points only where the framework's scale has a maximum.
    const withPoints = e.totalPoints !== null;
    parts.push(`<div class="plain-wrap"><table class="plain"><thead><tr><th scope="col" class="l">${esc(t.node)}</th><th scope="col">${esc(t.raw)}</th><th scope="col">${esc(t.value)}</th><th scope="col">${esc(t.rankCol)}</th>${withPoints ? `<th scope="col">${esc(t.lost)}</th><th scope="col">${esc(t.max)}</th>` : ''}</tr></thead><tbody>`
      + rows.map((n) => `<tr><th scope="row" class="l">${esc(n.label)}</th><td>${n.raw === undefined ? '' : num(n.raw, 2)}</td><td>${num(n.value)}</td><td>${n.rank ?? '–'}</td>${withPoints ? `<td>${pts(n.pointsLost)}</td><td>${pts(n.maxPoints)}</td>` : ''}</tr>`).join('')
      + '</tbody></table></div>');
  }

  // Strengths and weaknesses.
  const list = (xs: ExplainResult['strengths'], none: string) => (xs.length === 0 ? `<p>${esc(none)}</p>`
    : `<ol>${xs.map((x) => `<li>${esc(x.label)}: ${esc(t.rank(x.rank, x.of))}</li>`).join('')}</ol>`);
  if (e.breakdown) parts.push(`<div class="cards"><div class="card"><h3>${esc(t.strengths)}</h3>${list(e.strengths, t.noStrength)}</div><div class="card"><h3>${esc(t.weaknesses)}</h3>${list(e.weaknesses, t.noWeakness)}</div></div>`);

  // Change since last year.
  parts.push(`<h3>${esc(t.change(e.change?.previousYear ?? null))}</h3>`);
  if (e.change === null || e.score === null) {
    parts.push(`<p class="note">${esc(t.noChange)}</p>`);
  } else {
    const c = e.change;
    const text = (c.scoreChange >= 0 ? t.changeText : t.changeTextDown)(num(c.previousScore), num(e.score), signed(num(c.scoreChange)), t.rankMove(c.previousRank, e.rank));
    parts.push(`<p>${esc(text)}</p>`);
    if (c.methodChanged) parts.push(`<p class="note">${esc(t.methodChanged(String(c.previousYear), String(e.year)))}</p>`);
    if (svgs.change !== null) parts.push(`<figure>${svgs.change}<figcaption>${esc(t.changeCaption)}</figcaption></figure>`);
  }

  // Target rank.
  if (e.target !== undefined) {
    const g = e.target;
    parts.push(`<h3>${esc(t.target(g.rank))}</h3>`);
    if (g.reached) {
      parts.push(`<p>${esc(t.targetReached(g.rank))}</p>`);
    } else {
      parts.push(`<p>${esc(t.targetGap(need(g.scoreNeeded), need(g.gap), e.totalPoints === null ? '' : t.gapPoints(need(g.gapPoints, 1))))}</p>`);
      // No plan: out of reach even at every maximum, or a scale with no maximum (nothing to say);
      // with no breakdown the one indicator is the index (the score needed says it all).
      if (!e.breakdown) { /* nothing more */ } else if (g.plan === null) {
        if (e.totalPoints !== null) parts.push(`<p>${esc(t.noPlan)}</p>`);
      } else {
        parts.push(`<p>${esc(t.plan(formatPercent(g.plan.share * 100, 1, lang)))}</p>`);
        parts.push(`<div class="plain-wrap"><table class="plain"><thead><tr><th scope="col" class="l">${esc(t.node)}</th><th scope="col">${esc(t.now)}</th><th scope="col">${esc(t.to)}</th><th scope="col">${esc(t.gained)}</th></tr></thead><tbody>`
          + g.plan.steps.map((s) => `<tr><th scope="row" class="l">${esc(s.label)}</th><td>${num(s.from)}</td><td>${need(s.to)}</td><td>${pts(s.pointsGained)}</td></tr>`).join('')
          + '</tbody></table></div>');
      }
      const alone = e.breakdown ? g.byNode.filter((n) => n.depth === 1) : [];
      if (alone.length > 0) {
        parts.push(`<p>${esc(t.alone)}:</p><ul>${alone.map((n) => `<li>${esc(n.label)}: ${n.reachable && n.valueNeeded !== null
          ? `${num(n.value)} → ${need(n.valueNeeded)}` : esc(t.unreachable)}</li>`).join('')}</ul>`);
      }
    }
  }

  // Sensitivity.
  if (sens !== undefined) {
    const me = sens.units.find((u) => u.unit === e.unit);
    const lvl = formatPercent(sens.level * 100, 0, lang);
    parts.push(`<h3>${esc(t.sensitivity)}</h3>`);
    if (sens.units.length === 0) parts.push(`<p>${esc(t.sensNothing)}</p>`);
    if (me !== undefined) parts.push(`<p>${esc(t.sensText(e.unit, localNumber(String(me.low), lang), localNumber(String(me.high), lang), localNumber(String(me.median), lang), lvl, formatNumber(sens.runs, 0, lang)))}</p>`);
    if (sens.varied.length > 0) parts.push(`<p class="note">${esc(t.varied)}: ${sens.varied.map(esc).join('; ')}</p>`);
    if (svgs.sensitivity !== null) parts.push(`<figure>${svgs.sensitivity}<figcaption>${esc(t.sensCaption(lvl))}</figcaption></figure>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}
