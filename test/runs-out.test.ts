// dti sensitivity --runs-out: written with every output (the picture too), only once the
// output is written (a failed run replaces no file), never to the output's own path, and
// checked by --check as the output is.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';

const RUN = ['sensitivity', join(ROOT, 'data/2023.csv'), '--runs', '30', '--seed', '3', '-q'];

describe('sensitivity --runs-out', () => {
  it('is written beside a picture -o (it was dropped, exit 0)', async () => {
    const d = tmp();
    const r = await cli([...RUN, '--runs-out', 'r.csv', '-o', 's.svg'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(d, 's.svg'), 'utf8')).toContain('<svg');
    const runs = readFileSync(join(d, 'r.csv'), 'utf8').trimEnd().split('\n');
    expect(runs[0]!.startsWith('run,')).toBe(true);
    expect(runs.length).toBeGreaterThan(30);
    // The same runs as with a table output.
    expect((await cli([...RUN, '--runs-out', 'r2.csv', '-o', 's.csv'], { cwd: d })).code).toBe(0);
    expect(readFileSync(join(d, 'r2.csv'), 'utf8')).toBe(readFileSync(join(d, 'r.csv'), 'utf8'));
  });

  it('is not replaced when the output cannot be written; -o and --runs-out the same file is a usage error (vi, en)', async () => {
    const d = tmp();
    writeFileSync(join(d, 'r.csv'), 'old\n');
    const r = await cli([...RUN, '--runs-out', 'r.csv', '-o', join(d, 'no-such-dir', 'x.csv'), '--lang', 'en'], { cwd: d });
    expect(r.code).toBe(5);
    expect(readFileSync(join(d, 'r.csv'), 'utf8')).toBe('old\n');
    for (const [lang, said] of [['vi', 'lỗi: --runs-out và --output cùng là tệp x.csv'], ['en', 'error: --runs-out and --output name the same file x.csv']]) {
      const same = await cli([...RUN, '--runs-out', 'x.csv', '-o', `${d}/x.csv`, '--lang', lang!], { cwd: d });
      expect(same.code).toBe(2);
      expect(same.stderr.split('\n')[0]).toBe(said);
    }
    expect(existsSync(join(d, 'x.csv'))).toBe(false);
  });

  it('--check checks it too (it was ignored)', async () => {
    const d = tmp();
    const args = [...RUN, '--runs-out', 'r.csv', '-o', 's.csv', '--lang', 'en'];
    expect((await cli(args, { cwd: d })).code).toBe(0);
    const ok = await cli([...args, '--check'], { cwd: d });
    expect([ok.code, ok.stderr]).toEqual([0, 's.csv is up to date\nr.csv is up to date\n']);
    writeFileSync(join(d, 'r.csv'), `${readFileSync(join(d, 'r.csv'), 'utf8')}x\n`);
    const stale = await cli([...args, '--check'], { cwd: d });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('r.csv is stale');
  });
});
