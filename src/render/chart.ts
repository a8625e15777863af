/**
 * A bar chart for the terminal: one bar per unit, in eighths of a character with Unicode
 * blocks (▏▎▍▌▋▊▉█) or whole '#' in ASCII, fitted to the terminal's width. Pure: the caller
 * passes the width, the glyph set and a Chalk instance (level 0: no colour).
 */
import type { ChalkInstance } from 'chalk';
import { formatNumber } from '../core/text.js';
import { maxOf } from '../core/arrays.js';

export interface Bar {
  rank: number | null;
  label: string;
  value: number | null;
}

export interface ChartOptions {
  title: string;
  /** Columns available (the whole line, bars included). */
  width: number;
  ascii: boolean;
  decimals: number;
  chalk: ChalkInstance;
  /** Shown for a unit without a value. */
  missing: string;
  /** The reader's language: its decimal mark (0,8340 in Vietnamese). */
  lang: 'vi' | 'en';
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const NAME_MAX = 24;
const MIN_BAR = 10;

/** The bar of `v` on a scale where `span` values fill `cells` characters. */
export function bar(v: number, span: number, cells: number, ascii: boolean): string {
  if (span <= 0 || v <= 0) return '';
  const eighths = Math.round((v / span) * cells * 8);
  if (ascii) return '#'.repeat(Math.round(eighths / 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

function cut(s: string, n: number, ascii: boolean): string {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}${ascii ? '~' : '…'}`;
}

/**
 * Bars from zero (a bar's length is its value: honest for scores ≥ 0); with negative values
 * (z-scores) from the smallest value instead, and the chart says so.
 */
export function renderBars(bars: readonly Bar[], o: ChartOptions): string {
  const values = bars.map((b) => b.value).filter((v): v is number => v !== null);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const rankW = Math.max(1, ...bars.map((b) => String(b.rank ?? '–').length));
  const labels = bars.map((b) => cut(b.label, NAME_MAX, o.ascii));
  const nameW = Math.max(maxOf(labels.map((l) => [...l].length)), 1);
  const texts = bars.map((b) => (b.value === null ? o.missing : formatNumber(b.value, o.decimals, o.lang)));
  const valueW = maxOf(texts.map((t) => t.length));
  const cells = Math.max(MIN_BAR, o.width - (rankW + 1 + nameW + 1 + 1 + valueW));
  const lines = [o.chalk.bold(o.title)];
  bars.forEach((b, i) => {
    const r = String(b.rank ?? '–').padStart(rankW);
    const name = labels[i]! + ' '.repeat(nameW - [...labels[i]!].length);
    const drawn = b.value === null ? '' : bar(b.value - lo, hi - lo, cells, o.ascii);
    const pad = ' '.repeat(cells - [...drawn].length);
    lines.push(`${r} ${name} ${o.chalk.cyan(drawn)}${pad} ${texts[i]!.padStart(valueW)}`.trimEnd());
  });
  if (lo < 0) lines.push(o.chalk.dim(`(${formatNumber(lo, o.decimals, o.lang)} … ${formatNumber(hi, o.decimals, o.lang)})`));
  return lines.join('\n') + '\n';
}
