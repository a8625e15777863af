/**
 * Side by side: named units, year by year — score and rank, each pillar, each group (the
 * main indices), each indicator's raw value, normalised value and the points it lost against
 * its maximum; the leader of every row; published official ranks where known.
 */
import { type Diagnostic, type Result, resultWarning } from './diagnostics.js';
import { isBounded } from './methods/normalise/index.js';
import { forYear, methodChanged } from './framework.js';
import { rankKey } from './stages/rank.js';
import { missingFill } from './stages/missing.js';
import { findUnit, unitsOf } from './units.js';
import { type Lang, type ResultWarning, missingWarnings, yearDependentWarning } from './score.js';
import type { Run } from './build.js';
import { maxOf, minOf } from './arrays.js';

/** The least coverage a unit needs to lead (★) a score, pillar or group row. */
const HALF = 0.5;

/** A published rank (data/published), shown beside ours and labelled official. */
export interface OfficialRank {
  year: number;
  code: string;
  rank: number | null;
  score: number | null;
  /** What was ranked, e.g. "63 provinces". */
  universe: string;
  source: string;
}

export type CompareSection = 'score' | 'pillar' | 'group' | 'indicator';

export interface CompareRow {
  year: number | null;
  section: CompareSection;
  id: string;
  label: string;
  /** Per unit: the score (scaled) for score/pillar/group rows, the raw value for indicators. */
  values: (number | null)[];
  /** score and pillar rows: ranks among the compared units (equal rounded scores share a rank). */
  ranks?: (number | null)[];
  /** score and pillar rows: ranks among all units of that year in the data (the national rank for the 63 provinces). */
  nationalRanks?: (number | null)[];
  /** score and pillar rows: how many units of that year were ranked. */
  ranked?: number;
  /** score rows: each unit's coverage (the weight share of its indicators with data); below half, it leads no score, pillar or group row. */
  coverage?: (number | null)[];
  /** indicator rows. */
  normalized?: (number | null)[];
  /** indicator rows: maxPoints × (1 − normalised); a missing value under `zero` loses all. */
  pointsLost?: (number | null)[];
  maxPoints?: number;
  /** Indices of the units that lead this row (ties: several; none when nobody has a value). */
  leaders: number[];
}

export interface CompareResult {
  schema: 'dti-compare/v1';
  framework: { id: string; name: string };
  units: { unit: string; code: string | null }[];
  years: (number | null)[];
  /** Years whose index is made of other nodes than the year before (`years` in the definitions): rank changes into them cross a change of method. */
  methodChanges: number[];
  rows: CompareRow[];
  /** Published ranks for these units, all years known (not computed by us). */
  official: (OfficialRank & { unit: string })[];
  /** Values missing, scores that do not compare across years: as `dti score` warns. */
  warnings: ResultWarning[];
}

export interface CompareOptions {
  lang?: Lang;
  poolYears?: boolean;
  official?: readonly OfficialRank[];
}

/**
 * Compare `names` (any spelling the registry knows, or the exact unit name) across the years
 * of a run (on the 34 provinces after a run with `merge2025`).
 */
