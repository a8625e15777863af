// Ids as users have them (the dti/v1 contract, "Ids"): case-sensitive, letters of either case,
// digits, '-', '_' and '.'; a data column matches its id exactly, and a column that differs
// from an id only in case is an error that names the id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData, loadDefinitions } from '../src/load/definitions.js';
import { score } from './helpers.js';
import { ROOT, data, defs, fw } from './helpers.js';

// COINr-style ids (its ASEM example: LPI, ConSpeed) and a dotted id as plans number them.
const f = fw(defs(`  - id: Conn
    name: Connectivity
    children:
      - id: LPI
        name: Logistics Performance Index
        normalize: { method: goalposts, min: 1, max: 5 }
      - id: ConSpeed
        name: Internet connection speed
        normalize: { method: minmax }
  - id: 1.2.10
    name: Dotted
    normalize: { method: target, target: 10 }
`));

const errorsOf = (csv: string) => {
  const r = loadData(csv, f, { file: 'd.csv' });
  return r.ok ? [] : r.errors;
};

describe('ids', () => {
  it('takes upper- and lower-case letters, digits, dots, dashes and underscores', () => {
    expect(f.leafIds).toEqual(['LPI', 'ConSpeed', '1.2.10']);
    expect(f.index.has('Conn')).toBe(true);
    const r = loadDefinitions(defs('  - id: a_B-c.9\n    name: A\n'), 'd.yaml');
    expect(r.ok).toBe(true);
  });

  it('matches data columns to ids exactly and scores them', () => {
    const ds = data('unit,LPI,ConSpeed,1.2.10\nA,3,10,5\nB,5,20,10\n', f);
    expect([...ds.records[0]!.values]).toEqual([3, 10, 5]);
    const res = score(f, ds);
    // B: LPI (5−1)/4 = 1, ConSpeed max → 1, so Conn 1; 1.2.10: 10/10 = 1 → score 1.
    // A: LPI (3−1)/4 = 0.5, ConSpeed min → 0, Conn 0.25; 1.2.10: 5/10 = 0.5 → (0.25 + 0.5)/2 = 0.375.
    expect(res.rankings.map((u) => [u.unit, u.score])).toEqual([['B', 1], ['A', 0.375]]);
  });

  it('keeps ids that differ only in case apart', () => {
    const g = fw(defs('  - id: a\n    name: small\n  - id: A\n    name: big\n'));
    const ds = data('unit,A,a\nX,1,0\n', g);
    expect([...ds.records[0]!.values]).toEqual([0, 1]);
  });

  it('reports a column that differs from an id only in case, naming the id', () => {
    const errs = errorsOf('unit,lpi,ConSpeed,1.2.10\nA,3,10,5\n');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: 'UNKNOWN_COLUMN', file: 'd.csv', line: 1, col: 6 });
    expect(errs[0]!.message).toContain("'LPI'");
    expect(errs[0]!.message).toContain('only in case');
    expect(errs[0]!.hint).toContain("'LPI'");
  });

  it('reports the same in a long file', () => {
    const errs = errorsOf('unit,indicator,value\nA,conspeed,3\n');
    expect(errs[0]).toMatchObject({ code: 'UNKNOWN_COLUMN', line: 2, col: 3 });
    expect(errs[0]!.message).toContain("'ConSpeed'");
  });

  it('still finds the tool’s own columns in any case', () => {
    const ds = data('Unit,Year,LPI,ConSpeed,1.2.10\nA,2023,3,10,5\n', f);
    expect(ds.records[0]).toMatchObject({ unit: 'A', year: 2023 });
  });

  it('rejects characters no id may hold, suggesting an id that keeps the case', () => {
    const r = loadDefinitions(defs('  - id: Chỉ số 1\n    name: A\n'), 'd.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ code: 'SCHEMA', line: 5, col: 9 });
    expect(r.errors[0]!.hint).toBe('e.g. id: Chi-so-1');
  });
});

describe("COINr's ASEM example, as it is", () => {
  const dir = join(ROOT, 'test/fixtures/asem');
  const yaml = readFileSync(join(dir, 'asem.yaml'), 'utf8');
  const csv = readFileSync(join(dir, 'asem-2018.csv'), 'utf8');

  it('loads with its ids (LPI, ConSpeed, CO2, …) and reads the data columns by exact match', () => {
    const asem = fw(yaml);
    const header = csv.split('\n')[0]!.split(',');
    // Every data column after unit, year and the 4 group and 4 denominator columns is a leaf id, in order.
    expect(asem.leafIds).toEqual(header.slice(10));
    expect(asem.leafIds).toContain('ConSpeed');
    expect(asem.leafIds).toHaveLength(49);
    const ds = data(csv, asem);
    expect(ds.records).toHaveLength(51);
    const aut = ds.records.find((r) => r.unit === 'Austria')!;
    expect(aut.values[asem.leafIds.indexOf('LPI')]).toBe(4.097985); // ASEM_iData: Austria's LPI
    const res = score(asem, ds);
    expect(res.rankings.filter((u) => u.rank !== null)).toHaveLength(51);
  });

  it('names the id when a column differs only in case', () => {
    const r = loadData(csv.replace(',ConSpeed,', ',conspeed,'), fw(yaml), { file: 'asem-2018.csv' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_COLUMN', line: 1, message: "column 'conspeed' differs from the indicator id 'ConSpeed' only in case" })]);
  });
});
