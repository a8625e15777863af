#!/usr/bin/env node
// Wires the CLI to the process. dist/dti.cjs is src/cli/run.ts bundled with its dependencies
// (scripts/bundle.mjs). CommonJS (bin/package.json), like the bundle: it starts faster than an
// ES module entry.
'use strict';
const { fstatSync } = require('node:fs');

// Node 22.1 and later keep the code V8 compiled for the bundle in a cache on disk (by default in
// the system's temporary folder; NODE_COMPILE_CACHE chooses another, NODE_DISABLE_COMPILE_CACHE=1
// turns it off), so a run after the first does not compile it again. A cache that cannot be
// written or read is no error: the code is compiled as usual. Node 20 has no such cache.
require('node:module').enableCompileCache?.();

// A closed pipe (dti score … | head) ends quietly; any other failure to write standard output
// (a full disk: dti … > /dev/full) is one line and exit 5, never a stack trace.
const stdoutError = (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  // In the language of the run (--lang; Vietnamese unless English is asked for).
  const en = cli?.langOf?.(process.argv.slice(2)) === 'en';
  const why = e.code === 'ENOSPC' ? (en ? 'no space left on the device' : 'thiết bị hết dung lượng') : e.code ?? e.message;
  process.stderr.write(en ? `error: cannot write to standard output: ${why}\n` : `lỗi: không ghi được ra đầu ra chuẩn: ${why}\n`);
  process.exit(5);
};

// Interrupted (Ctrl-C, kill): Node's default ends the process by the signal at once, even in the
// middle of a long computation (the shell sees 128 + signal: 130, 143). Only while -o's temporary
// file exists (io.holdSignals) is the signal caught, to remove that file first and then end by the
// same signal: a handler runs only when the event loop turns, so one installed for the whole run
// would let a long computation go on to its end and exit 0 with the new file written.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let held = 0;
const interrupted = (sig) => {
  cli.removeTemporaries();
  for (const s of SIGNALS) process.off(s, interrupted);
  process.kill(process.pid, sig);
};
const holdSignals = () => {
  if (held++ === 0) for (const s of SIGNALS) process.on(s, interrupted);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--held === 0) for (const s of SIGNALS) process.off(s, interrupted);
  };
};
let cli;
// --debug: stack traces of internal errors name src/ files and lines (dist/dti.cjs.map); Node
// reads a source map only when the module is loaded with source maps on.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
cli = require('../dist/dti.cjs');

// Standard output is Node's own stream (for a file, Node writes it synchronously).
const stdout = process.stdout;
stdout.on('error', stdoutError);
const io = {
  stdout: { write: (s) => void stdout.write(s), isTTY: stdout.isTTY === true, columns: stdout.columns },
  // Standard error is opened only when something is written to it or asks whether it is a
  // terminal (a quiet run that succeeds never does: opening a pipe costs a few milliseconds).
  stderr: { write: (s) => void process.stderr.write(s), get isTTY() { return process.stderr.isTTY === true; } },
  // An endless pipe stops being read one byte past the limit (the CLI then refuses it).
  readStdin: async (maxBytes = Infinity) => {
    const chunks = [];
    let total = 0;
    for await (const c of process.stdin) {
      chunks.push(c);
      total += c.length;
      if (total > maxBytes) break;
    }
    return Buffer.concat(chunks);
  },
  // Standard input is opened only to read '-' (opening it costs a few milliseconds: a stream,
  // and for a pipe the network modules).
  get stdinIsTTY() { return process.stdin.isTTY === true; },
  // `dti score - < data.csv -o data.csv` must not replace the file it reads.
  stdinFile: () => {
    try {
      const s = fstatSync(0);
      return s.isFile() ? { dev: s.dev, ino: s.ino } : undefined;
    } catch {
      return undefined;
    }
  },
  env: process.env,
  cwd: process.cwd(),
  holdSignals,
};

// Never process.exit() on success: it can cut off output still in a pipe.
cli.run(process.argv.slice(2), io).then((code) => { process.exitCode = code; });
