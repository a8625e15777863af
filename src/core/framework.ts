/**
 * A validated definitions tree flattened for fast scoring: nodes in post-order (children
 * before their parent, the root last), leaves numbered 0..L-1 as the columns of the data
 * matrix. The engine re-aggregates from the normalised leaf matrix with nothing but index
 * arithmetic, so re-weighting thousands of times (sensitivity analysis) stays cheap.
 */
import type { Aggregate, Definitions, IndicatorNode, MissingPolicy } from './definitions.js';

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

  const leafShare = new Float64Array(leaves.length);
  leaves.forEach((ni, j) => {
    let share = 1;
    for (let n = ni; nodes[n]!.parent !== -1; n = nodes[n]!.parent) {
      const siblings = nodes[nodes[n]!.parent]!.children;
      let total = 0;
      for (const s of siblings) total += nodes[s]!.weight;
      share *= nodes[n]!.weight / total;
    }
    leafShare[j] = share;
  });

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

/** The default weights of every node, to pass back to `aggregate` modified. */
export function defaultWeights(fw: Framework): Float64Array {
  return Float64Array.from(fw.nodes, (n) => n.weight);
}
