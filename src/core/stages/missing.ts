/**
 * Stage `missing`: the missing-value policy, decided here and nowhere else.
 *  - `zero`: a missing value counts as 0 in its parent (no evidence, no points);
 *  - `exclude`: it is left out and the other children's weights re-normalised;
 *  - `error`: a missing value is a data error (`missingErrors`, when the data are read).
 * It runs after normalisation on every node's column as the tree is aggregated (a group whose
 * children are all excluded is itself missing, and its own policy then applies in its parent).
 * The normalised matrix and the node values keep NaN, so results still show what was missing.
 */
import { type Diagnostic, error } from '../diagnostics.js';
import { msg } from '../messages.js';
import type { UnitRecord } from '../model.js';
import { type Framework, forYear } from '../framework.js';
import type { MissingPolicy } from '../definitions.js';

/**
 * What a missing value of each node counts as in its parent: 0 (`zero`) or NaN (left out);
 * `policy` overrides every node's own (a sensitivity run's).
 */
export function missingFill(fw: Framework, policy?: MissingPolicy): Float64Array {
  return Float64Array.from(fw.nodes, (nd) => ((policy ?? nd.missing) === 'zero' ? 0 : NaN));
}

/** Resolve one child's value for its parent: a missing value becomes the node's fill. */
export const resolveMissing = (v: number, fill: number) => (v !== v ? fill : v);

/**
 * Missing values of leaves under `missing: error`, located at their cell (or their row when the
 * file has no cell for them). `skip` holds "line:col" of cells already reported as unreadable.
 */
export function missingErrors(fw: Framework, records: readonly UnitRecord[], skip: ReadonlySet<string>, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const L = fw.leaves.length;
  const at = (line: number, col: number) => ({ ...(file === undefined ? {} : { file }), line, col });
  // A leaf that imputes: the policy applies to what imputation leaves missing, after scoring starts.
  const policyError = fw.leaves.map((ni) => fw.nodes[ni]!.missing === 'error' && fw.nodes[ni]!.def!.impute === 'none');
  if (!policyError.includes(true)) return out;
  for (const r of records) {
    const inactive = forYear(fw, r.year).inactive;
    for (let j = 0; j < L; j++) {
      if (!policyError[j] || !Number.isNaN(r.values[j]!)) continue;
      if (inactive !== undefined && inactive[fw.leaves[j]!] === 1) continue; // not part of that year's index
      if (skip.has(`${r.lines[j]}:${r.cols[j]}`)) continue;
      const id = fw.leafIds[j]!;
      out.push(error('MISSING_VALUE', { unit: r.unit, year: r.year, id },
        r.lines[j] !== 0 ? at(r.lines[j]!, r.cols[j]!) : at(r.line, 1), msg('hint.declaredErrorNoComma', { id })));
    }
  }
  return out;
}
