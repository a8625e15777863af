/**
 * `dti report <data…> -o report.html`: the ranking as one self-contained HTML page with a
 * map, charts and (with --unit) a unit's profile. The chart libraries load only here.
 */
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { packagePath } from '../load/paths.js';
import { CliError } from '../cli/errors.js';
import { msg, render, byLang } from '../core/messages.js';
import { displayName } from '../cli/files.js';
import { EXIT, type Io } from '../cli/io.js';
import { explain } from '../core/explain/index.js';
import { DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_SPREAD, sensitivity } from '../core/sensitivity/index.js';
import type { UnitSensitivity } from '../report/unit.js';
import { wholeRanks } from '../core/sensitivity/whole.js';
import { type ScoreFlags, scoreFiles } from '../cli/load-run.js';
import { checkOption, dataOptions, emit, mergeOptions, poolYearsOption, positiveInt, previousOptions } from '../cli/options.js';
import { formatPercent } from '../core/text.js';
import { nodeName } from '../core/framework.js';

type ReportFlags = Omit<ScoreFlags, 'detail' | 'format' | 'top' | 'by' | 'region'> & { unit?: string; targetRank?: number; sensitivity?: boolean; audit?: boolean };

/** A share (0.25) as a reader writes it: '25 %' under vi, '25%' in English (core/text.ts's one formatter). */
const pct = (x: number, lang: 'vi' | 'en') => formatPercent(Math.round(x * 100), 0, lang);

export function register(program: Command, io: Io, done: (code: number) => void, version: string): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('report')
    .description(h({ vi: 'bảng xếp hạng thành một trang HTML trọn vẹn: bảng, bản đồ, biểu đồ trụ cột và thay đổi thứ hạng', en: 'the ranking as one self-contained HTML page: table, map, pillar and rank-change charts' }))
    .argument('<data...>', h({ vi: "tệp số liệu CSV; '-' là đọc từ đầu vào chuẩn", en: "CSV data file(s); '-' reads standard input" }));
  poolYearsOption(mergeOptions(previousOptions(cmd, io), io), io);
  dataOptions(cmd, io)
    .option('-o, --output <file>', h({ vi: "ghi trang vào tệp (trọn vẹn một lần); '-' hoặc không nêu: ra đầu ra chuẩn (không phải màn hình)", en: "write the page to a file (atomically); '-' or none: standard output (not a terminal)" }))
    .addOption(checkOption(io))
    .addOption(new Option('--lang <lang>', h({ vi: 'ngôn ngữ của trang', en: 'language of the page' })).choices(['vi', 'en']).default('vi'))
    .option('--unit <name>', h({ vi: 'thêm phần phân tích một đơn vị (như dti explain): việc cần ưu tiên, điểm mạnh, điểm yếu, thay đổi so với năm trước', en: "add a profile of one unit (from dti explain): priorities, strengths and weaknesses, the change since last year" }))
    .option('--target-rank <n>', h({ vi: 'đi cùng --unit: khoảng cách tới hạng n và một phương án cân đối', en: 'with --unit: the gap to rank n and a balanced plan' }), positiveInt)
    .option('--sensitivity', h({
      vi: `đi cùng --unit: khoảng thứ hạng (bách phân vị 5–95) của mọi đơn vị qua ${DEFAULT_RUNS} lần chạy với trọng số ±${pct(DEFAULT_SPREAD, 'vi')} (mặc định của dti sensitivity, seed ${DEFAULT_SEED})`,
      en: `with --unit: every unit's rank interval (5th–95th percentile) over ${DEFAULT_RUNS} runs with the weights ±${pct(DEFAULT_SPREAD, 'en')} (dti sensitivity's defaults, seed ${DEFAULT_SEED})`,
    }))
    .option('--audit', h({ vi: 'thêm phần kiểm định thống kê (dti audit): bản đồ nhiệt tương quan của từng nhóm, hệ số alpha Cronbach, thành phần chính và các cảnh báo', en: "add the statistical audit (dti audit): a correlation heat map per group, Cronbach's alpha, PCA and the flags" }))
    .option('-q, --quiet', h({ vi: 'không in cảnh báo', en: 'no warnings' }))
    .option('--no-color', h({ vi: 'không tô màu thông báo (hoặc đặt NO_COLOR=1)', en: 'no colour in messages (also NO_COLOR=1)' }))
    .addHelpText('after', `
${h({ vi: 'Ví dụ:', en: 'Examples:' })}
  dti report data/2023.csv -o dti-2023.html
  dti report data/2023.csv --audit -o dti-2023.html
  dti report data/2024.csv --merge-2025 -o dti-2024-34.html
  dti report data/2023.csv --unit "Nghệ An" --target-rank 15 --sensitivity \\
      -o nghe-an.html
  dti report data/papi/2016.csv -i indicators/papi.yaml --lang en \\
      -o papi-2016.html`)
    .action(async (files: string[], flags: ReportFlags) => {
      done(await runReport(files, flags, io, version));
    });
}

