/**
 * Rendering a `dti-result/v1` ranking in every output format.
 */
import type { ChalkInstance } from 'chalk';
import type { UnitKind } from '../core/model.js';
import { type Framework, forYear } from '../core/framework.js';
import { type Lang, type RankedUnit, type ScoreResult, type UnitDetail, topUnits } from '../core/score.js';
import { compareVi, fixed, formatNumber, formatPercent, localNumber, shortNumber } from '../core/text.js';
import { isBounded } from '../core/methods/normalise/index.js';
import { REGIONS } from '../core/provinces.js';
import { type Column, type Format, clip, delimitedChunks, markdownChunks, escapeMd, renderDelimited, renderMarkdown, renderTable, wrap } from './format.js';
import { visible } from '../core/text.js';
import { msg, render } from '../core/messages.js';
import { WORKBOOK_WORDS } from './words.js';

export type Detail = 'pillars' | 'groups' | 'indicators';

export interface RenderOptions {
  format: Format;
  detail: Detail;
  lang: Lang;
  /** A terminal table fits this many columns (COLUMNS); none: as wide as it is. */
  width?: number;
  unitKind: UnitKind;
  chalk: ChalkInstance;
  /** Use +3/-2 instead of ▲3/▼2 (a terminal that cannot show them). */
  ascii: boolean;
  /** Keep units ranked ≤ top (ties kept whole). */
  top?: number;
  /** Rank within regions: region columns, rows by region, and a table of region averages. */
  byRegion?: boolean;
  /** `--by <column>`: rank within the groups of a `columns.groups` column (columns, rows by group). */
  by?: string;
  /** `--excel`: the CSV headed by the words of the score workbook (Hạng, Tỉnh, Điểm, Chính quyền số…), not by keys. */
  excel?: boolean;
}

const L = {
  vi: { region: 'Vùng', regionRank: '#vùng', units: 'Số tỉnh', average: 'Trung bình', rank: 'Hạng', change: '±', province: 'Tỉnh', unit: 'Đơn vị', score: 'Điểm', coverage: 'Dữ liệu', new: 'mới', code: 'Mã', year: 'Năm', vs: 'so với', normalized: 'chuẩn hoá', partial: 'một phần', groupRank: '#nhóm', imputed: 'Ước tính',
    imputedNote: '~ giá trị ước tính (impute)', screenedNote: (m: string) => `không xếp hạng: dữ liệu quan sát dưới ngưỡng ${m} (screen.min_coverage)` },
  en: { region: 'Region', regionRank: '#region', units: 'Provinces', average: 'Average', rank: 'Rank', change: '±', province: 'Province', unit: 'Unit', score: 'Score', coverage: 'Data', new: 'new', code: 'Code', year: 'Year', vs: 'vs', normalized: 'normalised', partial: 'partial', groupRank: '#group', imputed: 'Imputed',
    imputedNote: '~ imputed value', screenedNote: (m: string) => `not ranked: observed data below ${m} (screen.min_coverage)` },
} as const;

export function labels(lang: Lang) {
  return L[lang];
}

/** ▲3, ▼2, =, or new (blank when there is no previous year at all). */
export function changeMark(r: { rankChange: number | null; previousRank: number | null; rank: number | null }, hasPrev: boolean, lang: Lang, ascii: boolean): string {
  if (!hasPrev || r.rank === null) return '';
  if (r.previousRank === null) return L[lang].new;
  const c = r.rankChange!;
  if (c === 0) return '=';
  return ascii ? (c > 0 ? `+${c}` : `${c}`) : c > 0 ? `▲${c}` : `▼${-c}`;
}

/** A number in a machine format (CSV, TSV): '.' as the mark. */
const num = (x: number | null, d: number) => (x === null ? '' : fixed(x, d));
/** A number for people (table, Markdown): the reader's decimal mark (0,8340 in Vietnamese). */
const readable = (x: number | null, d: number, lang: Lang) => (x === null ? '' : formatNumber(x, d, lang));
const int = (x: number | null) => (x === null ? '' : String(x));

