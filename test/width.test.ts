// Terminal tables fit the terminal: in-process with COLUMNS / stdout.columns (and once through
// a real pseudo-terminal of 80 columns: e2e.test.ts). Help fits 80 columns.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, cli, tmp } from './helpers.js';
import { run } from '../src/cli/run.js';
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
    // Every group by its name (shortened with … at most), never its id.
    const ids = csv.stdout.split('\n')[0]!.split(',').filter((h) => /^[a-z]+(-[a-z]+)+$/.test(h));
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(r.stdout).not.toContain(id);
    for (const name of ['Digital awareness', 'Digital institutions', 'Digital infrastructure', 'Digital human resourc…']) expect(r.stdout).toContain(name);
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
  // Colour on: the charts' own colour codes are styling, not data to escape (they were shown as
  // <U+001B>[36m●<U+001B>[39m and wrapped every row past 80 columns).
  const COLOURED: string[][] = [
    ['sensitivity', 'data/2023.csv', '--runs', '50'],
    ['trend', 'data/2022.csv', 'data/2023.csv', 'data/2024.csv'],
  ];
  it.each(COLOURED)('a colour terminal of 80 columns, in-process: dti %s … is coloured, not escaped', async (...argv) => {
    let out = '';
    const io: Io = {
      stdout: { write: (s) => { out += s; }, isTTY: true, columns: 80 },
      stderr: { write: () => {}, isTTY: false },
      readStdin: async () => new Uint8Array(), stdinIsTTY: true, env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' }, cwd: ROOT,
    };
    expect(await run([...argv, '-q'], io)).toBe(0);
    expect(out).toContain('\u001b[36m'); // the chart is cyan…
    expect(out).not.toContain('<U+'); // …and nothing of it is escaped
    expect(widest(out)).toBeLessThanOrEqual(80);
    // One line per unit: no row wraps.
    expect(out.split('\n').filter((l) => /Đà Nẵng/.test(l))).toHaveLength(1);
  });
  it('a colour terminal escapes the data still, and colours only the chart', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - {id: a, name: A, weight: 1}\n  - {id: b, name: B, weight: 1}\n');
    writeFileSync(join(dir, 'd.csv'), 'unit,a,b\nP,1,3\nQ\u001b[31mX,2,2\nR,3,1\n');
    let out = '';
    const io: Io = {
      stdout: { write: (s) => { out += s; }, isTTY: true, columns: 80 },
      stderr: { write: () => {}, isTTY: false },
      readStdin: async () => new Uint8Array(), stdinIsTTY: true, env: { TERM: 'xterm-256color' }, cwd: dir,
    };
    expect(await run(['sensitivity', 'd.csv', '-i', 'd.yaml', '--runs', '20', '-q'], io)).toBe(0);
    expect(out).toContain('<U+001B>[31mX');
    expect(out).not.toContain('\u001b[31m');
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



describe('indicators by their names on a terminal, never by ids', () => {
  const idLike = /\b[a-z]+(?:-[a-z]+){2,}\b/;
  it('explain: every row of every table names its indicator (the components were ids)', async () => {
    const argv = ['explain', 'Nghệ An', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--target-rank', '1', '-q', '--lang', 'en'];
    const r = await cli(argv, { tty: true, env: { NO_COLOR: '1', COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(idLike);
    expect(r.stdout).toContain('Share of administrative dossi…');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });
  it('score --detail indicators: headers are names shortened with …; CSV keeps the ids', async () => {
    // A table in a pipe: as wide as it is, every column in one part.
    const r = await cli(['score', 'data/2023.csv', '--detail', 'indicators', '-q', '--lang', 'en', '--top', '3', '-f', 'table']);
    const head = r.stdout.split('\n')[1]!;
    expect(head).not.toMatch(idLike);
    expect(head).toContain('Digital infrastructure  Digital infrast… (0–1)');
    expect(head).toContain('Awareness + Instituti…'); // 22 characters at most
    // The 2024 index (the published DTI) is not part of 2023's: no empty column for it.
    expect(head).not.toContain('Published DTI');
    const csv = await cli(['score', 'data/2023.csv', '--detail', 'indicators', '-q', '-f', 'csv']);
    expect(csv.stdout.split('\n')[0]).toContain('ha-tang-so,ha-tang-so_normalized');
  });
});

describe('a hint never breaks across lines', () => {
  it.each([40, 50, 60, 70, 80])('the "see everything" hint is whole on one line at %i columns', async (w) => {
    const r = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc', '-q', '-f', 'table'], { env: { NO_COLOR: '1', COLUMNS: String(w) } });
    expect(r.stdout.split('\n').some((l) => l.includes('xem đầy đủ: -f csv, hoặc | less -S'))).toBe(true);
    expect(widest(r.stdout)).toBeLessThanOrEqual(Math.max(40, w));
  });
});
