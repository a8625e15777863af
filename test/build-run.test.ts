// One run for every command (core/build.ts): `missing: error` holds in every command that
// reads data, the 34 provinces after the 2025 merger work everywhere, and the commands agree
// with each other on the same data.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, mergeDatasets } from '../src/core/build.js';
import { scoreRun } from '../src/core/score.js';
import { cli, data, defs, fw, tmp } from './helpers.js';

// x imputes from the year before; Q has no 2022 value and nothing earlier: imputation cannot fill it.
const STRICT = defs('  - id: x\n    name: X\n    impute: previous\n    missing: error\n  - id: y\n    name: Y\n');
const CSV = 'unit,year,x,y\nP,2022,5,1\nP,2023,,2\nQ,2022,,3\nQ,2023,4,4\n';
// The cell of Q's 2022 x: line 4, column 8 (counted by hand: "Q,2022," is 7 characters).
const LOCATED = "d.csv:4:8: error: Q (2022) has no value for 'x', and impute: previous found none to fill it [MISSING_VALUE]";

describe('missing: error in every command that reads data', () => {
  const files = () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), STRICT);
    writeFileSync(join(dir, 'd.csv'), CSV);
    return dir;
  };
  const cases: [string, string[]][] = [
    ['score', ['score', 'd.csv', '-f', 'json']],
    ['validate', ['validate', 'd.csv']],
    ['trend', ['trend', 'd.csv', '-f', 'json']],
    ['explain', ['explain', 'P', 'd.csv', '-f', 'json']],
    ['sensitivity', ['sensitivity', 'd.csv', '--runs', '10', '-f', 'json']],
    ['compare', ['compare', 'P', 'Q', '--data', 'd.csv', '-f', 'json']],
    ['report', ['report', 'd.csv', '-o', 'r.html']],
    ['chart', ['chart', 'd.csv']],
  ];
  for (const [name, argv] of cases) {
    it(`${name}: exit 4 with the located MISSING_VALUE, nothing on standard output`, async () => {
      const cwd = files();
      const r = await cli([...argv, '-i', 'd.yaml', '--lang', 'en'], { cwd });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(LOCATED);
      // P 2023 is filled from P 2022: no error for it.
      expect(r.stderr).not.toContain('P (2023)');
      if (name !== 'validate') expect(r.stdout).toBe('');
    });
  }
  it('every command passes once the value is given', async () => {
    const cwd = files();
    writeFileSync(join(cwd, 'd.csv'), CSV.replace('Q,2022,,3', 'Q,2022,2,3'));
    for (const [, argv] of cases) expect((await cli([...argv, '-i', 'd.yaml', '--lang', 'en'], { cwd })).code).toBe(0);
  });
  it('the library: build gives the errors as values; score() no longer ranks the unit', () => {
    const f = fw(STRICT);
    const r = build(f, [data(CSV, f, { file: 'd.csv' })]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.file, e.line, e.col])).toEqual([['MISSING_VALUE', 'd.csv', 4, 8]]);
  });
});