function selected(result: ScoreResult, o: { top?: number; byRegion?: boolean; by?: string }): RankedUnit[] {
  let rows = topUnits(result.rankings, o);
  if (o.by !== undefined) {
    // By group (Vietnamese collation; units with no group last), then by rank within it.
    rows = [...rows].sort((a, b) => (a.group == null ? 1 : 0) - (b.group == null ? 1 : 0)
      || compareVi(a.group ?? '', b.group ?? '') || (a.groupRank ?? Infinity) - (b.groupRank ?? Infinity));
  }
  if (o.byRegion === true) {
    // By region (GSO's order), then by rank within it; the stable sort keeps ties in collation order.
    const order = new Map(REGIONS.map((r, i) => [r.name, i]));
    rows = [...rows].sort((a, b) => (order.get(a.region ?? '') ?? 99) - (order.get(b.region ?? '') ?? 99)
      || (a.regionRank ?? Infinity) - (b.regionRank ?? Infinity));
  }
  return rows;
}

/** The widest header of an indicator or group on a terminal (its name shortened with …). */
const HEADER = 22;

/** A column of a ranking, as a function of the unit (so rows can be written one at a time). */
interface Spec {
  header: string;
  align: 'left' | 'right';
  cell: (r: RankedUnit) => string;
  /** Text taken from user data (names), which the CSV guard neutralises. */
  text?: boolean;
}

