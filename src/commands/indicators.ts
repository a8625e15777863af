/**
 * `dti indicators`: the definitions as a tree, with each node's weight, its share of the
 * whole index, its normalisation and unit.
 */
import type { Command } from 'commander';
import type { IndicatorNode, Normalise } from '../core/definitions.js';
import { normaliseMethodOf } from '../core/methods/normalise/index.js';
import { aggregateMethodOf } from '../core/methods/aggregate.js';
import { type Framework, forYear } from '../core/framework.js';
import type { YearRange } from '../core/definitions.js';
import type { Lang } from '../core/score.js';
import { fixed, formatPercent, localNumber } from '../core/text.js';
import { loadFrameworkFile, makeChalk, termWidth } from '../cli/context.js';
import type { Io } from '../cli/io.js';
import { type Column, type Format, renderDelimited, renderMarkdown, renderTable, wrap } from '../render/format.js';
import { chooseFormat, emit, outputOptions, toFile } from '../cli/options.js';
import { csvSheet } from '../render/xlsx.js';
import { workbookBytes } from '../cli/xlsx.js';
import { type Text, byLang, msg, render } from '../core/messages.js';

interface IndicatorsFlags {
  excel?: boolean;
  indicators?: string;
  format?: Format;
  output?: string;
  check?: boolean;
  lang: Lang;
  color: boolean;
}

/** The words of the transforms ("log, mục tiêu 80" under vi); a method's word is its registry entry's. */
const TRANSFORM_WORD: Record<string, Text> = { log: msg('method.log'), log10: msg('method.log10'), sqrt: msg('method.sqrt') };
const word = (words: Record<string, Text>, id: string, lang: Lang) => (words[id] === undefined ? id : render(words[id]!, lang));

export function describeNormalise(n: Normalise, transform: string, direction: string, lang: Lang = 'en'): string {
  const t = transform === 'none' ? '' : `${word(TRANSFORM_WORD, transform, lang)}, `;
  const lower = direction === 'lower' ? `, ${render(msg('label.lowerIsBetter'), lang)}` : '';
  const d = normaliseMethodOf(n.method).describe(n);
  // The method's word, then its parameters as describe writes them (numbers in the reader's way).
  const params = d.slice(n.method.length).replace(/\d+\.\d+/g, (x) => localNumber(x, lang));
  return `${t}${render(normaliseMethodOf(n.method).word, lang)}${params}${lower}`;
}

/** A group's aggregation for a reader ("mean", "geometric (floor 0.1)"). */
function describeAggregate(aggregate: string, floor: number, lang: Lang): string {
  return `${render(aggregateMethodOf(aggregate).word, lang)}${floor > 0 ? ` (${render(msg('label.floor', { floor: localNumber(String(floor), lang) }), lang)})` : ''}`;
}

export interface IndicatorRow {
  id: string;
  depth: number;
  kind: 'group' | 'leaf';
  name: string;
  weight: number;
  /** Share of the whole index (product of w/Σw along the path). */
  share: number;
  aggregate: string | null;
  normalize: string | null;
  unit: string | null;
  missing: string;
  pillars: string[];
  /** The stages before normalisation this leaf goes through (denominate, impute, treat), when any. */
  stages?: string[];
  /** The years the node is part of the index (`2018–`, `–2023`), null: every year. */
  years: string | null;
}

/** A leaf's stages before normalisation, in the order they run. */
export function leafStages(fw: Framework, def: IndicatorNode, lang: Lang = 'en'): string[] {
  const out: string[] = [];
  if (def.denominator !== null) out.push(`÷ ${def.denominator}${def.per === 1 ? '' : ` × ${def.per}`}`);
  if (def.impute !== 'none') {
    const by = def.impute.startsWith('group-') ? ` ${render(msg('label.by'), lang)} ${fw.definitions.imputeGroup}` : '';
    out.push(`${render(msg('label.impute'), lang)} ${def.impute}${by}`);
  }
  if (def.treat !== null) {
    const t = def.treat;
    out.push(render(msg('label.winsorise', { skew: localNumber(String(t.skew), lang), kurtosis: localNumber(String(t.kurtosis), lang), points: t.maxPoints, log: t.fallback === 'log' }), lang));
  }
  return out;
}

