// The DTI identity on the shipped proxy definitions (indicators/dti-components.yaml), on hand-worked values:
// root = Σ(main index × points)/1000 and a pillar = (foundation points + its activity points)/its maximum.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from './helpers.js';
import { loadData, loadDefinitions } from '../src/load/definitions.js';
import { ROOT } from './helpers.js';

const defs = loadDefinitions(readFileSync(join(ROOT, 'indicators/dti-components.yaml'), 'utf8'), 'dti.yaml');
if (!defs.ok) throw new Error('dti.yaml invalid');
const fw = defs.value;

describe('indicators/dti-components.yaml', () => {
  it('has the eight QĐ 922 main indices with their points, ≥ 3 components each and ≥ 30 in all', () => {
    const main = fw.definitions.indicators.map((n) => [n.id, n.weight, n.children.length] as const);
    expect(main.map(([id, w]) => [id, w])).toEqual([
      ['nhan-thuc-so', 100], ['the-che-so', 100], ['ha-tang-so', 100], ['nhan-luc-so', 100],
      ['an-toan-thong-tin-mang', 100], ['hoat-dong-chinh-quyen-so', 200], ['hoat-dong-kinh-te-so', 150], ['hoat-dong-xa-hoi-so', 150],
    ]);
    for (const [, , k] of main) expect(k).toBeGreaterThanOrEqual(3);
    expect(fw.leafIds.length).toBeGreaterThanOrEqual(30);
    for (const n of fw.definitions.indicators) {
      for (const leaf of n.children) {
        expect(leaf.name.vi).not.toBe(leaf.name.en);
        expect(leaf.unit).not.toBeNull();
        expect(leaf.source.vi.length).toBeGreaterThan(0);
      }
    }
  });

  it('gives root = Σ main × points / 1000 and pillars = (foundation + activity points)/max', () => {
    // One province: each target leaf at `level × target` (normalises to `level`), each boolean
    // leaf empty (missing → 0 under missing: zero). Each main index is then worked out by hand
    // as level × (points of its target leaves)/(its points).
    const level: Record<string, number> = {
      'nhan-thuc-so': 1, 'the-che-so': 0.5, 'ha-tang-so': 0.8, 'nhan-luc-so': 0.25, 'an-toan-thong-tin-mang': 0.6,
      'hoat-dong-chinh-quyen-so': 0.75, 'hoat-dong-kinh-te-so': 0.4, 'hoat-dong-xa-hoi-so': 0.2,
    };
    const header = ['unit', ...fw.leafIds];
    const cells = ['X'];
    for (const n of fw.definitions.indicators) {
      for (const leaf of n.children) {
        const v = level[n.id]!;
        if (leaf.normalize.method === 'target') cells.push(String(v * (leaf.normalize.target as number)));
        else if (leaf.normalize.method === 'boolean') cells.push('');
        else throw new Error(`unexpected method in ${leaf.id}`);
      }
    }
    const ds0 = loadData(`${header.join(',')}\n${cells.join(',')}\n`, fw, { file: 'x.csv' });
    if (!ds0.ok) throw new Error(ds0.errors[0]!.message);
    const r = score(fw, ds0.value).rankings[0]!;
    const mainValue = (id: string) => {
      const n = fw.definitions.indicators.find((x) => x.id === id)!;
      const total = n.children.reduce((s, c) => s + c.weight, 0);
      return n.children.reduce((s, c) => s + (c.normalize.method === 'target' ? level[id]! * c.weight : 0), 0) / total;
    };
    const points: Record<string, number> = {
      'nhan-thuc-so': 100, 'the-che-so': 100, 'ha-tang-so': 100, 'nhan-luc-so': 100, 'an-toan-thong-tin-mang': 100,
      'hoat-dong-chinh-quyen-so': 200, 'hoat-dong-kinh-te-so': 150, 'hoat-dong-xa-hoi-so': 150,
    };
    for (const id of Object.keys(points)) expect(r.groups[id]).toBeCloseTo(mainValue(id), 12);
    const dti = Object.keys(points).reduce((s, id) => s + mainValue(id) * points[id]!, 0) / 1000;
    expect(r.score).toBeCloseTo(dti, 12);
    const foundation = ['nhan-thuc-so', 'the-che-so', 'ha-tang-so', 'nhan-luc-so', 'an-toan-thong-tin-mang']
      .reduce((s, id) => s + mainValue(id) * 100, 0);
    expect(r.pillars.cqs!.score).toBeCloseTo((foundation + mainValue('hoat-dong-chinh-quyen-so') * 200) / 700, 12);
    expect(r.pillars.kts!.score).toBeCloseTo((foundation + mainValue('hoat-dong-kinh-te-so') * 150) / 650, 12);
    expect(r.pillars.xhs!.score).toBeCloseTo((foundation + mainValue('hoat-dong-xa-hoi-so') * 150) / 650, 12);
  });

  it('pins one hand-worked value: Nhận thức số 0.5 everywhere else 0 → DTI 0.05, CQS 50/700', () => {
    // NTS components: two booleans yes (25 + 25 points) and two target leaves missing → (25 + 25)/100 = 0.5.
    const ds = loadData('unit,nts-ban-chi-dao,nts-giao-chi-tieu\nX,có,có\n', fw, { file: 'x.csv' });
    if (!ds.ok) throw new Error(ds.errors[0]!.message);
    const r = score(fw, ds.value).rankings[0]!;
    expect(r.groups['nhan-thuc-so']).toBe(0.5);
    expect(r.score).toBeCloseTo((0.5 * 100) / 1000, 15);
    expect(r.pillars.cqs!.score).toBeCloseTo(50 / 700, 15);
    expect(r.pillars.kts!.score).toBeCloseTo(50 / 650, 15);
    // coverage: 2 leaves of 2.5% each = 5% of the index
    expect(r.coverage).toBeCloseTo(0.05, 12);
  });
});
