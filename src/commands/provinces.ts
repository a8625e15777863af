/**
 * `dti provinces`: the registry — the 63 provinces before 1 July 2025 (code, name, ISO code,
 * region, 2025 successor) or the 34 after (code, name, members).
 */
import { type Command, Option } from 'commander';
import { ALIASES, PROVINCES, PROVINCES_2025, REGIONS, provinceByCode, province2025ByCode, region2025 } from '../core/provinces.js';
import { makeChalk, termWidth } from '../cli/context.js';
import type { Lang } from '../core/score.js';
import type { Io } from '../cli/io.js';
import { type Column, type Format, renderDelimited, renderMarkdown, renderTable } from '../render/format.js';
import { chooseFormat, emit, outputOptions, toFile } from '../cli/options.js';
import { csvSheet } from '../render/xlsx.js';
import { workbookBytes } from '../cli/xlsx.js';
import { msg, render, byLang } from '../core/messages.js';

interface ProvincesFlags {
  excel?: boolean;
  format?: Format;
  output?: string;
  check?: boolean;
  map: '63' | '34';
  color: boolean;
  lang: Lang;
}

/** Column headers a reader sees (table, Markdown); CSV, TSV and JSON keep the keys. */
/** A readable table in English names the type and the region in English (CSV and JSON keep the registry's words). */
const TYPE_EN: Record<string, string> = { 'Tỉnh': 'Province', 'Thành phố': 'City' };
const REGION_EN = new Map(REGIONS.map((r) => [r.name, r.en]));

const HEADERS: Record<Lang, Record<string, string>> = {
  vi: { code: 'Mã', name: 'Tên', type: 'Loại', iso: 'ISO', region: 'Vùng', successor_code: 'Mã tỉnh mới', successor: 'Tỉnh mới (1/7/2025)', member_codes: 'Mã tỉnh cũ', members: 'Gồm các tỉnh cũ' },
  en: { code: 'Code', name: 'Name', type: 'Type', iso: 'ISO', region: 'Region', successor_code: 'New code', successor: 'Province from 1/7/2025', member_codes: 'Former codes', members: 'Former provinces' },
};

/** On a terminal, the table fits its width (names shortened, else split). */
function fitTo(io: Io, flags: { output?: string; lang: Lang }): { width: number; lang: Lang } | undefined {
  const width = termWidth(io, flags.output);
  return width === undefined ? undefined : { width, lang: flags.lang };
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('provinces')
    .description(h({ vi: 'liệt kê danh mục tỉnh, thành phố: mã Tổng cục Thống kê, mã ISO, vùng, việc sắp xếp năm 2025', en: "list the registry of provinces: GSO and ISO codes, regions, the 2025 merger" }))
    .addOption(new Option('--map <map>', h({ vi: '63 tỉnh trước ngày 01/7/2025, hay 34 tỉnh từ ngày đó', en: 'the 63 provinces before 1 July 2025, or the 34 after' })).choices(['63', '34']).default('63'));
  outputOptions(cmd, io, { quiet: false })
    .addHelpText('after', `
${h({ vi: 'Tên tỉnh được nhận ra dù có hay không có dấu và tiền tố (Tỉnh, Thành phố,\nTP.), và theo cả các cách viết sau:', en: 'Names are matched with or without diacritics and prefixes (Tỉnh, Thành phố,\nTP.), and by these spellings too:' })}
${ALIASES.map(([a, c, en, vi]) => { const note = io.lang === 'en' ? en : vi; const l = `  ${a.padEnd(16)} ${provinceByCode(c)!.name} (${note})`; return [...l].length <= 80 ? l : `  ${a.padEnd(16)} ${provinceByCode(c)!.name}\n${' '.repeat(19)}(${note})`; }).join('\n')}

${h({ vi: 'Ví dụ:', en: 'Examples:' })}
  dti provinces
  dti provinces --map 34 -f md`)
    .action(async (flags: ProvincesFlags) => {
      const asked = chooseFormat(flags.format, flags.output, io, flags.excel);
      const format = asked === 'xlsx' ? 'csv' : asked;
      let rows: Record<string, string | string[]>[];
      if (flags.map === '63') {
        rows = PROVINCES.map((p) => ({
          code: p.code, name: p.name, type: p.type, iso: p.iso, region: p.region,
          successor_code: p.successor, successor: province2025ByCode(p.successor)!.name,
        }));
      } else {
        rows = PROVINCES_2025.map((p) => ({
          code: p.code, name: p.name, type: p.type, region: region2025(p),
          member_codes: p.members.join(' '), members: p.members.map((c) => provinceByCode(c)!.name).join(' + '),
        }));
      }
      let text: string;
      if (format === 'json') {
        text = JSON.stringify({ schema: 'dti-provinces/v1', map: flags.map, provinces: rows }, null, 2) + '\n';
      } else {
        const keys = Object.keys(rows[0]!);
        const readable = format === 'table' || format === 'md';
        const english = readable && flags.lang === 'en';
        const cell = (k: string, v: string) => (!english ? v : k === 'type' ? TYPE_EN[v] ?? v : k === 'region' ? REGION_EN.get(v) ?? v : v);
        const cols: Column[] = keys.map((k) => ({ header: readable ? HEADERS[flags.lang][k] ?? k : k, align: k.endsWith('code') ? 'right' : 'left', cells: rows.map((r) => cell(k, String(r[k]))), text: true }));
        text = format === 'csv' ? renderDelimited(cols, ',') : format === 'tsv' ? renderDelimited(cols, '\t')
          : format === 'md' ? renderMarkdown(cols) : renderTable(cols, makeChalk(io.stdout, io, flags.color && !toFile(flags.output)), false, fitTo(io, flags));
      }
      done(await emit(asked === 'xlsx' ? workbookBytes([csvSheet(render(msg('sheet.provinces'), flags.lang), text, flags.lang)]) : text, flags, io, []));
    });
}
