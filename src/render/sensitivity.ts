/** Rendering `dti sensitivity`: per unit the nominal rank and its interval, a chart, Sobol indices; the runs as CSV. */
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../core/score.js';
import type { SensitivityResult, SensitivityRun, UncertainInput } from '../core/sensitivity/index.js';
import { formatNumber, formatPercent } from '../core/text.js';
import { type Column, type Format, renderDelimited, renderMarkdown, renderTable, shownWidth } from './format.js';
import { msg, render } from '../core/messages.js';
import { wholeRanks } from '../core/sensitivity/whole.js';

const T = {
  vi: {
    title: (runs: number, seed: number) => `Phân tích độ bất định: ${formatNumber(runs, 0, 'vi')} lần chạy, seed ${seed}`,
    inputs: 'Đầu vào bất định', byDefault: `không nêu đầu vào nào: mặc định trọng số ±${formatPercent(25, 0, 'vi')}`,
    weights: (lvl: string, s: string, k: number) => `trọng số ${lvl === '' ? 'các nút đã chọn' : `cấp ${lvl}`} × U(${s}) (${k} nút)`,
    normalisation: 'chuẩn hoá', aggregation: 'tổng hợp', missing: 'giá trị thiếu', leave: (k: number) => `bỏ một chỉ số mỗi lần (${k} chỉ số, hoặc không bỏ)`,
    rank: 'Hạng', unit: 'Đơn vị', median: 'Trung vị', interval: `${formatPercent(5, 0, 'vi')}–${formatPercent(95, 0, 'vi')}`, shift: 'Dịch chuyển TB',
    chart: (n: number) => `1 … ${n}`, legend: `● trung vị, ─ khoảng ${formatPercent(5, 0, 'vi')}–${formatPercent(95, 0, 'vi')}, │ hạng danh nghĩa`,
    sobol: (base: number, total: number, b: number) => `Chỉ số Sobol trên độ dịch chuyển hạng trung bình (N = ${formatNumber(base, 0, 'vi')}, ${formatNumber(total, 0, 'vi')} lần chạy, khoảng tin cậy 95 % bootstrap ${formatNumber(b, 0, 'vi')} lần)`,
    sobolInput: { weights: (lvl: string) => `trọng số ${lvl === '' ? 'các nút đã chọn' : `cấp ${lvl}`}`, normalisation: 'chuẩn hoá', aggregation: 'tổng hợp', missing: 'giá trị thiếu', leave: 'bỏ một chỉ số' } as Record<string, unknown>,
    input: 'Đầu vào', first: 'Bậc nhất', total: 'Toàn phần', noVariance: 'kết quả không thay đổi giữa các lần chạy: không có phương sai để phân tích',
    nothing: (y: string) => `Không có gì để thay đổi: chỉ số${y === '' ? '' : ` năm ${y}`} chỉ gồm một chỉ số, nên trọng số không ảnh hưởng thứ hạng; không chạy lần nào. Thứ hạng là thứ hạng danh nghĩa (dti score).`,
    titleNothing: 'Phân tích độ bất định',
  },
  en: {
    title: (runs: number, seed: number) => `Uncertainty analysis: ${runs} runs, seed ${seed}`,
    inputs: 'Uncertain inputs', byDefault: 'none named: weights ±25% by default',
    weights: (lvl: string, s: string, k: number) => `weights of ${lvl === '' ? 'the nodes named' : `level ${lvl}`} × U(${s}) (${k} nodes)`,
    normalisation: 'normalisation', aggregation: 'aggregation', missing: 'missing values', leave: (k: number) => `one indicator left out per run (${k} indicators, or none)`,
    rank: 'Rank', unit: 'Unit', median: 'Median', interval: '5%–95%', shift: 'Mean shift',
    chart: (n: number) => `1 … ${n}`, legend: '● median, ─ 5%–95% interval, │ nominal rank',
    sobol: (base: number, total: number, b: number) => `Sobol indices on the mean absolute rank shift (N = ${base}, ${total} runs, 95% bootstrap intervals from ${b} resamples)`,
    sobolInput: { weights: (lvl: string) => `${lvl === '' ? 'the named nodes\'' : `level-${lvl}`} weights`, normalisation: 'normalisation', aggregation: 'aggregation', missing: 'missing values', leave: 'one indicator left out' } as Record<string, unknown>,
    input: 'Input', first: 'First order', total: 'Total order', noVariance: 'the output does not vary between runs: no variance to apportion',
    nothing: (y: string) => `Nothing to vary: the index${y === '' ? '' : ` of ${y}`} is a single indicator, so no weight can change a rank; no run was made. The ranks are the nominal ones (dti score).`,
    titleNothing: 'Uncertainty analysis',
  },
} as const;

