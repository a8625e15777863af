// Terminal tables fit the terminal: in-process with COLUMNS / stdout.columns, and once through
// a real pseudo-terminal of 80 columns (util-linux `script`). Help fits 80 columns.
import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';
import { ROOT, cli } from './helpers.js';
import { run } from '../src/run.js';
import type { Io } from '../src/cli/io.js';

// eslint-disable-next-line no-control-regex
const shown = (l: string) => [...l.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r$/, '')].length;
const widest = (s: string) => Math.max(...s.split('\n').map(shown));

const COMMANDS: string[][] = [
  ['score', 'data/2023.csv'],
  // The proxy components: a breakdown far wider than 80 columns.
  ['score', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--detail', 'groups'],
  ['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc'],
  ['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '15'],
  ['sensitivity', 'data/2023.csv', '--runs', '50'],
];

describe('tables that fit', () => {
  it.each(COMMANDS)('COLUMNS=80: no line of dti %s … is wider than 80', async (...argv) => {
    const wide = await cli([...argv, '-q'], { tty: true, env: { NO_COLOR: '1' } });
    const fit = await cli([...argv, '-q'], { tty: true, env: { NO_COLOR: '1', COLUMNS: '80' } });
    expect(fit.code).toBe(0);
    expect(widest(fit.stdout)).toBeLessThanOrEqual(80);
    // On a terminal without COLUMNS the width is 80 too.
    expect(wide.stdout).toBe(fit.stdout);
  });
  it('before fitting, these were wider than 80 (so the test can fail)', async () => {
    const piped = await cli(['score', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--detail', 'groups', '-f', 'table', '-q']);
    expect(widest(piped.stdout)).toBeGreaterThan(80); // a pipe with no COLUMNS: as wide as it is
  });
  it('a split breakdown keeps every column and says how to see everything', async () => {
    const r = await cli(['score', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--detail', 'groups', '-q', '--lang', 'en'], { tty: true, env: { NO_COLOR: '1', COLUMNS: '80' } });
    const csv = await cli(['score', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--detail', 'groups', '-f', 'csv', '-q']);
    for (const id of csv.stdout.split('\n')[0]!.split(',').filter((h) => /^[a-z]+(-[a-z]+)+$/.test(h))) expect(r.stdout).toContain(id);
    expect(r.stdout.replace(/\n/g, ' ')).toContain('to see everything: -f csv, or | less -S');
    // Each part repeats the rank and the province.
    expect(r.stdout.split('\n').filter((l) => /^Rank\s+±\s+Province/.test(l)).length).toBeGreaterThan(1);
  });
  it('compare shortens long labels with … rather than wrapping', async () => {
    const r = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-q'], { tty: true, env: { NO_COLOR: '1', COLUMNS: '80' } });
    expect(r.stdout).toContain('…');
    expect(r.stdout.replace(/\n/g, ' ')).toContain('xem đầy đủ: -f csv, hoặc | less -S');
  });
  it("follows the terminal's own width (stdout.columns) before COLUMNS", async () => {
    let out = '';
    const io: Io = {
      stdout: { write: (s) => { out += s; }, isTTY: true, columns: 60 },
      stderr: { write: () => {}, isTTY: false },
      readStdin: async () => new Uint8Array(), stdinIsTTY: true, env: { NO_COLOR: '1', COLUMNS: '200' }, cwd: ROOT,
    };
    expect(await run(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-q'], io)).toBe(0);
    expect(widest(out)).toBeLessThanOrEqual(60);
  });
  it('through a real 80-column pseudo-terminal', () => {
    const cmd = `stty cols 80 rows 50; ${JSON.stringify(process.execPath)} bin/dti.js score data/components/2023.csv -i indicators/dti-components.yaml --detail groups -q; `
      + `${JSON.stringify(process.execPath)} bin/dti.js compare "Nghệ An" "Hà Tĩnh" "Vĩnh Phúc" -q`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: 'xterm', LANG: 'C.UTF-8' } });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.some((l) => l.includes('Vĩnh Phúc'))).toBe(true); // it printed the tables (not CSV)
    expect(r.stdout).not.toContain('rank,previous_rank');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });
  it('help fits 80 columns, for every command', async () => {
    const names = ['', 'score', 'trend', 'compare', 'explain', 'sensitivity', 'validate', 'template', 'indicators', 'provinces', 'report'];
    for (const n of names) {
      const r = await cli(n === '' ? ['--help'] : [n, '--help']);
      expect(r.code).toBe(0);
      expect(widest(r.stdout), `dti ${n} --help`).toBeLessThanOrEqual(80);
    }
  });
});


