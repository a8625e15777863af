/**
 * `explain`: where one unit gains and loses points, how it moved since the year before, what
 * a rank target asks of it, and what a change of values would do. Pure: plain data in, the
 * `dti-explain/v1` object out.
 *
 * Points are on the scale of the root's weights (for the DTI, the official points out of 1000):
 * the root has `totalPoints` = Σ weights of its children × its maximum value (for `aggregate:
 * sum`, the root's own maximum). Each group hands its maximum points and its points lost down
 * to its children:
 * - mean and sum: in proportion to each child's weight share × its maximum, and weight share ×
 *   (maximum − value). This is exact: a child's points are weight share × value on the
 *   parent's scale, so points lost at each depth sum to (maximum − score) × the index's points.
 * - geometric mean: maximum points by weight share; points lost in proportion to each child's
 *   share of the log shortfall, a_c · ln(max_c / v_c), which sums to ln(max_p / v_p) (the
 *   logarithmic, LMDI-style split). The split is exact; a very low child can lose more than
 *   its own maximum (its points go negative): that is what a geometric mean punishes.
 *
 * Year-over-year contributions split the change of score node by node, exactly: a node's
 * change δ_c on its parent's scale is, for mean and sum, a¹_c·v¹_c − a⁰_c·v⁰_c (weight ×
 * change when the weights are the same in both years); for a geometric mean the log-mean
 * (LMDI-I, Ang 2004) split L(v¹_p, v⁰_p) · (a¹_c ln v¹_c − a⁰_c ln v⁰_c), with
 * L(x, y) = (x − y)/(ln x − ln y), which sums to v¹_p − v⁰_p because L · ln(v¹_p/v⁰_p) is
 * exactly that difference. The parent's contribution (in score units) is shared in
 * proportion to the δ_c. A value that is 0 in either year has no logarithm: then the
 * change goes to the children that are 0 in one of the years, by weight.
 *
 * The parts: ./points.ts (node values, points, ranks of one unit), ./profile.ts (its nodes,
 * strengths and weaknesses), ./change.ts (against the year before), ./target.ts (a rank
 * target), ./what-if.ts (edited values); ./types.ts the result.
 */

import { type Diagnostic, type Result, resultWarning } from '../diagnostics.js';
import type { Run } from '../build.js';
import { findUnit, unitsOf } from '../units.js';
import type { ExplainOptions, ExplainResult } from './types.js';
import { clean, nn, unitView } from './points.js';
import { nodeList, standouts } from './profile.js';
import { changeSince } from './change.js';
import { target } from './target.js';
import { whatIf } from './what-if.js';

export type * from './types.js';
export { evaluateUnit, leafMaxima, pointsOf } from './points.js';
export { contributions } from './change.js';
export { parseWhatIf } from './what-if.js';

const TOP = 5;

/**
 * Explain one unit of a run in the latest year it has a row, against the year before it had
 * one.
 */
export function explain(run: Run, unitName: string, opts: Omit<ExplainOptions, 'previous'> = {}): Result<ExplainResult> {
  const lang = opts.lang ?? 'vi';
  const found = findUnit(unitsOf(run), unitName);
  if (!found.ok) return found;
  const v = unitView(run, found.value, lang);
  const { fw, cur, u, rec, pts } = v;
  const d = v.fwAll.definitions;
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  // A year whose index is one indicator has no breakdown (and that indicator is the score: no strength or weakness).
  const breakdown = fw.leaves.filter((ni) => !v.off(ni)).length > 1;
  const nodes = nodeList(v);
  const { strengths, weaknesses } = standouts(v, breakdown, opts.top ?? TOP);
  const change = v.best === null ? null : changeSince(v, v.best, warnings);
  const result: ExplainResult = {
    schema: 'dti-explain/v1',
    framework: { id: d.id, name: d.name[lang] },
    unit: rec.unit, code: rec.code, year: v.year,
    score: nn(cur.scores[u]!), rank: cur.ranks[u]! === 0 ? null : cur.ranks[u]!,
    units: cur.ranks.reduce((s, x) => s + (x > 0 ? 1 : 0), 0),
    totalPoints: Number.isNaN(pts.maxPoints[fw.root]!) ? null : clean(pts.maxPoints[fw.root]!), breakdown,
    nodes, strengths, weaknesses, change, warnings: [],
  };
  if (opts.targetRank !== undefined) {
    const t = target(v, opts.targetRank);
    if (!t.ok) errors.push(...t.errors); else result.target = t.value;
  }
  if (opts.whatIf !== undefined && opts.whatIf.length > 0) {
    const w = whatIf(v, opts.whatIf, opts.decimal);
    if (w.ok) { result.whatIf = w.value; warnings.push(...w.warnings); }
    else if (w.fatal) return { ok: false, errors: w.errors, warnings };
    else errors.push(...w.errors);
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  result.warnings = warnings.map((x) => resultWarning(x, false));
  return { ok: true, value: result, warnings };
}