const CHART = 30;

/** Between two numbers of a pair: '; ' where the comma is the decimal mark (U(0,75; 1,25)). */
const listSep = (lang: Lang) => render(msg('word.listSep'), lang);

/** One line per input, in the language asked. */
export function describeInputs(inputs: readonly UncertainInput[], lang: Lang): string[] {
  const t = T[lang];
  return inputs.map((x) => {
    if (x.id.startsWith('weights')) {
      const s = x.spread ?? 0;
      return t.weights(x.id.includes('@') ? x.id.split('@')[1]! : '', `${formatNumber(1 - s, 2, lang)}${listSep(lang)}${formatNumber(1 + s, 2, lang)}`, x.options.length);
    }
    if (x.id === 'leave-one-out') return t.leave(x.options.length - 1);
    const name = x.id === 'normalisation' ? t.normalisation : x.id === 'aggregation' ? t.aggregation : t.missing;
    return `${name}: ${x.options.join(' | ')}`;
  });
}

/** The interval p5–p95 as a bar over ranks 1…n, the median as ●, the nominal rank as │ where it shows. */
export function intervalBar(p5: number, median: number, p95: number, nominal: number, n: number, ascii: boolean, chart = CHART): string {
  const pos = (r: number) => (n <= 1 ? 0 : Math.round(((r - 1) / (n - 1)) * (chart - 1)));
  const cells = Array.from({ length: chart }, () => ' ');
  for (let i = pos(p5); i <= pos(p95); i++) cells[i] = ascii ? '-' : '─';
  cells[pos(nominal)] = ascii ? '|' : '│';
  cells[pos(median)] = ascii ? 'o' : '●';
  return cells.join('').trimEnd();
}

/** A Sobol input (weights@1, normalisation, leave-one-out) in the reader's words, as the report says it. */
function inputWords(id: string, lang: Lang): string {
  const w = T[lang].sobolInput;
  const m = /^weights(?:@(\d+))?$/.exec(id);
  if (m !== null) return (w.weights as (l: string) => string)(m[1] ?? '');
  const k = id === 'leave-one-out' ? 'leave' : id;
  return typeof w[k] === 'string' ? (w[k] as string) : id;
}

