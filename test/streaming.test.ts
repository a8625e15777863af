// Output written a unit at a time (renderScoreChunks, with each unit's detail built on
// demand) must be byte for byte what the whole-string renderer gives for the fully built
// result (renderScore over score()). The CLI writes the streamed form.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import type { ScoreOptions } from '../src/core/score.js';
import { score, scoreLazily } from './helpers.js';
import type { Framework } from '../src/core/framework.js';
import type { Dataset } from '../src/core/model.js';
import { type Detail, type RenderOptions, renderScore, renderScoreChunks } from '../src/render/score.js';
import { blocks, isUpToDate, writeOutput } from '../src/cli/files.js';
import { ROOT, cli, data, defs, fw, tmp } from './helpers.js';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function both(f: Framework, ds: Dataset, sopts: ScoreOptions, ropts: Omit<RenderOptions, 'chalk' | 'unitKind' | 'detail'> & { detail: Detail }) {
  const o: RenderOptions = { ...ropts, unitKind: ds.unitKind, chalk: new Chalk({ level: 0 }) };
  const level = ropts.format === 'json' ? 'indicators' : ropts.detail;
  const whole = renderScore(score(f, ds, { ...sopts, detail: level }), f, o);
  const { result, detailOf } = scoreLazily(f, ds, { ...sopts, detail: 'pillars', detailOnDemand: level });
  const pieces = [...renderScoreChunks(result, f, o, detailOf)];
  return { whole, streamed: pieces.join(''), pieces: pieces.length };
}

const FORMATS = ['json', 'csv', 'tsv', 'md', 'table'] as const;

describe('streamed output', () => {
  const dti = fw(read('indicators/dti.yaml'));
  const d2023 = data(read('data/2023.csv'), dti, { fileYear: 2023 });
  const d2022 = data(read('data/2022.csv'), dti, { fileYear: 2022 });
  const papi = fw(read('indicators/papi-dimensions.yaml'));
  const p2016 = data(read('data/papi-dimensions/2016.csv'), papi, { fileYear: 2016 });
  const p2015 = data(read('data/papi-dimensions/2015.csv'), papi, { fileYear: 2015 });

  it('equals the whole-string output for the shipped data, every format and detail', () => {
    let compared = 0;
    for (const format of FORMATS) {
      for (const detail of ['pillars', 'groups', 'indicators'] as const) {
        for (const lang of ['vi', 'en'] as const) {
          const a = both(dti, d2023, { previous: d2022, lang }, { format, detail, lang, ascii: false });
          expect(a.streamed).toBe(a.whole);
          const b = both(papi, p2016, { previous: p2015, lang, byRegion: true }, { format, detail, lang, ascii: true, byRegion: true, top: 20 });
          expect(b.streamed).toBe(b.whole);
          compared += 2;
        }
      }
    }
    expect(compared).toBe(60);
  });

  it('equals it with imputed values and their note (PAPI 2014, blank cells imputed linearly)', () => {
    const y = read('indicators/papi-dimensions.yaml');
    expect(y).toContain('aggregate: sum\n');
    const f = fw(y.replace('aggregate: sum\n', 'aggregate: sum\nimpute: linear\n'));
    const years = [2013, 2014, 2015].map((yr) => data(read(`data/papi-dimensions/${yr}.csv`), f, { fileYear: yr }));
    const ds = { ...years[0]!, records: years.flatMap((d) => d.records) };
    let notes = 0;
    for (const format of FORMATS) {
      const r = both(f, ds, { year: 2014 }, { format, detail: 'indicators', lang: 'vi', ascii: false });
      expect(r.streamed).toBe(r.whole);
      if (r.whole.includes('~')) notes++;
    }
    // The tables mark imputed values (~): the case is really exercised.
    expect(notes).toBeGreaterThan(0);
  });

  it('equals it for many units with gaps, quotes, pipes and formula-like names, one piece per unit', () => {
    const f = fw(defs(`  - id: g
    name: G
    children:
      - { id: a, name: A, normalize: { method: rank } }
      - { id: b, name: B, normalize: { method: minmax }, direction: lower }
      - { id: c, name: C, normalize: { method: zscore } }
`, 'missing: exclude\n'));
    const names = ['=SUM(A1)', 'a,"b"|c', 'x\\\\y', '+1', '@home', 'plain'];
    const rows = Array.from({ length: 600 }, (_, i) =>
      `"${`${names[i % names.length]} ${i}`.replace(/"/g, '""')}",${i % 7 === 0 ? '' : (i * 37) % 101},${(i * 13) % 17},${i % 5 === 0 ? 'NA' : (i % 9) / 3}`);
    const ds = data(`unit,a,b,c\n${rows.join('\n')}\n`, f);
    for (const format of FORMATS) {
      for (const top of [undefined, 10]) {
        const r = both(f, ds, {}, { format, detail: 'indicators', lang: 'en', ascii: false, ...(top === undefined ? {} : { top }) });
        expect(r.streamed).toBe(r.whole);
        // A piece per unit (JSON: per batch of at most 64 units), never one string (the table is laid out whole).
        if (format !== 'table' && top === undefined) expect(r.pieces).toBeGreaterThan(format === 'json' ? 600 / 64 : 600);
      }
    }
    // An empty ranking: JSON's empty array stays "[]".
    const none = both(f, ds, {}, { format: 'json', detail: 'pillars', lang: 'vi', ascii: false, top: 0 });
    expect(none.streamed).toBe(none.whole);
    expect(none.whole).toContain('"rankings": []');
  });

  it('writes pieces to a file, and --check compares pieces, as it would the whole text', async () => {
    const dir = tmp();
    dirs.push(dir);
    const pieces = Array.from({ length: 5000 }, (_, i) => `línea ${i} ${'ư'.repeat(i % 50)}\n`);
    const whole = pieces.join('');
    expect([...blocks(pieces)].join('')).toBe(whole);
    expect([...blocks(pieces)].length).toBeGreaterThan(1);
    const io = { stdout: { write: () => {} }, stderr: { write: () => {} }, readStdin: async () => new Uint8Array(), stdinIsTTY: true, env: {}, cwd: dir };
    await writeOutput('out.txt', pieces, io, []);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(whole);
    expect(isUpToDate('out.txt', pieces, io)).toBe(true);
    expect(isUpToDate('out.txt', pieces.slice(0, -1), io)).toBe(false);
    expect(isUpToDate('out.txt', [...pieces, 'x'], io)).toBe(false);
    writeFileSync(join(dir, 'out.txt'), whole.replace('línea 4999', 'línea 4998'));
    expect(isUpToDate('out.txt', pieces, io)).toBe(false);
  });

  it('is what the CLI prints and writes', async () => {
    const dir = tmp();
    dirs.push(dir);
    const out = await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-f', 'json', '-q']);
    expect(out.code).toBe(0);
    const whole = renderScore(score(papi, p2016, { previous: p2015, lang: 'vi', detail: 'indicators' }), papi,
      { format: 'json', detail: 'pillars', lang: 'vi', unitKind: 'province', chalk: new Chalk({ level: 0 }), ascii: false });
    expect(out.stdout).toBe(whole);
    const file = join(dir, 'r.md');
    expect((await cli(['score', 'data/2023.csv', '-o', file, '-q'])).code).toBe(0);
    expect((await cli(['score', 'data/2023.csv', '-o', file, '--check', '-q'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe((await cli(['score', 'data/2023.csv', '-f', 'md', '-q'])).stdout);
  });
});
