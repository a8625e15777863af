// End to end: the built binary (bin/dti.js → dist/), as a user or CI job runs it.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { ROOT, tmp } from './helpers.js';

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
  it('ends quietly with exit 0 when the reader closes the pipe (| head)', () => {
    // 3,000 units of JSON (megabytes): far more than a pipe buffer holds.
    const dir = tmp();
    const rows = Array.from({ length: 3000 }, (_, i) => `Đơn vị ${i},${(i % 10) + 1},5,5,5,5,5`);
    writeFileSync(join(dir, 'big.csv'), `unit,d1-participation,d2-transparency,d3-vertical-accountability,d4-control-of-corruption,d5-public-admin-procedures,d6-public-service-delivery\n${rows.join('\n')}\n`);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" score "${join(dir, 'big.csv')}" -i indicators/papi-dimensions.yaml --detail indicators -f json | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`],
      { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('0');
    expect(r.stderr).toBe('');
  });
  it('is byte-identical across runs, time zones and locales', () => {
    // One process per time zone and locale (they are read at start-up), each running the built
    // CLI on every format and writing what it printed as JSON.
    const script = `import { createRequire } from 'node:module';
      const { loadCli } = createRequire(import.meta.url)(${JSON.stringify(join(ROOT, 'dist/cli-loader.cjs'))});
      const { run } = loadCli({ dir: ${JSON.stringify(join(ROOT, 'dist'))} }).cli;
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
