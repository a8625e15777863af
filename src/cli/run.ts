/**
 * The CLI as a function: `run(argv, io)` parses the arguments, runs one command and returns
 * the exit code. Tests call it in-process; bin/dti.js wires it to `process`.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../load/paths.js';
import { Command, CommanderError } from 'commander';
import { Chalk } from 'chalk';
import { makeChalk, printDiagnostics } from './context.js';
import { CliError } from './errors.js';
import { CATALOGUES, byLang, forMessageIn, localizePlain, words } from '../core/messages.js';
import { commanderText } from '../core/third-party.js';
import { EXIT, EXIT_HELP, type Io } from './io.js';

type Register = (program: Command, io: Io, done: (code: number) => void, version: string) => void;

/**
 * The commands, in the order `dti --help` lists them. Each is loaded only when it runs (the
 * bundle keeps each in its own chunk), so a command pays at start-up for its own code and
 * dependencies alone. A new command is one line here; heavy libraries belong in its module.
 */
const COMMANDS: readonly (readonly [string, () => Promise<{ register: Register }>])[] = [
  ['score', () => import('../commands/score.js')],
  ['trend', () => import('../commands/trend.js')],
  ['compare', () => import('../commands/compare.js')],
  ['explain', () => import('../commands/explain.js')],
  ['sensitivity', () => import('../commands/sensitivity.js')],
  ['audit', () => import('../commands/audit.js')],
  ['validate', () => import('../commands/validate.js')],
  ['template', () => import('../commands/template.js')],
  ['indicators', () => import('../commands/indicators.js')],
  ['provinces', () => import('../commands/provinces.js')],
  ['report', () => import('../commands/report.js')],
  ['chart', () => import('../commands/chart.js')],
];

/** The command argv names (the first word that is not an option), if it is one of COMMANDS. */
function commandOf(argv: readonly string[]): string | undefined {
  const first = argv.find((a) => !a.startsWith('-'));
  return COMMANDS.some(([name]) => name === first) ? first : undefined;
}

/** Whether commander may print help: no command, `help`, `--help`, or `-h` (alone or among short flags). */
function mayShowHelp(argv: readonly string[], wanted: string | undefined): boolean {
  if (wanted === undefined) return true;
  for (const a of argv) {
    if (a === '--') break;
    if (a === '--help' || /^-[^-]*h/.test(a)) return true;
  }
  return false;
}

export type { Io } from './io.js';
export { EXIT } from './io.js';
export { removeTemporaries } from './files.js';

export const VERSION: string = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

/** The language asked for with --lang en / --lang=en (before any '--'); Vietnamese otherwise. */
export function langOf(argv: readonly string[]): 'vi' | 'en' {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return argv[i + 1] === 'en' ? 'en' : 'vi';
    if (a.startsWith('--lang=')) return a.slice(7) === 'en' ? 'en' : 'vi';
  }
  return 'vi';
}

