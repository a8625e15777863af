/**
 * Locale-independent text helpers: Vietnamese collation and number formatting that never
 * depend on the host's locale, so that output is byte-identical on every machine.
 */

/**
 * Vietnamese collation, fixed to the 'vi' locale (never the host's): "Đà Nẵng" sorts after
 * "Cà Mau" and before "Hà Nội", as Vietnamese readers expect. Ties fall back to code-point
 * order so the order is total.
 */
let collator: Intl.Collator | undefined;

export function compareVi(a: string, b: string): number {
  // Created at the first comparison: most runs never compare two names.
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
  return s === '-0' || /^-0\.0*$/.test(s) ? s.slice(1) : s;
}

/** The value rounded to `decimals` as a number (the key that `ties: rounded` ranks on). */
export function roundTo(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
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
