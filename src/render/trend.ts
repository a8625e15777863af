/** Rendering `dti trend`: a row per unit, a column per year, the change and a rank chart. */
import type { ChalkInstance } from 'chalk';
import type { UnitKind } from '../core/model.js';
import type { Framework } from '../core/framework.js';
import type { Lang } from '../core/score.js';
import { fixed, formatNumber } from '../core/text.js';
import { type TrendResult, sparkline } from '../core/trend.js';
import { type Column, type Format, escapeMd, renderDelimited, renderMarkdown, renderTable, wrap } from './format.js';
import { labels, methodNote } from './score.js';
import { visible } from '../core/text.js';

export function renderTrend(t: TrendResult, fw: Framework, o: { format: Format; lang: Lang; chalk: ChalkInstance; ascii: boolean; unitKind?: UnitKind; width?: number | undefined }): string {
  const dec = fw.definitions.decimals;
  const lb = labels(o.lang);
  // CSV and TSV keep '.'; people (table, Markdown) read the decimal mark of their language.
  const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : fixed(x, dec));
  const shown = (x: number | null | undefined) => (x === null || x === undefined ? '' : formatNumber(x, dec, o.lang));
  const int = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  const signed = (x: number) => (x > 0 ? `+${x}` : String(x));
  if (o.format === 'json') return JSON.stringify(t, null, 2) + '\n';
  if (o.format === 'csv' || o.format === 'tsv') {
    const cols: Column[] = [
      { header: 'unit', align: 'left', cells: t.units.map((u) => u.unit), text: true },
      { header: 'code', align: 'left', cells: t.units.map((u) => u.code ?? '') },
    ];
    t.years.forEach((y, k) => {
      cols.push({ header: `${y}_score`, align: 'right', cells: t.units.map((u) => num(u.series[k]?.score)) });
      cols.push({ header: `${y}_rank`, align: 'right', cells: t.units.map((u) => int(u.series[k]?.rank)) });
    });
    cols.push({ header: 'score_change', align: 'right', cells: t.units.map((u) => num(u.change?.score)) });
    cols.push({ header: 'rank_change', align: 'right', cells: t.units.map((u) => int(u.change?.rank)) });
    return renderDelimited(cols, o.format === 'csv' ? ',' : '\t');
  }
  const last = t.years.length - 1;
  const md = o.format === 'md';
  const cols: Column[] = [{ header: o.unitKind === 'unit' ? lb.unit : lb.province, align: 'left', cells: t.units.map((u) => u.unit) }];
  t.years.forEach((y, k) => cols.push({
    header: `${y}${t.methodChanges.includes(y) ? '‡' : ''}`, align: 'right',
    // Markdown (reports) gives score and rank; the terminal the rank alone, to fit 80 columns.
    cells: t.units.map((u) => { const p = u.series[k]; return p == null ? '' : md ? `${shown(p.score)} (${int(p.rank)})` : int(p.rank); }),
  }));
  if (!md) cols.push({ header: `${lb.score} ${t.years[last]}`, align: 'right', cells: t.units.map((u) => shown(u.series[last]?.score)) });
  cols.push({
    header: lb.change, align: 'right',
    // Markdown is a file for reports: ▲/▼ always, as `dti score` writes it, whatever the terminal.
    cells: t.units.map((u) => (u.change?.rank == null ? '' : u.change.rank === 0 ? '=' : o.ascii && !md ? signed(u.change.rank) : u.change.rank > 0 ? `▲${u.change.rank}` : `▼${-u.change.rank}`)),
  });
  if (!md && !o.ascii) {
    const worst = Math.max(1, ...t.ranked);
    cols.push({ header: '', align: 'left', style: (x) => o.chalk.cyan(x), cells: t.units.map((u) => sparkline(u.series.map((p) => p?.rank ?? null), worst)) });
  }
  const caption = `${t.framework.name} — ${t.years[0]}–${t.years[last]}`;
  const notes = t.methodChanges.map((y) => methodNote({ year: y, previousYear: t.years[t.years.indexOf(y) - 1] ?? null }, o.lang)).join('\n');
  return md ? `${escapeMd(caption)}\n\n${renderMarkdown(cols)}${notes === '' ? '' : `\n${notes}\n`}`
    : `${o.chalk.bold(wrap(visible(caption), o.width, ' '))}\n${renderTable(cols, o.chalk, o.ascii, o.width === undefined ? undefined : { width: o.width, lang: o.lang })}${notes === '' ? '' : o.chalk.dim(wrap(notes, o.width, ' ')) + '\n'}`;
}
