/** Rendering `dti explain`: priorities, strengths and weaknesses, the year's change, a rank target, a what-if. */
import type { ChalkInstance } from 'chalk';
import type { ExplainNode, ExplainResult } from '../core/explain/index.js';
import type { Framework } from '../core/framework.js';
import type { Lang } from '../core/score.js';
import { fixed, fixedUp, formatNumber, formatPercent, localNumber, shortNumber } from '../core/text.js';
import { type Column, type Format, renderDelimited, renderMarkdown, renderTable } from './format.js';

const T = {
  vi: {
    score: 'Điểm', rank: 'hạng', of: 'trên', node: 'Chỉ số', value: 'Giá trị', raw: 'Số liệu', points: 'Điểm có', max: 'Tối đa', lost: 'Điểm mất',
    rankCol: 'Hạng', priorities: 'Ưu tiên: nơi mất nhiều điểm nhất', level: (d: number) => (d === 1 ? 'chỉ số chính' : d === 2 ? 'chỉ số thành phần' : `cấp ${d}`),
    strengths: 'Điểm mạnh (xếp hạng tốt nhất)', weaknesses: 'Điểm yếu (xếp hạng kém nhất)',
    noStrength: 'Không có điểm mạnh rõ rệt: không chỉ số nào cao hơn trung vị của các đơn vị.',
    noWeakness: 'Không có điểm yếu rõ rệt: không chỉ số nào thấp hơn trung vị của các đơn vị.', change: (y: number | null) => `So với ${y ?? 'năm trước'}`,
    scoreChange: 'điểm thay đổi', rankChange: 'hạng', contribution: 'Đóng góp', pointsChange: 'Điểm (±)', valueChange: 'Giá trị (±)',
    target: (r: number) => `Mục tiêu: hạng ${r}`, needed: 'điểm cần đạt', gap: 'còn thiếu', reached: 'đã đạt', held: 'các đơn vị khác giữ nguyên kết quả năm nay',
    alone: 'Một chỉ số đơn lẻ cần đạt', valueNeeded: 'Cần đạt', rawNeeded: 'Số liệu cần', unreachable: 'không đủ nếu chỉ riêng chỉ số này',
    plan: (s: string) => `Phương án cân đối: mỗi chỉ số chính thu hẹp ${s} khoảng cách tới mức tối đa`, noPlan: 'Ngay cả khi mọi chỉ số chính đạt tối đa cũng không đạt hạng này',
    from: 'Hiện nay', to: 'Cần đạt', gained: 'Điểm tăng', whatIf: 'Giả định', newScore: 'điểm mới', newRank: 'hạng mới', missing: 'trống',
    points1000: (p: string) => `điểm trên thang ${p}`, unranked: 'không xếp hạng', more: (k: number) => `… và ${k} chỉ số khác`,
    noBreakdown: (y: string, name: string) => `Năm ${y} chỉ công bố chỉ số tổng thể (${name}): không có phân tách theo chỉ số.`,
    methodChanged: (a: string, b: string) => `‡ Phương pháp năm ${b} khác năm ${a}: thay đổi không được tách thành đóng góp của từng chỉ số.`,
  },
  en: {
    score: 'Score', rank: 'rank', of: 'of', node: 'Indicator', value: 'Value', raw: 'Data', points: 'Points', max: 'Max', lost: 'Points lost',
    rankCol: 'Rank', priorities: 'Priorities: where the most points are lost', level: (d: number) => (d === 1 ? 'main indices' : d === 2 ? 'components' : `level ${d}`),
    strengths: 'Strengths (best ranks)', weaknesses: 'Weaknesses (worst ranks)',
    noStrength: 'No clear strength: no indicator is above the median of the units.',
    noWeakness: 'No clear weakness: no indicator is below the median of the units.', change: (y: number | null) => `Since ${y ?? 'the year before'}`,
    scoreChange: 'score change', rankChange: 'rank', contribution: 'Contribution', pointsChange: 'Points (±)', valueChange: 'Value (±)',
    target: (r: number) => `Target: rank ${r}`, needed: 'score needed', gap: 'gap', reached: 'already reached', held: 'other units held at this year\'s results',
    alone: 'One indicator alone would need', valueNeeded: 'Needed', rawNeeded: 'Data needed', unreachable: 'not reachable alone',
    plan: (s: string) => `Balanced plan: every main index closes ${s} of the way to its maximum`, noPlan: 'Even every main index at its maximum does not reach this rank',
    from: 'Now', to: 'Needed', gained: 'Points gained', whatIf: 'What if', newScore: 'new score', newRank: 'new rank', missing: 'missing',
    points1000: (p: string) => `points out of ${p}`, unranked: 'unranked', more: (k: number) => `… and ${k} more`,
    noBreakdown: (y: string, name: string) => `${y} publishes only the overall index (${name}): there is no breakdown by indicator.`,
    methodChanged: (a: string, b: string) => `‡ The method of ${b} differs from ${a}'s: the change is not split into contributions of indicators.`,
  },
} as const;

