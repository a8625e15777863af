/** What a change of the unit's values would do: the edits parsed, and the run built again with them. */
import { type Diagnostic, type Result, error, meant, warning } from '../diagnostics.js';
import { msg } from '../messages.js';
import { normaliseMethodOf } from '../methods/normalise/index.js';
import { transformValue } from '../stages/transform.js';
import type { Framework } from '../framework.js';
import { build, yearOf } from '../build.js';
import { whatIfMerged } from '../merge-2025.js';
import type { Decimal } from '../model.js';
import { parseBoolean, parseNumber } from '../values.js';
import type { ExplainWhatIf } from './types.js';
import { type UnitView, nn } from './points.js';

/** Parse `id=value` edits against the leaves; every problem at once. */
export function parseWhatIf(fw: Framework, edits: readonly string[], decimal: Decimal = 'dot'): Result<{ leaf: number; value: number; text: string }[]> {
  const errors: Diagnostic[] = [];
  const out: { leaf: number; value: number; text: string }[] = [];
  for (const e of edits) {
    const eq = e.indexOf('=');
    if (eq <= 0) {
      errors.push(error('BAD_PARAMETER.whatIf', { text: e }, {}, msg('hint.whatIf')));
      continue;
    }
    const id = e.slice(0, eq).trim();
    const text = e.slice(eq + 1);
    const k = fw.index.get(id);
    if (k === undefined || fw.nodes[k]!.leaf < 0) {
      errors.push(k === undefined ? error('UNKNOWN_NODE.whatIf', { id }, {}, meant(id, fw.leafIds) ?? msg('hint.seeIndicators'))
        : error('UNKNOWN_NODE.whatIfGroup', { id }, {}, msg('hint.under', { ids: fw.nodes[k]!.children.map((c) => fw.nodes[c]!.id).slice(0, 6).join(', ') })));
      continue;
    }
    const leaf = fw.nodes[k]!;
    // A value typed on the command line: either decimal mark is understood (0.6 or 0,6).
    const yesNo = normaliseMethodOf(leaf.def!.normalize.method).yesNo;
    let v = yesNo ? parseBoolean(text) : parseNumber(text, decimal);
    if (v.kind === 'invalid' && !yesNo) {
      const other = parseNumber(text, decimal === 'dot' ? 'comma' : 'dot');
      if (other.kind === 'number') v = other;
    }
    if (v.kind === 'invalid') { errors.push(error('NOT_A_NUMBER', { where: `--what-if ${id}`, reason: v.reason }, {}, v.hint)); continue; }
    const value = v.kind === 'missing' ? NaN : v.value;
    if (!Number.isNaN(value) && Number.isNaN(transformValue(leaf.def!.transform, value))) {
      errors.push(error('OUT_OF_DOMAIN.whatIf', { id, value, transform: leaf.def!.transform }, {}, msg('hint.possibleValue')));
      continue;
    }
    out.push({ leaf: leaf.leaf, value, text });
  }
  return errors.length > 0 ? { ok: false, errors, warnings: [] } : { ok: true, value: out, warnings: [] };
}

/**
 * The unit's score and rank with its values edited (`id=value`): the same run, every stage again
 * (imputation and the pool see the new values). Problems with the edits come back to be reported
 * with the others; a run that cannot be built again ends the explanation (`fatal`).
 */
export function whatIf(v: UnitView, edits: readonly string[], decimal?: Decimal): { ok: true; value: ExplainWhatIf; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[]; fatal: boolean } {
  const { run, fw, rec, cur, u } = v;
  const parsed = parseWhatIf(fw, edits, decimal);
  if (!parsed.ok) return { ok: false, fatal: false, errors: parsed.errors };
  // An indicator outside the year's method (`years` in the definitions) is in no score of that year: its edit changes nothing.
  const warnings = parsed.value.filter((e) => v.off(fw.leaves[e.leaf]!))
    .map((e) => warning('NOT_SCORED.whatIf', { id: fw.leafIds[e.leaf]!, year: v.year ?? 0 }, {}, msg('hint.whatIfScored', { ids: fw.leaves.filter((k) => !v.off(k)).map((k) => fw.nodes[k]!.id).slice(0, 6).join(', ') })));
  const r0 = cur.ranks[u]! === 0 ? null : cur.ranks[u]!;
  const changes = parsed.value.map((e) => ({ id: fw.leafIds[e.leaf]!, from: nn(rec.values[e.leaf]!), to: nn(e.value) }));
  if (run.merged) {
    // A province of the 34: its main indices changed, the index recomputed from them as the merger does.
    const w = whatIfMerged(v.fwAll, cur, u, parsed.value);
    if (!w.ok) return { ok: false, fatal: false, errors: w.errors };
    const { score, rank } = w.value;
    return {
      ok: true,
      value: {
        changes, score: nn(score), rank,
        scoreChange: Number.isNaN(score) || Number.isNaN(cur.scores[u]!) ? null : score - cur.scores[u]!,
        rankChange: rank === null || r0 === null ? null : r0 - rank,
      },
      warnings,
    };
  }
  const values = Float64Array.from(rec.values);
  for (const e of parsed.value) values[e.leaf] = e.value;
  // lines and cols named: a loaded record may make them only when asked (not own properties).
  const edited = run.data.records.map((r) => (r === rec ? { ...r, lines: r.lines, cols: r.cols, values } : r));
  const again = build(v.fwAll, [{ ...run.data, records: edited }], {
    ...(run.options.poolYears === true ? { poolYears: true } : {}), ...(run.options.year === undefined ? {} : { year: run.options.year }),
  });
  if (!again.ok) return { ok: false, fatal: true, errors: again.errors };
  const ws = yearOf(again.value, v.year)!;
  const r1 = ws.ranks[u]! === 0 ? null : ws.ranks[u]!;
  return {
    ok: true,
    value: {
      changes,
      score: nn(ws.scores[u]!), rank: r1,
      scoreChange: Number.isNaN(ws.scores[u]!) || Number.isNaN(cur.scores[u]!) ? null : ws.scores[u]! - cur.scores[u]!,
      rankChange: r1 === null || r0 === null ? null : r0 - r1,
    },
    warnings,
  };
}
