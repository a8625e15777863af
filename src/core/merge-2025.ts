/**
 * The 2025 merger: the 34 provinces after 1 July 2025 scored from data on the 63, as the
 * ministry does it (each main index the mean of the merged provinces').
 */
import type { Dataset, UnitRecord } from './model.js';
import { yearsOf } from './model.js';
import { type Diagnostic, type Result, error, warning } from './diagnostics.js';
import { msg } from './messages.js';
import { aggregateAbove } from './stages/aggregate.js';
import { normaliseColumn } from './stages/normalise.js';
import { type Framework, forYear } from './framework.js';
import { missingFill } from './stages/missing.js';
import { normaliseMethodOf } from './methods/normalise/index.js';
import { type YearScore, rankYear } from './pipeline.js';
import { PROVINCES_2025, type Province2025, provinceByCode, region2025, successorOf } from './provinces.js';

/** The 34 provinces the records merge into, in the registry's order, each with the indices of its member rows present. */
export function mergeGroups(records: readonly UnitRecord[]): { province: Province2025; members: number[] }[] {
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    const succ = r.code === null ? undefined : successorOf(r.code);
    if (succ === undefined) return;
    const g = groups.get(succ.code) ?? [];
    g.push(i);
    groups.set(succ.code, g);
  });
  return PROVINCES_2025.filter((p) => groups.has(p.code)).map((province) => ({ province, members: groups.get(province.code)! }));
}

/**
 * The merger's rule for the main indices (the root's children), column-wise: node c's value for
 * merged province u (out[c·m + u], m = groups.length) is the simple mean of its members' values
 * (`column(c)[i]` for each member row i of `groups[u]`). A member's missing value counts as the
 * root counts it when scoring unmerged, by the missing stage's `fill` (missingFill: 0 under
 * `missing: zero`, NaN = left out of the mean; NaN when no member counts; a sensitivity run
 * passes its policy's). A main index outside that year's method (`fw` as forYear gives it: DTI
 * 2024's published DTI in 2023) has no value, as unmerged: NaN. Scoring (mergeYear) and the
 * sensitivity runs (Merger, into a reused buffer) both merge through this.
 */
export function mergeMainIndices(fw: Framework, column: (c: number) => ArrayLike<number>, groups: readonly (readonly number[])[],
  out: Float64Array, fill: ArrayLike<number> = missingFill(fw)): Float64Array {
  const m = groups.length;
  for (const c of fw.nodes[fw.root]!.children) {
    if (fw.inactive !== undefined && fw.inactive[c] === 1) { out.fill(NaN, c * m, (c + 1) * m); continue; }
    const f = fill[c]!;
    const col = column(c);
    for (let u = 0; u < m; u++) {
      const members = groups[u]!;
      let sum = 0;
      let k = 0;
      for (let t = 0; t < members.length; t++) {
        let v = col[members[t]!]!;
        if (v !== v) v = f;
        if (v === v) { sum += v; k++; }
      }
      out[c * m + u] = k === 0 ? NaN : sum / k;
    }
  }
  return out;
}

/**
 * The 2025 merger (data/reference/DTI-METHODOLOGY.md §2.3): each of the 34 provinces gets,
 * for every node directly under the root (the main indices), the simple mean of its member
 * provinces' values ("trung bình cộng các chỉ số chính của DTI các tỉnh trước sáp nhập");
 * the root and pillars are recomputed from those (mergeMainIndices: a missing main index as the
 * root counts it). Members absent from the data are left out of the mean (`mergeProblems`
 * reports them first); coverage is the members' mean.
 */
