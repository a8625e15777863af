/**
 * A validated definitions tree flattened for fast scoring: nodes in post-order (children
 * before their parent, the root last), leaves numbered 0..L-1 as the columns of the data
 * matrix. The engine re-aggregates from the normalised leaf matrix with nothing but index
 * arithmetic, so re-weighting thousands of times (sensitivity analysis) stays cheap.
 */
import type { Aggregate, Definitions, IndicatorNode, MissingPolicy, YearRange } from './definitions.js';

/** Whether `year` falls in the range (an undated year is in every range). */
export function inYears(r: YearRange | null, year: number | null): boolean {
  return r === null || year === null || ((r.from === null || year >= r.from) && (r.to === null || year <= r.to));
}

export interface FlatNode {
  id: string;
  kind: 'group' | 'leaf' | 'root';
  /** Indices into `nodes`. */
  children: number[];
  parent: number;
  weight: number;
  aggregate: Aggregate;
  /** Groups under a geometric mean: children below this count as this (0: none). */
  floor: number;
  missing: MissingPolicy;
  /** Column in the leaf matrix, or -1 for a group. */
  leaf: number;
  depth: number;
  /** The definition (null for the root). */
  def: IndicatorNode | null;
}

export interface FlatPillar {
  id: string;
  /** Node indices. */
  members: number[];
}

export interface Framework {
  definitions: Definitions;
  nodes: FlatNode[];
  root: number;
  /** Node index of each leaf column. */
  leaves: number[];
  leafIds: string[];
  /** Node indices of the groups below the root, in document order. */
  groups: number[];
  pillars: FlatPillar[];
  index: ReadonlyMap<string, number>;
  /** Each leaf's share of the whole index (product of w / Σw along its path): coverage weights. */
  leafShare: Float64Array;
  /**
   * In a framework made for one year by `forYear`: 1 for each node that is not part of that
   * year's index (its `years`, or an ancestor's, leave the year out). Such a node has weight 0,
   * so it changes no value above it and no coverage, and its own values are still computed.
   */
  inactive?: Uint8Array;
}

/** Flatten validated definitions. */
export function compile(definitions: Definitions): Framework {
  const nodes: FlatNode[] = [];
  const leaves: number[] = [];
  const leafIds: string[] = [];
  const docGroups: IndicatorNode[] = [];
  const index = new Map<string, number>();

  const visit = (def: IndicatorNode, depth: number): number => {
    if (def.kind === 'group') docGroups.push(def);
    const children = def.children.map((c) => visit(c, depth + 1));
    const i = nodes.length;
    let leaf = -1;
    if (def.kind === 'leaf') {
      leaf = leaves.length;
      leaves.push(i);
      leafIds.push(def.id);
    }
    nodes.push({ id: def.id, kind: def.kind, children, parent: -1, weight: def.weight, aggregate: def.aggregate, floor: def.floor, missing: def.missing, leaf, depth, def });
    for (const c of children) nodes[c]!.parent = i;
    index.set(def.id, i);
    return i;
  };
  // Leaves must be numbered in document order, which post-order visiting gives.
  const top = definitions.indicators.map((d) => visit(d, 1));
  const root = nodes.length;
  nodes.push({
    id: definitions.id, kind: 'root', children: top, parent: -1, weight: 1, aggregate: definitions.aggregate, floor: definitions.floor,
    missing: definitions.missing, leaf: -1, depth: 0, def: null,
  });
  for (const c of top) nodes[c]!.parent = root;

  const leafShare = sharesOf(nodes, leaves);

  return {
    definitions,
    nodes,
    root,
    leaves,
    leafIds,
    groups: docGroups.map((g) => index.get(g.id)!),
    pillars: definitions.pillars.map((p) => ({ id: p.id, members: p.members.map((m) => index.get(m)!) })),
    index,
    leafShare,
  };
}

/** Each leaf's share of the whole index: the product of w / Σw along its path (0 under a zero total). */
function sharesOf(nodes: readonly FlatNode[], leaves: readonly number[]): Float64Array {
  // Each group's total child weight once (summing the siblings for every leaf would be
  // quadratic in a group with 100,000 leaves).
  const childTotal = nodes.map((nd) => nd.children.reduce((t, c) => t + nodes[c]!.weight, 0));
  const leafShare = new Float64Array(leaves.length);
  leaves.forEach((ni, j) => {
    let share = 1;
    for (let n = ni; nodes[n]!.parent !== -1; n = nodes[n]!.parent) {
      const total = childTotal[nodes[n]!.parent]!;
      share = total === 0 ? 0 : share * (nodes[n]!.weight / total);
    }
    leafShare[j] = share;
  });
  return leafShare;
}

const byYear = new WeakMap<Framework, Map<number, Framework>>();

/**
 * The framework as it stands in `year` (definitions whose nodes carry `years`): every node
 * outside its years gets weight 0, so its parent aggregates over the other children as if it
 * had never been defined; shares (coverage) are recomputed. The same object when no node has
 * `years` or the year is unknown. Cached per framework and year.
 */
/** A node's name for a reader (the index's own name for the root); an id it does not know comes back as it is. */
export function nodeName(fw: Framework, id: string, lang: 'vi' | 'en'): string {
  if (id === fw.definitions.id) return fw.definitions.name[lang];
  const k = fw.index.get(id);
  const def = k === undefined ? null : fw.nodes[k]!.def;
  return def === null ? (k === undefined ? id : fw.definitions.name[lang]) : def.name[lang];
}

export function forYear(fw: Framework, year: number | null): Framework {
  if (year === null || fw.inactive !== undefined || !fw.nodes.some((n) => n.def?.years)) return fw;
  let cache = byYear.get(fw);
  if (cache === undefined) byYear.set(fw, (cache = new Map()));
  const hit = cache.get(year);
  if (hit !== undefined) return hit;
  const N = fw.nodes.length;
  const inactive = new Uint8Array(N);
  // Post-order puts a parent after its children: walking backwards visits parents first.
  for (let k = N - 1; k >= 0; k--) {
    const nd = fw.nodes[k]!;
    const own = nd.def === null ? true : inYears(nd.def.years, year);
    inactive[k] = !own || (nd.parent >= 0 && inactive[nd.parent] === 1) ? 1 : 0;
  }
  const nodes = fw.nodes.map((nd, k) => (inactive[k] === 1 ? { ...nd, weight: 0 } : nd));
  const out: Framework = { ...fw, nodes, leafShare: sharesOf(nodes, fw.leaves), inactive };
  cache.set(year, out);
  return out;
}

/**
 * Whether the index was made of different nodes in years `a` and `b` (a change of method, as
 * the DTI's QĐ 922 → QĐ 405/QĐ-BKHCN or PAPI's six → eight dimensions): ranks of the two years
 * are not computed the same way.
 */
export function methodChanged(fw: Framework, a: number | null, b: number | null): boolean {
  if (a === null || b === null) return false;
  const x = forYear(fw, a).inactive;
  const y = forYear(fw, b).inactive;
  if (x === undefined || y === undefined) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return true;
  return false;
}

/** The default weights of every node, to pass back to `aggregate` modified. */
export function defaultWeights(fw: Framework): Float64Array {
  return Float64Array.from(fw.nodes, (n) => n.weight);
}
