/** Rendering `dti compare`: the named units side by side, year by year. */
import type { ChalkInstance } from 'chalk';
import type { CompareResult, CompareRow } from '../core/compare.js';
import type { Framework } from '../core/framework.js';
import type { Lang } from '../core/score.js';
import { fixed, formatNumber, formatPercent, localNumber, shortNumber } from '../core/text.js';
import { type Column, type Format, escapeMd, renderDelimited, renderMarkdown, renderTable, shownWidth, wrap } from './format.js';

/** The least room a terminal leaves the row names before the cells go compact. */
const NAME_ROOM = 24;
import { visible } from '../core/text.js';
import { msg, render } from '../core/messages.js';

const T = {
  vi: { indicator: 'Chỉ số', year: 'Năm', official: 'Xếp hạng DTI chính thức (công bố)', leader: '★ dẫn đầu hàng', lost: 'điểm mất',
    coverage: 'Dữ liệu', half: 'Dữ liệu: tỷ lệ trọng số các chỉ số có số liệu; đơn vị có dưới một nửa số liệu không được ★ ở điểm, trụ cột hay nhóm.',
    ranks: '(#a · #b/N): hạng trong các đơn vị so sánh · hạng trong cả N đơn vị năm đó', normalised: 'giá trị chuẩn hoá',
    compactIndicator: 'chỉ số: giá trị chuẩn hoá −điểm mất', compactRanks: '#a·b: hạng trong các đơn vị so sánh · hạng trong cả nước (mọi đơn vị năm đó)',
    method: (y: string) => `‡ Phương pháp tính năm ${y} khác năm trước (bộ chỉ số thay đổi): thay đổi thứ hạng so sánh hai cách tính khác nhau.` },
  en: { indicator: 'Indicator', year: 'Year', official: 'Official DTI ranks (published)', leader: '★ leads the row', lost: 'points lost',
    coverage: 'Data', half: 'Data: the weight share of indicators with data; a unit with under half the data gets no ★ on a score, pillar or group.',
    ranks: '(#a · #b/N): rank among the compared units · rank among all N units that year', normalised: 'normalised value',
    compactIndicator: 'indicators: normalised value −points lost', compactRanks: '#a·b: rank among the compared units · rank among all units that year',
    method: (y: string) => `‡ The method of ${y} differs from the year before (the index changed): rank changes compare ranks computed two different ways.` },
} as const;

