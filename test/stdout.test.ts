// The binary's standard output (bin/dti.js: one writer, Node's process.stdout, whatever it is):
// a pipe and a file get the same bytes; a closed pipe ends quietly with exit 0; a write that
// fails is one line in the language of the run and exit 5, never a stack trace.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tmp } from './helpers.js';

const BIN = join(ROOT, 'bin/dti.js');

describe('standard output of the binary', () => {
  it('is the same bytes to a pipe, a file and /dev/null', () => {
    const d = tmp();
    const args = [BIN, 'score', 'data/2023.csv', '-f', 'md', '--detail', 'indicators'];
    const piped = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(5000);
    const out = openSync(join(d, 'out.md'), 'w');
    const toFile = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    closeSync(out);
    expect([toFile.status, toFile.stderr]).toEqual([0, '']);
    expect(readFileSync(join(d, 'out.md'), 'utf8')).toBe(piped.stdout);
    const devNull = openSync('/dev/null', 'w');
    const toNull = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8' });
    closeSync(devNull);
    expect([toNull.status, toNull.stderr]).toEqual([0, '']);
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

  it('says a full disk in the language of the run, exit 5', () => {
    if (!existsSync('/dev/full')) throw new Error('this test needs /dev/full (Linux)');
    for (const [lang, text] of [['vi', 'lỗi: không ghi được ra đầu ra chuẩn: thiết bị hết dung lượng'], ['en', 'error: cannot write to standard output: no space left on the device']]) {
      const full = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [BIN, 'provinces', '-f', 'csv', '--lang', lang!], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      closeSync(full);
      expect([r.status, r.stderr]).toEqual([5, `${text}\n`]);
    }
  });

  it('says any other failed write the same way: a file opened only for reading', () => {
    const d = tmp();
    writeFileSync(join(d, 'ro.txt'), 'x');
    for (const [lang, text] of [['vi', 'lỗi: không ghi được ra đầu ra chuẩn: EBADF'], ['en', 'error: cannot write to standard output: EBADF']]) {
      const ro = openSync(join(d, 'ro.txt'), 'r');
      const r = spawnSync(process.execPath, [BIN, 'score', 'data/2023.csv', '-f', 'md', '--lang', lang!], { cwd: ROOT, stdio: ['ignore', ro, 'pipe'], encoding: 'utf8' });
      closeSync(ro);
      expect([r.status, r.stderr]).toEqual([5, `${text}\n`]);
      expect(readFileSync(join(d, 'ro.txt'), 'utf8')).toBe('x');
    }
  });
});