export function mergeYear(fw0: Framework, ys: YearScore): YearScore {
  const fw = forYear(fw0, ys.year);
  const n = ys.records.length;
  const plan = mergeGroups(ys.records);
  const merged = plan.map((g) => g.province);
  const m = merged.length;
  const N = fw.nodes.length;
  const L = fw.leaves.length;
  const nodes = new Float64Array(m * N).fill(NaN);
  const cov = new Float64Array(m);
  const missing = new Int32Array(m);
  const absent: (string[] | null)[] = [];
  const gaps: number[][] = [];
  mergeMainIndices(fw, (c) => ys.agg.nodes.subarray(c * n, (c + 1) * n), plan.map((g) => g.members), nodes);
  const records: UnitRecord[] = merged.map((p, u) => {
    const members = plan[u]!.members;
    cov[u] = members.reduce((s, i) => s + ys.coverage[i]!, 0) / members.length;
    const lacks: number[] = [];
    for (let j = 0; j < L; j++) {
      if (fw.inactive !== undefined && fw.inactive[fw.leaves[j]!] === 1) continue; // not part of that year's index
      if (members.some((i) => Number.isNaN(ys.records[i]!.values[j]!))) { missing[u]! += 1; lacks.push(j); }
    }
    gaps.push(lacks);
    const present = new Set(members.map((i) => ys.records[i]!.code));
    const lacking = p.members.filter((c) => !present.has(c)).map((c) => provinceByCode(c)!.name);
    absent.push(lacking.length === 0 ? null : lacking);
    const first = ys.records[members[0]!]!;
    return {
      unit: p.name, code: p.code, key: `2025:${p.code}`, region: region2025(p), year: ys.year, line: first.line,
      values: new Float64Array(L).fill(NaN), lines: new Int32Array(L), cols: new Int32Array(L),
    };
  });
  const agg = aggregateAbove(fw, nodes, m);
  // A main index that is itself a leaf (the published main indices as data) keeps its merged
  // value as its normalised value, and as its value when the leaf takes values as they are
  // (normalize none or goalposts 0–1, no transform); other raw values of merged provinces do not exist.
  const norm = new Float64Array(m * L).fill(NaN);
  for (const c of fw.nodes[fw.root]!.children) {
    const node = fw.nodes[c]!;
    if (node.leaf < 0) continue;
    norm.set(nodes.subarray(c * m, (c + 1) * m), node.leaf * m);
    const nz = node.def!.normalize;
    const identity = normaliseMethodOf(nz.method).keeps01(nz, node.def!.direction === 'lower');
    if (identity && node.def!.transform === 'none') {
      records.forEach((r, u) => { r.values[node.leaf] = nodes[c * m + u]!; });
    }
  }
  return { ...rankYear(fw, records, ys.year, norm, agg, cov, missing), absent, gaps };
}

/** Why `--merge-2025` cannot run on these data: units that are not of the 63, merged provinces with members missing. */
export function mergeProblems(data: Dataset, allowPartial: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = (line: number) => ({ ...(data.file === undefined ? {} : { file: data.file }), line, col: 1 });
  if (data.unitKind !== 'province' || data.map !== '63') {
    out.push(error('MIXED_MAPS.merge', { free: data.unitKind !== 'province' }, where(1), msg('hint.dropMerge')));
    return out;
  }
  for (const year of yearsOf(data)) {
    const present = new Map(data.records.filter((r) => r.year === year).map((r) => [r.code!, r]));
    for (const p of PROVINCES_2025) {
      const have = p.members.filter((c) => present.has(c));
      if (have.length === 0 || have.length === p.members.length) continue;
      const lacking = p.members.filter((c) => !present.has(c)).map((c) => provinceByCode(c)!.name);
      const d = (allowPartial ? warning : error)('MISSING_VALUE.merge',
        { name: p.name, year, members: p.members.map((c) => provinceByCode(c)!.name).join(' + '), lacking: lacking.join(', ') },
        where(present.get(have[0]!)!.line), msg(allowPartial ? 'hint.partialMerged' : 'hint.partialMerge'));
      out.push(d);
    }
  }
  return out;
}

/**
 * `explain --what-if` on a province of the 34: the raw values of its main indices changed (a main
 * index that is a leaf, normalised by a method that takes nothing from the other units), the
 * index recomputed from the main indices as the merger does, every province ranked again. Below
 * the main indices a merged province has no values of its own: an edit there is an error.
 * `edits` as `parseWhatIf` gives them; `fw0` the definitions, `ys` the merged year, `u` the unit.
 */
export function whatIfMerged(fw0: Framework, ys: YearScore, u: number, edits: readonly { leaf: number; value: number }[]): Result<{ score: number; rank: number | null }> {
  const fw = forYear(fw0, ys.year);
  const m = ys.records.length;
  const main = new Set(fw.nodes[fw.root]!.children);
  const nodes = ys.agg.nodes.slice();
  const errors: Diagnostic[] = [];
  for (const e of edits) {
    const k = fw.leaves[e.leaf]!;
    const def = fw.nodes[k]!.def!;
    if (!main.has(k) || normaliseMethodOf(def.normalize.method).usesPool) {
      errors.push(error('BAD_PARAMETER.whatIfMerged', { unit: ys.records[u]!.unit, id: def.id }, {}, msg('hint.whatIfMember')));
      continue;
    }
    nodes[k * m + u] = normaliseColumn(def, Float64Array.of(e.value))[0]!;
  }
  if (errors.length > 0) return { ok: false, errors, warnings: [] };
  const agg = aggregateAbove(fw, nodes, m);
  const again = rankYear(fw, ys.records, ys.year, ys.norm, agg, ys.coverage, ys.missing);
  return { ok: true, value: { score: again.scores[u]!, rank: again.ranks[u]! === 0 ? null : again.ranks[u]! }, warnings: [] };
}
