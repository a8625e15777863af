/**
 * The world as the CLI sees it, injected so tests can run `run(argv, io)` in-process.
 */
export interface OutStream {
  write(s: string): void;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  /** Reads all of standard input as bytes. */
  readStdin(): Promise<Uint8Array>;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Language of messages (`--lang`; run() sets it from the arguments, Vietnamese by default). */
  lang?: 'vi' | 'en';
}

/** Exit codes: one table, also in `dti --help` and the README. */
export const EXIT = {
  OK: 0,
  /** `--check`: the output file is missing or differs. */
  STALE: 1,
  USAGE: 2,
  DEFINITIONS: 3,
  DATA: 4,
  IO: 5,
  INTERNAL: 70,
} as const;

export const EXIT_HELP = `Exit codes:
  0   success
  1   --check: the output file is stale (missing or different)
  2   usage error (unknown command or option, bad option value)
  3   the definitions (YAML) are invalid
  4   the data (CSV) are invalid
  5   a file could not be read or written
  70  internal error (a bug: please report it with 'dti --version')`;
