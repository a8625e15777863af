/**
 * What the HTML report shows, as plain data: built from a scored result and the framework,
 * with no I/O, so the page and its charts are a pure function of it.
 */
import type { UnitKind } from '../core/model.js';
import type { Framework } from '../core/framework.js';
import type { Lang, ScoreResult } from '../core/score.js';
import { formatNumber } from '../core/text.js';

export interface ReportRow {
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  unit: string;
  code: string | null;
  score: number | null;
  /** Pillar scores in the order of `pillars`. */
  pillars: (number | null)[];
  coverage: number;
}

export interface ReportModel {
  lang: Lang;
  framework: { id: string; name: string; sources: string[] };
  year: number | null;
  previousYear: number | null;
  /** The previous year was scored by another method: rank changes compare two ways of computing. */
  methodChanged: boolean;
  unitKind: UnitKind;
  /** Which province map the units belong to; null for free units (no map). */
  map: '63' | '34' | null;
  pillars: { id: string; name: string }[];
  decimals: number;
  rows: ReportRow[];
  dropped: { unit: string; previousRank: number | null }[];
  /** Data files as the user named them. */
  files: string[];
  version: string;
  /** The unit of the profile section, marked in the table. */
  highlight?: string;
}

export interface ModelInput {
  result: ScoreResult;
  fw: Framework;
  lang: Lang;
  unitKind: UnitKind;
  map: '63' | '34' | null;
  files: string[];
  version: string;
}

export function buildModel(o: ModelInput): ReportModel {
  const d = o.fw.definitions;
  // Pillars with a value for some unit (a year whose method has none, e.g. DTI 2024, shows none).
  const pillars = d.pillars.filter((p) => o.result.rankings.some((r) => (r.pillars[p.id]?.score ?? null) !== null));
  return {
    lang: o.lang,
    framework: { id: d.id, name: d.name[o.lang], sources: [...d.source[o.lang]] },
    year: o.result.year,
    previousYear: o.result.previousYear,
    methodChanged: o.result.methodChanged,
    unitKind: o.unitKind,
    map: o.unitKind === 'province' ? o.map : null,
    pillars: pillars.map((p) => ({ id: p.id, name: p.name[o.lang] })),
    decimals: d.decimals,
    rows: o.result.rankings.map((r) => ({
      rank: r.rank,
      previousRank: r.previousRank,
      rankChange: r.rankChange,
      unit: r.unit,
      code: r.code,
      score: r.score,
      pillars: pillars.map((p) => r.pillars[p.id]?.score ?? null),
      coverage: r.coverage,
    })),
    dropped: o.result.dropped.map((x) => ({ unit: x.unit, previousRank: x.previousRank })),
    files: o.files,
    version: o.version,
  };
}

/** A score as the report prints it: the framework's decimals, the reader's decimal mark (0,8340 in Vietnamese), never the host locale. */
export function fmt(x: number | null, decimals: number, lang: Lang): string {
  return x === null ? '' : formatNumber(x, decimals, lang);
}
