// End to end: the built binary (bin/dti.js → dist/), as a user or CI job runs it.
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
    const r = dti(['score', 'data/2023.csv', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^rank,previous_rank,rank_change,province,code,score,/);
    expect(r.stdout).toContain('Vĩnh Phúc');
    expect(r.stderr).toContain('warning:');
    expect(r.stdout).not.toContain('warning');
  });
  it('exits 4 on bad data with the error on stderr only', () => {
    const r = dti(['score', 'data/sources.csv', '--lang', 'en']);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^data\/sources\.csv:1:\d+: error: /m);
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
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" score "${join(dir, 'big.csv')}" -i indicators/papi.yaml --detail indicators -f json | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`],
      { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('0');
    expect(r.stderr).toBe('');
  });
  it('is byte-identical across runs, time zones and locales', () => {
    const args = ['score', 'data/papi/2016.csv', '-i', 'indicators/papi.yaml', '-f', 'json'];
    const a = dti(args, { TZ: 'UTC', LANG: 'C' });
    const b = dti(args, { TZ: 'Asia/Ho_Chi_Minh', LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' });
    const c = dti(args, { TZ: 'America/New_York', LANG: 'de_DE.UTF-8' });
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(10000);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    for (const f of ['csv', 'md', 'tsv']) {
      const x = dti(['score', 'data/2023.csv', '-f', f, '-q'], { TZ: 'UTC', LANG: 'C' });
      const y = dti(['score', 'data/2023.csv', '-f', f, '-q'], { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8' });
      expect(y.stdout).toBe(x.stdout);
    }
  });
  it('prints its version', () => {
    const r = dti(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