export function compare(run: Run, names: readonly string[], opts: Omit<CompareOptions, 'poolYears'> = {}): Result<CompareResult> {
  const fw = run.fw;
  const lang = opts.lang ?? 'vi';
  const errors: Diagnostic[] = [];
  const scored = run.years;
  const known = new Map<string, { unit: string; code: string | null }>();
  for (const ys of scored) for (const r of ys.records) if (!known.has(r.key)) known.set(r.key, { unit: r.unit, code: r.code });
  const units0 = unitsOf(run);
  const keys: string[] = [];
  for (const n of names) {
    const found = findUnit(units0, n);
    if (found.ok) keys.push(found.value); else errors.push(...found.errors);
  }
  if (errors.length > 0) return { ok: false, errors, warnings: [] };

  const d = fw.definitions;
  const units = keys.map((k) => known.get(k)!);
  const rows: CompareRow[] = [];
  const nn = (x: number) => (Number.isNaN(x) ? null : x);
  const leadersOf = (xs: (number | null)[], better: 'high' | 'low') => {
    const v = xs.filter((x): x is number => x !== null);
    if (v.length === 0) return [];
    const best = better === 'high' ? maxOf(v) : minOf(v);
    return xs.flatMap((x, i) => (x === best ? [i] : []));
  };

  // Ranks among the compared units, on the same rounded keys as the national ranking.
  const localRanks = (xs: (number | null)[]) => {
    const keysOf = xs.map((x) => (x === null ? null : rankKey(fw, x)));
    return keysOf.map((k) => (k === null ? null : 1 + keysOf.filter((o) => o !== null && o > k).length));
  };
  // What a missing value counts as (0 under `zero`; NaN: left out, no points lost), as the engine counts it.
  const fill = missingFill(fw);
  for (const ys of scored) {
    const n = ys.records.length;
    const fy = forYear(fw, ys.year); // the nodes of that year's method
    const totalPoints = fy.nodes[fy.root]!.children.reduce((s, c) => s + fy.nodes[c]!.weight, 0);
    const off = (ni: number) => fy.inactive !== undefined && fy.inactive[ni] === 1;
    const idx = keys.map((k) => ys.records.findIndex((r) => r.key === k));
    const pick = <T>(f: (i: number) => T): (T | null)[] => idx.map((i) => (i < 0 ? null : f(i)));
    const scores = pick((i) => nn(ys.scores[i]!));
    const ranked = (rs: Int32Array) => rs.reduce((c, r) => c + (r === 0 ? 0 : 1), 0);
    const coverage = pick((i) => Number(ys.coverage[i]!.toFixed(10)));
    // A score or an aggregate made from under half the data leads nothing: its ★ would be an artefact of the gaps.
    const led = (xs: (number | null)[]) => leadersOf(xs.map((x, u) => ((coverage[u] ?? 0) >= HALF ? x : null)), 'high');
    rows.push({ year: ys.year, section: 'score', id: d.id, label: d.name[lang], values: scores, ranks: localRanks(scores),
      nationalRanks: pick((i) => (ys.ranks[i] === 0 ? null : ys.ranks[i]!)), ranked: ranked(ys.ranks), coverage, leaders: led(scores) });
    fw.pillars.forEach((p, k) => {
      if (p.members.every(off)) return; // no such pillar in that year's method (DTI 2024)
      const vals = pick((i) => nn(ys.agg.pillars[k * n + i]! * d.scale));
      rows.push({ year: ys.year, section: 'pillar', id: p.id, label: d.pillars[k]!.name[lang], values: vals, ranks: localRanks(vals),
        nationalRanks: pick((i) => (ys.pillarRanks[k]![i] === 0 ? null : ys.pillarRanks[k]![i]!)), ranked: ranked(ys.pillarRanks[k]!),
        leaders: led(vals) });
    });
    for (const g of fw.groups) {
      if (off(g)) continue;
      const node = fw.nodes[g]!;
      const vals = pick((i) => nn(ys.agg.nodes[g * n + i]! * d.scale));
      rows.push({ year: ys.year, section: 'group', id: node.id, label: node.def!.name[lang], values: vals, leaders: led(vals) });
    }
    fw.leaves.forEach((ni, j) => {
      const node = fw.nodes[ni]!;
      const values = pick((i) => nn(ys.records[i]!.values[j]!));
      // A leaf outside that year's method: shown when the data give it (DTI 2024's published main
      // indices), worth no points.
      if (off(ni) && (run.merged || values.every((v) => v === null))) return;
      // After the 2025 merger only the main indices have values: an indicator no province has is left out.
      if (run.merged && values.every((v) => v === null)) return;
      // The leaf's share of the index in the index's own points (25 of 1000 for a DTI component);
      // rounded to 10 decimals so 0.025 × 1000 reads 25, not 24.999999999999996.
      const maxPoints = Number((fy.leafShare[j]! * totalPoints).toFixed(10));
      const norm = pick((i) => nn(ys.norm[j * n + i]!));
      // Points lost exist only where the scale is bounded: a `none` or `zscore` value has no maximum.
      const bounded = isBounded(node.def!);
      const lost = norm.map((v, u) => {
        if (idx[u]! < 0 || !bounded || off(ni)) return null;
        const counted = v ?? fill[ni]!;
        if (Number.isNaN(counted)) return null;
        // To 10 decimals as maxPoints and explain's points: 105.78 lost, not 105.77999999999999.
        return Number((maxPoints * (1 - counted)).toFixed(10));
      });
      rows.push({
        year: ys.year, section: 'indicator', id: node.id, label: node.def!.name[lang],
        values, normalized: norm, pointsLost: lost, maxPoints,
        leaders: leadersOf(norm, 'high'),
      });
    });
  }

  const codes = new Map(units.map((u) => [u.code, u.unit]));
  // Years the data rank all 63 provinces themselves (the official tables): there, the national
  // rank is already in every row; published ranks stay where they add a year (2020, 2021).
  // Under the 2025 merger the same holds for the 34, and only ranks among the 34 are of these provinces.
  const whole = run.merged ? 34 : 63;
  const full = new Set(scored.filter((s) => run.data.map === '63' && s.ranks.filter((r) => r !== 0).length === whole).map((s) => s.year));
  const ofMap = (o: OfficialRank) => (run.merged ? o.universe.startsWith('34 provinces') : true);
  const official = (opts.official ?? [])
    .filter((o) => codes.has(o.code) && ofMap(o) && !(o.universe.startsWith(`${whole} provinces`) && full.has(o.year)))
    .map((o) => ({ ...o, unit: codes.get(o.code)! }))
    .sort((a, b) => a.year - b.year || units.findIndex((u) => u.code === a.code) - units.findIndex((u) => u.code === b.code));

  // Warnings about the compared units only: the others' gaps are not this comparison's business.
  const shown = new Set(keys);
  const warnings = [
    ...(scored.length > 1 && run.options.poolYears !== true ? yearDependentWarning(fw) : []),
    ...missingWarnings(fw, scored.map((ys) => {
      const keep = ys.records.flatMap((r, i) => (shown.has(r.key) ? [i] : []));
      return { ...ys, records: keep.map((i) => ys.records[i]!), missing: Int32Array.from(keep, (i) => ys.missing[i]!),
        coverage: Float64Array.from(keep, (i) => ys.coverage[i]!), ranks: Int32Array.from(keep, (i) => ys.ranks[i]!) };
    })),
  ];
  return {
    ok: true,
    warnings,
    value: {
      schema: 'dti-compare/v1',
      framework: { id: d.id, name: d.name[lang] },
      units,
      years: scored.map((s) => s.year),
      methodChanges: scored.flatMap((s, i) => (i > 0 && s.year !== null && methodChanged(fw, scored[i - 1]!.year, s.year) ? [s.year] : [])),
      rows,
      official,
      warnings: warnings.map((w) => resultWarning(w)),
    },
  };
}
