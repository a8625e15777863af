#!/usr/bin/env node
// Wires the CLI to the process. dist/dti.js is src/run.ts bundled with its dependencies
// (one file loads about 100 ms faster than a tree of modules on Node 20).
import { run } from '../dist/dti.js';

// A closed pipe (dti score … | head) ends quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const io = {
  stdout: { write: (s) => void process.stdout.write(s), isTTY: process.stdout.isTTY === true, columns: process.stdout.columns },
  stderr: { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY === true },
  readStdin: async () => {
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    return Buffer.concat(chunks);
  },
  stdinIsTTY: process.stdin.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
};

// Never process.exit() on success: it can cut off output still in a pipe.
process.exitCode = await run(process.argv.slice(2), io);