/** The columns of a ranking over `rows`; `machine` (CSV/TSV) uses ids as headers and plain numbers. */
function specs(result: ScoreResult, fw: Framework, o: RenderOptions, machine: boolean, rows: readonly RankedUnit[]): Spec[] {
  const d = fw.definitions;
  const lb = L[o.lang];
  const hasPrev = result.previousYear !== null;
  const dec = d.decimals;
  const cols: Spec[] = [];
  const imputesLeaf = fw.leaves.map((ni) => fw.nodes[ni]!.def!.impute !== 'none');
  const imputes = imputesLeaf.includes(true);
  const col = (header: string, align: 'left' | 'right', cell: (r: RankedUnit) => string, text = false) =>
    cols.push({ header, align, cell, ...(text ? { text } : {}) });
  // --excel: a person's CSV, headed as the workbook heads its sheets; otherwise the keys scripts read.
  const w = machine && o.excel === true ? WORKBOOK_WORDS[o.lang] : undefined;
  const key = (k: string, word: (t: (typeof WORKBOOK_WORDS)[Lang]) => string) => (w === undefined ? k : word(w));
  const nodeName = (k: number) => fw.nodes[k]!.def!.name[o.lang];
  if (machine) {
    col(key('rank', (t) => t.rank), 'right', (r) => int(r.rank));
    col(key('previous_rank', (t) => t.previousRank), 'right', (r) => int(r.previousRank));
    col(key('rank_change', (t) => t.change), 'right', (r) => int(r.rankChange));
    col(key(o.unitKind, (t) => (o.unitKind === 'province' ? t.province : t.unit)), 'left', (r) => r.unit, true);
    col(key('code', (t) => t.code), 'left', (r) => r.code ?? '');
    if (rows.some((r) => r.absentMembers !== undefined)) col(key('absent_members', () => render(msg('header.members'), o.lang)), 'left', (r) => (r.absentMembers ?? []).join(' + '), true);
    if (o.byRegion === true) {
      col(key('region', (t) => t.region), 'left', (r) => r.region ?? '', true);
      col(key('region_rank', (t) => t.regionRank), 'right', (r) => int(r.regionRank));
    }
    if (o.by !== undefined) {
      col(o.by, 'left', (r) => r.group ?? '', true);
      col(key(`${o.by}_rank`, (t) => `${t.rank} (${o.by})`), 'right', (r) => int(r.groupRank ?? null));
    }
    col(key('score', (t) => t.score), 'right', (r) => num(r.score, dec));
    col(key('coverage', (t) => t.coverage), 'right', (r) => fixed(r.coverage, 4));
    if (imputes) col(key('imputed', () => lb.imputed), 'right', (r) => fixed(r.imputed ?? 0, 4));
    if (d.minCoverage !== null) col('screened', 'right', (r) => (r.screened === true ? '1' : ''));
    for (const p of d.pillars) {
      col(key(p.id, () => p.name[o.lang]), 'right', (r) => num(r.pillars[p.id]!.score, dec));
      col(key(`${p.id}_rank`, (t) => `${t.rankOf} ${p.id.toUpperCase()}`), 'right', (r) => int(r.pillars[p.id]!.rank));
    }
  } else {
    col(lb.rank, 'right', (r) => int(r.rank));
    if (hasPrev) col(result.methodChanged && !machine ? `${lb.change}‡` : lb.change, 'right', (r) => changeMark(r, true, o.lang, o.ascii));
    col(o.unitKind === 'province' ? lb.province : lb.unit, 'left', (r) => `${r.unit}${r.absentMembers === undefined ? '' : ` (${lb.partial})`}${r.screened === true ? ` ${dagger(o.ascii)}` : ''}`);
    if (o.byRegion === true) {
      col(lb.region, 'left', (r) => shortRegion(r.region ?? '', o.lang));
      col(lb.regionRank, 'right', (r) => int(r.regionRank));
    }
    if (o.by !== undefined) {
      col(o.by, 'left', (r) => r.group ?? '');
      col(lb.groupRank, 'right', (r) => int(r.groupRank ?? null));
    }
    col(lb.score, 'right', (r) => readable(r.score, dec, o.lang));
    for (const p of shownPillars(result, fw)) {
      col(p.id.toUpperCase(), 'right', (r) => readable(r.pillars[p.id]!.score, dec, o.lang));
      col('#', 'right', (r) => int(r.pillars[p.id]!.rank));
    }
    if (rows.some((r) => r.coverage < 1)) col(lb.coverage, 'right', (r) => formatPercent(Math.round(r.coverage * 100), 0, o.lang));
    if (rows.some((r) => (r.imputed ?? 0) > 0)) col(lb.imputed, 'right', (r) => formatPercent(Math.round((r.imputed ?? 0) * 100), 0, o.lang));
  }
  // People read indicators by their names (a terminal's shortened with …); machines by their ids.
  const terminal = !machine && o.format === 'table';
  const nameOf = (k: number, suffix = '') => {
    const name = fw.nodes[k]!.def!.name[o.lang];
    return `${terminal ? clip(name, HEADER - [...suffix].length).replace(/\s+…$/, '…') : name}${suffix}`;
  };
  // A terminal leaves out the indicators that are not part of the year's index and have no value.
  const yearFw = forYear(fw, result.year);
  const shown = (k: number) => !terminal || yearFw.inactive?.[k] !== 1 || rows.some((r) => r.indicators[fw.nodes[k]!.id]?.value != null);
  if (o.detail === 'groups' || o.detail === 'indicators') {
    for (const g of fw.groups) {
      const id = fw.nodes[g]!.id;
      col(machine ? key(id, () => nodeName(g)) : nameOf(g), 'right', (r) => (machine ? num(r.groups[id]!, dec) : readable(r.groups[id]!, dec, o.lang)));
    }
  }
  if (o.detail === 'indicators') {
    fw.leafIds.forEach((id, j) => {
      if (!shown(fw.leaves[j]!)) return;
      // Machine formats keep the exact value; people read it to 10 significant digits.
      col(machine ? key(id, () => nodeName(fw.leaves[j]!)) : nameOf(fw.leaves[j]!), 'right', (r) => {
        const c = r.indicators[id]!;
        if (c.value === null) return '';
        return machine ? String(c.value) : `${c.imputed === true ? '~' : ''}${localNumber(shortNumber(c.value), o.lang)}`;
      });
      if (machine && imputesLeaf[j]) col(key(`${id}_imputed`, () => `${nodeName(fw.leaves[j]!)} (${lb.imputed.toLowerCase()})`), 'right', (r) => (r.indicators[id]!.imputed === true ? '1' : ''));
      const bounded = isBounded(fw.nodes[fw.leaves[j]!]!.def!);
      col(machine ? key(`${id}_normalized`, (t) => `${nodeName(fw.leaves[j]!)} (${t.normalized})`) : nameOf(fw.leaves[j]!, bounded ? ' (0–1)' : ` (${lb.normalized})`), 'right', (r) => (machine ? num(r.indicators[id]!.normalized, 4) : readable(r.indicators[id]!.normalized, 4, o.lang)));
    });
  }
  return cols;
}

