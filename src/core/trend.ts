/**
 * Across years: each year of a dataset scored on its own (or normalised over all years with
 * `poolYears`), one row per unit with its score and rank in every year.
 */
import type { UnitRecord } from './model.js';
import { methodChanged } from './framework.js';
import { resultWarning } from './diagnostics.js';
import { type Lang, type ResultWarning, missingWarnings, withinTop, yearDependentWarning } from './score.js';
import type { Run } from './build.js';
import { compareVi } from './text.js';

export interface TrendPoint {
  year: number;
  score: number | null;
  rank: number | null;
}

export interface TrendUnit {
  unit: string;
  code: string | null;
  /** One entry per year of `years`; null where the unit has no row that year. */
  series: (TrendPoint | null)[];
  /** From the first to the last year the unit is ranked: score difference, and ranks gained (positive = up). */
  change: { from: number; to: number; score: number | null; rank: number | null } | null;
}

export interface TrendResult {
  schema: 'dti-trend/v1';
  framework: { id: string; name: string };
  years: number[];
  /** Years whose index is made of other nodes than the year before (`years` in the definitions): rank changes into them cross a change of method. */
  methodChanges: number[];
  /** How many units each year ranks. */
  ranked: number[];
  units: TrendUnit[];
  /** Values missing, scores that do not compare across years: as `dti score` warns. */
  warnings: ResultWarning[];
}

export interface TrendOptions {
  poolYears?: boolean;
  lang?: Lang;
}

/** Every unit's score and rank in every (dated) year of a run (pooled when the run was built with `poolYears`). */
export function trend(run: Run, opts: Omit<TrendOptions, 'poolYears'> = {}): TrendResult {
  const fw = run.fw;
  const pooled = run.options.poolYears === true;
  // A trend runs over dated rows only.
  const scored = run.years.filter((s) => s.year !== null);
  const years = scored.map((s) => s.year!);
  const byKey = new Map<string, { rec: UnitRecord; series: (TrendPoint | null)[] }>();
  scored.forEach((ys, t) => {
    ys.records.forEach((r, i) => {
      let e = byKey.get(r.key);
      if (e === undefined) {
        e = { rec: r, series: years.map(() => null) };
        byKey.set(r.key, e);
      }
      const score = ys.scores[i]!;
      e.series[t] = { year: years[t]!, score: Number.isNaN(score) ? null : score, rank: ys.ranks[i] === 0 ? null : ys.ranks[i]! };
    });
  });
  const units: TrendUnit[] = [...byKey.values()].map(({ rec, series }) => {
    const ranked = series.filter((p): p is TrendPoint => p !== null && p.rank !== null);
    const first = ranked[0];
    const last = ranked[ranked.length - 1];
    const change = first === undefined || last === undefined || first === last ? null : {
      from: first.year, to: last.year,
      score: first.score === null || last.score === null ? null : last.score - first.score,
      rank: first.rank! - last.rank!,
    };
    return { unit: rec.unit, code: rec.code, series, change };
  });
  // By the latest rank, unranked last, then by name.
  const latest = (u: TrendUnit) => {
    for (let t = u.series.length - 1; t >= 0; t--) if (u.series[t]?.rank != null) return { t, r: u.series[t]!.rank! };
    return { t: -1, r: Infinity };
  };
  units.sort((a, b) => {
    const la = latest(a);
    const lb = latest(b);
    return lb.t - la.t || la.r - lb.r || compareVi(a.unit, b.unit);
  });
  return {
    schema: 'dti-trend/v1',
    framework: { id: fw.definitions.id, name: fw.definitions.name[opts.lang ?? 'vi'] },
    years,
    methodChanges: years.filter((y, t) => t > 0 && methodChanged(fw, years[t - 1]!, y)),
    ranked: scored.map((s) => s.ranks.filter((r) => r !== 0).length),
    units,
    warnings: [...(years.length > 1 && !pooled ? yearDependentWarning(fw) : []), ...missingWarnings(fw, scored)]
      .map((w) => resultWarning(w)),
  };
}

/** `--top n`: the units ranked n or better in the last year (ties kept whole), as `dti score --top n` ranks that year. */
export function trendTop(t: TrendResult, top: number | undefined): TrendResult {
  const last = t.years.length - 1;
  return top === undefined ? t : { ...t, units: t.units.filter((u) => withinTop(u.series[last]?.rank, top)) };
}

/** A small chart of a rank path: the higher the rank (1 = best), the taller the bar; a gap is a space. */
export function sparkline(ranks: (number | null)[], worst: number): string {
  const bars = '▁▂▃▄▅▆▇█';
  return ranks.map((r) => {
    if (r === null) return ' ';
    const q = worst <= 1 ? 1 : 1 - (r - 1) / (worst - 1);
    return bars[Math.round(q * (bars.length - 1))]!;
  }).join('');
}