/** The boundary file of a province map, shipped in data/geo/. */
function loadTopology(map: '63' | '34'): unknown {
  const path = packagePath(`data/geo/vn-provinces-${map}.topo.json`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliError(EXIT.IO, msg('cli.noMapBoundaries', { path, detail: (e as Error).message }), { hint: msg('hint.reinstall') });
  }
}

/** An uncertain input of dti sensitivity in words: `weights@1` with spread 0.25 → "trọng số cấp 1 ±25%". */
function describeInput(id: string, spread: number | undefined, lang: 'vi' | 'en'): string {
  const w = /^weights@(\d+)$/.exec(id);
  if (w !== null) return render(msg('report.weights', { level: w[1]!, spread: pct(spread ?? 0, lang) }), lang);
  return id;
}

async function runReport(files: string[], flags: ReportFlags, io: Io, version: string): Promise<number> {
  // A page of HTML (0.3 MB and more) is for a file or a pipe, never for the screen.
  if ((flags.output === undefined || flags.output === '-') && io.stdout.isTTY === true) {
    throw new CliError(EXIT.USAGE, msg('cli.reportToTerminal'), { hint: msg('hint.example', { example: `dti report ${files.join(' ')} -o report.html` }) });
  }
  if (flags.unit === undefined && (flags.targetRank !== undefined || flags.sensitivity === true)) {
    const opt = flags.targetRank !== undefined ? '--target-rank' : '--sensitivity';
    throw new CliError(EXIT.USAGE, msg('cli.needsUnit', { option: opt }),
      { hint: msg('hint.example', { example: 'dti report data/2023.csv --unit "Nghệ An" --target-rank 15 -o report.html' }) });
  }
  const { result, fw, ds, inputs, run } = await scoreFiles(files, flags, io, 'pillars');
  let unit;
  if (flags.unit !== undefined) {
    // On the 34 after --merge-2025: a merged province's main indices are its members' means, as the ministry averages them.
    const r = explain(run, flags.unit, {
      lang: flags.lang,
      ...(flags.targetRank === undefined ? {} : { targetRank: flags.targetRank }),
    });
    if (!r.ok) throw new CliError(EXIT.USAGE, `cannot profile '${flags.unit}'`, { diagnostics: r.errors });
    unit = r.value;
  }
  let sens: UnitSensitivity | undefined;
  if (unit !== undefined && flags.sensitivity === true) {
    const s = sensitivity(run, {}, { lang: flags.lang });
    if (!s.ok) throw new CliError(EXIT.USAGE, 'cannot run the sensitivity analysis', { diagnostics: s.errors });
    const res = s.value.result;
    sens = {
      runs: res.runs,
      level: 0.9,
      // Whole ranks, as `dti sensitivity`'s table prints them (core's one rule): the sentence and the picture.
      units: res.units.flatMap((u) => { const w = wholeRanks(u); return w === null ? [] : [{ unit: u.unit, rank: u.nominalRank, ...w }]; }),
      varied: res.inputs.map((i) => describeInput(i.id, i.spread, flags.lang)),
    };
  }
  let audited;
  if (flags.audit === true) {
    const { audit } = await import('../core/audit/index.js');
    // The year ranked, as the run scored it (on the 34 after --merge-2025: the main indices and the index).
    audited = audit({ fw, current: run.current }, { lang: flags.lang }).result;
  }
  const map = ds.unitKind !== 'province' ? null : flags.merge2025 === true ? '34' : ds.map;
  // Loaded here, not at start-up: Vega and Vega-Lite are large and only this command needs them.
  const { buildModel, buildReport } = await import('../report/index.js');
  const model = buildModel({
    result, fw, lang: flags.lang, unitKind: ds.unitKind, map,
    files: inputs.slice(1).map((p) => (p === null ? '<stdin>' : displayName(p, io.cwd))),
    version,
  });
  const html = await buildReport(model, {
    topology: map === null ? null : loadTopology(map) as never,
    ...(unit === undefined ? {} : { unit }),
    ...(sens === undefined ? {} : { sensitivity: sens }),
    ...(audited === undefined ? {} : { audit: audited, names: (id: string) => nodeName(fw, id, flags.lang) }),
  });
  return emit(html, flags, io, inputs);
}