/** The columns of a ranking, every cell built. */
function columns(result: ScoreResult, fw: Framework, o: RenderOptions, machine: boolean): Column[] {
  const rows = selected(result, o);
  return specs(result, fw, o, machine, rows).map((s) => ({ header: s.header, align: s.align, cells: rows.map(s.cell), ...(s.text === true ? { text: true } : {}) }));
}

/** The ranking in the chosen format, ready to print. */
export function renderScore(result: ScoreResult, fw: Framework, o: RenderOptions): string {
  switch (o.format) {
    case 'json':
      return JSON.stringify(o.top === undefined ? result : { ...result, rankings: topUnits(result.rankings, o) }, null, 2) + '\n';
    case 'csv':
      return renderDelimited(columns(result, fw, o, true), ',');
    case 'tsv':
      return renderDelimited(columns(result, fw, o, true), '\t');
    case 'md':
      // A file for CI: never depends on the terminal (▲/▼ always).
      return `${escapeMd(caption(result, o.lang))}\n\n${renderMarkdown(columns(result, fw, { ...o, ascii: false }, false))}`
        + (o.byRegion === true ? `\n${renderMarkdown(regionColumns(result, fw, o))}` : '') + droppedNote(result, o.lang, '\n', true) + partialNote(result, o.lang, '\n', true)
        + stageNote(result, fw, o, '\n') + legend(result, fw, o.lang, '\n')
        + (result.methodChanged ? `\n${methodNote(result, o.lang)}\n` : '');
    case 'xlsx':
      // A workbook is sheets, not text: see scoreWorkbook (render/xlsx.ts).
      throw new Error('renderScore: use scoreWorkbook for xlsx');
    case 'table': {
      const c = o.chalk;
      const W = o.width;
      const fit = W === undefined ? undefined : { width: W, lang: o.lang };
      let out = `${c.bold(wrap(visible(caption(result, o.lang)), W, ' '))}\n${renderTable(columns(result, fw, o, false), c, o.ascii, fit)}`;
      if (o.byRegion === true) out += `\n${renderTable(regionColumns(result, fw, o), c, o.ascii, fit)}`;
      const dropped = droppedNote(result, o.lang, '', false);
      if (dropped !== '') out += c.dim(wrap(dropped.replace(/\n$/, ''), W, ', ')) + '\n';
      const tail = partialNote(result, o.lang, '', false) + stageNote(result, fw, o, '');
      return out + c.dim((W === undefined ? tail : tail.split('\n').map((l) => wrap(l, W, ' ')).join('\n')) + wrap(legend(result, fw, o.lang, '').replace(/\n$/, ''), W, ' · ') + (shownPillars(result, fw).length > 0 ? '\n' : '')
        + (result.methodChanged ? wrap(methodNote(result, o.lang), W, ' ') + '\n' : ''));
    }
  }
}

/**
 * The same text as `renderScore`, in pieces of a unit (a line) each, for writing to the output
 * as they are made: JSON, CSV, TSV and Markdown never exist as one string. With `detailOf`
 * (from `scoreLazily`) each unit's groups and indicators are built only as it is written.
 * A terminal table is laid out whole.
 */
