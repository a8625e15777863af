/** Against the year before: the change of score and rank, split node by node (see ./index.ts). */
import type { Diagnostic } from '../diagnostics.js';
import { warning } from '../diagnostics.js';
import { msg } from '../messages.js';
import { aggregateMethodOf } from '../methods/aggregate.js';
import { normaliseMethodOf } from '../methods/normalise/index.js';
import { type Framework, methodChanged } from '../framework.js';
import { yearOf } from '../build.js';
import type { Contribution, ExplainChange } from './types.js';
import { missingFill } from '../stages/missing.js';
import { type UnitView, counted, shares } from './points.js';

/** The logarithmic mean L(x, y) = (x − y)/(ln x − ln y), L(x, x) = x. */
function logMean(x: number, y: number): number {
  if (x === y) return x;
  return (x - y) / (Math.log(x) - Math.log(y));
}

/** Each node's contribution to the change of the root's scaled score between two years (module comment). */
export function contributions(fw: Framework, v0: Float64Array, v1: Float64Array, scale: number): Float64Array {
  const N = fw.nodes.length;
  const w = Float64Array.from(fw.nodes, (x) => x.weight);
  const fill = missingFill(fw);
  const a0 = shares(fw, v0, w, fill);
  const a1 = shares(fw, v1, w, fill);
  const C = new Float64Array(N);
  const r0 = counted(fill, fw.root, v0);
  const r1 = counted(fill, fw.root, v1);
  C[fw.root] = scale * r1 - scale * r0;
  // Score units per unit of the node's value, used only when the node's value did not change.
  const slope = new Float64Array(N);
  slope[fw.root] = scale;
  for (let k = N - 1; k >= 0; k--) {
    const nd = fw.nodes[k]!;
    if (nd.leaf >= 0) continue;
    const p0 = counted(fill, k, v0);
    const p1 = counted(fill, k, v1);
    const kids = nd.children;
    const delta = new Float64Array(kids.length);
    // Under a geometric mean with a floor, a child counts with at least the floor.
    const logarithmic = aggregateMethodOf(nd.aggregate).logarithmic;
    const fl = logarithmic ? nd.floor : -Infinity;
    const x0 = kids.map((c) => (a0[c] === 0 ? NaN : Math.max(counted(fill, c, v0), fl)));
    const x1 = kids.map((c) => (a1[c] === 0 ? NaN : Math.max(counted(fill, c, v1), fl)));
    if (logarithmic) {
      const hasZero = kids.some((_, i) => x0[i] === 0 || x1[i] === 0);
      if (!hasZero && p0 > 0 && p1 > 0) {
        const L = logMean(p1, p0);
        kids.forEach((c, i) => {
          const t1 = a1[c] === 0 ? 0 : a1[c]! * Math.log(x1[i]!);
          const t0 = a0[c] === 0 ? 0 : a0[c]! * Math.log(x0[i]!);
          delta[i] = L * (t1 - t0);
        });
      } else {
        let wz = 0;
        kids.forEach((c, i) => { if (x0[i] === 0 || x1[i] === 0) wz += fw.nodes[c]!.weight; });
        const d = (Number.isNaN(p1) ? 0 : p1) - (Number.isNaN(p0) ? 0 : p0);
        kids.forEach((c, i) => { if (x0[i] === 0 || x1[i] === 0) delta[i] = wz > 0 ? d * fw.nodes[c]!.weight / wz : 0; });
      }
    } else {
      kids.forEach((c, i) => {
        const t1 = a1[c] === 0 ? 0 : a1[c]! * x1[i]!;
        const t0 = a0[c] === 0 ? 0 : a0[c]! * x0[i]!;
        delta[i] = t1 - t0;
      });
    }
    const dSum = delta.reduce((s, x) => s + x, 0);
    // The parent's change shared by δ; Σ δ = the parent's change of value, so the shares sum exactly.
    const k1 = dSum !== 0 && Math.abs(C[k]!) > 0 ? C[k]! / dSum : slope[k]!;
    kids.forEach((c, i) => {
      C[c] = dSum === 0 && C[k] !== 0 ? 0 : k1 * delta[i]!;
      const local = logarithmic
        ? ((a1[c]! + a0[c]!) / 2) * (((p0 + p1) / 2) / (((x0[i]! || 0) + (x1[i]! || 0)) / 2 || 1))
        : (a1[c]! + a0[c]!) / 2;
      slope[c] = slope[k]! * local;
    });
  }
  return C;
}

/** The unit's change since `v.best`, the year before (warnings: the methods whose scale moves with the other units). */
export function changeSince(v: UnitView, best: number, warnings: Diagnostic[]): ExplainChange {
  const { fw, cur, u, vals, pts, label, pre, key } = v;
  const d = v.fwAll.definitions;
  // The registry says which methods take their statistics from the units.
  const dependent = fw.leaves.filter((ni) => normaliseMethodOf(fw.nodes[ni]!.def!.normalize.method).usesPool);
  if (dependent.length > 0) {
    warnings.push(warning('YEAR_DEPENDENT_METHOD.explain', { ids: dependent.map((ni) => fw.nodes[ni]!.id) }, {}, msg('hint.withCare')));
  }
  const prev = yearOf(v.run, best)!;
  const pu = prev.records.findIndex((r) => r.key === key);
  const pn = prev.records.length;
  const v0 = Float64Array.from({ length: fw.nodes.length }, (_, k) => prev.agg.nodes[k * pn + pu]!);
  // Across a change of method the change is not split: the nodes of the two years differ.
  const changedMethod = methodChanged(v.fwAll, best, v.year);
  const C = contributions(fw, v0, vals, d.scale);
  const pScore = prev.scores[pu]!;
  const toPoints = pts.rootFactor / d.scale;
  const fill = missingFill(fw);
  const contribs: Contribution[] = changedMethod ? [] : pre.map((k) => {
    const a = counted(fill, k, vals);
    const b = counted(fill, k, v0);
    return {
      id: fw.nodes[k]!.id, label: label(k), depth: fw.nodes[k]!.depth,
      valueChange: Number.isNaN(a) || Number.isNaN(b) ? null : a - b,
      contribution: C[k]!, pointsChange: C[k]! * toPoints,
    };
  });
  contribs.sort((x, y) => x.depth - y.depth || y.contribution - x.contribution);
  const prevRank = prev.ranks[pu]! === 0 ? null : prev.ranks[pu]!;
  const rank = cur.ranks[u]! === 0 ? null : cur.ranks[u]!;
  return {
    previousYear: best, previousScore: pScore, scoreChange: cur.scores[u]! - pScore,
    previousRank: prevRank, rankChange: prevRank === null || rank === null ? null : prevRank - rank, methodChanged: changedMethod, contributions: contribs,
  };
}
