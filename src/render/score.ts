/**
 * Rendering a `dti-result/v1` ranking in every output format.
 */
import type { ChalkInstance } from 'chalk';
import type { UnitKind } from '../core/data.js';
import type { Framework } from '../core/framework.js';
import type { Lang, RankedUnit, ScoreResult } from '../core/score.js';
import { fixed } from '../core/text.js';
import { type Column, type Format, renderDelimited, renderMarkdown, renderTable } from './format.js';

export type Detail = 'pillars' | 'groups' | 'indicators';

export interface RenderOptions {
  format: Format;
  detail: Detail;
  lang: Lang;
  unitKind: UnitKind;
  chalk: ChalkInstance;
  /** Use +3/-2 instead of ▲3/▼2 (a terminal that cannot show them). */
  ascii: boolean;
  /** Keep units ranked ≤ top (ties kept whole). */
  top?: number;
}

const L = {
  vi: { rank: 'Hạng', change: '±', province: 'Tỉnh', unit: 'Đơn vị', score: 'Điểm', coverage: 'Dữ liệu', new: 'mới', code: 'Mã', year: 'Năm', vs: 'so với', dropped: 'Không còn trong dữ liệu năm nay' },
  en: { rank: 'Rank', change: '±', province: 'Province', unit: 'Unit', score: 'Score', coverage: 'Data', new: 'new', code: 'Code', year: 'Year', vs: 'vs', dropped: 'No longer in this year\'s data' },
} as const;

export function labels(lang: Lang) {
  return L[lang];
}

/** ▲3, ▼2, =, or new (blank when there is no previous year at all). */
export function changeMark(r: { rankChange: number | null; previousRank: number | null; rank: number | null }, hasPrev: boolean, lang: Lang, ascii: boolean): string {
  if (!hasPrev || r.rank === null) return '';
  if (r.previousRank === null) return L[lang].new;
  const c = r.rankChange!;
  if (c === 0) return '=';
  return ascii ? (c > 0 ? `+${c}` : `${c}`) : c > 0 ? `▲${c}` : `▼${-c}`;
}

const num = (x: number | null, d: number) => (x === null ? '' : fixed(x, d));
const int = (x: number | null) => (x === null ? '' : String(x));

function selected(result: ScoreResult, top: number | undefined): RankedUnit[] {
  return top === undefined ? result.rankings : result.rankings.filter((r) => r.rank !== null && r.rank <= top);
}

/** The columns of a ranking; `machine` (CSV/TSV) uses ids as headers and plain numbers. */
function columns(result: ScoreResult, fw: Framework, o: RenderOptions, machine: boolean): Column[] {
  const d = fw.definitions;
  const lb = L[o.lang];
  const rows = selected(result, o.top);
  const hasPrev = result.previousYear !== null;
  const dec = d.decimals;
  const cols: Column[] = [];
  const col = (header: string, align: 'left' | 'right', f: (r: RankedUnit) => string, text = false) =>
    cols.push({ header, align, cells: rows.map(f), ...(text ? { text } : {}) });
  if (machine) {
    col('rank', 'right', (r) => int(r.rank));
    col('previous_rank', 'right', (r) => int(r.previousRank));
    col('rank_change', 'right', (r) => int(r.rankChange));
    col(o.unitKind, 'left', (r) => r.unit, true);
    col('code', 'left', (r) => r.code ?? '');
    col('score', 'right', (r) => num(r.score, dec));
    col('coverage', 'right', (r) => fixed(r.coverage, 4));
    for (const p of d.pillars) {
      col(p.id, 'right', (r) => num(r.pillars[p.id]!.score, dec));
      col(`${p.id}_rank`, 'right', (r) => int(r.pillars[p.id]!.rank));
    }
  } else {
    col(lb.rank, 'right', (r) => int(r.rank));
    if (hasPrev) col(lb.change, 'right', (r) => changeMark(r, true, o.lang, o.ascii));
    col(o.unitKind === 'province' ? lb.province : lb.unit, 'left', (r) => r.unit);
    col(lb.score, 'right', (r) => num(r.score, dec));
    for (const p of d.pillars) {
      col(p.id.toUpperCase(), 'right', (r) => num(r.pillars[p.id]!.score, dec));
      col('#', 'right', (r) => int(r.pillars[p.id]!.rank));
    }
    if (rows.some((r) => r.coverage < 1)) col(lb.coverage, 'right', (r) => `${Math.round(r.coverage * 100)}%`);
  }
  if (o.detail === 'groups' || o.detail === 'indicators') {
    for (const g of fw.groups) {
      const id = fw.nodes[g]!.id;
      col(id, 'right', (r) => num(r.groups[id]!, dec));
    }
  }
  if (o.detail === 'indicators') {
    for (const id of fw.leafIds) {
      col(id, 'right', (r) => { const v = r.indicators[id]!.value; return v === null ? '' : String(v); });
      col(`${id}${machine ? '_normalized' : ' (0–1)'}`, 'right', (r) => num(r.indicators[id]!.normalized, 4));
    }
  }
  return cols;
}

/** The ranking in the chosen format, ready to print. */
export function renderScore(result: ScoreResult, fw: Framework, o: RenderOptions): string {
  switch (o.format) {
    case 'json':
      return JSON.stringify(o.top === undefined ? result : { ...result, rankings: selected(result, o.top) }, null, 2) + '\n';
    case 'csv':
      return renderDelimited(columns(result, fw, o, true), ',');
    case 'tsv':
      return renderDelimited(columns(result, fw, o, true), '\t');
    case 'md':
      // A file for CI: never depends on the terminal (▲/▼ always).
      return `${caption(result, o.lang)}\n\n${renderMarkdown(columns(result, fw, { ...o, ascii: false }, false))}${legend(fw, o.lang, '\n')}`;
    case 'table': {
      const c = o.chalk;
      let out = `${c.bold(caption(result, o.lang))}\n${renderTable(columns(result, fw, o, false), c, o.ascii)}`;
      if (result.dropped.length > 0) {
        out += c.dim(`${L[o.lang].dropped} (${result.previousYear}): ${result.dropped.map((u) => u.unit).join(', ')}`) + '\n';
      }
      return out + c.dim(legend(fw, o.lang, ''));
    }
  }
}

function caption(result: ScoreResult, lang: Lang): string {
  const y = result.year === null ? '' : ` — ${result.year}`;
  const p = result.previousYear === null ? '' : ` (${L[lang].vs} ${result.previousYear})`;
  return `${result.framework.name}${y}${p}`;
}

function legend(fw: Framework, lang: Lang, lead: string): string {
  if (fw.definitions.pillars.length === 0) return '';
  return `${lead}${fw.definitions.pillars.map((p) => `${p.id.toUpperCase()} = ${p.name[lang]}`).join(' · ')}\n`;
}
