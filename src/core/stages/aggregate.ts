/**
 * Stage `aggregate`: the normalised leaf matrix up the tree, a node at a time over all units
 * (each child a contiguous column), by each group's method from the registry
 * (../methods/aggregate.ts); the missing-value stage resolves every child's missing cells on
 * the way. Node weights can be passed in, so a caller re-weights without normalising again.
 */
import type { Framework } from '../framework.js';
import { aggregateMethodOf } from '../methods/aggregate.js';
import { missingFill } from './missing.js';

export interface Aggregated {
  n: number;
  /** Node values, column-major (node k, unit i at k·n + i), NaN = missing. Not scaled. */
  nodes: Float64Array;
  /** Pillar values, column-major (pillar p, unit i at p·n + i). Not scaled. */
  pillars: Float64Array;
}

/**
 * Aggregate the normalised leaf matrix up the tree. `weights` (one per node, default the
 * definitions' weights) lets a caller re-weight without normalising again. `into` (a result
 * of an earlier call on as many units) is overwritten and returned instead of allocating
 * anew: a caller re-weighting many times reuses one buffer.
 */
export function aggregate(fw: Framework, norm: Float64Array, n: number, weights?: Float64Array, into?: Aggregated): Aggregated {
  const N = fw.nodes.length;
  const w = weights ?? Float64Array.from(fw.nodes, (x) => x.weight);
  const fill = missingFill(fw);
  const reuse = into !== undefined && into.n === n && into.nodes.length === n * N && into.pillars.length === n * fw.pillars.length;
  const nodes = reuse ? into.nodes : new Float64Array(n * N);
  for (let k = 0; k < N; k++) {
    const nd = fw.nodes[k]!;
    if (nd.leaf >= 0) nodes.set(norm.subarray(nd.leaf * n, (nd.leaf + 1) * n), k * n);
    else combineColumns(fw, nodes, n, w, fill, nodes, k * n, k, nd.children);
  }
  const pillars = pillarsOf(fw, nodes, n, w, fill, reuse ? into.pillars : undefined);
  return reuse ? into : { n, nodes, pillars };
}

/**
 * Recompute the root and the pillars from the columns of the root's children alone (the
 * 2025 merger averages the main indices, then recomputes the DTI from them).
 */
export function aggregateAbove(fw: Framework, nodes: Float64Array, n: number, weights?: Float64Array): Aggregated {
  const w = weights ?? Float64Array.from(fw.nodes, (x) => x.weight);
  const fill = missingFill(fw);
  combineColumns(fw, nodes, n, w, fill, nodes, fw.root * n, fw.root, fw.nodes[fw.root]!.children);
  return { n, nodes, pillars: pillarsOf(fw, nodes, n, w, fill) };
}

function pillarsOf(fw: Framework, nodes: Float64Array, n: number, w: Float64Array, fill: Float64Array, into?: Float64Array): Float64Array {
  const P = fw.pillars.length;
  const pillars = into ?? new Float64Array(n * P);
  for (let p = 0; p < P; p++) combineColumns(fw, nodes, n, w, fill, pillars, p * n, fw.root, fw.pillars[p]!.members);
  return pillars;
}

/** out[offset + i] = node `how`'s aggregation of the `kids` columns of `nodes` for unit i, by the registry's column-wise formula. */
function combineColumns(fw: Framework, nodes: Float64Array, n: number, w: Float64Array, fill: Float64Array,
  out: Float64Array, offset: number, how: number, kids: readonly number[]): void {
  const nd = fw.nodes[how]!;
  const cols = kids.map((c) => nodes.subarray(c * n, (c + 1) * n));
  aggregateMethodOf(nd.aggregate).columns(cols, kids.map((c) => w[c]!), kids.map((c) => fill[c]!), nd.floor, out.subarray(offset, offset + n));
}
