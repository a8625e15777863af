/**
 * The CLI as a function: `run(argv, io)` parses the arguments, runs one command and returns
 * the exit code. Tests call it in-process; bin/dti.js wires it to `process`.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from './paths.js';
import { Command, CommanderError } from 'commander';
import { Chalk } from 'chalk';
import { makeChalk, printDiagnostics } from './cli/context.js';
import { CliError } from './cli/errors.js';
import { WORDS, localizeHint } from './core/messages.js';
import { EXIT, EXIT_HELP, type Io } from './cli/io.js';
import { register as registerCompare } from './commands/compare.js';
import { register as registerExplain } from './commands/explain.js';
import { register as registerSensitivity } from './commands/sensitivity.js';
import { register as registerIndicators } from './commands/indicators.js';
import { register as registerProvinces } from './commands/provinces.js';
import { register as registerReport } from './commands/report.js';
import { register as registerChart } from './commands/chart.js';
import { register as registerScore } from './commands/score.js';
import { register as registerTrend } from './commands/trend.js';
import { register as registerValidate } from './commands/validate.js';
import { register as registerTemplate } from './commands/template.js';

export type { Io } from './cli/io.js';
export { EXIT } from './cli/io.js';
export { removeTemporaries } from './cli/files.js';

export const VERSION: string = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

const ISSUES = 'report it with the command you ran and the output of dti --version';

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
  const io: Io = { ...ioIn, lang: langOf(argv) };
  let code: number = EXIT.OK;
  const done = (c: number) => { code = c; };
  const program = new Command('dti')
    .description("Score Vietnam's provinces (or districts, departments…) on a DTI-style digital transformation index.\n"
      + 'Reads YAML definitions (indicators/) and CSV data (data/); writes rankings as a table, CSV, TSV, Markdown or JSON.\n'
      + 'Results go to standard output; warnings and errors to standard error.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    // Before .command(): subcommands copy these settings when created.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', `
Examples:
  dti score data/2023.csv                       rank the provinces of 2023 (changes since 2022)
  dti score data/2023.csv -f json               the same as JSON (schema dti-result/v1)
  dti trend data/papi/*.csv -i indicators/papi.yaml     ranks year by year
  dti compare "Nghệ An" "Hà Tĩnh" "Vĩnh Phúc"           side by side, with official ranks
  dti explain "Nghệ An" data/2023.csv --target-rank 15  where it loses points; what rank 15 needs
  dti sensitivity data/2023.csv                 how sure each rank is (weights ±25%, 1000 runs)
  dti validate data/2023.csv                    check a data file
  dti template -o mau.xlsx                      a workbook to fill in, one row per province
  dti indicators                                the indicator tree with weights
  dti provinces --map 34                        the 34 provinces since 1 July 2025

${EXIT_HELP}

Docs: README.md (file formats, the DTI method, CI recipe).`);
  registerScore(program, io, done);
  registerTrend(program, io, done);
  registerCompare(program, io, done);
  registerExplain(program, io, done);
  registerSensitivity(program, io, done);
  registerValidate(program, io, done);
  registerTemplate(program, io, done);
  registerIndicators(program, io, done);
  registerProvinces(program, io, done);
  registerReport(program, io, done, VERSION);
  registerChart(program, io, done);
  program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) }));

  const debug = argv.includes('--debug');
  try {
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
      // commander has already printed its message.
      io.stderr.write(`(run 'dti --help' for usage)\n`);
      return EXIT.USAGE;
    }
    if (e instanceof CliError) {
      if (e.diagnostics.length > 0) printDiagnostics(io, e.diagnostics, chalk);
      else {
        const w = WORDS[io.lang ?? 'vi'];
        const hint = e.hint === undefined ? undefined : io.lang === 'en' ? e.hint : localizeHint(e.hint);
        io.stderr.write(`${chalk.red.bold(w.error)}: ${e.message}\n${hint === undefined ? '' : `  ${chalk.cyan(w.hint)}: ${hint}\n`}`);
      }
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr.write(`${new Chalk({ level: 0 }).bold('internal error')}: ${err?.message ?? String(e)}\n`);
    io.stderr.write(debug ? `${err?.stack ?? ''}\n` : `This is a bug in dti ${VERSION}; ${ISSUES}. Run again with --debug for the stack trace.\n`);
    return EXIT.INTERNAL;
  }
}
