/**
 * Reading one cell's text as a value. The CSV parser keeps every cell a string (so "01" stays
 * "01"); the rules of what counts as a number, a missing value or a yes/no live here.
 */

import { type Text, msg } from './messages.js';

export type Decimal = 'dot' | 'comma';

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
const SIMPLE = /^-?\d+(\.\d+)?$/;

/**
 * A plain decimal with '.' as the mark ("-12.5", "80", what SIMPLE matches): its value, else
 * NaN (then parseNumber decides). A loop over the characters: the common cell, without a
 * regular expression or an object.
 */
export function plainNumber(text: string): number {
  const n = text.length;
  // Longer digit strings go to parseNumber, which checks their size (a plain number of 20
  // characters or fewer is always within the magnitudes dti computes with).
  if (n > 20) return NaN;
  const neg = text.charCodeAt(0) === 45; /* - */
  let i = neg ? 1 : 0;
  const digits = i;
  // The digits as an integer m and the number of them after the point k: with at most 15
  // digits m is exact, 10^k is exact, and one IEEE division rounds correctly, so m / 10^k is
  // exactly what Number(text) gives (Clinger's fast path), without reading the text twice.
  let m = 0;
  let c = 0;
  while (i < n && (c = text.charCodeAt(i) - 48) >= 0 && c <= 9) { m = m * 10 + c; i++; }
  if (i === digits) return NaN;
  let k = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 /* . */) return NaN;
    const frac = ++i;
    while (i < n && (c = text.charCodeAt(i) - 48) >= 0 && c <= 9) { m = m * 10 + c; i++; }
    if (i === frac || i < n) return NaN;
    k = i - frac;
  }
  if (n - digits - (k > 0 ? 1 : 0) > 15) return Number(text);
  const x = m / POW10[k]!;
  return neg ? -x : x;
}

/** 10^0 … 10^15, each exact in a double (plainNumber, and the CSV reader's fast path). */
export const POW10 = Float64Array.from({ length: 16 }, (_, k) => 10 ** k);


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

export function parseNumber(text: string, decimal: Decimal = 'dot'): CellValue {
  // Fast path for the common case: a plain decimal number (long digit strings are checked for size).
  if (decimal === 'dot' && text.length < 20 && SIMPLE.test(text)) {
    const v = Number(text);
    const why = magnitudeProblem(v);
    return why === undefined ? { kind: 'number', value: v } : outOfRange(text, why);
  }
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
