/**
 * Array helpers safe at any size: spreading a large array into a call (`push(...xs)`,
 * `Math.max(...xs)`) passes every element as an argument and overflows the stack past about
 * 100,000 elements, which a file with that many errors or units reaches.
 */

/** Append `items` to `target` (in place) and return it. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}

/** The smallest of `xs` (Infinity when empty). */
export function minOf(xs: Iterable<number>): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

/** The largest of `xs` (-Infinity when empty). */
export function maxOf(xs: Iterable<number>): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}
