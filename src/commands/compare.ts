/** `dti compare <unit…> --data <files…>`: named units side by side, per pillar and indicator, across years. */
import { existsSync } from 'node:fs';
import { packagePath } from '../load/paths.js';
import type { Command } from 'commander';
import { compare } from '../core/compare.js';
import { termWidth, makeChalk, printDiagnostics } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { displayName } from '../cli/files.js';
import { EXIT, type Io } from '../cli/io.js';
import { pictureFormat } from '../cli/picture-format.js';
import { officialDtiRanks } from '../cli/official.js';
import { officialApplies } from '../load/official.js';
import type { Format } from '../render/format.js';
import { renderCompare } from '../render/compare.js';
import { type RunFlags, type ScoreFlags, loadRun } from '../cli/load-run.js';
import { chooseFormat, dataOptions, emit, mergeOptions, outputOptions, poolYearsOption, toFile } from '../cli/options.js';
import { textOrWorkbook } from '../cli/xlsx.js';
import { msg, render, byLang } from '../core/messages.js';

type CompareFlags = RunFlags & Pick<ScoreFlags, 'color' | 'quiet' | 'output' | 'check' | 'lang' | 'excel'>
  & { format?: Format; data?: string[]; official: boolean };

/** The shipped DTI data, when no --data is given. */
const SHIPPED = ['2022', '2023', '2024'].map((y) => packagePath(`data/${y}.csv`));

export function register(program: Command, io: Io, done: (code: number) => void): void {
  const h = byLang(io.lang ?? 'vi');
  const cmd = program
    .command('compare')
    .description(h({ vi: 'đặt các đơn vị được nêu cạnh nhau: điểm, thứ hạng, trụ cột, chỉ số chính, từng chỉ số và số điểm bị mất; kèm thứ hạng chính thức', en: 'named units side by side: score, rank, pillars, main indices, each indicator and the points it lost; official ranks beside' }))
    .argument('<unit...>', h({ vi: 'các tỉnh (viết kiểu nào cũng được) hoặc đơn vị cần so sánh', en: 'provinces (any spelling) or units to compare' }));
  poolYearsOption(mergeOptions(cmd, io), io);
  outputOptions(dataOptions(cmd, io), io)
    .option('-d, --data <files...>', h({ vi: 'các tệp số liệu CSV, mỗi năm một tệp (mặc định: các tệp data/2022.csv, data/2023.csv và data/2024.csv đi kèm)', en: 'CSV data files, one per year (default: the shipped data/2022.csv, data/2023.csv and data/2024.csv)' }))
    .option('--no-official', h({ vi: 'không kèm thứ hạng DTI chính thức đã công bố', en: 'leave out the published official DTI ranks' }))
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti compare "Nghệ An" "Hà Tĩnh" "Vĩnh Phúc"
  dti compare "Nghệ An" "Hà Tĩnh" "Vĩnh Phúc" -f md -o compare.md
  dti compare "Hà Tĩnh" "Quảng Bình" -i indicators/papi.yaml \\
      --data data/papi/2015.csv data/papi/2016.csv`,
      en: `
Examples:
  dti compare "Nghệ An" "Hà Tĩnh" "Vĩnh Phúc"
  dti compare "Nghệ An" "Hà Tĩnh" "Vĩnh Phúc" -f md -o compare.md
  dti compare "Hà Tĩnh" "Quảng Bình" -i indicators/papi.yaml \\
      --data data/papi/2015.csv data/papi/2016.csv`,
    }))
    .action(async (names: string[], flags: CompareFlags) => {
      const files = flags.data ?? SHIPPED.filter((f) => existsSync(f)).map((f) => displayName(f, io.cwd));
      const { run, fw, ds: data, inputs, warnings } = await loadRun(files, flags, io, { previous: false });
      // Official ranks are DTI ranks of provinces: shown for DTI definitions only.
      const official = flags.official && officialApplies(fw, data) ? officialDtiRanks() : [];
      const r = compare(run, names, { lang: flags.lang, official });
      if (!r.ok) throw new CliError(EXIT.USAGE, 'unknown unit', { diagnostics: r.errors });
      if (flags.quiet !== true && warnings.length + r.warnings.length > 0) printDiagnostics(io, [...warnings, ...r.warnings], makeChalk(io.stderr, io, flags.color));
      if (flags.format === undefined && pictureFormat(flags.output) !== undefined) {
        const p = await import('../cli/picture.js');
        done(await emit(await p.picture(p.compareSpec(r.value, flags.lang), pictureFormat(flags.output)!, flags.lang), flags, io, inputs));
        return;
      }
      const format = chooseFormat(flags.format, flags.output, io, flags.excel);
      const text = textOrWorkbook(format, (f) => renderCompare(r.value, fw, { format: f, lang: flags.lang, width: termWidth(io, flags.output), chalk: makeChalk(io.stdout, io, flags.color && f === 'table' && !toFile(flags.output)) }), render(msg('sheet.compare'), flags.lang), flags.lang);
      done(await emit(text, flags, io, inputs));
    });
}
