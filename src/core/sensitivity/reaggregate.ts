/** A run's re-aggregation of the normalised matrix, and the 2025 merger inside a run. */
import { type AggregateMethod, aggregateMethodOf } from '../methods/aggregate.js';
import type { Aggregate, MissingPolicy } from '../definitions.js';
import type { Framework } from '../framework.js';
import { mergeMainIndices } from '../merge-2025.js';
import { missingFill } from '../stages/missing.js';

/**
 * Re-aggregation into reused buffers: a group's column is computed from its children's
 * columns by the registry's column-wise formula (the one scoring uses), with a weight per
 * node, an aggregation method and a missing-value policy that a run may override.
 */
export class Reaggregator {
  readonly n: number;
  private readonly fw: Framework;
  private readonly buf: Float64Array;
  private readonly cols: Float64Array[];
  private readonly order: number[];
  /** Each group's children's columns, their weights and fills (reused). */
  private readonly kidCols: Float64Array[][];
  private readonly ws: Float64Array;
  /** Each node's own aggregation method. */
  private readonly methods: AggregateMethod[];
  /** Each node's fill (the missing stage's missingFill), per missing policy (undefined: the node's own). */
  private readonly nodeFills = new Map<MissingPolicy | undefined, Float64Array>();
  /** The fills of the children of each node, per missing policy. */
  private readonly fillsByPolicy = new Map<MissingPolicy | undefined, Float64Array[]>();

  constructor(fw: Framework, n: number) {
    this.fw = fw;
    this.n = n;
    const N = fw.nodes.length;
    this.buf = new Float64Array(N * n);
    this.cols = fw.nodes.map((_, k) => this.buf.subarray(k * n, (k + 1) * n));
    this.order = fw.nodes.flatMap((x, k) => (x.leaf < 0 ? [k] : []));
    this.kidCols = fw.nodes.map((x) => x.children.map((c) => this.cols[c]!));
    this.ws = new Float64Array(Math.max(1, ...fw.nodes.map((x) => x.children.length)));
    this.methods = fw.nodes.map((x) => aggregateMethodOf(x.aggregate));
    for (const policy of [undefined, 'zero', 'exclude', 'error'] as const) {
      const fill = missingFill(fw, policy);
      this.nodeFills.set(policy, fill);
      this.fillsByPolicy.set(policy, fw.nodes.map((x) => Float64Array.from(x.children, (c) => fill[c]!)));
    }
  }

  /** What a missing value of each node counts as under `missing` (undefined: the definitions' policies): 0 or NaN (left out). */
  fill(missing?: MissingPolicy): Float64Array {
    return this.nodeFills.get(missing)!;
  }

  /** The same for each of node k's children, in order. */
  fills(k: number, missing?: MissingPolicy): Float64Array {
    return this.fillsByPolicy.get(missing)![k]!;
  }

  /** Node k's column after the last run (a view into the reused buffer). */
  column(k: number): Float64Array {
    return this.cols[k]!;
  }

  /** Point the leaves at a normalised matrix (column-major, as normaliseMatrix gives). */
  setMatrix(m: Float64Array): void {
    const n = this.n;
    for (const x of this.fw.nodes) {
      if (x.leaf < 0) continue;
      const k = this.fw.index.get(x.id)!;
      this.cols[k] = m.subarray(x.leaf * n, (x.leaf + 1) * n);
    }
    this.fw.nodes.forEach((x, k) => { this.kidCols[k] = x.children.map((c) => this.cols[c]!); });
  }

  /**
   * Aggregate every group with `w` (one weight per node); `how` overrides every group's
   * aggregation and `missing` every node's policy (undefined: the definitions'). Returns the
   * root's column (a view into the reused buffer). `root: false` stops below the root (the
   * merger combines the merged main indices itself: the root over these units is not wanted).
   */
  run(w: Float64Array, how?: Aggregate, missing?: MissingPolicy, root = true): Float64Array {
    const fw = this.fw;
    const fills = this.fillsByPolicy.get(missing)!;
    const ws = this.ws;
    const all = how === undefined ? undefined : aggregateMethodOf(how);
    for (const k of this.order) {
      if (!root && k === fw.root) continue;
      const nd = fw.nodes[k]!;
      const kids = nd.children;
      for (let c = 0; c < kids.length; c++) ws[c] = w[kids[c]!]!;
      (all ?? this.methods[k]!).columns(this.kidCols[k]!, ws, fills[k]!, nd.floor, this.cols[k]!);
    }
    return this.cols[fw.root]!;
  }
}

/**
 * The 2025 merger inside a run: each merged province's main indices (the root's children) by
 * the merger's own rule (mergeMainIndices, into a reused buffer, with the run's missing-value
 * policy's fills), and the root combines them with the run's weights, method and policy, as scoring's
 * aggregateAbove does.
 */
export class Merger {
  private readonly out: Float64Array;
  private readonly nodes: Float64Array;
  /** The root's children's merged columns (views into `nodes`). */
  private readonly kidCols: Float64Array[];
  private readonly ws: Float64Array;
  private readonly column: (c: number) => Float64Array;
  constructor(private readonly fw: Framework, private readonly groups: readonly (readonly number[])[], private readonly agg: Reaggregator) {
    const m = groups.length;
    this.out = new Float64Array(m);
    this.nodes = new Float64Array(fw.nodes.length * m);
    const kids = fw.nodes[fw.root]!.children;
    this.kidCols = kids.map((c) => this.nodes.subarray(c * m, (c + 1) * m));
    this.ws = new Float64Array(kids.length);
    this.column = (c) => agg.column(c);
  }

  run(w: Float64Array, how?: Aggregate, missing?: MissingPolicy): Float64Array {
    const fw = this.fw;
    // The main indices of the 63, not their root: the root is combined over the merged provinces below.
    this.agg.run(w, how, missing, false);
    mergeMainIndices(fw, this.column, this.groups, this.nodes, this.agg.fill(missing));
    const root = fw.nodes[fw.root]!;
    const kids = root.children;
    for (let c = 0; c < kids.length; c++) this.ws[c] = w[kids[c]!]!;
    aggregateMethodOf(how ?? root.aggregate).columns(this.kidCols, this.ws, this.agg.fills(fw.root, missing), root.floor, this.out);
    return this.out;
  }
}
