/**
 * Results as workbook sheets (pure; the CLI zips them): a ranking sheet, the breakdown at
 * the `--detail` level, and a sheet naming the framework, year, files and sources. Numbers
 * are numbers with a display format at the index's `decimals`; codes are text ('01' keeps
 * its zero). Any other command's table becomes one sheet (numbers as numbers).
 */
import type { Framework } from '../core/framework.js';
import { type Lang, type RankedUnit, type ScoreResult, topUnits } from '../core/score.js';
import { tokenize } from '../load/csv.js';
import { type OutColumn, type OutSheet, type OutValue, sheetName } from './workbook.js';
import type { Detail } from './score.js';
import { type Text, msg, render } from '../core/messages.js';
import { WORKBOOK_WORDS } from './words.js';

const T = WORKBOOK_WORDS;

export interface ScoreWorkbookOptions {
  lang: Lang;
  detail: Detail;
  unitKind: 'province' | 'unit';
  byRegion: boolean;
  /** `--by <column>`: --top keeps the units ranked n or better within their group. */
  by?: string;
  top?: number;
  /** Names of the definitions and data files, as given. */
  definitionsFile: string;
  dataFiles: string[];
  version: string;
}

export function scoreWorkbook(result: ScoreResult, fw: Framework, o: ScoreWorkbookOptions): OutSheet[] {
  const t = T[o.lang];
  const d = fw.definitions;
  const dec = d.decimals;
  const rows = topUnits(result.rankings, o);
  const taken = new Set<string>();

  const cols: { col: OutColumn; get: (r: RankedUnit) => OutValue }[] = [];
  const add = (header: string, kind: OutColumn['kind'], get: (r: RankedUnit) => OutValue, decimals?: number) =>
    cols.push({ col: { header, kind, ...(decimals === undefined ? {} : { decimals }) }, get });
  add(t.rank, 'integer', (r) => r.rank);
  if (result.previousYear !== null) {
    add(t.previousRank, 'integer', (r) => r.previousRank);
    add(t.change, 'integer', (r) => r.rankChange);
  }
  add(o.unitKind === 'province' ? t.province : t.unit, 'text', (r) => r.unit);
  add(t.code, 'text', (r) => r.code);
  if (o.byRegion) {
    add(t.region, 'text', (r) => r.region);
    add(t.regionRank, 'integer', (r) => r.regionRank);
  }
  add(t.score, 'number', (r) => r.score, dec);
  for (const p of d.pillars) {
    add(p.name[o.lang], 'number', (r) => r.pillars[p.id]!.score, dec);
    add(`${t.rankOf} ${p.id.toUpperCase()}`, 'integer', (r) => r.pillars[p.id]!.rank);
  }
  add(t.coverage, 'number', (r) => r.coverage, 4);
  const ranking: OutSheet = { name: sheetName(t.ranking, taken), columns: cols.map((c) => c.col), rows: rows.map((r) => cols.map((c) => c.get(r))) };

  // The breakdown: groups (pillars level: the pillars' scores and ranks), indicators with values.
  const bcols: { col: OutColumn; get: (r: RankedUnit) => OutValue }[] = [];
  const badd = (header: string, kind: OutColumn['kind'], get: (r: RankedUnit) => OutValue, decimals?: number) =>
    bcols.push({ col: { header, kind, ...(decimals === undefined ? {} : { decimals }) }, get });
  badd(t.rank, 'integer', (r) => r.rank);
  badd(o.unitKind === 'province' ? t.province : t.unit, 'text', (r) => r.unit);
  badd(t.code, 'text', (r) => r.code);
  // Headed by names, as people read them (the ids are the CSV's and the JSON's).
  const nameOf = (k: number) => fw.nodes[k]!.def!.name[o.lang];
  if (o.detail === 'pillars') {
    for (const p of d.pillars) {
      badd(p.name[o.lang], 'number', (r) => r.pillars[p.id]!.score, dec);
      badd(`${t.rankOf} ${p.name[o.lang]}`, 'integer', (r) => r.pillars[p.id]!.rank);
    }
  }
  if ((o.detail === 'pillars' && d.pillars.length === 0) || o.detail === 'groups' || o.detail === 'indicators') {
    for (const g of fw.groups) { const id = fw.nodes[g]!.id; badd(nameOf(g), 'number', (r) => r.groups[id] ?? null, dec); }
  }
  if (o.detail === 'indicators') {
    fw.leafIds.forEach((id, j) => {
      badd(nameOf(fw.leaves[j]!), 'general', (r) => r.indicators[id]!.value);
      badd(`${nameOf(fw.leaves[j]!)} (${t.normalized})`, 'number', (r) => r.indicators[id]!.normalized, 4);
    });
  }
  const breakdown: OutSheet = { name: sheetName(t.breakdown, taken), columns: bcols.map((c) => c.col), rows: rows.map((r) => bcols.map((c) => c.get(r))) };

  const sources = [...d.source[o.lang], ...fw.leaves.flatMap((ni) => fw.nodes[ni]!.def!.source[o.lang])];
  const about: [string, OutValue][] = [
    [t.framework, d.name[o.lang]],
    [t.frameworkId, d.id],
    [t.year, result.year],
    ...(result.previousYear === null ? [] : [[t.previousYear, result.previousYear] as [string, OutValue]]),
    [t.definitions, o.definitionsFile],
    ...o.dataFiles.map((f): [string, OutValue] => [t.data, f]),
    [t.detail, t.details[o.detail]],
    [t.decimals, dec],
    ...[...new Set(sources)].map((s): [string, OutValue] => [t.source, s]),
    [t.tool, `dti ${o.version}`],
  ];
  const meta: OutSheet = {
    name: sheetName(t.about, taken),
    columns: [{ header: t.key, kind: 'text', width: 24 }, { header: t.value, kind: 'text', width: 80 }],
    rows: about.map(([k, v]) => [k, v === null ? '' : String(v)]),
  };
  return [ranking, breakdown, meta];
}