/** How many rows of a deep level the terminal and Markdown show (JSON and CSV have all). */
const SHOWN = 10;

const signed = (s: string) => (s.startsWith('-') || s.startsWith('−') ? s.replace('-', '−') : `+${s}`);

export function renderExplain(e: ExplainResult, fw: Framework, o: { format: Format; lang: Lang; chalk: ChalkInstance; ascii: boolean; width?: number | undefined }): string {
  if (o.format === 'json') return JSON.stringify(e, null, 2) + '\n';
  const dec = fw.definitions.decimals;
  if (o.format === 'csv' || o.format === 'tsv') return renderCsv(e, dec, o.format === 'csv' ? ',' : '\t');
  // Every number below is for people: the reader's decimal mark (0,8340 in Vietnamese).
  const L = o.lang;
  const fx = (x: number, d: number) => formatNumber(x, d, L);
  const num = (x: number | null | undefined, d = dec) => (x === null || x === undefined ? '' : fx(x, d));
  const t = T[o.lang];
  const md = o.format === 'md';
  const table = (cols: Column[]) => (md ? renderMarkdown(cols) : renderTable(cols, o.chalk, o.ascii, o.width === undefined ? undefined : { width: o.width, lang: o.lang }));
  const head = (s: string) => (md ? `### ${s}\n\n` : `${o.chalk.bold(s)}\n`);
  const pts = (x: number | null | undefined) => num(x, 1);
  const parts: string[] = [];

  const rankText = e.rank === null ? t.unranked : `${t.rank} ${e.rank}/${e.units}`;
  const title = `${e.unit} — ${e.framework.name}${e.year === null ? '' : ` ${e.year}`}`;
  parts.push(`${md ? `## ${title}` : o.chalk.bold(title)}\n${t.score} ${num(e.score)}, ${rankText}`
    + `${e.totalPoints === null || e.score === null ? '' : ` (${pts(e.nodes.filter((n) => n.depth === 1).reduce((s, n) => s + (n.points ?? 0), 0))} ${t.points1000(total(e.totalPoints, L))})`}\n`);

  // A year with no breakdown (one indicator is the index) says so in one line, in place of the tables.
  if (!e.breakdown) parts.push(`${t.noBreakdown(e.year === null ? '' : String(e.year), e.nodes[0]?.label ?? e.framework.name)}\n`);
  // Priorities: per depth, by points lost.
  const depths = [...new Set(e.nodes.map((n) => n.depth))].sort((a, b) => a - b);
  let prio = head(t.priorities);
  for (const d of depths) {
    const all = e.nodes.filter((n) => n.depth === d);
    const rows = d === 1 ? all : all.slice(0, SHOWN);
    const leaves = rows.every((n) => n.kind === 'leaf');
    const cols: Column[] = [
      { header: `${t.node} (${t.level(d)})`, align: 'left', cells: rows.map((n) => (md ? n.label : short(n.label))) },
      // A raw value for people, as score shows it: 10 significant digits (a merged province's mean reads 0,6726, not 0,6726000000000001).
      ...(leaves ? [{ header: t.raw, align: 'right' as const, cells: rows.map((n) => (n.raw === null ? t.missing : n.raw === undefined ? '' : localNumber(shortNumber(n.raw), L))) }] : []),
      { header: t.value, align: 'right', cells: rows.map((n) => num(n.value, 2)) },
      { header: t.rankCol, align: 'right', cells: rows.map((n) => (n.rank === null ? '' : String(n.rank))) },
      { header: t.points, align: 'right', cells: rows.map((n) => pts(n.points)) },
      { header: t.max, align: 'right', cells: rows.map((n) => pts(n.maxPoints)) },
      { header: t.lost, align: 'right', cells: rows.map((n) => pts(n.pointsLost)) },
    ];
    prio += (d === depths[0] ? '' : '\n') + table(cols) + (all.length > rows.length ? `${md ? '\n' : ''}${t.more(all.length - rows.length)}\n` : '');
  }
  if (e.breakdown) parts.push(prio);

  // Strengths are above the median of the units, weaknesses below it: none is said in a line.
  const sw = (title: string, xs: ExplainResult['strengths'], none: string) => (!e.breakdown ? '' : xs.length === 0 ? `${head(title)}${none}\n` : head(title) + table([
    { header: t.node, align: 'left', cells: xs.map((x) => (md ? x.label : short(x.label))) },
    { header: t.value, align: 'right', cells: xs.map((x) => num(x.value, 2)) },
    { header: t.rankCol, align: 'right', cells: xs.map((x) => `${x.rank}/${x.of}`) },
  ]));
  const s1 = sw(t.strengths, e.strengths, t.noStrength);
  const s2 = sw(t.weaknesses, e.weaknesses, t.noWeakness);
  if (s1 !== '') parts.push(s1);
  if (s2 !== '') parts.push(s2);

  if (e.change !== null) {
    const c = e.change;
    const rc = c.rankChange === null ? '' : c.rankChange === 0 ? ', =' : `, ${t.rankChange} ${c.previousRank} → ${e.rank} (${o.ascii || md ? (c.rankChange > 0 ? `+${c.rankChange}` : c.rankChange) : c.rankChange > 0 ? `▲${c.rankChange}` : `▼${-c.rankChange}`})`;
    const rows = c.contributions.filter((x) => x.depth === 1);
    const deeper = c.contributions.filter((x) => x.depth > 1 && x.contribution !== 0)
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).slice(0, SHOWN);
    const cols = (xs: typeof rows): Column[] => [
      { header: t.node, align: 'left', cells: xs.map((x) => (md ? x.label : short(x.label))) },
      { header: t.valueChange, align: 'right', cells: xs.map((x) => (x.valueChange === null ? '' : signed(fx(x.valueChange, 2)))) },
      { header: t.contribution, align: 'right', cells: xs.map((x) => signed(fx(x.contribution, dec))) },
      ...(e.totalPoints === null ? [] : [{ header: t.pointsChange, align: 'right' as const, cells: xs.map((x) => signed(fx(x.pointsChange, 1))) }]),
    ];
    parts.push(head(t.change(c.previousYear)) + `${num(c.previousScore)} → ${num(e.score)} (${t.scoreChange} ${signed(fx(c.scoreChange, dec))})${rc}\n`
      + (c.methodChanged ? `${t.methodChanged(String(c.previousYear), String(e.year))}\n`
        : table(cols(rows)) + (deeper.length > 0 ? '\n' + table(cols(deeper)) : '')));
  }

  if (e.target !== undefined) {
    const g = e.target;
    let s = head(t.target(g.rank));
    if (g.reached) s += `${t.reached}${g.scoreNeeded === null ? '' : ` (${t.needed} ${num(g.scoreNeeded)})`}\n`;
    else {
      s += `${t.needed} ${num(g.scoreNeeded)}, ${t.gap} ${fx(g.gap, dec)}${e.totalPoints === null ? '' : ` (${fx(g.gapPoints, 1)} ${t.points1000(total(e.totalPoints, L))})`}; ${t.held}\n`;
    }
    // With no breakdown the one indicator is the index: its needed value is the score needed.
    if (!g.reached && e.breakdown) {
      const byId = new Map(e.nodes.map((n) => [n.id, n]));
      const first = g.byNode.filter((x) => x.depth === 1);
      const rest = g.byNode.filter((x) => x.depth > 1 && x.reachable)
        .sort((a, b) => (byId.get(b.id)?.pointsLost ?? 0) - (byId.get(a.id)?.pointsLost ?? 0)).slice(0, SHOWN);
      const anyRaw = [...first, ...rest].some((x) => x.rawNeeded !== undefined && byId.get(x.id)?.kind === 'leaf');
      const cols = (xs: typeof first): Column[] => [
        { header: t.node, align: 'left', cells: xs.map((x) => (md ? x.label : short(x.label))) },
        { header: t.value, align: 'right', cells: xs.map((x) => num(x.value, 2)) },
        { header: t.valueNeeded, align: 'right', cells: xs.map((x) => (x.valueNeeded === null ? t.unreachable : up(x.valueNeeded, 4, L))) },
        ...(anyRaw ? [{ header: t.rawNeeded, align: 'right' as const, cells: xs.map((x) => (x.rawNeeded === undefined || x.rawNeeded === null ? '' : rawText(x.rawNeeded, byId.get(x.id), L))) }] : []),
      ];
      s += '\n' + `${t.alone}:\n` + table(cols(first)) + (rest.length > 0 ? '\n' + table(cols(rest)) : '');
      if (g.plan === null) s += `\n${t.noPlan}\n`;
      else {
        s += `\n${t.plan(formatPercent(g.plan.share * 100, 1, L))}:\n` + table([
          { header: t.node, align: 'left', cells: g.plan.steps.map((x) => (md ? x.label : short(x.label))) },
          { header: t.from, align: 'right', cells: g.plan.steps.map((x) => fx(x.from, 4)) },
          { header: t.to, align: 'right', cells: g.plan.steps.map((x) => up(x.to, 4, L)) },
          { header: t.gained, align: 'right', cells: g.plan.steps.map((x) => fx(x.pointsGained, 1)) },
        ]);
      }
    }
    parts.push(s);
  }

  if (e.whatIf !== undefined) {
    const w = e.whatIf;
    const ch = w.changes.map((c) => `${c.id}: ${c.from === null ? t.missing : localNumber(shortNumber(c.from), L)} → ${c.to === null ? t.missing : localNumber(shortNumber(c.to), L)}`).join('; ');
    const rc = w.rankChange === null ? '' : w.rankChange === 0 ? ' (=)' : ` (${w.rankChange > 0 ? `+${w.rankChange}` : w.rankChange})`;
    parts.push(head(t.whatIf) + `${ch}\n${t.newScore} ${num(w.score)}${w.scoreChange === null ? '' : ` (${signed(fx(w.scoreChange, dec))})`}, ${t.newRank} ${w.rank ?? '–'}${rc}\n`);
  }
  return parts.join('\n');
}

