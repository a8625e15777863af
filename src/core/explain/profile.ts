/** The unit's profile: its nodes with their points and ranks, its strengths and weaknesses. */
import type { ExplainNode, RankedNode } from './types.js';
import { type UnitView, clean, keyOfValue, nn } from './points.js';

/** Every node of the year's index below the root: by depth, then by points lost (most first), then document order. */
export function nodeList(v: UnitView): ExplainNode[] {
  const { fw, pts, vals, rec, ranks, u, label, off } = v;
  const order: number[] = [];
  fw.nodes.forEach((_, k) => { if (k !== fw.root && !off(k)) order.push(k); });
  // Document order (pre-order) for ties.
  const docPos = new Map(v.pre.map((k, i) => [k, i]));
  const lostKey = (k: number) => (Number.isNaN(pts.lost[k]!) ? -Infinity : pts.lost[k]!);
  order.sort((x, y) => fw.nodes[x]!.depth - fw.nodes[y]!.depth || lostKey(y) - lostKey(x) || docPos.get(x)! - docPos.get(y)!);
  return order.map((k): ExplainNode => {
    const nd = fw.nodes[k]!;
    // On the 34 a main index is the members' mean, with a raw value only where the leaf takes
    // values as they are (mergeYear): none to show there, which is no missing value.
    const noRaw = nd.leaf >= 0 && v.run.merged && Number.isNaN(rec.values[nd.leaf]!) && !Number.isNaN(vals[k]!);
    return {
      id: nd.id, label: label(k), depth: nd.depth, parent: nd.parent === fw.root ? null : fw.nodes[nd.parent]!.id,
      kind: nd.kind === 'leaf' ? 'leaf' : 'group', value: nn(vals[k]!),
      ...(nd.leaf >= 0 && !noRaw ? { raw: nn(rec.values[nd.leaf]!) } : {}),
      points: nn(clean(pts.points[k]!)), maxPoints: nn(clean(pts.maxPoints[k]!)), pointsLost: nn(clean(pts.lost[k]!)),
      rank: ranks[k]![u]! === 0 ? null : ranks[k]![u]!,
    };
  });
}

/**
 * Strengths and weaknesses: best and worst ranks, leaving out nodes where every unit ties (none
 * without a `breakdown`), at most `top` of each.
 */
export function standouts(v: UnitView, breakdown: boolean, top: number): { strengths: RankedNode[]; weaknesses: RankedNode[] } {
  const { fw, cur, n, u, vals, ranks, rankedOn, label, pre } = v;
  const docPos = new Map(pre.map((k, i) => [k, i]));
  const informative = !breakdown ? [] : pre.filter((k) => {
    const r = ranks[k]![u]!;
    if (r === 0) return false;
    return !(rankedOn[k]! > 0 && ranks[k]!.every((x) => x === 0 || x === 1));
  });
  const entry = (k: number): RankedNode => ({ id: fw.nodes[k]!.id, label: label(k), depth: fw.nodes[k]!.depth, rank: ranks[k]![u]!, of: rankedOn[k]!, value: vals[k]! });
  const byRank = [...informative].sort((x, y) => ranks[x]![u]! - ranks[y]![u]! || docPos.get(x)! - docPos.get(y)!);
  // At most half of the nodes are strengths, so a small tree keeps some weaknesses.
  // A strength is above the median of the units ranked on that node, a weakness below it: the
  // best ranks of a unit that is below the median everywhere are no strengths (rank 2 of 3 was one).
  const medianOf = (k: number): number => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) if (ranks[k]![i]! > 0) xs.push(cur.agg.nodes[k * n + i]!);
    xs.sort((a, b) => a - b);
    const m = xs.length >> 1;
    return xs.length % 2 === 1 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
  };
  const side = (k: number) => Math.sign(keyOfValue(vals[k]!) - keyOfValue(medianOf(k)));
  const strengths = byRank.filter((k) => side(k) > 0).slice(0, Math.min(top, Math.ceil(informative.length / 2)));
  const weakest = [...informative].sort((x, y) => ranks[y]![u]! - ranks[x]![u]! || docPos.get(x)! - docPos.get(y)!)
    .filter((k) => !strengths.includes(k) && side(k) < 0).slice(0, top);
  return { strengths: strengths.map(entry), weaknesses: weakest.map(entry) };
}