describe('build', () => {
  const f = fw(defs('  - id: a\n    name: A\n    normalize: { method: minmax }\n'));
  it('merges several datasets and finds a unit-year given twice, at the later row', () => {
    const a = data('unit,year,a\nP,2022,1\nQ,2022,2\n', f, { file: 'a.csv' });
    const b = data('unit,year,a\nQ,2023,3\nP,2022,4\n', f, { file: 'b.csv' });
    const m = mergeDatasets([a, b]);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.errors.map((e) => [e.code, e.file, e.line])).toEqual([['DUPLICATE_ROW', 'b.csv', 3]]);
  });
  it('scores every year once, the latest against the year before', () => {
    const ds = data('unit,year,a\nP,2021,1\nQ,2021,2\nP,2022,3\nQ,2022,1\nP,2023,1\nQ,2023,3\n', f);
    const r = build(f, [ds]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const run = r.value;
    expect(run.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    expect([run.year, run.previousYear]).toEqual([2023, 2022]);
    const s = scoreRun(run).result;
    // 2023: Q 3 > P 1 (minmax: Q 1, P 0); in 2022 P was first.
    expect(s.rankings.map((u) => [u.unit, u.rank, u.previousRank])).toEqual([['Q', 1, 2], ['P', 2, 1]]);
  });
  it('otherYears: false keeps the year analysed alone', () => {
    const ds = data('unit,year,a\nP,2022,3\nQ,2022,1\nP,2023,1\nQ,2023,3\n', f);
    const r = build(f, [ds], { otherYears: false });
    expect(r.ok && r.value.years.map((y) => y.year)).toEqual([2023]);
    expect(r.ok && r.value.previous).toBe(null);
  });
});

describe('the 34 provinces after the 2025 merger, in every command', () => {
  const scoreOf = async (file: string) => {
    const r = await cli(['score', file, '--merge-2025', '-f', 'json']);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as { rankings: { unit: string; rank: number; score: number }[] };
  };
  it('explain "Phú Thọ" data/2024.csv --merge-2025 gives the score and rank score --merge-2025 gives', async () => {
    const s = (await scoreOf('data/2024.csv')).rankings.find((u) => u.unit === 'Phú Thọ')!;
    const e = await cli(['explain', 'Phú Thọ', 'data/2024.csv', '--merge-2025', '-f', 'json']);
    expect(e.code).toBe(0);
    const j = JSON.parse(e.stdout);
    expect([j.score, j.rank, j.units]).toEqual([s.score, s.rank, 34]);
    // The ministry's rule: the mean of the members' published DTI 2024 (data/2024.csv: Phú Thọ 0.637,
    // Vĩnh Phúc 0.7389, Hòa Bình 0.716) = 2.0919 / 3 = 0.6973.
    expect(j.score).toBeCloseTo((0.637 + 0.7389 + 0.716) / 3, 12);
  });
  it('explain on 2023 --merge-2025: the main indices (members\' means), the change since 2022 on the 34, a target', async () => {
    const s = (await scoreOf('data/2023.csv')).rankings.find((u) => u.unit === 'Phú Thọ')!;
    const j = JSON.parse((await cli(['explain', 'Phú Thọ', 'data/2023.csv', '--merge-2025', '--target-rank', '10', '-f', 'json'])).stdout);
    expect([j.score, j.rank]).toEqual([s.score, s.rank]);
    expect(j.nodes.every((n: { depth: number }) => n.depth === 1)).toBe(true);
    expect(j.change.previousYear).toBe(2022);
    expect(j.target.plan).not.toBe(null);
  });
  it('compare on the 34: Nghệ An has its merged rank in 2024 (13th, as score --merge-2025)', async () => {
    const s = (await scoreOf('data/2024.csv')).rankings.find((u) => u.unit === 'Nghệ An')!;
    expect(s.rank).toBe(13);
    const r = await cli(['compare', 'Nghệ An', 'Hà Tĩnh', 'Phú Thọ', '--merge-2025', '-f', 'json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    const row = c.rows.find((x: { year: number; section: string }) => x.year === 2024 && x.section === 'score');
    expect(row.nationalRanks[0]).toBe(13);
    expect(row.ranked).toBe(34);
  });
  it('trend on the 34: 34 units a year, the 2024 ranks of score --merge-2025', async () => {
    const s = await scoreOf('data/2024.csv');
    const t = JSON.parse((await cli(['trend', 'data/2022.csv', 'data/2023.csv', 'data/2024.csv', '--merge-2025', '-f', 'json'])).stdout);
    expect(t.ranked).toEqual([34, 34, 34]);
    for (const u of s.rankings) expect(t.units.find((x: { unit: string }) => x.unit === u.unit).series[2].rank).toBe(u.rank);
  });
  it('sensitivity on the 34: 34 units, the nominal ranks of score --merge-2025', async () => {
    for (const y of ['2023', '2024']) {
      const s = await scoreOf(`data/${y}.csv`);
      const r = await cli(['sensitivity', `data/${y}.csv`, '--merge-2025', '--runs', '20', '-f', 'json']);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.units).toHaveLength(34);
      for (const u of s.rankings) expect(j.units.find((x: { unit: string }) => x.unit === u.unit).nominalRank).toBe(u.rank);
    }
  });
  it('chart on the 34', async () => {
    const r = await cli(['chart', 'data/2024.csv', '--merge-2025', '--top', '3', '--width', '60']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^\s*\d+ /.test(l)).map((l) => l.trim().split(/\s{2,}| █/)[0])).toEqual(['1 Hà Nội', '2 Huế', '3 Hải Phòng']);
  });
  it('report --unit "Phú Thọ" on the 34: the profile of the merged province', async () => {
    const dir = tmp();
    const out = join(dir, 'r.html');
    const r = await cli(['report', 'data/2024.csv', '--merge-2025', '--unit', 'Phú Thọ', '--lang', 'en', '-o', out]);
    expect(r.code).toBe(0);
    const html = (await import('node:fs')).readFileSync(out, 'utf8');
    expect(html).toContain('Phú Thọ');
    expect(html).toContain('0.6973');
  });
});

describe('explain reads the year before as the data are read', () => {
  it('--previous honours --encoding, --skip-lines and --year as the data file does', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), defs('  - id: a\n    name: A\n'));
    // Both files in Windows-1252 with a title line: 'é' is byte 0xE9.
    const latin = (s: string) => Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));
    writeFileSync(join(dir, 'now.csv'), latin('Bảng\nunit,a\nRené,0.5\nAnna,0.7\n'.replace('ả', 'a')));
    writeFileSync(join(dir, 'before.csv'), latin('Bang\nunit,a\nRené,0.9\nAnna,0.7\n'));
    const r = await cli(['explain', 'René', 'now.csv', '--previous', 'before.csv', '-i', 'd.yaml', '--encoding', 'windows-1252', '--skip-lines', '1',
      '--year', '2024', '-f', 'json', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // René fell from 1st (0.9) to 2nd (0.5); the previous file is the year before 2024.
    expect([j.year, j.rank, j.change.previousYear, j.change.previousRank]).toEqual([2024, 2, 2023, 1]);
  });
  it('a percentile leaf is named among the methods that take their statistics from the units', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), defs('  - id: a\n    name: A\n    normalize: { method: percentile }\n  - id: b\n    name: B\n'));
    writeFileSync(join(dir, 'd.csv'), 'unit,year,a,b\nP,2022,1,1\nQ,2022,2,1\nP,2023,3,1\nQ,2023,2,1\n');
    const r = await cli(['explain', 'P', 'd.csv', '-i', 'd.yaml', '-f', 'json', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toEqual([{ code: 'YEAR_DEPENDENT_METHOD', message: "a is normalised over each year's units, so part of a change of score comes from the other units" }]);
  });
});