/** Run the CLI with `argv` (without the node and script names). Never throws. */
export async function run(argv: readonly string[], ioIn: Io): Promise<number> {
  // Messages follow --lang (Vietnamese unless English is asked for), from the first line printed.
  // Copied with its getters as getters (bin/dti.js opens standard input only when it is asked about).
  const io: Io = Object.defineProperties({} as Io, {
    ...Object.getOwnPropertyDescriptors(ioIn),
    lang: { value: langOf(argv), enumerable: true, writable: true, configurable: true },
  });
  const h = byLang(io.lang ?? 'vi');
  let code: number = EXIT.OK;
  const done = (c: number) => { code = c; };
  const program = new Command('dti')
    .description(h({
      vi: "Chấm điểm các tỉnh, thành phố của Việt Nam (hoặc huyện, sở, ngành…) theo một bộ chỉ số chuyển đổi số kiểu DTI.\nĐọc tệp định nghĩa YAML (indicators/) và số liệu CSV (data/); ghi bảng xếp hạng dạng bảng, CSV, TSV, Markdown hoặc JSON.\nKết quả ghi ra đầu ra chuẩn (stdout); cảnh báo và lỗi ghi ra luồng lỗi chuẩn (stderr).",
      en: "Score Vietnam's provinces (or districts, departments…) on a DTI-style digital transformation index.\n"
      + 'Reads YAML definitions (indicators/) and CSV data (data/); writes rankings as a table, CSV, TSV, Markdown or JSON.\n'
      + 'Results go to standard output; warnings and errors to standard error.',
    }))
    // Where it runs from, so that a user with two installs (a clone, npm install -g) knows which answered.
    .version(`${VERSION} (${packagePath('')})`, '-V, --version')
    .option('--debug', h({ vi: "in vết ngăn xếp (stack trace) khi có lỗi nội bộ", en: 'show stack traces of internal errors' }))
    // Before .command(): subcommands copy these settings when created.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // commander's own usage errors in the user's language (subcommands inherit this).
      outputError: (s, write) => write(commanderText(s, io.lang ?? 'vi')),
    })
    .showSuggestionAfterError(true)
    // Help fits an 80-column terminal (subcommands copy this when created).
    .configureHelp({ helpWidth: 80 })
    .addHelpText('after', h({
      vi: `
Ví dụ:
  dti score data/2023.csv          xếp hạng các tỉnh năm 2023 (so với 2022)
  dti score data/2023.csv -f json  như trên, dạng JSON (lược đồ dti-result/v1)
  dti score so-lieu.xlsx -o ket-qua.xlsx   đọc và ghi sổ tính Excel
  dti trend data/papi/*.csv -i indicators/papi.yaml     thứ hạng qua từng năm
  dti compare "Nghệ An" "Hà Tĩnh" "Vĩnh Phúc"   cạnh nhau, kèm hạng chính thức
  dti explain "Nghệ An" data/2023.csv --target-rank 15
                                   mất điểm ở đâu; cần gì để lên hạng 15
  dti sensitivity data/2023.csv    độ tin cậy của từng thứ hạng (trọng số ±25%)
  dti audit data/2023.csv          các chỉ số chính có cùng đo một điều?
  dti validate data/2023.csv       kiểm tra một tệp số liệu
  dti template -o mau.xlsx         sổ tính mẫu để điền, mỗi tỉnh một dòng
  dti indicators                   cây chỉ số kèm trọng số
  dti provinces --map 34           34 tỉnh từ ngày 01/7/2025

${h(EXIT_HELP)}

Tài liệu: README.md, docs/REFERENCE.md (mọi tuỳ chọn, phương pháp DTI).`,
      en: `
Examples:
  dti score data/2023.csv          rank the provinces of 2023 (vs 2022)
  dti score data/2023.csv -f json  the same as JSON (schema dti-result/v1)
  dti score so-lieu.xlsx -o ket-qua.xlsx   read and write Excel workbooks
  dti trend data/papi/*.csv -i indicators/papi.yaml     ranks year by year
  dti compare "Nghệ An" "Hà Tĩnh" "Vĩnh Phúc"   side by side, official ranks
  dti explain "Nghệ An" data/2023.csv --target-rank 15
                                   where it loses points; what rank 15 needs
  dti sensitivity data/2023.csv    how sure each rank is (weights ±25%)
  dti audit data/2023.csv          do the main indices measure one thing?
  dti validate data/2023.csv       check a data file
  dti template -o mau.xlsx         a workbook to fill in, a row per province
  dti indicators                   the indicator tree with weights
  dti provinces --map 34           the 34 provinces since 1 July 2025

${h(EXIT_HELP)}

Docs: README.en.md, docs/REFERENCE.md (every option, the DTI method).`,
    }));

  const debug = argv.includes('--debug');
  try {
    // Only the command being run is loaded; help, a typo (with its suggestion) or no command
    // at all need every one; the version alone needs none.
    const wanted = commandOf(argv);
    const versionOnly = wanted === undefined && argv.some((a) => a === '-V' || a === '--version') && !argv.some((a) => a === '-h' || a === '--help');
    for (const [name, load] of COMMANDS) {
      if ((wanted === undefined && !versionOnly) || name === wanted) (await load()).register(program, io, done, VERSION);
    }
    program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) }));
    // Help in Vietnamese (the default): its texts are loaded only when help may be shown.
    if (io.lang !== 'en' && mayShowHelp(argv, wanted)) (await import('./help.js')).localizeHelp(program);
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.USAGE;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    const chalk = makeChalk(io.stderr, io, !argv.includes('--no-color'));
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      // commander has already printed its message; the usage of the subcommand it was about.
      const sub = commandOf(argv);
      io.stderr.write(`${CATALOGUES[io.lang ?? 'vi']['word.usage']({ command: sub === undefined ? 'dti' : `dti ${sub}` })}\n`);
      return EXIT.USAGE;
    }
    if (e instanceof CliError) {
      if (e.diagnostics.length > 0) printDiagnostics(io, e.diagnostics, chalk);
      else {
        const w = words(io.lang ?? 'vi');
        const { message, hint } = localizePlain(e, io.lang ?? 'vi');
        io.stderr.write(`${chalk.red.bold(w.error)}: ${forMessageIn(message, io.lang ?? 'vi')}\n${hint === undefined ? '' : `  ${chalk.cyan(w.hint)}: ${forMessageIn(hint, io.lang ?? 'vi')}\n`}`);
      }
      return e.exitCode;
    }
    const err = e as Error;
    const c = CATALOGUES[io.lang ?? 'vi'];
    io.stderr.write(`${new Chalk({ level: 0 }).bold(c['word.internal'])}: ${err?.message ?? String(e)}\n`);
    io.stderr.write(debug ? `${err?.stack ?? ''}\n` : `${c['word.bug']({ version: VERSION })}\n`);
    return EXIT.INTERNAL;
  }
}