export function renderSensitivity(r: SensitivityResult, o: { format: Format; lang: Lang; chalk: ChalkInstance; ascii: boolean; width?: number | undefined }): string {
  if (o.format === 'json') return JSON.stringify(r, null, 2) + '\n';
  if (o.format === 'csv' || o.format === 'tsv') {
    const us = r.units;
    const plain = (x: number | null) => (x === null ? '' : String(x));
    const cols: Column[] = [
      { header: 'unit', align: 'left', cells: us.map((u) => u.unit), text: true },
      { header: 'code', align: 'left', cells: us.map((u) => u.code ?? '') },
      { header: 'nominal_rank', align: 'right', cells: us.map((u) => plain(u.nominalRank)) },
      { header: 'median_rank', align: 'right', cells: us.map((u) => plain(u.medianRank)) },
      { header: 'p5', align: 'right', cells: us.map((u) => plain(u.p5)) },
      { header: 'p95', align: 'right', cells: us.map((u) => plain(u.p95)) },
      { header: 'mean_abs_shift', align: 'right', cells: us.map((u) => plain(u.meanAbsShift)) },
    ];
    return renderDelimited(cols, o.format === 'csv' ? ',' : '\t');
  }
  const fx = (x: number, d: number) => formatNumber(x, d, o.lang);
  const t = T[o.lang];
  const md = o.format === 'md';
  const table = (cols: Column[]) => (md ? renderMarkdown(cols) : renderTable(cols, o.chalk, o.ascii, o.width === undefined ? undefined : { width: o.width, lang: o.lang }));
  const title = `${r.framework.name}${r.year === null ? '' : ` ${r.year}`} — ${r.nothingToVary === true ? t.titleNothing : t.title(r.runs, r.seed)}`;
  let out = `${md ? `## ${title}` : o.chalk.bold(title)}\n\n`;
  if (r.nothingToVary === true) return `${out}${t.nothing(r.year === null ? '' : String(r.year))}\n`;
  out += `${t.inputs}${r.defaultInputs ? ` (${t.byDefault})` : ''}:\n`;
  for (const line of describeInputs(r.inputs, o.lang)) out += `${md ? '-' : ' ·'} ${line}\n`;
  out += '\n';
  const us = r.units;
  // Whole ranks, as a reader reads them (core's one rule): the table and the chart beside it.
  const whole = us.map(wholeRanks);
  // The chart's last rank: the worst rank shown (with --top, the intervals reach below the units kept).
  const n = Math.max(1, ...us.map((u, i) => Math.max(u.nominalRank ?? 0, whole[i]?.high ?? 0)));
  const cols: Column[] = [
    { header: t.rank, align: 'right', cells: us.map((u) => (u.nominalRank === null ? '' : String(u.nominalRank))) },
    { header: t.unit, align: 'left', cells: us.map((u) => u.unit) },
    { header: t.median, align: 'right', cells: whole.map((w) => (w === null ? '' : String(w.median))) },
    { header: t.interval, align: 'right', cells: whole.map((w) => (w === null ? '' : `${w.low}–${w.high}`)) },
    { header: t.shift, align: 'right', cells: us.map((u) => (u.meanAbsShift === null ? '' : fx(u.meanAbsShift, 2))) },
  ];
  if (!md) {
    // On a terminal the chart takes what the other columns leave (at least 10 characters).
    const used = cols.reduce((a, c) => a + Math.max(shownWidth(c.header), ...c.cells.map(shownWidth)) + 2, 0);
    const chart = o.width === undefined ? CHART : Math.max(10, Math.min(CHART, o.width - used - 1));
    cols.push({
      header: t.chart(n), align: 'left', style: (x) => o.chalk.cyan(x),
      cells: us.map((u, i) => (whole[i] === null ? '' : intervalBar(whole[i]!.low, whole[i]!.median, whole[i]!.high, u.nominalRank!, n, o.ascii, chart))),
    });
  }
  out += table(cols);
  if (!md) out += `${t.legend}\n`;
  if (r.sobol !== undefined) {
    const s = r.sobol;
    const ci = (x: [number, number] | null) => (x === null ? '' : ` [${fx(x[0], 2)}${listSep(o.lang)}${fx(x[1], 2)}]`);
    out += `\n${md ? `### ${t.sobol(s.baseRuns, s.totalRuns, s.bootstrap)}\n\n` : `${o.chalk.bold(t.sobol(s.baseRuns, s.totalRuns, s.bootstrap))}\n`}`;
    if (s.indices.every((x) => x.first === null)) out += `${t.noVariance}\n`;
    else {
      out += table([
        { header: t.input, align: 'left', cells: s.indices.map((x) => inputWords(x.input, o.lang)) },
        { header: t.first, align: 'right', cells: s.indices.map((x) => (x.first === null ? '' : `${fx(x.first, 2)}${ci(x.firstCi)}`)) },
        { header: t.total, align: 'right', cells: s.indices.map((x) => (x.total === null ? '' : `${fx(x.total, 2)}${ci(x.totalCi)}`)) },
      ]);
    }
  }
  return out;
}

/** Every run's parameters and its output, one row per run (--runs-out). */
export function renderRuns(run: SensitivityRun): string {
  const rs = run.records;
  const cols: Column[] = [
    { header: 'run', align: 'right', cells: rs.map((r) => String(r.run)) },
    { header: 'block', align: 'left', cells: rs.map((r) => r.block) },
    ...run.weightIds.map((id, k): Column => ({ header: `weight:${id}`, align: 'right', cells: rs.map((r) => String(r.weights[k])) })),
    { header: 'normalisation', align: 'left', cells: rs.map((r) => r.normalisation) },
    { header: 'aggregation', align: 'left', cells: rs.map((r) => r.aggregation) },
    { header: 'missing', align: 'left', cells: rs.map((r) => r.missing) },
    { header: 'left_out', align: 'left', cells: rs.map((r) => r.leftOut) },
    { header: 'mean_abs_shift', align: 'right', cells: rs.map((r) => String(r.meanAbsShift)) },
  ];
  return renderDelimited(cols, ',');
}
