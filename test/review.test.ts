// Bugs found in review (issue 10, item 4), one test each; each failed before its fix.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../src/core/provinces.js';
import { decode } from '../src/cli/files.js';
import { CliError } from '../src/cli/errors.js';
import { cli, tmp } from './helpers.js';

const TWO_MAIN = `schema: dti/v1
id: t
name: T
missing: zero
indicators:
  - id: a
    name: A
  - id: b
    name: B
`;

/** All 63 provinces with a = b = 0.5, except the given cells left empty, and rows left out. */
function provincesFile(dir: string, opts: { emptyB?: string[]; skip?: string[] } = {}): string {
  const rows = PROVINCES.filter((p) => !(opts.skip ?? []).includes(p.name))
    .map((p) => `${p.name},0.5,${(opts.emptyB ?? []).includes(p.name) ? '' : '0.5'}`);
  writeFileSync(join(dir, 'd.yaml'), TWO_MAIN);
  writeFileSync(join(dir, '2024.csv'), `province,a,b\n${rows.join('\n')}\n`);
  return dir;
}

describe('--merge-2025', () => {
  it('counts a member’s missing main index as 0 under missing: zero, warns for that province only, and keeps the values', async () => {
    const dir = provincesFile(tmp(), { emptyB: ['Vĩnh Phúc'] });
    const r = await cli(['score', '2024.csv', '-i', 'd.yaml', '--merge-2025', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const pt = j.rankings.find((x: { unit: string }) => x.unit === 'Phú Thọ');
    // Phú Thọ = Phú Thọ + Vĩnh Phúc + Hòa Bình: b = (0.5 + 0 + 0.5)/3 = 1/3; score = (0.5 + 1/3)/2 = 5/12.
    expect(pt.indicators.b.normalized).toBeCloseTo(1 / 3, 12);
    expect(pt.score).toBeCloseTo(5 / 12, 12);
    // a and b take values as they are (normalize none): the merged value is the value.
    expect(pt.indicators.a.value).toBeCloseTo(0.5, 12);
    expect(pt.indicators.b.value).toBeCloseTo(1 / 3, 12);
    // The unmerged score counts Vĩnh Phúc's gap as 0 the same way: (0.5 + 0)/2.
    const unmerged = JSON.parse((await cli(['score', '2024.csv', '-i', 'd.yaml', '-f', 'json', '-q'], { cwd: dir })).stdout);
    expect(unmerged.rankings.find((x: { unit: string }) => x.unit === 'Vĩnh Phúc').score).toBeCloseTo(0.25, 12);
    const missing = j.warnings.filter((w: { code: string }) => w.code === 'MISSING_VALUE');
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toMatch(/^Phú Thọ \(2024\): 1 of 2 indicators has no value in at least one of the provinces merged into it \(coverage [\d.]+\): b;/);
    expect(j.rankings.filter((x: { absentMembers?: string[] }) => x.absentMembers !== undefined)).toEqual([]);
  });

  it('marks a partially merged province in every format', async () => {
    const dir = provincesFile(tmp(), { skip: ['Hòa Bình'] });
    const args = ['score', '2024.csv', '-i', 'd.yaml', '--merge-2025', '--allow-partial-merge', '-q'];
    const j = JSON.parse((await cli([...args, '-f', 'json'], { cwd: dir })).stdout);
    expect(j.rankings.find((x: { unit: string }) => x.unit === 'Phú Thọ').absentMembers).toEqual(['Hòa Bình']);
    expect(j.rankings.find((x: { unit: string }) => x.unit === 'Nghệ An').absentMembers).toBeUndefined();
    const csv = (await cli([...args, '-f', 'csv'], { cwd: dir })).stdout.split('\n');
    expect(csv[0]).toContain(',absent_members,');
    expect(csv.find((l) => l.includes('Phú Thọ'))).toContain(',Hòa Bình,');
    for (const f of ['md', 'table']) {
      const out = (await cli([...args, '-f', f, '--lang', 'en'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout;
      expect(out).toContain('Phú Thọ (partial)');
      expect(out).not.toContain('Nghệ An (partial)');
      expect(out).toContain('(partial) partially merged: averaged over the members with data; no data for: Phú Thọ (Hòa Bình)');
    }
  });
});

describe('dti compare', () => {
  it('gives no points lost where the scale is unbounded (none, zscore)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: raw\n    name: Raw\n'
      + '  - id: z\n    name: Z\n    normalize: { method: zscore }\n  - id: g\n    name: G\n    normalize: { method: goalposts, min: 0, max: 10 }\n');
    writeFileSync(join(dir, 'd.csv'), 'unit,raw,z,g\nA,5.4,1,5\nB,2,3,10\n');
    const r = await cli(['compare', 'A', 'B', '-i', 'd.yaml', '--data', 'd.csv', '-f', 'json', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).rows;
    expect(rows.find((x: { id: string }) => x.id === 'raw').pointsLost).toEqual([null, null]);
    expect(rows.find((x: { id: string }) => x.id === 'z').pointsLost).toEqual([null, null]);
    // Goalposts 0–10: A at 5 → 0.5, loses half of its 1 point (of 3 equal leaves).
    expect(rows.find((x: { id: string }) => x.id === 'g').pointsLost).toEqual([0.5, 0]);
    const table = (await cli(['compare', 'A', 'B', '-i', 'd.yaml', '--data', 'd.csv', '-f', 'table', '-q'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout;
    expect(table).not.toContain('−-');
    expect(table).toContain('5 → 0,50 (−0,5)');
  });
});

describe('--detail indicators', () => {
  it('labels a normalised column (0–1) only where it is, and shows raw values to 10 digits', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: raw\n    name: Raw\n'
      + '  - id: t\n    name: T\n    normalize: { method: target, target: 1 }\n');
    writeFileSync(join(dir, 'd.csv'), 'unit,raw,t\nA,0.30000000000000004,0.1234567890123456\n');
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--detail', 'indicators', '-f', 'md', '--lang', 'en'], { cwd: dir });
    expect(r.stdout).toContain('| Raw | Raw (normalised) | T | T (0–1) |'); // people read names; CSV has the ids
    expect(r.stdout).toContain('| 0.3 | 0.3000 | 0.123456789 | 0.1235 |');
    // Machine formats keep the exact value.
    const csv = (await cli(['score', 'd.csv', '-i', 'd.yaml', '--detail', 'indicators', '-f', 'csv'], { cwd: dir })).stdout;
    expect(csv).toContain(',0.30000000000000004,0.3000,0.1234567890123456,0.1235');
  });
});

describe('warnings', () => {
  it('keep their code and hint when raised while scoring (--pool-years advice)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n    normalize: { method: minmax }\n');
    writeFileSync(join(dir, '2022.csv'), 'unit,a\nX,10\nY,20\n');
    writeFileSync(join(dir, '2023.csv'), 'unit,a\nX,20\nY,30\n');
    const r = await cli(['score', '2023.csv', '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toMatch(/warning: a is normalised over each year's units.*\[YEAR_DEPENDENT_METHOD\]\n {2}hint: pass --pool-years/);
    const j = JSON.parse((await cli(['score', '2023.csv', '-i', 'd.yaml', '-f', 'json'], { cwd: dir })).stdout);
    expect(j.warnings[0]).toMatchObject({ code: 'YEAR_DEPENDENT_METHOD', hint: 'pass --pool-years to normalise over all the years given' });
  });

  it('say "left out" of indicators, not of units that are ranked; an unranked unit is named so', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nmissing: exclude\nindicators:\n  - id: a\n    name: A\n  - id: b\n    name: B\n');
    writeFileSync(join(dir, 'd.csv'), 'unit,a,b\nX,0.5,\nY,,\nZ,0.2,0.4\n');
    const j = JSON.parse((await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'json'], { cwd: dir })).stdout);
    expect(j.rankings.map((u: { unit: string; rank: number | null }) => [u.unit, u.rank])).toEqual([['X', 1], ['Z', 2], ['Y', null]]);
    const msgs = j.warnings.map((w: { message: string }) => w.message);
    expect(msgs).toContain('X: 1 of 2 indicators has no value (coverage 0.50): b (2:7); the indicators without a value are left out and the others re-weighted');
    expect(msgs).toContain('Y: 2 of 2 indicators have no value (coverage 0.00): a (3:3), b (3:4); left unranked (no value to score)');
  });

  it('are printed by trend and compare too', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n    normalize: { method: minmax }\n  - id: b\n    name: B\n');
    writeFileSync(join(dir, '2022.csv'), 'unit,a,b\nX,10,0.5\nY,20,\n');
    writeFileSync(join(dir, '2023.csv'), 'unit,a,b\nX,20,0.5\nY,30,0.5\n');
    for (const argv of [['trend', '2022.csv', '2023.csv'], ['compare', 'X', 'Y', '--data', '2022.csv', '2023.csv']]) {
      const r = await cli([...argv, '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('[YEAR_DEPENDENT_METHOD]');
      expect(r.stderr).toContain('Y (2022): 1 of 2 indicators has no value (coverage 0.50): b (3:6);');
      expect((await cli([...argv, '-i', 'd.yaml', '-f', 'csv', '-q'], { cwd: dir })).stderr).toBe('');
    }
  });
});

describe('dti trend', () => {
  it('labels free units as units, and writes ▲ in Markdown as dti score does', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n');
    writeFileSync(join(dir, '2022.csv'), 'unit,a\nSở A,0.1\nSở B,0.2\n');
    writeFileSync(join(dir, '2023.csv'), 'unit,a\nSở A,0.3\nSở B,0.2\n');
    const md = (await cli(['trend', '2022.csv', '2023.csv', '-i', 'd.yaml', '-f', 'md', '--lang', 'en'], { cwd: dir })).stdout;
    expect(md).toContain('| Unit | 2022 | 2023 | ± |');
    expect(md).toContain('| Sở A | 0.1000 (2) | 0.3000 (1) | ▲1 |');
    const vi = (await cli(['trend', '2022.csv', '2023.csv', '-i', 'd.yaml', '-f', 'table'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout;
    expect(vi).toMatch(/Đơn vị\s+2022/);
    // The same in a terminal that cannot show ▲: still ▲ in Markdown, +1 on the screen.
    const asciiMd = (await cli(['trend', '2022.csv', '2023.csv', '-i', 'd.yaml', '-f', 'md', '--lang', 'en'], { cwd: dir, env: { LANG: 'C' } })).stdout;
    expect(asciiMd).toBe(md);
    const score = (await cli(['score', '2023.csv', '-i', 'd.yaml', '-f', 'md', '--lang', 'en'], { cwd: dir })).stdout;
    expect(score).toMatch(/\| 1 \| ▲1 \| Sở A \|/);
  });
});

describe('--top', () => {
  it('with --by region or --region keeps the top of each region by its region rank', async () => {
    const by = JSON.parse((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--by', 'region', '--top', '1', '-f', 'json', '-q'])).stdout);
    expect(by.rankings).toHaveLength(6);
    expect(by.rankings.every((r: { regionRank: number }) => r.regionRank === 1)).toBe(true);
    expect(new Set(by.rankings.map((r: { region: string }) => r.region)).size).toBe(6);
    const one = JSON.parse((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--region', 'Tây Nguyên', '--top', '2', '-f', 'json', '-q'])).stdout);
    expect(one.rankings.map((r: { regionRank: number }) => r.regionRank)).toEqual([1, 2]);
    const csv = (await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--region', 'Tây Nguyên', '--top', '2', '-f', 'csv', '-q'])).stdout;
    expect(csv.trim().split('\n')).toHaveLength(3);
  });
});

describe('-o', () => {
  it('writes a table that does not depend on the writer’s locale or colour settings', async () => {
    const dir = tmp();
    const out = (env: Record<string, string>, name: string) =>
      cli(['score', join(process.cwd(), 'data/papi-dimensions/2016.csv'), '-i', join(process.cwd(), 'indicators/papi-dimensions.yaml'), '-f', 'table', '-q', '-o', name], { cwd: dir, env });
    expect((await out({ LANG: 'C', FORCE_COLOR: '1' }, 'c.txt')).code).toBe(0);
    expect((await out({ LANG: 'vi_VN.UTF-8' }, 'utf8.txt')).code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const c = readFileSync(join(dir, 'c.txt'), 'utf8');
    expect(c).toBe(readFileSync(join(dir, 'utf8.txt'), 'utf8'));
    expect(c).toContain('▲');
    expect(c).not.toContain('\x1b[');
  });
});

describe('encodings', () => {
  it('reports invalid UTF-8 at its line and column, surrogates and overlong forms included', () => {
    const enc = new TextEncoder();
    const at = (bad: number[]) => {
      const bytes = new Uint8Array([...enc.encode('unit,a\nX,1\nYY'), ...bad, ...enc.encode(',2\n')]);
      try {
        decode(bytes, 'd.csv', 4);
      } catch (e) {
        return (e as CliError).diagnostics[0];
      }
      return undefined;
    };
    for (const bad of [[0xed, 0xa0, 0x80], [0xe0, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe0], [0xc3, 0x28]]) {
      expect(at(bad), bad.map((b) => b.toString(16)).join(' ')).toMatchObject({ code: 'ENCODING', file: 'd.csv', line: 3, col: 3 });
    }
  });
});

describe('the missing-value warning', () => {
  const DEFS = 'schema: dti/v1\nid: t\nname: T\nmissing: zero\nindicators:\n  - {id: a, name: A}\n  - {id: b, name: B}\n  - {id: c, name: C}\n';
  it('names the indicators and their cells (line:column), in both languages', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), DEFS);
    // Line 3 (Q): b is an empty cell at character 5 of 'Q,1,,'; c too, at character 6.
    writeFileSync(join(dir, 'd.csv'), 'unit,a,b,c\nP,1,2,3\nQ,1,,\n');
    const en = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('warning: Q: 2 of 3 indicators have no value (coverage 0.33): b (3:5), c (3:6); an indicator without a value counts as 0 [MISSING_VALUE]');
    const vi = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'csv'], { cwd: dir });
    expect(vi.stderr).toContain('cảnh báo: Q: 2 trong 3 chỉ số không có giá trị (tỷ lệ dữ liệu 0.33): b (3:5), c (3:6); chỉ số không có giá trị được tính là 0 [MISSING_VALUE]');
    // A column the file does not have: the indicator is named, with no cell.
    writeFileSync(join(dir, 'e.csv'), 'unit,a,b\nP,1,2\n');
    const e = await cli(['score', 'e.csv', '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
    expect(e.stderr).toContain('P: 1 of 3 indicators has no value (coverage 0.67): c; an indicator');
  });
  it('past a dozen units, one summary naming the indicators missing most often', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), DEFS);
    const rows = Array.from({ length: 14 }, (_, i) => `U${i},1,${i < 2 ? '1' : ''},${i === 0 ? '' : '1'}`);
    writeFileSync(join(dir, 'd.csv'), `unit,a,b,c\n${rows.join('\n')}\n`);
    const en = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'csv', '--lang', 'en'], { cwd: dir });
    // b is missing for U2…U13 (12 units), c for U0 (1): 13 of 14 units, 13 cells.
    expect(en.stderr).toContain('warning: 13 of 14 units have values missing (13 cells in all); an indicator without a value counts as 0; missing most often: b (12), c (1) [MISSING_VALUE]');
  });
});