describe('validate reports every error score would', () => {
  it('a unit-year in two files, and a merger with a member missing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-2023.csv'), 'province,a\nNghệ An,1\n');
    writeFileSync(join(dir, 'b-2023.csv'), 'province,a\nNghe An,2\n');
    writeFileSync(join(dir, 'd.yaml'), defs('  - id: a\n    name: A\n'));
    const v = await cli(['validate', 'a-2023.csv', 'b-2023.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: dir });
    const s = await cli(['score', 'a-2023.csv', 'b-2023.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: dir });
    expect([v.code, s.code]).toEqual([4, 4]);
    const line = 'b-2023.csv:2:1: error: Nghệ An (2023) is also in an earlier file [DUPLICATE_ROW]';
    expect(v.stderr).toContain(line);
    expect(s.stderr).toContain(line);
    // Phú Thọ merges Phú Thọ, Vĩnh Phúc and Hòa Bình: with Vĩnh Phúc alone, --merge-2025 fails in both.
    writeFileSync(join(dir, 'c-2023.csv'), 'province,a\nVĩnh Phúc,1\nHà Nội,2\n');
    const vm = await cli(['validate', 'c-2023.csv', '-i', 'd.yaml', '--merge-2025', '--lang', 'en'], { cwd: dir });
    const sm = await cli(['score', 'c-2023.csv', '-i', 'd.yaml', '--merge-2025', '--lang', 'en'], { cwd: dir });
    expect([vm.code, sm.code]).toEqual([4, 4]);
    expect(vm.stderr).toContain('but the data have no row for Phú Thọ, Hòa Bình');
    expect(sm.stderr).toContain('but the data have no row for Phú Thọ, Hòa Bình');
  });
});
