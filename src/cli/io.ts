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
  /** Reads all of standard input as bytes; past `maxBytes` it may stop and return what it has (more than `maxBytes`). */
  readStdin(maxBytes?: number): Promise<Uint8Array>;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Language of messages (`--lang`; run() sets it from the arguments, Vietnamese by default). */
  lang?: 'vi' | 'en';
  /** The file system that `-o` writes through (default: node:fs); tests inject one that fails. */
  fs?: OutputFs;
  /** The identity of the file standard input was redirected from, if it is a regular file. */
  stdinFile?: () => FileId | undefined;
  /**
   * Called when `-o`'s temporary file is created; the function it returns, when that file is
   * renamed or removed. bin/dti.js catches Ctrl-C and SIGTERM only in between (to remove the
   * file first): at any other moment the signal ends the run at once, even in the middle of a
   * long computation, which a handler could not (it runs only when the event loop turns).
   */
  holdSignals?: () => () => void;
}

/** A file's identity: device and inode (hard links and other paths to one file compare equal). */
export interface FileId {
  dev: number;
  ino: number;
}

/** What writing an output file needs of the file system (a subset of node:fs). */
export interface OutputFs {
  statSync(path: string, opts: { throwIfNoEntry: false }): { dev: number; ino: number; mode: number; uid: number; gid: number; isFile(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isDirectory(): boolean } | undefined;
  realpathSync(path: string): string;
  writeFileSync(path: string, data: string | Uint8Array, opts?: { flag?: string; mode?: number }): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  chmodSync(path: string, mode: number): void;
  chownSync(path: string, uid: number, gid: number): void;
  readFileSync(path: string): Uint8Array;
  /** Throws when the file cannot be written by this user (node:fs `accessSync(path, W_OK)`); node:fs's when absent. */
  accessSync?(path: string, mode: number): void;
}

/** Exit codes: one table, also in `dti --help` and the README. */
export const EXIT = {
  OK: 0,
  /** `--check`: the output file differs (a missing or unreadable one is IO). */
  STALE: 1,
  USAGE: 2,
  DEFINITIONS: 3,
  DATA: 4,
  IO: 5,
  INTERNAL: 70,
} as const;

/** The exit codes, as help lists them, in both languages. */
export const EXIT_HELP = {
  vi: `Mã thoát:
  0   thành công
  1   --check: tệp đầu ra đã cũ (nội dung khác, không kể ký tự xuống dòng)
  2   dùng sai lệnh (lệnh hoặc tùy chọn không có, giá trị tùy chọn sai)
  3   tệp định nghĩa (YAML) không hợp lệ
  4   số liệu (CSV) không hợp lệ
  5   không đọc hoặc không ghi được một tệp
  70  lỗi nội bộ (lỗi của dti: xin báo lại, kèm kết quả 'dti --version')`,
  en: `Exit codes:
  0   success
  1   --check: the output file is stale (its text differs, line endings aside)
  2   usage error (unknown command or option, bad option value)
  3   the definitions (YAML) are invalid
  4   the data (CSV) are invalid
  5   a file could not be read or written
  70  internal error (a bug: please report it with 'dti --version')`,
};