export function* renderScoreChunks(result: ScoreResult, fw: Framework, o: RenderOptions, detailOf?: UnitDetail): Generator<string> {
  const full = (r: RankedUnit): RankedUnit => (detailOf === undefined ? r : { ...r, ...detailOf(r) });
  switch (o.format) {
    case 'json':
      yield* jsonChunks(o.top === undefined ? result : { ...result, rankings: topUnits(result.rankings, o) }, full);
      return;
    case 'csv':
    case 'tsv': {
      const rows = selected(result, o);
      const sp = specs(result, fw, o, true, rows);
      // Only the groups and indicators columns read a unit's detail.
      const detailed = o.detail === 'groups' || o.detail === 'indicators';
      yield* delimitedChunks(sp, cellsOf(rows, sp, detailed ? full : (r) => r), o.format === 'csv' ? ',' : '\t');
      return;
    }
    case 'md': {
      const rows = selected(result, o);
      const sp = specs(result, fw, { ...o, ascii: false }, false, rows);
      let anyImputed = false;
      const seen = (r: RankedUnit) => { const u = full(r); anyImputed ||= hasImputed(u); return u; };
      yield `${escapeMd(caption(result, o.lang))}\n\n`;
      yield* markdownChunks(sp, cellsOf(rows, sp, seen));
      yield (o.byRegion === true ? `\n${renderMarkdown(regionColumns(result, fw, o))}` : '') + droppedNote(result, o.lang, '\n', true) + partialNote(result, o.lang, '\n', true)
        + stageNote(result, fw, o, '\n', anyImputed) + legend(result, fw, o.lang, '\n')
        + (result.methodChanged ? `\n${methodNote(result, o.lang)}\n` : '');
      return;
    }
    case 'table':
      yield renderScore(detailOf === undefined ? result : { ...result, rankings: result.rankings.map(full) }, fw, o);
  }
}

function* cellsOf(rows: readonly RankedUnit[], sp: readonly Spec[], full: (r: RankedUnit) => RankedUnit): Generator<string[]> {
  for (const r of rows) {
    const u = full(r);
    yield sp.map((s) => s.cell(u));
  }
}

/**
 * `JSON.stringify(result, null, 2) + '\n'` a unit at a time: the same bytes (a nested value's
 * lines are indented by its depth, which is all the 2-space layout does).
 */
/** Characters of JSON stringified at a time. */
const JSON_BATCH = 32_768;