/** On a terminal an indicator is named, never by its id; a long name is cut to keep the table readable (Markdown and JSON have it whole). */
const LABEL = 40;
function short(s: string): string {
  const cps = [...s];
  return cps.length <= LABEL ? s : `${cps.slice(0, LABEL - 1).join('').trimEnd()}…`;
}

/** The index's points: 1000, not 1000.0. */
const total = (x: number, lang: Lang) => formatNumber(x, Number.isInteger(x) ? 0 : 1, lang);

/** A needed value shown rounded up, so reaching the printed figure does reach the target. */
function up(x: number, d: number, lang: Lang): string {
  return localNumber(fixedUp(x, d), lang);
}

function rawText(x: number, n: ExplainNode | undefined, lang: Lang): string {
  if (n?.raw !== undefined && Number.isInteger(x)) return formatNumber(x, 0, lang);
  return Math.abs(x) >= 100 ? formatNumber(Math.ceil(x * 100 - 1e-9) / 100, 2, lang) : up(x, 4, lang);
}

/**
 * One row per node. Rounded as score's CSV writes the same figures: a leaf's normalised value at
 * 4 decimals, a group's or the index's value and a contribution to the score's change at the
 * index's decimals (0.0745, not 0.07445999999999994); raw values, points (10 decimals in the
 * core) and needed values as they are.
 */
