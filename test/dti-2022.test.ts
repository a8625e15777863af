// The published DTI 2022 table reproduces from its eight main indices:
// DTI = Σ(main index × maximum points)/1000 (QĐ 922; data/reference/DTI-METHODOLOGY.md §2.1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from './helpers.js';
import { loadData, loadDefinitions } from '../src/load/definitions.js';
import { ROOT } from './helpers.js';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

describe('DTI 2022, top five (dti.gov.vn/xep-hang-2022)', () => {
  const defs = loadDefinitions(read('indicators/dti-2022-main.yaml'), 'dti-2022-main.yaml');
  if (!defs.ok) throw new Error('definitions invalid');
  const text = read('data/published/dti-2022-main-indices.csv');
  const ds = loadData(text, defs.value, { file: 'dti-2022-main-indices.csv' });
  if (!ds.ok) throw new Error('data invalid');
  const result = score(defs.value, ds.value);
  // The published DTI and rank ride along in the same file as '#' note columns.
  const published = text.trim().split('\n').slice(1).map((l) => l.split(','))
    .map((c) => ({ province: c[0]!, dti: Number(c[10]), rank: Number(c[11]) }));

  it('gives each province its published DTI to ±0.0001', () => {
    expect(published).toHaveLength(5);
    for (const p of published) {
      const r = result.rankings.find((x) => x.unit === p.province)!;
      expect(Math.abs(r.score! - p.dti)).toBeLessThanOrEqual(0.0001 + 1e-12);
    }
  });
  it('gives the published ranks 1–5', () => {
    expect(result.rankings.map((r) => [r.unit, r.rank])).toEqual(published.map((p) => [p.province, p.rank]));
  });
  it('Đà Nẵng by hand: (100·1 + 100·0.9 + 100·0.8253 + 100·0.8487 + 100·0.7578 + 200·0.8575 + 150·0.7836 + 150·0.5197)/1000 = 0.800175', () => {
    // 100 + 90 + 82.53 + 84.87 + 75.78 + 171.5 + 117.54 + 77.955 = 800.175 points
    const r = result.rankings.find((x) => x.unit === 'Đà Nẵng')!;
    expect(r.score).toBeCloseTo(0.800175, 12);
    // CQS pillar = (foundation points + HĐCQS points)/700 = (433.18 + 171.5)/700 = 0.863829
    expect(r.pillars.cqs!.score).toBeCloseTo(604.68 / 700, 12);
    // KTS = (433.18 + 117.54)/650; XHS = (433.18 + 77.955)/650
    expect(r.pillars.kts!.score).toBeCloseTo(550.72 / 650, 12);
    expect(r.pillars.xhs!.score).toBeCloseTo(511.135 / 650, 12);
  });
});
