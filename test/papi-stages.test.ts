// `dti score` on PAPI with cells blanked: imputed by `linear` and `previous` with values worked
// out here from the CSVs themselves, and a low-coverage unit listed unranked by `screen`.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords } from '../src/load/csv.js';
import { ROOT, cli, tmp } from './helpers.js';

const DIMS = ['d1-participation', 'd2-transparency', 'd3-vertical-accountability', 'd4-control-of-corruption', 'd5-public-admin-procedures', 'd6-public-service-delivery'];
const rows = (year: number) => readRecords(readFileSync(join(ROOT, `data/papi-dimensions/${year}.csv`), 'utf8'));
const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** papi.yaml with lines added after the given anchors. */
function papiWith(inserts: [string, string][]): string {
  let y = readFileSync(join(ROOT, 'indicators/papi-dimensions.yaml'), 'utf8');
  for (const [anchor, add] of inserts) {
    expect(y).toContain(anchor);
    y = y.replace(anchor, anchor + add);
  }
  return y;
}

describe('PAPI with gaps', () => {
  it('linear: Bắc Giang and Đồng Tháp, blank in 2014, get the mean of 2013 and 2015 and a 2014 rank', async () => {
    for (const y of [2013, 2014, 2015]) copyFileSync(join(ROOT, `data/papi-dimensions/${y}.csv`), join(dir, `${y}.csv`));
    writeFileSync(join(dir, 'linear.yaml'), papiWith([['aggregate: sum\n', 'impute: linear\n']]));
    // By hand: a dimension in 2014 = (2013 + 2015) / 2 (2014 lies halfway); the total is the sum of the six.
    const at = (y: number) => new Map(rows(y).map((r) => [r.province!, r]));
    const [r13, r14, r15] = [at(2013), at(2014), at(2015)];
    const total14 = new Map<string, number>();
    for (const [p, r] of r14) {
      const v = DIMS.map((d) => (r[d] === '' ? (Number(r13.get(p)![d]) + Number(r15.get(p)![d])) / 2 : Number(r[d])));
      total14.set(p, v.reduce((a, b) => a + b, 0));
    }
    // Ranks on the total rounded to 4 decimals (the definitions' ties: rounded).
    const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
    const rankOf = (p: string) => 1 + [...total14.values()].filter((t) => round4(t) > round4(total14.get(p)!)).length;
    const out = await cli(['score', '2013.csv', '2014.csv', '2015.csv', '-i', 'linear.yaml', '-f', 'json', '-q'], { cwd: dir });
    expect(out.code).toBe(0);
    const j = JSON.parse(out.stdout) as { previousYear: number; rankings: { unit: string; previousRank: number | null; imputed: number }[] };
    expect(j.previousYear).toBe(2014);
    const bg = j.rankings.find((r) => r.unit === 'Bắc Giang')!;
    const dt = j.rankings.find((r) => r.unit === 'Đồng Tháp')!;
    expect(bg.previousRank).toBe(rankOf('Bắc Giang'));
    expect(dt.previousRank).toBe(rankOf('Đồng Tháp'));
    expect(bg.previousRank).not.toBeNull();
    // In 2015 nothing is imputed.
    expect(bg.imputed).toBe(0);
    // Without imputation both are unranked in 2014.
    const plain = JSON.parse((await cli(['score', '2013.csv', '2014.csv', '2015.csv', '-i', join(ROOT, 'indicators/papi-dimensions.yaml'), '-f', 'json', '-q'], { cwd: dir })).stdout);
    expect(plain.rankings.find((r: { unit: string }) => r.unit === 'Bắc Giang').previousRank).toBeNull();
  });

  it('previous and linear after the last year, and screen: Đà Nẵng with 2 of 6 dimensions is unranked', async () => {
    for (const y of [2014, 2015]) copyFileSync(join(ROOT, `data/papi-dimensions/${y}.csv`), join(dir, `${y}.csv`));
    // 2016 with Hà Nội's d1 and d2 blanked, and four of Đà Nẵng's six dimensions.
    const lines = readFileSync(join(ROOT, 'data/papi-dimensions/2016.csv'), 'utf8').split('\n');
    const blank = (name: string, cols: number[]) => {
      const i = lines.findIndex((l) => l.startsWith(`${name},`));
      const cells = lines[i]!.split(',');
      for (const c of cols) cells[c] = '';
      lines[i] = cells.join(',');
    };
    blank('Hà Nội', [1, 2]);
    blank('Đà Nẵng', [1, 2, 3, 4]);
    writeFileSync(join(dir, '2016.csv'), lines.join('\n'));
    writeFileSync(join(dir, 'mixed.yaml'), papiWith([
      ['aggregate: sum\n', 'impute: linear\nscreen: { min_coverage: 0.5 }\n'],
      ['  - id: d2-transparency\n    name: { vi: "Công khai, minh bạch", en: Transparency }\n', '    impute: previous\n'],
    ]));
    const out = await cli(['score', '2014.csv', '2015.csv', '2016.csv', '-i', 'mixed.yaml', '-f', 'json', '-q'], { cwd: dir });
    expect(out.code).toBe(0);
    type Unit = { unit: string; rank: number | null; score: number; screened?: true; imputed: number; coverage: number; indicators: Record<string, { value: number; imputed?: true }> };
    const j = JSON.parse(out.stdout) as { year: number; rankings: Unit[] };
    expect(j.year).toBe(2016);
    const hn = j.rankings.find((r) => r.unit === 'Hà Nội')!;
    const r15 = new Map(rows(2015).map((r) => [r.province!, r]));
    // previous: 2016's d2 is 2015's; linear after the last observed year: the nearest, also 2015's.
    expect(hn.indicators['d2-transparency']).toMatchObject({ value: Number(r15.get('Hà Nội')!['d2-transparency']), imputed: true });
    expect(hn.indicators['d1-participation']).toMatchObject({ value: Number(r15.get('Hà Nội')!['d1-participation']), imputed: true });
    expect(hn.indicators['d3-vertical-accountability']!.imputed).toBeUndefined();
    expect(hn.imputed).toBeCloseTo(2 / 6, 10);
    expect(hn.coverage).toBeCloseTo(4 / 6, 10);
    expect(hn.rank).not.toBeNull();
    const dn = j.rankings.find((r) => r.unit === 'Đà Nẵng')!;
    expect(dn.screened).toBe(true);
    expect(dn.rank).toBeNull();
    expect(dn.coverage).toBeCloseTo(2 / 6, 10);
    expect(j.rankings.filter((r) => r.rank === null).map((r) => r.unit)).toEqual(['Đà Nẵng']);
    // Tables mark both.
    const table = (await cli(['score', '2014.csv', '2015.csv', '2016.csv', '-i', 'mixed.yaml', '-f', 'md', '--detail', 'indicators', '--lang', 'en', '-q'], { cwd: dir })).stdout;
    expect(table).toMatch(/\| Đà Nẵng † \|/);
    expect(table).toMatch(/~\d/);
    expect(table).toContain('~ imputed value');
    expect(table).toContain('† not ranked: observed data below 50% (screen.min_coverage)');
  });
});
