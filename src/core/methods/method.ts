/**
 * What a method of the registry is. A normalisation (or aggregation) method is one entry
 * holding its parameters' schema, the checks of those parameters, the function itself and its
 * description; the definitions schema, the error hints, the `indicators` command and the README
 * table all read the registry, so adding a method is adding one entry (and its test).
 */
import type * as z from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import type { Text } from '../messages.js';

/** A problem with a method's parameters, located by the path below the leaf (e.g. ['normalize', 'target']). */
/** Report a parameter's problem (a BAD_PARAMETER diagnostic) at `path` under the leaf. */
export type ParamFail = (path: readonly PropertyKey[], d: Diagnostic) => void;

export interface LeafContext {
  id: string;
  transform: 'none' | 'log' | 'log10' | 'sqrt';
  direction: 'higher' | 'lower';
  /** Whether a geometric mean is above the leaf (its values must not be negative). */
  underGeometric: boolean;
}

/**
 * What code outside methods/ may ask of a method: everything it needs to know about one is a
 * field here, asked by the leaf's method, never by testing its id.
 */
export interface NormaliseMethod<P extends { method: string } = { method: string } & Record<string, unknown>> {
  id: string;
  /** Its word for a reader, from the catalogue ("target 80" reads "mục tiêu 80" under vi). */
  word: Text;
  /**
   * The `normalize:` mapping this method accepts (strict: a misspelt key is an error), built
   * from the zod namespace the validator passes: scoring never loads zod.
   */
  schema: (zod: typeof z) => z.ZodType<P>;
  /** The parameter keys besides `method`, for "did you mean" hints. */
  keys: readonly string[];
  /** The README's row: parameters, the formula when higher is better and when lower is better (Markdown). */
  doc: { params: string; higher: string; lower: string };
  /** The same in Vietnamese, for `dti indicators --lang vi`. */
  docVi: { higher: string; lower: string };
  /** Whether the method takes statistics from the units (that year's, or all years with --pool-years). */
  usesPool: boolean;
  /** Whether `direction: lower` means something for it. */
  directional: boolean;
  /** Whether its values may be negative (then it cannot feed a geometric mean). */
  negative: boolean;
  /** Whether the data's values reach the aggregation as they are, whatever their sign (then one below 0 cannot feed a geometric mean). */
  asIs: boolean;
  /** Whether the data's cells are yes/no (có/không, true/false, 1/0) rather than numbers. */
  yesNo: boolean;
  /** Whether `dti sensitivity --normalisation` offers it as an alternative to each indicator's own method. */
  alternative: boolean;
  /**
   * Whether its values lie in [0, 1] with these parameters, so that "points lost" against the
   * maximum and a "(0–1)" label mean something.
   */
  bounded(p: P): boolean;
  /**
   * The largest value it gives with these parameters, NaN when it states none; `column` holds
   * the leaf's normalised values (a method that keeps values as they are is bounded by them).
   */
  maximum(p: P, column: ArrayLike<number>): number;
  /**
   * Whether a value in [0, 1] normalises to itself (for values higher or `lower` better): a
   * merged province's main index, the mean of its members', then stands as its raw value too.
   */
  keeps01(p: P, lower: boolean): boolean;
  /**
   * For a method that takes nothing from the pool: where its normalised value first reaches
   * `y`. Either the raw value itself (`raw`, null when no value reaches y), or the transformed
   * value (`transformed`, as `apply` sees it) that the caller takes back through the transform
   * and checks against the engine. Absent for a method that uses the pool.
   */
  invert?(p: P, y: number, lower: boolean, tf: (v: number) => number): { raw: number | null } | { transformed: number };
  /**
   * The raw values it scales between, when it states them (goalposts): a value outside is
   * clamped to 0 or 1, which hides a typo (69 for 0.69, a '%' in a 0–1 column), so the data's
   * reader warns. Absent: no raw value is out of range.
   */
  limits?(p: P): { min: number; max: number };
  /** Checks of the parameters beyond their shape, given the leaf's transform and direction. */
  check(p: P, leaf: LeafContext, fail: ParamFail): void;
  /**
   * Normalise `x` (already transformed; NaN = missing) into `out` (pre-filled with NaN).
   * `pool` holds the transformed values the statistics come from; `tf` transforms a parameter
   * the same way as the values (HDI-style goalposts in the same log).
   */
  apply(x: Float64Array, pool: Float64Array, p: P, lower: boolean, tf: (v: number) => number, out: Float64Array): void;
  /** Short description of the parameters ("target 80", "goalposts 0–100"). */
  describe(p: P): string;
}

export const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Whether the transform accepts x (parameters are transformed like the values). */
export function inDomain(transform: LeafContext['transform'], x: number): boolean {
  return transform === 'log' || transform === 'log10' ? x > 0 : transform === 'sqrt' ? x >= 0 : true;
}
export const domainText = (transform: LeafContext['transform']) => (transform === 'sqrt' ? '≥ 0' : '> 0');

/** Defines a method, keeping its parameter type for the functions and erasing it for the registry. */
export function normaliseMethod<P extends { method: string }>(m: NormaliseMethod<P>): NormaliseMethod {
  return m as unknown as NormaliseMethod;
}