const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** The column keys of the commands' CSV (trend, compare, explain, sensitivity, provinces), as a workbook under vi names them. */
const HEADERS: Record<string, Text> = {
  province: msg('header.province'), code: msg('header.code'), year: msg('header.year'), id: msg('header.indicatorId'), section: msg('header.section'), value: msg('header.value'), rank: msg('header.rank'), national_rank: msg('header.nationalRank'), normalized: msg('header.normalized'), points_lost: msg('header.pointsLost'), leader: msg('header.leader'), depth: msg('header.depth'), parent: msg('header.parent'), raw: msg('header.raw'), points: msg('header.points'), max_points: msg('header.maxPoints'), contribution: msg('header.contribution'), value_needed: msg('header.valueNeeded'), raw_needed: msg('header.rawNeeded'), nominal_rank: msg('header.nominalRank'), median_rank: msg('header.medianRank'), p5: msg('header.p5'), p95: msg('header.p95'), mean_abs_shift: msg('header.meanAbsShift'), score_change: msg('header.scoreChange'), rank_change: msg('header.rankChange'), type: msg('header.type'), iso: msg('header.iso'), region: msg('header.region'), successor_code: msg('header.successorCode'), successor: msg('header.successor'), members: msg('header.members'), member_codes: msg('header.memberCodes'), unit: msg('header.unit'), name: msg('header.name'), table: msg('header.table'), group: msg('header.group'), measure: msg('header.measure'),
};

/** Columns of codes that a workbook under vi names in Vietnamese (compare's sections: score → Điểm). */
const VALUES: Record<string, Record<string, Text>> = {
  section: { score: msg('section.score'), pillar: msg('section.pillar'), group: msg('section.group'), indicator: msg('section.indicator') },
};

/**
 * A column key of a command's CSV as its workbook heads it, and `--excel` too, in words of the
 * reader's language: 2023_score → Điểm 2023 / Score 2023, nominal_rank → Hạng danh nghĩa /
 * Nominal rank. A key with no words (a node id) stays as it is.
 */
export function sheetHeader(key: string, lang: Lang): string {
  const y = /^(\d{4})_(score|rank)$/.exec(key);
  if (y !== null) return render(y[2] === 'score' ? msg('header.yearScore', { year: y[1]! }) : msg('header.yearRank', { year: y[1]! }), lang);
  const h = HEADERS[key];
  return h === undefined ? key : render(h, lang);
}

/**
 * Any command's CSV as one sheet: cells that are plain numbers become numbers, except in
 * columns of codes (a header ending in 'code'), which stay text.
 */
export function csvSheet(name: string, csv: string, lang: Lang = 'en'): OutSheet {
  const { table } = tokenize(csv);
  const keys = table.header.map((c) => c.text);
  // A workbook is for people: the CSV's column keys are named in words of the reader's language.
  const header = keys.map((k) => sheetHeader(k, lang));
  // …and the codes of a few columns (compare's 'score', 'pillar', …) in Vietnamese too.
  const named = keys.map((k) => (lang === 'vi' ? VALUES[k] : undefined));
  const rows = table.rows.map((r) => r.map((c, k) => { const t = named[k]?.[c.text]; return t === undefined ? c.text : render(t, 'vi'); }));
  const columns: OutColumn[] = header.map((h, k) => {
    const isCode = /(^|_)codes?$/i.test(keys[k]!);
    const numeric = !isCode && rows.some((r) => PLAIN_NUMBER.test(r[k] ?? '')) && rows.every((r) => (r[k] ?? '') === '' || PLAIN_NUMBER.test(r[k]!));
    const decimals = Math.max(0, ...rows.map((r) => (r[k] ?? '').split('.')[1]?.length ?? 0));
    return numeric ? (decimals === 0 ? { header: h, kind: 'integer' as const } : { header: h, kind: 'number' as const, decimals }) : { header: h, kind: 'text' as const };
  });
  return {
    name: sheetName(name, new Set()),
    columns,
    rows: rows.map((r) => r.map((v, k) => (v === '' ? null : columns[k]!.kind === 'text' ? v : Number(v)))),
  };
}