/** Whether the definitions use any stage before normalisation. */
const usesStages = (fw: Framework) => fw.definitions.minCoverage !== null
  || fw.leaves.some((ni) => leafStages(fw, fw.nodes[ni]!.def!).length > 0);


const showYears = (r: YearRange | null) => (r === null ? null : r.from === r.to ? String(r.from) : `${r.from ?? ''}–${r.to ?? ''}`);

/**
 * The tree in document order, each node with its share of the index. With `years` in the
 * definitions, a node's share is the one it has in the years it is part of (the last of them
 * when it is closed, else the latest year the file names): `ha-tang-so` is 10% of the DTI of
 * 2022–2023, `dti-cong-bo` 100% of the DTI of 2024.
 */
export function indicatorRows(fw: Framework, lang: Lang): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const staged = usesStages(fw);
  const pillarsOf = (id: string) => fw.definitions.pillars.filter((p) => p.members.includes(id)).map((p) => p.id);
  const bounds = fw.nodes.flatMap((n) => (n.def?.years ? [n.def.years.from, n.def.years.to] : [])).filter((y): y is number => y !== null);
  const latest = bounds.length === 0 ? null : Math.max(...bounds);
  const walk = (k: number, year: number | null) => {
    const node = fw.nodes[k]!;
    const def = node.def!;
    const y = def.years === null ? year : def.years.to ?? def.years.from;
    const fy = forYear(fw, y);
    let share = 1;
    for (let n = k; fy.nodes[n]!.parent !== -1; n = fy.nodes[n]!.parent) {
      const total = fy.nodes[fy.nodes[n]!.parent]!.children.reduce((s, c) => s + fy.nodes[c]!.weight, 0);
      share = total === 0 ? 0 : share * (fy.nodes[n]!.weight / total);
    }
    rows.push({
      id: node.id, depth: node.depth, kind: def.kind, name: def.name[lang], weight: node.weight, share,
      aggregate: def.kind === 'group' ? describeAggregate(def.aggregate, def.floor, lang) : null,
      normalize: def.kind === 'leaf' ? describeNormalise(def.normalize, def.transform, def.direction, lang) : null,
      unit: def.unit?.[lang] ?? null, missing: def.missing, pillars: pillarsOf(node.id), years: showYears(def.years),
      ...(staged && def.kind === 'leaf' ? { stages: leafStages(fw, def, lang) } : {}),
    });
    for (const c of node.children) walk(c, y);
  };
  for (const c of fw.nodes[fw.root]!.children) walk(c, latest);
  return rows;
}

