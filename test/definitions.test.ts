// Definitions: schema errors and semantic rules, each located at its line and column.
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../src/load/definitions.js';
import { defs } from './helpers.js';

function errorsOf(yaml: string) {
  const r = loadDefinitions(yaml, 'd.yaml');
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => ({ code: e.code, line: e.line, col: e.col, message: e.message, hint: e.hint }));
}

describe('definitions', () => {
  it('accepts a valid file and fills the defaults', () => {
    const r = loadDefinitions(defs('  - id: a\n    name: A\n'), 'd.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.definitions).toMatchObject({ scale: 1, decimals: 4, ties: 'rounded', missing: 'zero', aggregate: 'mean' });
      expect(r.value.definitions.indicators[0]).toMatchObject({ weight: 1, direction: 'higher', transform: 'none', normalize: { method: 'none' } });
    }
  });
  const cases: [string, string, { code: string; line: number; col: number }][] = [
    ['YAML syntax', 'schema: dti/v1\nid: t\nname: [unclosed\n', { code: 'YAML_SYNTAX', line: 4, col: 1 }], // yaml reports an unclosed [ where the text ends
    ['duplicate key', 'schema: dti/v1\nid: t\nid: u\nname: T\nindicators:\n  - id: a\n    name: A\n', { code: 'YAML_SYNTAX', line: 3, col: 1 }],
    ['unknown key with suggestion', defs('  - id: a\n    name: A\n    wieght: 2\n'), { code: 'UNKNOWN_KEY', line: 7, col: 5 }],
    ['wrong type', defs('  - id: a\n    name: A\n    weight: heavy\n'), { code: 'SCHEMA', line: 7, col: 13 }],
    ['bad id', defs('  - id: Bad Id\n    name: A\n'), { code: 'SCHEMA', line: 5, col: 9 }],
    ['target ≤ 0', defs('  - id: a\n    name: A\n    normalize: { method: target, target: 0 }\n'), { code: 'BAD_PARAMETER', line: 7, col: 42 }],
    ['goalposts min ≥ max', defs('  - id: a\n    name: A\n    normalize: { method: goalposts, min: 5, max: 1 }\n'), { code: 'BAD_PARAMETER', line: 7, col: 42 }],
    ['duplicate id', defs('  - id: a\n    name: A\n  - id: a\n    name: B\n'), { code: 'DUPLICATE_ID', line: 7, col: 9 }],
    ['all weights zero', defs('  - id: a\n    name: A\n    weight: 0\n'), { code: 'ZERO_WEIGHTS', line: 5, col: 3 }],
    ['pillar with a missing member', defs('  - id: a\n    name: A\n') + 'pillars:\n  - id: p\n    name: P\n    members: [aa]\n', { code: 'UNKNOWN_MEMBER', line: 10, col: 15 }],
    ['leaf keys on a group', defs('  - id: g\n    name: G\n    unit: percent\n    children:\n      - id: a\n        name: A\n'), { code: 'BAD_PARAMETER', line: 7, col: 5 }],
    ['zscore under geometric', defs('  - id: a\n    name: A\n    normalize: { method: zscore }\n', 'aggregate: geometric\n'), { code: 'BAD_PARAMETER', line: 8, col: 26 }],
    ['a data file given as definitions', 'province,year,a\nHà Nội,2023,1\n', { code: 'NOT_DEFINITIONS', line: 1, col: 1 }],
  ];
  it.each(cases)('%s', (_, yaml, expected) => {
    expect(errorsOf(yaml)[0]).toMatchObject(expected);
  });
  it('suggests the key that was meant', () => {
    expect(errorsOf(defs('  - id: a\n    name: A\n    wieght: 2\n'))[0]!.hint).toContain("'weight'");
  });
  it('reports every problem at once', () => {
    const errs = errorsOf(defs('  - id: a\n    name: A\n    normalize: { method: target, target: -1 }\n  - id: a\n    name: B\n    weight: -2\n'));
    expect(errs.map((e) => e.code).sort()).toEqual(['BAD_PARAMETER', 'BAD_PARAMETER', 'DUPLICATE_ID']);
  });
});
