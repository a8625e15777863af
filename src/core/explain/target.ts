/** What a rank target asks of the unit: the score needed, each node's value that reaches it alone, a balanced plan. */
import { type Result, error } from '../diagnostics.js';
import { msg } from '../messages.js';
import { normaliseMethodOf } from '../methods/normalise/index.js';
import { normaliseColumn } from '../stages/normalise.js';
import { rankKey } from '../stages/rank.js';
import { transformValue } from '../stages/transform.js';
import type { Framework } from '../framework.js';
import type { ExplainTarget, NodeNeed } from './types.js';
import { missingFill } from '../stages/missing.js';
import { type UnitView, clean, counted, evaluateUnit, leafMaxOf, nn, pointsOf } from './points.js';

/** The scaled score's rank key of a root value. */
const keyOf = (fw: Framework, rootValue: number) => rankKey(fw, rootValue * fw.definitions.scale);

/**
 * The smallest x in [lo, hi] with ok(x), for ok nondecreasing in x; null when ok(hi) fails.
 * Bisection to the last representable step, so the answer passes ok exactly.
 */
function smallest(ok: (x: number) => boolean, lo: number, hi: number): number | null {
  if (ok(lo)) return lo;
  if (!ok(hi)) return null;
  for (let it = 0; it < 200; it++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (ok(mid)) hi = mid; else lo = mid;
  }
  return hi;
}

/**
 * The raw value whose normalised value is at least `y`, for a leaf whose normalisation uses no
 * other unit's values (its method's `invert`); undefined otherwise. Checked through the
 * engine's own normalisation.
 */
function rawFor(fw: Framework, leafNode: number, y: number): number | null | undefined {
  const leaf = fw.nodes[leafNode]!.def!;
  const nm = leaf.normalize;
  const lower = leaf.direction === 'lower';
  const inv = (t: number) => (leaf.transform === 'log' ? Math.exp(t) : leaf.transform === 'log10' ? 10 ** t : leaf.transform === 'sqrt' ? t * t : t);
  const T = (x: number) => transformValue(leaf.transform, x);
  const m = normaliseMethodOf(nm.method);
  if (m.usesPool || m.invert === undefined) return undefined;
  const at = m.invert(nm, y, lower, T);
  if ('raw' in at) return at.raw;
  const guess = inv(at.transformed);
  if (!Number.isFinite(guess)) return null;
  // Nudge past float error until the engine agrees (a few ulps at most).
  const norm = (x: number) => normaliseColumn(leaf, [x])[0]!;
  let x = guess;
  for (let i = 0; i < 64 && !(norm(x) >= y); i++) {
    const step = Math.max(Math.abs(x) * Number.EPSILON * 2 ** i, Number.MIN_VALUE * 2 ** i);
    x = lower ? x - step : x + step;
  }
  return norm(x) >= y ? x : null;
}

/** The score rank N needs, with the others held at this year's values; what each node, or all main indices together, would take. */
export function target(v: UnitView, N: number): Result<ExplainTarget> {
  const { fw, cur, u, vals, pts, label, pre, n } = v;
  // A merged province's main indices are given (the members' means), not computed from leaves.
  const given = new Map(v.run.merged ? fw.nodes[fw.root]!.children.map((c) => [c, vals[c]!] as [number, number]) : []);
  const scale = fw.definitions.scale;
  // A rank past the last one ranked is reached by any score (there is nobody to pass).
  const others: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === u) continue;
    const k = rankKey(fw, cur.scores[i]!);
    if (!Number.isNaN(k)) others.push(k);
  }
  others.sort((a, b) => b - a);
  // The ranks there are: the others ranked and this unit (rank 99 of 63 was 'reached').
  if (N < 1 || N > others.length + 1) {
    return { ok: false, warnings: [], errors: [error('BAD_PARAMETER.targetRank', { rank: N, units: others.length + 1 }, {}, msg('hint.targetRank', { units: others.length + 1 }))] };
  }
  // Rank N needs at least the N-th best score among the others (equal shares rank N); past them, nothing.
  const needed = N - 1 < others.length ? others[N - 1]! : null;
  const score = cur.scores[u]!;
  const gap = needed === null ? 0 : needed - (Number.isNaN(score) ? 0 : score);
  const toPoints = pts.rootFactor / scale;
  const leafVals = Float64Array.from(fw.leaves, (_, j) => cur.norm[j * n + u]!);
  const fill = missingFill(fw);
  const ok = (fixed: Map<number, number>) => {
    if (needed === null) return true;
    const v = evaluateUnit(fw, leafVals, given.size === 0 ? fixed : new Map([...given, ...fixed]));
    return keyOf(fw, counted(fill, fw.root, v)) >= needed;
  };
  const reached = ok(new Map());
  const byNode: NodeNeed[] = [];
  if (!reached) {
    for (const k of pre) {
      const nd = fw.nodes[k]!;
      const v = vals[k]!;
      const max = pts.maxVal[k]!;
      const hi = Number.isNaN(max) ? Math.max(1, Math.abs(Number.isNaN(v) ? 0 : v)) * 1e6 : max;
      const lo = Number.isNaN(v) ? Math.min(0, hi) : Math.min(v, hi);
      const x = fw.nodes[k]!.weight === 0 ? null : smallest((x) => ok(new Map([[k, x]])), lo, hi);
      const need: NodeNeed = { id: nd.id, label: label(k), depth: nd.depth, value: nn(v), valueNeeded: x, reachable: x !== null };
      if (nd.leaf >= 0) {
        const raw = x === null ? null : rawFor(fw, k, x);
        if (raw !== undefined) need.rawNeeded = raw;
      }
      byNode.push(need);
    }
  }
  let plan: ExplainTarget['plan'] = null;
  if (!reached) {
    const top = fw.nodes[fw.root]!.children.filter((c) => !Number.isNaN(pts.maxVal[c]!) && fw.nodes[c]!.weight > 0);
    const start = (c: number) => (Number.isNaN(vals[c]!) ? 0 : vals[c]!);
    const at = (t: number) => new Map(top.map((c) => [c, start(c) + t * (pts.maxVal[c]! - start(c))]));
    const t = smallest((t) => ok(at(t)), 0, 1);
    if (t !== null) {
      const fixed = at(t);
      const after = pointsOf(fw, evaluateUnit(fw, leafVals, given.size === 0 ? fixed : new Map([...given, ...fixed])), leafMaxOf(fw, pts));
      plan = {
        share: t,
        steps: top.map((c) => ({
          id: fw.nodes[c]!.id, label: label(c), from: start(c), to: fixed.get(c)!,
          pointsGained: clean((after.points[c]! || 0) - (Number.isNaN(pts.points[c]!) ? 0 : pts.points[c]!)),
        })).sort((x, y) => y.pointsGained - x.pointsGained),
      };
    }
  }
  return {
    ok: true, warnings: [],
    value: { rank: N, scoreNeeded: needed, gap, gapPoints: clean(gap * toPoints), reached, othersHeld: true, byNode, plan },
  };
}
