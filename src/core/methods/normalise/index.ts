/**
 * The registry of normalisation methods: one entry each (./<id>.ts). The definitions schema,
 * its error hints, `dti indicators` and the README's table read this list; adding a method is
 * adding its file and one line here.
 */
import type { NormaliseMethod } from '../method.js';
import { boolean } from './boolean.js';
import { goalposts } from './goalposts.js';
import { minmax } from './minmax.js';
import { none } from './none.js';
import { percentile } from './percentile.js';
import { rank } from './rank.js';
import { steps } from './steps.js';
import { target } from './target.js';
import { zscore } from './zscore.js';

export const NORMALISE: readonly NormaliseMethod[] = [none, target, goalposts, minmax, zscore, rank, percentile, boolean, steps];

const byId = new Map(NORMALISE.map((m) => [m.id, m]));

export function normaliseMethodOf(id: string): NormaliseMethod {
  const m = byId.get(id);
  if (m === undefined) throw new Error(`no normalisation method '${id}'`);
  return m;
}

export const NORMALISE_IDS: readonly string[] = NORMALISE.map((m) => m.id);

/** The methods that take their statistics from the units (`--pool-years` pools them over the years). */
export const POOL_METHODS: readonly string[] = NORMALISE.filter((m) => m.usesPool).map((m) => m.id);

/** The README's table of methods (indicators/README.md carries it; a test keeps the two equal). */
export function normaliseTable(): string {
  const rows = NORMALISE.map((m) => `| \`${m.id}\` | ${m.doc.params} | ${m.doc.higher} | ${m.doc.lower} |`);
  return ['| method | parameters | higher is better | lower is better |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

/** Every parameter key any method takes (for "did you mean"). */
export const NORMALISE_KEYS: readonly string[] = ['method', ...new Set(NORMALISE.flatMap((m) => m.keys))];

/** A leaf's normalisation when its definition names none: values as they are. */
export const DEFAULT_NORMALISE: { readonly method: string } = { method: none.id };

/**
 * Whether a leaf's normalised values lie in [0, 1], so that "points lost" against the
 * maximum and a "(0–1)" label mean something (the method's `bounded`).
 */
export function isBounded(leaf: { normalize: { method: string } & Record<string, unknown> }): boolean {
  return normaliseMethodOf(leaf.normalize.method).bounded(leaf.normalize);
}
