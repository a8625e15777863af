// End to end: the built binary (bin/dti.js → dist/), as a user or CI job runs it, on a real
// terminal, interrupted, and the library example. (Its standard output: stdout.test.ts.)
import * as fs from 'node:fs';
import { readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tmp } from './helpers.js';
// @ts-expect-error — a plain .mjs helper shared with the benchmark
import { generate } from './bench/generate.mjs';

const BIN = join(ROOT, 'bin/dti.js');
const dti = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });

describe('the dti binary', () => {
  it('prints the ranking on stdout and warnings on stderr, exit 0', () => {
    const r = dti(['score', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^rank,previous_rank,rank_change,province,code,score,/);
    expect(r.stdout).toContain('Vĩnh Phúc');
    expect(r.stderr).toContain('warning:');
    expect(r.stdout).not.toContain('warning');
  });
  it('exits 4 on bad data with the error on stderr only', () => {
    const r = dti(['score', 'data/components/sources.csv', '--lang', 'en']);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^data\/components\/sources\.csv:1:\d+: error: /m);
  });
  it('never colours piped output, even with FORCE_COLOR and NO_COLOR both set', () => {
    const r = dti(['score', 'data/2023.csv', '-f', 'table'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(r.stdout).not.toContain('\u001b[');
  });
  it('is byte-identical across runs, time zones and locales', () => {
    // One process per time zone and locale (they are read at start-up), each running the built
    // CLI on every format and writing what it printed as JSON.
    const script = `import { createRequire } from 'node:module';
      const { run } = createRequire(import.meta.url)(${JSON.stringify(join(ROOT, 'dist/dti.cjs'))});
      const out = [];
      for (const args of [['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-f', 'json'],
        ...['csv', 'md', 'tsv'].map((f) => ['score', 'data/2023.csv', '-f', f, '-q'])]) {
        let s = '';
        const code = await run(args, { stdout: { write: (t) => { s += t; } }, stderr: { write: () => {} },
          readStdin: async () => new Uint8Array(), stdinIsTTY: true, env: process.env, cwd: process.cwd() });
        out.push([code, s]);
      }
      process.stdout.write(JSON.stringify(out));`;
    const outputs = [
      { TZ: 'UTC', LANG: 'C' },
      { TZ: 'Asia/Ho_Chi_Minh', LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' },
      { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8' },
    ].map((env) => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as [number, string][];
    });
    const [a, ...others] = outputs;
    expect(a!.map(([code]) => code)).toEqual([0, 0, 0, 0]);
    expect(a![0]![1].length).toBeGreaterThan(10000);
    for (const o of others) expect(o).toEqual(a);
  });
  it('prints its version', () => {
    const r = dti(['--version']);
    expect(r.status).toBe(0);
    // The version and where it runs from (the package folder: here, the clone).
    expect(r.stdout.trim()).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} (${ROOT}/)`);
  });
});

describe('on a terminal', () => {
  // eslint-disable-next-line no-control-regex
  const shown = (l: string) => [...l.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r$/, '')].length;
  const widest = (s: string) => Math.max(...s.split('\n').map(shown));
  /** Commands run in a real pseudo-terminal of 80 columns (util-linux script). */
  const pty = (cmd: string, term: string) => spawnSync('script', ['-qec', `stty cols 80 rows 50; ${cmd}`, '/dev/null'],
    { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: term, LANG: 'C.UTF-8' } });
  it('fits its tables through a real 80-column pseudo-terminal (util-linux script)', () => {
    const node = JSON.stringify(process.execPath);
    const r = pty(`${node} bin/dti.js score data/components/2023.csv -i indicators/dti-components.yaml --detail groups -q; `
      + `${node} bin/dti.js compare "Nghệ An" "Hà Tĩnh" "Vĩnh Phúc" -q`, 'xterm');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.some((l) => l.includes('Vĩnh Phúc'))).toBe(true); // it printed the tables (not CSV)
    expect(r.stdout).not.toContain('rank,previous_rank');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });
  it('colours its charts in a real 80-column colour pseudo-terminal, one line per unit', () => {
    const node = JSON.stringify(process.execPath);
    const r = pty(`${node} bin/dti.js sensitivity data/2023.csv --runs 50 -q; ${node} bin/dti.js trend data/2022.csv data/2023.csv data/2024.csv -q`, 'xterm-256color');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\u001b[36m●');
    expect(r.stdout).toContain('\u001b[36m█');
    expect(r.stdout).not.toContain('<U+');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    // Đà Nẵng's row in each: one line each, its chart on it.
    const rows = r.stdout.split('\n').filter((l) => l.includes('Đà Nẵng'));
    expect(rows).toHaveLength(2);
    for (const l of rows) expect(l).toContain('\u001b[36m');
  });
});

describe('-o, interrupted', () => {
  it('a run interrupted or killed at any moment leaves the old file or the whole new one, and SIGTERM no temporary file', async () => {
    const dir = tmp();
    const { csv, yaml } = generate(dir, 1000, 20) as { csv: string; yaml: string };
    const out = join(dir, 'ranking.json');
    const args = [BIN, 'score', csv, '-i', yaml, '-f', 'json', '-q', '-o', out];
    const runTo = (signal: NodeJS.Signals | null, ms: number) => new Promise<number | NodeJS.Signals | null>((res) => {
      const child = spawn(process.execPath, args, { stdio: 'ignore' });
      const timer = signal === null ? undefined : setTimeout(() => child.kill(signal), ms);
      child.on('exit', (code, sig) => { clearTimeout(timer); res(code ?? sig); });
    });
    const t0 = Date.now();
    expect(await runTo(null, 0)).toBe(0);
    const T = Date.now() - t0;
    const complete = fs.readFileSync(out, 'utf8');
    const OLD = '{"previous": "output"}\n';
    // Late in the run (fractions of a whole run's time here), when it computes or writes the output.
    for (const [signal, f] of [['SIGTERM', 0.6], ['SIGTERM', 0.9], ['SIGKILL', 0.8]] as const) {
      const ms = Math.round(f * T);
      fs.writeFileSync(out, OLD);
      const code = await runTo(signal, ms);
      const now = fs.readFileSync(out, 'utf8');
      expect(now === OLD || now === complete, `${signal} at ${ms} ms: ${now.length} bytes`).toBe(true);
      // Interrupted with SIGTERM: ended by the signal (the shell's 143) and no temporary file
      // (SIGKILL cannot be caught), or done before it came.
      if (signal === 'SIGTERM') {
        expect([0, 'SIGTERM']).toContain(code);
        expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }
    }
  }, 30_000);
});

describe('-o, interrupted during a long write', () => {
  // The write of a large output goes in blocks of about a megabyte with the event loop run between
  // them: a signal that comes while the temporary file is being written ends the run there, by
  // that signal (the shell's 128 + its number), the old file kept and no temporary file (before,
  // the whole write ran to its end and the run exited 0 with the new file).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while the temporary file grows: ended by it, the old file kept, no temporary file`, async () => {
      const dir = tmp();
      const { csv, yaml } = generate(dir, 20000, 40) as { csv: string; yaml: string };
      const out = join(dir, 'ranking.json');
      const OLD = '{"previous": "output"}\n';
      fs.writeFileSync(out, OLD);
      const child = spawn(process.execPath, [BIN, 'score', csv, '-i', yaml, '-f', 'json', '-q', '-o', out], { stdio: 'ignore' });
      const exited = new Promise<number | NodeJS.Signals | null>((res) => child.on('exit', (c, sig) => res(c ?? sig)));
      // Wait until the temporary file has its first block (a megabyte or more), then signal.
      let seen = false;
      const until = Date.now() + 60_000;
      while (!seen && Date.now() < until && child.exitCode === null) {
        const t = fs.readdirSync(dir).find((f) => f.endsWith('.tmp'));
        if (t !== undefined && (fs.statSync(join(dir, t), { throwIfNoEntry: false })?.size ?? 0) >= 1 << 20) seen = true;
        else await new Promise((r) => setTimeout(r, 2));
      }
      expect(seen, 'the temporary file was seen growing').toBe(true);
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(fs.readFileSync(out, 'utf8')).toBe(OLD);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }, 90_000);
  }
});

describe('interrupted while computing', () => {
  // A signal that comes while a command computes (here sensitivity's 100,000 runs, several seconds)
  // ends it at once by that signal (the shell's 130 or 143): nothing written, the old -o file
  // kept, no temporary file. Before, bin/dti.js's handlers (installed for the whole run) could run
  // only when the computation yielded: the run went on to its end, wrote -o and exited 0.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during dti sensitivity: ended by it, the old file kept, no temporary file`, async () => {
      const dir = tmp();
      const out = join(dir, 's.csv');
      const OLD = 'previous,output\n';
      fs.writeFileSync(out, OLD);
      // -v: a line on standard error once the data are loaded, just before the runs start.
      const child = spawn(process.execPath, [BIN, 'sensitivity', 'data/2023.csv', '--runs', '100000', '-v', '-o', out],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      const exited = new Promise<number | NodeJS.Signals | null>((res) => child.on('exit', (c, sig) => res(c ?? sig)));
      await new Promise<void>((res) => child.stderr.once('data', () => res()));
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(fs.readFileSync(out, 'utf8')).toBe(OLD);
      expect(fs.readdirSync(dir)).toEqual(['s.csv']);
    }, 120_000);
  }
});

describe('the library API', () => {
  it('runs examples/compare-north-central.mjs', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'examples/compare-north-central.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Hà Tĩnh: rank 37 → 25 → 11 (2022 → 2023 → 2024)');
    expect(r.stdout).toContain('2024 (method changed');
    expect(r.stdout).toMatch(/Digital government\s+Nghệ An 0\.7375 \(#2 of 3, #44 of 63\)\s+Hà Tĩnh 0\.7935 \(#1 of 3, #15 of 63\)\s+Vĩnh Phúc 0\.7296 \(#3 of 3, #49 of 63\)/);
  });
});