/** What each normalisation method in use does, from its registry entry; screening, if any. */
function methodNotes(fw: Framework, lang: Lang, lead: string, width?: number): string {
  const used = [...new Set(fw.leaves.map((ni) => fw.nodes[ni]!.def!.normalize.method))];
  const vi = lang === 'vi';
  const lines = used.map((id) => {
    const m = normaliseMethodOf(id);
    const d = vi ? m.docVi : m.doc;
    const same = d.lower === 'likewise' || d.lower === 'tương tự';
    return `${render(m.word, lang)}: ${d.higher}${m.directional && !same ? `; ${render(msg('label.lowerIsBetter'), lang)}: ${d.lower}` : ''}`;
  });
  const pct = fw.definitions.minCoverage === null ? '' : formatPercent(fw.definitions.minCoverage * 100, 0, lang);
  if (pct !== '') lines.push(render(msg('label.screen', { pct }), lang));
  return `${lead}${lines.map((l) => wrap(l, width, ' ')).join('\n')}\n`;
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('indicators')
    .description(h({ vi: 'hiển thị cây chỉ số: trọng số, tỷ trọng trong chỉ số chung, cách chuẩn hoá, đơn vị tính', en: 'show the indicator tree: weights, share of the index, normalisation, units' }));
  outputOptions(cmd, io, { quiet: false })
    .option('-i, --indicators <yaml>', h({ vi: 'tệp định nghĩa (mặc định: tệp indicators/dti.yaml đi kèm)', en: 'definitions file (default: the shipped indicators/dti.yaml)' }))
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti indicators
  dti indicators -i indicators/papi.yaml --lang en -f md`,
      en: `
Examples:
  dti indicators
  dti indicators -i indicators/papi.yaml --lang en -f md`,
    }))
    .action(async (flags: IndicatorsFlags) => {
      const { fw, input } = await loadFrameworkFile(flags.indicators, io);
      const rows = indicatorRows(fw, flags.lang);
      const asked = chooseFormat(flags.format, flags.output, io, flags.excel);
      const format = asked === 'xlsx' ? 'csv' : asked;
      let text: string;
      if (format === 'json') {
        text = JSON.stringify({ schema: 'dti-indicators/v1', framework: { id: fw.definitions.id, name: fw.definitions.name[flags.lang] }, indicators: rows }, null, 2) + '\n';
      } else {
        const machine = format === 'csv' || format === 'tsv';
        // Headers and kind words in the user's language, CSV and TSV included (no English under vi;
        // under en the words are the keys scripts read).
        const width = termWidth(io, flags.output);
        const LABELS = { id: msg('label.id'), name: msg('label.name'), kind: msg('label.kind'), weight: msg('label.weight'), share: msg('label.share'),
          normalize: msg('label.normalize'), unit: msg('label.unit'), years: msg('label.years'), stages: msg('label.stages'), pillars: msg('label.pillars') };
        const h = (k: keyof typeof LABELS) => render(LABELS[k], flags.lang);
        const pad = (r: IndicatorRow) => (machine ? '' : '  '.repeat(r.depth - 1));
        const cols: Column[] = [
          { header: h('id'), align: 'left', cells: rows.map((r) => pad(r) + r.id) },
          { header: h('name'), align: 'left', cells: rows.map((r) => r.name), text: true },
          { header: h('kind'), align: 'left', cells: rows.map((r) => (r.kind === 'group' ? r.aggregate! : render(msg('label.leaf'), flags.lang))) },
          { header: h('weight'), align: 'right', cells: rows.map((r) => (machine ? String(r.weight) : localNumber(String(r.weight), flags.lang))) },
          { header: h('share'), align: 'right', cells: rows.map((r) => (machine ? fixed(r.share, 6) : formatPercent(r.share * 100, 1, flags.lang))) },
          { header: h('normalize'), align: 'left', cells: rows.map((r) => r.normalize ?? '') },
          { header: h('unit'), align: 'left', cells: rows.map((r) => r.unit ?? '') },
        ];
        if (rows.some((r) => r.years !== null)) cols.push({ header: h('years'), align: 'left', cells: rows.map((r) => r.years ?? '') });
        if (usesStages(fw)) cols.push({ header: h('stages'), align: 'left', cells: rows.map((r) => (r.stages ?? []).join('; ')) });
        if (machine) cols.push({ header: h('pillars'), align: 'left', cells: rows.map((r) => r.pillars.join(' ')) });
        text = format === 'csv' ? renderDelimited(cols, ',') : format === 'tsv' ? renderDelimited(cols, '\t')
          : format === 'md' ? renderMarkdown(cols) + methodNotes(fw, flags.lang, '\n') : renderTable(cols, makeChalk(io.stdout, io, flags.color && !toFile(flags.output)), false, width === undefined ? undefined : { width, lang: flags.lang }) + methodNotes(fw, flags.lang, '', width);
      }
      done(await emit(asked === 'xlsx' ? workbookBytes([csvSheet(render(msg('sheet.indicators'), flags.lang), text, flags.lang)]) : text, flags, io, [input.path]));
    });
}
