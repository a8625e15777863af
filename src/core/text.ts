/**
 * Locale-independent text helpers: Vietnamese collation and number formatting that never
 * depend on the host's locale, so that output is byte-identical on every machine.
 */
/**
 * Vietnamese collation, fixed to the 'vi' locale (never the host's): "Đà Nẵng" sorts after
 * "Cà Mau" and before "Hà Nội", as Vietnamese readers expect; numbers in names by value
 * ("Quận 9" before "Quận 10"). Ties fall back to code-point order so the order is total.
 * The collator is created at the first comparison: a ranking without ties never makes one.
 */
let collator: Intl.Collator | undefined;

export function compareVi(a: string, b: string): number {
  collator ??= new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A number with exactly `decimals` digits after the point, '.' as the mark, no grouping.
 * `toFixed` is specified exactly by ECMAScript (it rounds the double's exact decimal value),
 * so the result is the same on every machine.
 */
export function fixed(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return s.charCodeAt(0) === 45 /* - */ && (s === '-0' || /^-0\.0*$/.test(s)) ? s.slice(1) : s;
}

/**
 * A number as `fixed`, `shortNumber` or `String` write it ('.' as the mark, no grouping),
 * written for a reader of `lang`: in Vietnamese the decimal comma and thousands grouped with
 * a dot (3.743.092,5; 0,8340), in English as it is; a leading '-' becomes the minus sign '−'. Text that is not such a number (an
 * exponent is kept: 1,5e-7) comes back unchanged. Machine formats (CSV, TSV, JSON) never call it.
 * This and `formatNumber`/`formatPercent` are the one place every renderer (terminal,
 * Markdown, report, charts, explain, sensitivity) writes a number for people.
 */
export function localNumber(s: string, lang: 'vi' | 'en'): string {
  const m = /^([-−+]?)(\d+)(?:\.(\d+))?((?:e[-+]?\d+)?)$/i.exec(s);
  if (m === null) return s;
  // A negative number for a reader takes the minus sign (−0,638), in either language, as
  // explain's and the report's signed changes do; machine formats keep the hyphen.
  const sign = m[1] === '-' ? '−' : m[1];
  if (lang !== 'vi') return `${sign}${s.slice(m[1]!.length)}`;
  const int = m[2]!.length > 3 ? m[2]!.replace(/\B(?=(\d{3})+$)/g, '.') : m[2]!;
  return `${sign}${int}${m[3] === undefined ? '' : `,${m[3]}`}${m[4]}`;
}

/** `fixed(x, decimals)` for a reader of `lang` (see `localNumber`): 0,8340 in Vietnamese, 0.8340 in English. */
export function formatNumber(x: number, decimals: number, lang: 'vi' | 'en'): string {
  return localNumber(fixed(x, decimals), lang);
}

/** A percentage (`x` already × 100) for a reader: '15,6 %' in Vietnamese, '15.6%' in English. */
export function formatPercent(x: number, decimals: number, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? `${formatNumber(x, decimals, lang)} %` : `${fixed(x, decimals)}%`;
}

/**
 * A value needed for a target, rounded up to `decimals` (as `fixed` writes it), so that
 * reaching the printed figure does reach the target. A value a hair above a round figure
 * from floating-point error (0.1 + 0.2) is not pushed up a whole step.
 */
export function fixedUp(x: number, decimals: number): string {
  const p = 10 ** decimals;
  return fixed(Math.ceil(x * p - 1e-9) / p, decimals);
}

/** Strip Vietnamese diacritics (and đ → d), lowercase: "Đắk Lắk" → "dak lak". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * A raw value for people to read: at most 10 significant digits, no trailing zeros, no
 * grouping ("0.1 + 0.2" reads 0.3, not 0.30000000000000004). Machine formats keep the exact value.
 */
export function shortNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(10)));
}

/** Characters that print as nothing: zero-width spaces and joiners, word joiner, soft hyphen, BOM. */
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD\uFEFF]/g;
/** Spaces other than U+0020: no-break, figure, thin, ideographic… */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]+/g;

/**
 * A name as people see it: NFC, invisible characters removed, any kind of space a single
 * space, trimmed. Two names that print the same are then the same name ("Sở A" with a
 * zero-width space or a no-break space is "Sở A").
 */
export function cleanName(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Control, bidirectional-override and invisible characters, which must never reach a terminal or a report raw. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Text safe to print: each control character (ESC of a terminal escape sequence, NUL, bell…),
 * bidirectional override and invisible character written visibly as <U+XXXX>; line breaks
 * and tabs as <U+000A> and the like when `oneLine` (table cells).
 */
export function visible(s: string, oneLine = true): string {
  const re = oneLine ? /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g : UNSAFE;
  return s.replace(re, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * Text for a message: visible (see `visible`) and at most `max` characters, a long value cut
 * with its length said by `cut` (messages.ts forMessageIn says it in a language).
 */
export function forMessage(s: string, max: number, cut: (n: number) => string): string {
  const v = visible(s);
  if (v.length <= max) return v;
  return `${v.slice(0, max - 40)}… (${cut(v.length)})`;
}
