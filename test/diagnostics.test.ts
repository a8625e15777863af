// A table of bad files, each with the diagnostic it must produce: code, line and column, as
// the CLI prints it (`file:line:col: error: message [CODE]` then `hint:`), and the exit code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from './helpers.js';

const DEFS = `schema: dti/v1
id: t
name: T
indicators:
  - id: a
    name: A
    normalize: { method: target, target: 100 }
  - id: b
    name: B
    normalize: { method: boolean }
  - id: c
    name: C
    transform: log
    normalize: { method: goalposts, min: 1, max: 1000 }
  - id: g
    name: G
    aggregate: geometric
    children:
      - id: d
        name: D
`;
const D = (indicators: string, head = '') => `schema: dti/v1\nid: t\nname: T\n${head}indicators:\n${indicators}`;
const A = '  - id: a\n    name: A\n';

type Case = [name: string, file: { yaml?: string | Buffer; csv?: string | Buffer }, expected: { code: string; line?: number; col?: number; exit: number }];

const cases: Case[] = [
  // ----- definitions (exit 3)
  ['YAML: unclosed flow sequence', { yaml: 'schema: dti/v1\nid: t\nname: [T\n' }, { code: 'YAML_SYNTAX', line: 4, col: 1, exit: 3 }],
  ['YAML: duplicate key', { yaml: 'schema: dti/v1\nid: t\nid: u\n' }, { code: 'YAML_SYNTAX', line: 3, col: 1, exit: 3 }],
  ['YAML: tab indentation', { yaml: 'schema: dti/v1\nindicators:\n\t- id: a\n' }, { code: 'YAML_SYNTAX', line: 3, col: 1, exit: 3 }],
  ['YAML: alias bomb', { yaml: 'schema: dti/v1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n' }, { code: 'YAML_SYNTAX', line: 1, col: 1, exit: 3 }],
  ['unknown top-level key (and so a missing one)', { yaml: 'schema: dti/v1\nid: t\nname: T\nindicator:\n' + A }, { code: 'SCHEMA', line: 1, col: 1, exit: 3 }],
  ['unknown key beside the right ones', { yaml: D(A, 'colour: red\n') }, { code: 'UNKNOWN_KEY', line: 4, col: 1, exit: 3 }],
  ['unknown key in a node', { yaml: D(A + '    wieght: 2\n') }, { code: 'UNKNOWN_KEY', line: 7, col: 5, exit: 3 }],
  ['comma inside a flow name', { yaml: D('  - id: a\n    name: { vi: Công khai, minh bạch }\n') }, { code: 'UNKNOWN_KEY', line: 6, col: 28, exit: 3 }],
  ['wrong type', { yaml: D(A + '    weight: heavy\n') }, { code: 'SCHEMA', line: 7, col: 13, exit: 3 }],
  ['missing name', { yaml: D('  - id: a\n') }, { code: 'SCHEMA', line: 5, col: 5, exit: 3 }],
  ['id with capitals and spaces', { yaml: D('  - id: Bad Id\n    name: A\n') }, { code: 'SCHEMA', line: 5, col: 9, exit: 3 }],
  ['unknown method', { yaml: D(A + '    normalize: { method: logistic }\n') }, { code: 'SCHEMA', line: 7, col: 26, exit: 3 }],
  ['wrong schema version', { yaml: 'schema: dti/v2\nid: t\nname: T\nindicators:\n' + A }, { code: 'SCHEMA', line: 1, col: 9, exit: 3 }],
  ['target ≤ 0', { yaml: D(A + '    normalize: { method: target, target: 0 }\n') }, { code: 'BAD_PARAMETER', line: 7, col: 42, exit: 3 }],
  ['goalposts min ≥ max', { yaml: D(A + '    normalize: { method: goalposts, min: 9, max: 1 }\n') }, { code: 'BAD_PARAMETER', line: 7, col: 42, exit: 3 }],
  ['goalposts at 0 under log', { yaml: D(A + '    transform: log\n    normalize: { method: goalposts, min: 0, max: 10 }\n') }, { code: 'BAD_PARAMETER', line: 8, col: 42, exit: 3 }],
  ['steps not increasing', { yaml: D(A + '    normalize: { method: steps, steps: [{ at: 5, score: 1 }, { at: 2, score: 0.5 }] }\n') }, { code: 'BAD_PARAMETER', line: 7, col: 68, exit: 3 }],
  ['lower is better with method none', { yaml: D(A + '    direction: lower\n') }, { code: 'BAD_PARAMETER', line: 7, col: 16, exit: 3 }],
  ['negative weight', { yaml: D(A + '    weight: -1\n') }, { code: 'BAD_PARAMETER', line: 7, col: 13, exit: 3 }],
  ['duplicate id', { yaml: D(A + A) }, { code: 'DUPLICATE_ID', line: 7, col: 9, exit: 3 }],
  ['pillar naming a missing node', { yaml: D(A) + 'pillars:\n  - id: p\n    name: P\n    members: [b]\n' }, { code: 'UNKNOWN_MEMBER', line: 10, col: 15, exit: 3 }],
  ['all weights zero', { yaml: D(A + '    weight: 0\n') }, { code: 'ZERO_WEIGHTS', line: 5, col: 3, exit: 3 }],
  ['a data file given as definitions', { yaml: 'province,year,a\nHà Nội,2023,1\n' }, { code: 'NOT_DEFINITIONS', line: 1, col: 1, exit: 3 }],
  // ----- data (exit 4)
  ['ragged row', { csv: 'unit,a\nX,1,2\n' }, { code: 'CSV_SYNTAX', line: 2, col: 3, exit: 4 }],
  ['unclosed quote', { csv: 'unit,a\n"X,1\nY,2\n' }, { code: 'CSV_SYNTAX', line: 2, col: 1, exit: 4 }],
  ['text after a closing quote', { csv: 'unit,a\n"X"y,1\n' }, { code: 'CSV_SYNTAX', line: 2, col: 4, exit: 4 }],
  ['duplicate header', { csv: 'unit,a,a\nX,1,2\n' }, { code: 'DUPLICATE_HEADER', line: 1, col: 8, exit: 4 }],
  ['a header that names no indicator', { csv: 'unit,a,zz\nX,1,2\n' }, { code: 'UNKNOWN_COLUMN', line: 1, col: 8, exit: 4 }],
  ['a group given as a column', { csv: 'unit,g\nX,1\n' }, { code: 'UNKNOWN_COLUMN', line: 1, col: 6, exit: 4 }],
  ['missing unit column', { csv: 'name,a\nX,1\n' }, { code: 'MISSING_UNIT_COLUMN', line: 1, col: 1, exit: 4 }],
  ['duplicate unit-year rows', { csv: 'province,year,a\nHà Nội,2023,1\nHN,2023,2\n' }, { code: 'DUPLICATE_ROW', line: 3, col: 1, exit: 4 }],
  ['unknown province', { csv: 'province,a\nHà Nộii,1\n' }, { code: 'UNKNOWN_PROVINCE', line: 2, col: 1, exit: 4 }],
  ['province of the 63 in a 2025 file', { csv: 'province,year,a\nVĩnh Phúc,2025,1\n' }, { code: 'MIXED_MAPS', line: 2, col: 1, exit: 4 }],
  ['non-numeric value', { csv: 'unit,a\nX,12abc\n' }, { code: 'NOT_A_NUMBER', line: 2, col: 3, exit: 4 }],
  ['non-finite value', { csv: 'unit,a\nX,1e999\n' }, { code: 'NOT_A_NUMBER', line: 2, col: 3, exit: 4 }],
  ['Vietnamese decimal comma without --decimal comma (mixed with dots)', { csv: 'unit,a\nX,"75,7"\nY,1.5\n' }, { code: 'NOT_A_NUMBER', line: 2, col: 3, exit: 4 }],
  ['not yes or no', { csv: 'unit,b\nX,maybe\n' }, { code: 'NOT_A_NUMBER', line: 2, col: 3, exit: 4 }],
  ['negative value under log', { csv: 'unit,c\nX,-5\n' }, { code: 'OUT_OF_DOMAIN', line: 2, col: 3, exit: 4 }],
  ['zero under log', { csv: 'unit,c\nX,0\n' }, { code: 'OUT_OF_DOMAIN', line: 2, col: 3, exit: 4 }],
  ['negative value feeding a geometric mean', { csv: 'unit,d\nX,-0.5\n' }, { code: 'OUT_OF_DOMAIN', line: 2, col: 3, exit: 4 }],
  ['bad year', { csv: 'unit,year,a\nX,23,1\n' }, { code: 'BAD_YEAR', line: 2, col: 3, exit: 4 }],
  ['long format: unknown indicator', { csv: 'unit,indicator,value\nX,aa,1\n' }, { code: 'UNKNOWN_COLUMN', line: 2, col: 3, exit: 4 }],
  ['long format: a value given twice', { csv: 'unit,indicator,value\nX,a,1\nX,a,2\n' }, { code: 'DUPLICATE_ROW', line: 3, col: 3, exit: 4 }],
  ['empty file', { csv: '' }, { code: 'EMPTY_FILE', line: 1, col: 1, exit: 4 }],
  ['empty definitions', { yaml: '' }, { code: 'NOT_DEFINITIONS', line: 1, col: 1, exit: 3 }],
  ['header only', { csv: 'unit,a\n' }, { code: 'NO_DATA', line: 1, col: 1, exit: 4 }],
  ['UTF-16', { csv: Buffer.from('\uFEFFunit,a\nX,1\n', 'utf16le') }, { code: 'ENCODING', line: 1, col: 1, exit: 4 }],
  ['Windows-1258', { csv: Buffer.from([...Buffer.from('unit,a\nH'), 0xe0, ...Buffer.from(',1\n')]) }, { code: 'ENCODING', line: 2, col: 2, exit: 4 }],
];