export function renderCompare(c: CompareResult, fw: Framework, o: { format: Format; lang: Lang; chalk: ChalkInstance; width?: number | undefined }): string {
  const fit = o.width === undefined ? undefined : { width: o.width, lang: o.lang };
  const dec = fw.definitions.decimals;
  // For people (table, Markdown): the decimal mark of their language; CSV and TSV write the values as they are.
  const num = (x: number | null | undefined, d = dec) => (x === null || x === undefined ? '–' : formatNumber(x, d, o.lang));
  const raw = (x: number | null | undefined) => (x === null || x === undefined ? '–' : localNumber(shortNumber(x), o.lang));
  if (o.format === 'json') return JSON.stringify(c, null, 2) + '\n';
  if (o.format === 'csv' || o.format === 'tsv') {
    // Rounded as score's CSV writes the same figures (0.5049, not 0.5049000000000001): scores,
    // pillars and groups at the index's decimals, normalised values at 4; raw values exact.
    const fx = (x: number | null | undefined, d: number) => (x == null ? '' : fixed(x, d));
    const lines: string[][] = [];
    for (const r of c.rows) {
      c.units.forEach((u, k) => lines.push([
        r.year === null ? '' : String(r.year), r.section, r.id, u.unit, u.code ?? '',
        r.section === 'indicator' ? (r.values[k] == null ? '' : String(r.values[k])) : fx(r.values[k], dec), r.ranks?.[k] == null ? '' : String(r.ranks[k]),
        r.nationalRanks?.[k] == null ? '' : String(r.nationalRanks[k]),
        fx(r.normalized?.[k], 4), r.pointsLost?.[k] == null ? '' : String(r.pointsLost[k]),
        r.leaders.includes(k) ? '1' : '0',
      ]));
    }
    const head = ['year', 'section', 'id', 'unit', 'code', 'value', 'rank', 'national_rank', 'normalized', 'points_lost', 'leader'];
    const cols: Column[] = head.map((h, i) => ({ header: h, align: 'left', cells: lines.map((l) => l[i]!), ...(h === 'unit' ? { text: true } : {}) }));
    return renderDelimited(cols, o.format === 'csv' ? ',' : '\t');
  }
  const t = T[o.lang];
  const md = o.format === 'md';
  // The rank among all units only when there are more of them than the compared ones.
  const wide = (r: CompareRow) => r.ranked !== undefined && r.ranked > c.units.length;
  const star = (r: CompareRow, k: number, s: string) => (r.leaders.includes(k) && r.leaders.length < c.units.length ? `${s} ★` : s);
  const cell = (r: CompareRow, k: number): string => {
    switch (r.section) {
      case 'score':
      case 'pillar':
        return star(r, k, r.values[k] == null ? '–' : `${num(r.values[k])} (#${r.ranks?.[k] ?? '–'}${wide(r) ? ` · #${r.nationalRanks?.[k] ?? '–'}/${r.ranked}` : ''})`);
      case 'group':
        return star(r, k, num(r.values[k]));
      case 'indicator': {
        const lost = r.pointsLost?.[k];
        return star(r, k, `${raw(r.values[k])} → ${num(r.normalized?.[k], 2)}${lost == null || lost === 0 ? '' : ` (−${num(lost, 1)})`}`);
      }
    }
  };
  // A compact cell, when the units side by side would not fit the terminal with the full one:
  // score and pillars as `0.5049 #3·52` (rank among the compared · among all), an indicator as
  // its normalised value and the points it lost.
  const compactCell = (r: CompareRow, k: number): string => {
    switch (r.section) {
      case 'score':
      case 'pillar':
        return star(r, k, r.values[k] == null ? '–' : `${num(r.values[k])} #${r.ranks?.[k] ?? '–'}${wide(r) ? `·${r.nationalRanks?.[k] ?? '–'}` : ''}`);
      case 'group':
        return star(r, k, num(r.values[k]));
      case 'indicator': {
        const lost = r.pointsLost?.[k];
        return star(r, k, `${num(r.normalized?.[k], 2)}${lost == null || lost === 0 ? '' : ` −${num(lost, 1)}`}`);
      }
    }
  };
  // Indicators by their names, never ids (the terminal shortens them with …).
  const label = (r: CompareRow) => {
    const indent = r.section === 'indicator' ? '    ' : r.section === 'group' ? '  ' : '';
    return md ? (r.section === 'score' ? `**${escapeMd(r.label)}**` : escapeMd(r.label)) : `${indent}${r.label}`;
  };
  const years = c.years.map((y) => ({ y, rows: c.rows.filter((r) => r.year === y) }));
  const widest = (cells: readonly string[], head: string) => Math.max(shownWidth(head), ...cells.map(shownWidth));
  // Compact when the full cells leave the names fewer than NAME_ROOM columns.
  const compact = !md && o.width !== undefined && years.some(({ rows }) =>
    c.units.reduce((s, u, k) => s + widest(rows.map((r) => cell(r, k)), u.unit) + 2, NAME_ROOM) > o.width!);
  let out = `${md ? `## ${escapeMd(c.framework.name)}` : wrap(visible(c.framework.name), o.width, ' ')}\n`;
  const pct = (x: number | null | undefined) => (x == null ? '–' : formatPercent(Math.round(x * 100), 0, o.lang));
  const partial = c.rows.some((r) => r.coverage?.some((x) => x !== null && x < 1) === true);
  for (const { y, rows } of years) {
    // Each unit's coverage under the score, when some unit lacks data (the proxy components).
    const shown = rows.flatMap((r) => (r.section === 'score' && r.coverage?.some((x) => x !== null && x < 1) === true ? [r, null] : [r]));
    const cols: Column[] = [
      { header: y === null ? t.indicator : `${y}${c.methodChanges.includes(y) ? '‡' : ''}`, align: 'left', cells: shown.map((r) => (r !== null ? label(r) : t.coverage)), markdown: md },
      ...c.units.map((u, k): Column => ({
        header: u.unit, align: 'right',
        cells: shown.map((r, i) => (r === null ? pct(shown[i - 1]!.coverage?.[k]) : compact ? compactCell(r, k) : cell(r, k))),
      })),
    ];
    out += '\n' + (md ? renderMarkdown(cols) : renderTable(cols, o.chalk, false, fit));
  }
  if (c.official.length > 0) {
    const years = [...new Set(c.official.map((x) => `${x.year}|${x.universe}`))];
    const cols: Column[] = [
      { header: t.official, align: 'left', cells: years.map((y) => { const [yr, uni] = y.split('|'); const u = uni!.split(' (')[0]!; const n = /^(\d+) provinces$/.exec(u)?.[1]; return `${yr} (${n === undefined ? u : render(msg('compare.provinces', { n }), o.lang)})`; }) },
      ...c.units.map((u): Column => ({
        header: u.unit, align: 'right',
        cells: years.map((y) => {
          const x = c.official.find((e) => `${e.year}|${e.universe}` === y && e.unit === u.unit);
          return x === undefined ? '–' : `${x.rank === null ? '' : `#${x.rank}`}${x.score === null ? '' : ` (${num(x.score, 4)})`}`;
        }),
      })),
    ];
    out += '\n' + (md ? renderMarkdown(cols) : renderTable(cols, o.chalk, false, fit));
  }
  out += `\n${wrap(compact ? `${t.leader}; ${t.compactIndicator}` : `${t.leader}; "→" ${t.normalised}; (−x) ${t.lost}`, md ? undefined : o.width, '; ')}\n`;
  if (partial) out += `${wrap(t.half, md ? undefined : o.width, ' ')}\n`;
  if (c.rows.some(wide)) out += `${wrap(compact ? t.compactRanks : t.ranks, md ? undefined : o.width, ' ')}\n`;
  for (const y of c.methodChanges) out += `${wrap(t.method(String(y)), md ? undefined : o.width, ' ')}\n`;
  return out;
}