function* jsonChunks(result: ScoreResult, full: (r: RankedUnit) => RankedUnit): Generator<string> {
  const indent = (json: string, pad: string) => json.replace(/\n/g, `\n${pad}`);
  const entries = Object.entries(result).filter(([, v]) => v !== undefined);
  yield '{';
  for (let e = 0; e < entries.length; e++) {
    const [key, value] = entries[e]!;
    yield `${e === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (key !== 'rankings' || result.rankings.length === 0) {
      yield indent(JSON.stringify(value, null, 2), '  ');
      continue;
    }
    yield '[';
    // A batch of units at a time, stringified where they stand (an array under a key, so two
    // levels deep): JSON.stringify indents them itself; the wrapper's ends are cut off.
    // Batches of about JSON_BATCH characters (the first unit alone tells a unit's size): small
    // enough to be short-lived strings, not large objects that only a full collection frees.
    const rs = result.rankings;
    let size = 1;
    for (let k = 0; k < rs.length;) {
      const end = Math.min(rs.length, k + size);
      const batch: RankedUnit[] = [];
      for (let q = k; q < end; q++) batch.push(full(rs[q]!));
      const s = JSON.stringify({ a: batch }, null, 2);
      // '{\n  "a": [' … '\n  ]\n}': what is between is each unit as '\n    {…}', comma-separated.
      yield `${k === 0 ? '' : ','}${s.slice(10, s.length - 6)}`;
      if (k === 0) size = Math.max(1, Math.min(64, Math.floor(JSON_BATCH / s.length)));
      k = end;
    }
    yield '\n  ]';
  }
  yield '\n}\n';
}

/** Region names shortened for a table column ("Bắc Trung Bộ và duyên hải miền Trung" is long). */
function shortRegion(name: string, lang: Lang): string {
  const r = REGIONS.find((x) => x.name === name);
  if (r === undefined) return name;
  return lang === 'en' ? r.en : r.aliases[0] ?? r.name;
}

/** Each region's averages. */
function regionColumns(result: ScoreResult, fw: Framework, o: RenderOptions): Column[] {
  const lb = L[o.lang];
  const rs = result.regions ?? [];
  const dec = fw.definitions.decimals;
  const cols: Column[] = [
    { header: lb.region, align: 'left', cells: rs.map((r) => (o.lang === 'en' ? REGIONS.find((x) => x.name === r.region)?.en ?? r.region : r.region)) },
    { header: lb.units, align: 'right', cells: rs.map((r) => String(r.units)) },
    { header: `${lb.average} ${lb.score.toLowerCase()}`, align: 'right', cells: rs.map((r) => readable(r.score, dec, o.lang)) },
  ];
  for (const p of fw.definitions.pillars) cols.push({ header: p.id.toUpperCase(), align: 'right', cells: rs.map((r) => readable(r.pillars[p.id]!, dec, o.lang)) });
  return cols;
}

function caption(result: ScoreResult, lang: Lang): string {
  const y = result.year === null ? '' : ` — ${result.year}`;
  const p = result.previousYear === null ? '' : ` (${L[lang].vs} ${result.previousYear})`;
  return `${result.framework.name}${y}${p}`;
}

/** The units of the year before that the year analysed has no row for, naming both years. */
function droppedNote(result: ScoreResult, lang: Lang, lead: string, md: boolean): string {
  if (result.dropped.length === 0) return '';
  const note = render(msg('score.dropped', { year: result.year, previousYear: result.previousYear, list: result.dropped.map((u) => u.unit).join(', ') }), lang);
  return `${lead}${md ? escapeMd(note) : visible(note)}\n`;
}

/** `--allow-partial-merge`: which provinces were averaged over the members present, and who was absent. */
function partialNote(result: ScoreResult, lang: Lang, lead: string, md: boolean): string {
  const partial = selected(result, {}).filter((r) => r.absentMembers !== undefined);
  if (partial.length === 0) return '';
  const list = partial.map((r) => `${r.unit} (${r.absentMembers!.join(', ')})`).join('; ');
  const note = render(msg('score.partial', { mark: L[lang].partial, list }), lang);
  return `${lead}${md ? escapeMd(note) : visible(note)}\n`;
}

const dagger = (ascii: boolean) => (ascii ? '(x)' : '†');

/** What the marks of the stages mean: `~` before an imputed value, † after a screened-out unit. */
/** `anyImputed`: whether a unit written had an imputed value (when the units were written one at a time). */
function stageNote(result: ScoreResult, fw: Framework, o: RenderOptions, lead: string, anyImputed?: boolean): string {
  const rows = selected(result, o);
  const lb = L[o.lang];
  let out = '';
  if (o.detail === 'indicators' && (anyImputed ?? rows.some(hasImputed))) out += `${lead}${lb.imputedNote}\n`;
  if (rows.some((r) => r.screened === true)) {
    out += `${out === '' ? lead : ''}${dagger(o.ascii)} ${lb.screenedNote(formatPercent(Math.round(fw.definitions.minCoverage! * 100), 0, o.lang))}\n`;
  }
  return out;
}

function hasImputed(r: RankedUnit): boolean {
  return Object.values(r.indicators).some((c) => c.imputed === true);
}

/** The footnote under a ranking whose rank changes cross a change of method. */
export function methodNote(result: { year: number | null; previousYear: number | null }, lang: Lang): string {
  return render(msg('score.methodNote', { year: result.year, previous: result.previousYear }), lang);
}

/** Pillars with a value for some unit (none in a year whose method has no pillars, e.g. DTI 2024). */
function shownPillars(result: ScoreResult, fw: Framework) {
  return fw.definitions.pillars.filter((p) => result.rankings.some((r) => r.pillars[p.id]?.score !== null));
}

function legend(result: ScoreResult, fw: Framework, lang: Lang, lead: string): string {
  const pillars = shownPillars(result, fw);
  if (pillars.length === 0) return '';
  return `${lead}${pillars.map((p) => `${p.id.toUpperCase()} = ${p.name[lang]}`).join(' · ')}\n`;
}
