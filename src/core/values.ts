/**
 * Reading one cell's text as a value. The CSV parser keeps every cell a string (so "01" stays
 * "01"); the rules of what counts as a number, a missing value or a yes/no live here.
 */

import { type Text, msg } from './messages.js';
import type { Decimal } from './model.js';

export type CellValue =
  | { kind: 'number'; value: number }
  | { kind: 'missing' }
  | { kind: 'invalid'; reason: Text; hint: Text };

/** Markers of a missing value (case-insensitive), besides the empty cell. */
export const MISSING_MARKERS = ['na', 'n/a', '-', '–', '—', '..'];

const DOT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
// Vietnamese style: ',' decimal mark, '.' thousands separator in groups of three.
const COMMA = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

/** 1,234 or 12,345,678: a thousands comma, or (the first form) a decimal comma. */
const THOUSANDS_COMMA = /^[+-]?[1-9]\d{0,2}(,\d{3})+$/;
/** 10^0 … 10^15, each exact in a double. */
const POW10 = Float64Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of text[from, to) when it is a plain decimal with '.' as the mark ("-12.5", "80"),
 * else NaN: the first step of reading a number, a loop over the characters without a regular
 * expression, a slice or an object. The digits are read as an integer m with k of them after
 * the point: with at most 15 digits m is exact, 10^k is exact, and one IEEE division rounds
 * correctly, so m / 10^k is exactly what Number(text) gives (Clinger's fast path).
 */
function plainDecimal(text: string, from: number, to: number): number {
  // Longer digit strings take the general rules, which check their size (a plain number of
  // 20 characters or fewer is always within the magnitudes dti computes with).
  if (to - from > 20) return NaN;
  const neg = text.charCodeAt(from) === 45; /* - */
  let i = neg ? from + 1 : from;
  const digits = i;
  let m = 0;
  let c = 0;
  while (i < to && (c = text.charCodeAt(i) - 48) >= 0 && c <= 9) { m = m * 10 + c; i++; }
  if (i === digits) return NaN;
  let k = 0;
  if (i < to) {
    if (text.charCodeAt(i) !== 46 /* . */) return NaN;
    const frac = ++i;
    while (i < to && (c = text.charCodeAt(i) - 48) >= 0 && c <= 9) { m = m * 10 + c; i++; }
    if (i === frac || i < to) return NaN;
    k = i - frac;
  }
  if (to - digits - (k > 0 ? 1 : 0) > 15) return Number(text.slice(from, to));
  const x = m / POW10[k]!;
  return neg ? -x : x;
}

/**
 * The magnitudes dti computes with: 0, or between 1e-100 and 1e100. Products of a value, a
 * weight and the scale, sums over a million units and squares (zscore) then stay finite and
 * normal, so no score silently becomes null, 0 or Infinity.
 */
export const MAX_MAGNITUDE = 1e100;
export const MIN_MAGNITUDE = 1e-100;

/** Why `x` is outside the magnitudes dti computes with, or undefined. */
export function magnitudeProblem(x: number): Text | undefined {
  const a = Math.abs(x);
  if (a > MAX_MAGNITUDE) return msg('value.tooLarge', { x });
  if (a !== 0 && a < MIN_MAGNITUDE) return msg('value.tooSmall', { x });
  return undefined;
}

const outOfRange = (text: string, why: Text): CellValue =>
  ({ kind: 'invalid', reason: msg('value.outOfRange', { value: text, why }), hint: msg('hint.changeUnit') });

/**
 * The number in text[from, to) (a cell of a CSV, without slicing it out), or NaN when the
 * cell is missing or not a number: then `parseNumber` of its text says which, and why.
 */
export function numberIn(text: string, decimal: Decimal = 'dot', from = 0, to = text.length): number {
  if (decimal === 'dot') {
    const x = plainDecimal(text, from, to);
    if (x === x) return x;
    if (from === to) return NaN;
  }
  const v = readNumber(from === 0 && to === text.length ? text : text.slice(from, to), decimal);
  return v.kind === 'number' ? v.value : NaN;
}

/** A cell's text as a number, a missing value, or an invalid one with the reason and a hint. */
export function parseNumber(text: string, decimal: Decimal = 'dot'): CellValue {
  if (decimal === 'dot') {
    const x = plainDecimal(text, 0, text.length);
    if (x === x) return { kind: 'number', value: x };
  }
  return readNumber(text, decimal);
}

/** The rules for any text (after plainDecimal, for '.'): markers of missing, %, both decimal marks, sizes. */
function readNumber(text: string, decimal: Decimal): CellValue {
  let t = text.trim();
  if (t === '' || MISSING_MARKERS.includes(t.toLowerCase())) return { kind: 'missing' };
  if (t.endsWith('%')) t = t.slice(0, -1).trimEnd();
  let n: number;
  if (decimal === 'dot') {
    if (!DOT.test(t)) {
      const looksComma = COMMA.test(t) && t.includes(',');
      return {
        kind: 'invalid',
        reason: msg('value.notANumber', { value: text }),
        // 1,234 may be English thousands as well as a Vietnamese decimal: say both.
        hint: msg(THOUSANDS_COMMA.test(t) ? 'hint.thousandsComma' : looksComma ? 'hint.decimalComma' : 'hint.decimalDot'),
      };
    }
    n = Number(t);
  } else {
    if (!COMMA.test(t)) {
      return {
        kind: 'invalid',
        reason: msg('value.notViNumber', { value: text }),
        hint: msg('hint.viStyle'),
      };
    }
    n = Number(t.replace(/\./g, '').replace(',', '.'));
  }
  if (!Number.isFinite(n)) return { kind: 'invalid', reason: msg('value.notFinite', { value: text }), hint: msg('hint.ordinaryNotation') };
  const why = magnitudeProblem(n);
  if (why !== undefined) return outOfRange(text, why);
  return { kind: 'number', value: n };
}

const YES = new Set(['yes', 'có', 'co', 'true', '1', 'x', 'đạt', 'dat']);
const NO = new Set(['no', 'không', 'khong', 'false', '0', 'chưa', 'chua', 'không đạt', 'khong dat']);

/** yes/có/true/1 → 1, no/không/false/0 → 0 (a `boolean` indicator). */
export function parseBoolean(text: string): CellValue {
  const t = text.trim().normalize('NFC').toLowerCase();
  if (t === '' || MISSING_MARKERS.includes(t)) return { kind: 'missing' };
  if (YES.has(t)) return { kind: 'number', value: 1 };
  if (NO.has(t)) return { kind: 'number', value: 0 };
  return { kind: 'invalid', reason: msg('value.notYesNo', { value: text }), hint: msg('hint.yesNo') };
}