function renderCsv(e: ExplainResult, dec: number, delim: ',' | '\t'): string {
  const contrib = new Map(e.change?.contributions.map((c) => [c.id, c.contribution]) ?? []);
  const need = new Map(e.target?.byNode.map((x) => [x.id, x]) ?? []);
  const plain = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  const fx = (x: number | null | undefined, d: number) => (x === null || x === undefined ? '' : fixed(x, d));
  const rows = e.nodes;
  const cols: Column[] = [
    { header: 'unit', align: 'left', cells: rows.map(() => e.unit), text: true },
    { header: 'year', align: 'left', cells: rows.map(() => (e.year === null ? '' : String(e.year))) },
    { header: 'id', align: 'left', cells: rows.map((n) => n.id) },
    { header: 'depth', align: 'right', cells: rows.map((n) => String(n.depth)) },
    { header: 'parent', align: 'left', cells: rows.map((n) => n.parent ?? '') },
    { header: 'raw', align: 'right', cells: rows.map((n) => plain(n.raw)) },
    { header: 'value', align: 'right', cells: rows.map((n) => fx(n.value, n.kind === 'leaf' ? 4 : dec)) },
    { header: 'rank', align: 'right', cells: rows.map((n) => plain(n.rank)) },
    { header: 'points', align: 'right', cells: rows.map((n) => plain(n.points)) },
    { header: 'max_points', align: 'right', cells: rows.map((n) => plain(n.maxPoints)) },
    { header: 'points_lost', align: 'right', cells: rows.map((n) => plain(n.pointsLost)) },
    { header: 'contribution', align: 'right', cells: rows.map((n) => fx(contrib.get(n.id), dec)) },
    { header: 'value_needed', align: 'right', cells: rows.map((n) => plain(need.get(n.id)?.valueNeeded)) },
    { header: 'raw_needed', align: 'right', cells: rows.map((n) => plain(need.get(n.id)?.rawNeeded)) },
  ];
  return renderDelimited(cols, delim);
}
