// `dti audit`: every format on the official DTI and the 42-component proxy set, in both
// languages, within 80 columns; bad options are usage errors. The figures themselves are
// COINr's (test/audit-coinr.test.ts); here the command around them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from '../src/load/zip.js';
import { readWorkbook } from '../src/load/xlsx.js';
import { ROOT, cli, tmp } from './helpers.js';
import { audit, load } from '../src/index.js';

const DTI = ['audit', 'data/2023.csv'];
const COMPONENTS = ['audit', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml'];
const width = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));

describe('dti audit', () => {
  it('JSON: dti-audit/v1 with exactly the keys of the schema', async () => {
    const r = await cli([...DTI, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['schema', 'framework', 'year', 'stage', 'stats', 'correlations', 'denominators', 'groups', 'effectiveWeights', 'removal', 'importance', 'flags']);
    expect(j.schema).toBe('dti-audit/v1');
    expect(j.year).toBe(2023);
    expect(j.stage).toBe('raw');
    expect(Object.keys(j.stats[0])).toEqual(['id', 'min', 'max', 'mean', 'median', 'sd', 'skew', 'kurtosis', 'n', 'nonZero', 'unique', 'same', 'flags']);
    expect(Object.keys(j.correlations)).toEqual(['method', 'withParent', 'withinGroups']);
    expect(Object.keys(j.correlations.withParent[0])).toEqual(['id', 'parent', 'r']);
    expect(Object.keys(j.correlations.withinGroups[0])).toEqual(['group', 'a', 'b', 'r']);
    expect(Object.keys(j.groups[0])).toEqual(['id', 'level', 'cronbachAlpha', 'pcaFirstShare', 'pcaLoadings']);
    expect(Object.keys(j.effectiveWeights[0])).toEqual(['id', 'weight']);
    expect(Object.keys(j.removal[0])).toEqual(['id', 'meanAbsRankShift']);
    expect(Object.keys(j.importance[0])).toEqual(['id', 'weight', 'r2']);
    // 2023: the five main-index leaves of QĐ 922 (the 2024 published DTI is not part of that year).
    expect(j.stats.map((s: { id: string }) => s.id)).toEqual(['nts-tcs-nls-attt-suy-ra', 'ha-tang-so', 'hoat-dong-chinh-quyen-so', 'hoat-dong-kinh-te-so', 'hoat-dong-xa-hoi-so']);
    expect(j.correlations.withinGroups).toHaveLength(10);
  });

  it('the proxy component set: table (vi and en, ≤ 80 columns), JSON with flags, a workbook with a sheet per table', async () => {
    for (const lang of ['vi', 'en']) {
      const dti = await cli([...DTI, '-f', 'table', '--lang', lang]);
      expect(width(dti.stdout), dti.stdout).toBeLessThanOrEqual(80);
      expect(dti.stdout).toContain(lang === 'vi' ? '0,808' : '0.808');
      const r = await cli([...COMPONENTS, '-f', 'table', '--lang', lang]);
      expect(r.code, r.stderr).toBe(0);
      expect(width(r.stdout), r.stdout).toBeLessThanOrEqual(80);
      expect(r.stdout).toContain(lang === 'vi' ? 'Kiểm định thống kê' : 'Statistical audit');
      expect(r.stdout).toContain(lang === 'vi' ? 'Alpha Cronbach' : "Cronbach's alpha");
    }
    const j = JSON.parse((await cli([...COMPONENTS, '-f', 'json'])).stdout);
    expect(j.groups.length).toBeGreaterThan(5);
    expect(j.flags.length).toBeGreaterThan(0);
    const d = tmp();
    const out = join(d, 'audit.xlsx');
    const w = await cli([...COMPONENTS, '-o', out, '--lang', 'en']);
    expect(w.code, w.stderr).toBe(0);
    const z = readZip(readFileSync(out));
    const wb = readWorkbook((name) => { const e = z.get(name); return e === undefined ? undefined : new TextDecoder().decode(e.read()); });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Statistics', 'Availability', 'With parent', 'Within groups', 'Groups', 'Loadings', 'Weights', 'Denominators', 'Flags']);
    expect(wb.sheets.length).toBeGreaterThanOrEqual(9);
  });

  it('CSV: one row per figure; Markdown: a section per table', async () => {
    const csv = await cli([...DTI, '-f', 'csv', '--lang', 'en']);
    expect(csv.stdout.split('\n')[0]).toBe('table,group,a,b,measure,value');
    expect(csv.stdout).toMatch(/^groups,dti-province,dti-province,,cronbachAlpha,0\.808/m);
    const md = await cli([...DTI, '-f', 'md']);
    expect(md.stdout).toMatch(/^# Kiểm định thống kê/);
    expect(md.stdout).toContain('## Tương quan trong nhóm');
    expect(md.stdout).toContain('| Chỉ số chuyển đổi số cấp tỉnh (DTI) | Hạ tầng số | Hoạt động chính quyền số |');
  });

  it('--stage, --method, --threshold and --balance', async () => {
    const j = JSON.parse((await cli([...DTI, '-f', 'json', '--stage', 'normalised', '--method', 'spearman', '--threshold', 'collinear=0.7', '--balance', '1'])).stdout);
    expect(j.stage).toBe('normalised');
    expect(j.correlations.method).toBe('spearman');
    // The derived component's goalposts 0–4 make its normalised values a quarter of its raw ones.
    expect(j.stats[0].max).toBeCloseTo(3.7744 / 4, 12);
    expect(j.flags.filter((f: { code: string }) => f.code === 'COLLINEAR').length).toBeGreaterThan(0);
    expect(j.balance.level).toBe(1);
    expect(j.balance.weights.reduce((s: number, w: { balanced: number }) => s + w.balanced, 0)).toBeCloseTo(1, 12);
  });

  it('the library verb gives the JSON the command writes', async () => {
    // As the command reads it: no year before.
    const run = await load(join(ROOT, 'data/2023.csv'), { previous: false });
    if (!run.ok) throw new Error('load');
    const r = audit(run.value, { method: 'spearman' });
    if (!r.ok) throw new Error('audit');
    const a = r.value;
    const j = JSON.parse((await cli([...DTI, '-f', 'json', '--method', 'spearman'])).stdout);
    expect(JSON.parse(JSON.stringify(a.result))).toEqual(j);
    expect(a.availability).toHaveLength(63);
  });

  it('bad options: usage errors, nothing on standard output', async () => {
    for (const [args, text] of [
      [['--stage', 'cooked'], 'cooked'],
      [['--threshold', 'collinear'], 'name=value'],
      [['--balance', '2'], '--balance 2'],
    ] as const) {
      const r = await cli([...DTI, ...args, '--lang', 'en']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(text);
    }
  });
});