describe('bad files', () => {
  it('covers at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
  it.each(cases)('%s', async (_, f, expected) => {
    const dir = tmp();
    writeFileSync(join(dir, 'defs.yaml'), f.yaml ?? DEFS);
    const args = ['validate', '-i', 'defs.yaml'];
    if (f.csv !== undefined) {
      writeFileSync(join(dir, 'data.csv'), f.csv);
      args.push('data.csv');
    }
    const r = await cli([...args, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(expected.exit);
    const first = r.stderr.split('\n')[0]!;
    // In Vietnamese (the default): the same code at the same place, with Vietnamese words around it.
    const vi = await cli(args, { cwd: dir });
    const viFirst = vi.stderr.split('\n')[0]!;
    expect(viFirst).toMatch(/: lỗi: .+ \[[A-Z_]+\]$/);
    expect(viFirst.replace(/: lỗi: .*(\[[A-Z_]+\])$/, '$1')).toBe(first.replace(/: error: .*(\[[A-Z_]+\])$/, '$1'));
    const m = /^(\S+?)(?::(\d+):(\d+))?: error: (.+) \[([A-Z_]+)\]$/.exec(first);
    expect(m, first).not.toBeNull();
    expect(m![1]).toBe(f.csv !== undefined ? 'data.csv' : 'defs.yaml');
    expect({ code: m![5], line: m![2] === undefined ? undefined : Number(m![2]), col: m![3] === undefined ? undefined : Number(m![3]) })
      .toEqual({ code: expected.code, line: expected.line, col: expected.col });
    expect(r.stderr).toMatch(/^ {2}hint: .+/m);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // never a stack trace
  });
  it('caps a flood of problems with a count of the rest; repeats of one problem are one line', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'defs.yaml'), DEFS);
    writeFileSync(join(dir, 'data.csv'), 'unit,a\n' + Array.from({ length: 80 }, (_, i) => `U${i},x`).join('\n') + '\n');
    const r = await cli(['validate', '-i', 'defs.yaml', 'data.csv', '--lang', 'en'], { cwd: dir });
    // 80 identical errors: one line with the count and the first positions.
    expect(r.stderr).toContain("data.csv:2:4: error: a: 'x' is not a number [NOT_A_NUMBER] (80×; also 3:4, 4:4, 5:4, …)");
    expect(r.stderr).toContain('80 errors, 1 warning\n'); // one warning: singular
    // 60 indicators, two rows: 120 different errors (two of each), 50 shown, the rest counted.
    const ids = Array.from({ length: 60 }, (_, i) => `a${i}`);
    writeFileSync(join(dir, 'wide.yaml'), `schema: dti/v1\nid: t\nname: T\nindicators:\n${ids.map((id) => `  - id: ${id}\n    name: ${id}\n`).join('')}`);
    writeFileSync(join(dir, 'wide.csv'), `unit,${ids.join(',')}\nU1,${ids.map(() => 'x').join(',')}\nU2,${ids.map(() => 'x').join(',')}\n`);
    const w = await cli(['validate', '-i', 'wide.yaml', 'wide.csv', '--lang', 'en'], { cwd: dir });
    expect(w.stderr).toContain('… and 70 more');
    expect(w.stderr).toContain('120 errors');
  });
  it('suggests the option or subcommand that was meant', async () => {
    expect((await cli(['score', 'x.csv', '--formt', 'json', '--lang', 'en'])).stderr).toContain('(Did you mean --format?)');
    expect((await cli(['comapre', '--lang', 'en'])).stderr).toContain('(Did you mean compare?)');
  });
});
