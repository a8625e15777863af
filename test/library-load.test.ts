// The library's loaders read as the CLI reads: several files at once, workbooks, ';' and
// decimal commas found, plain JavaScript rows with each problem at its path (rows[3].year);
// and a run loaded by the library applies `missing: error` and the 2025 merger exactly as the
// commands do. Each case is checked against the CLI's own output on the same files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, type PlainRow, audit, compare, explain, load, loadData, loadDefinitions, localize, officialRanks, score, sensitivity } from '../src/index.js';
import { ROOT, cli, defs, tmp } from './helpers.js';

const at = (f: string) => join(ROOT, f);
const YEARS = ['data/2022.csv', 'data/2023.csv', 'data/2024.csv'];
const THREE = ['Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc'];
/** A result as JSON would carry it. */
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; errors: unknown[] }>): Promise<T> {
  const x = await r;
  if (!x.ok) throw new Error(JSON.stringify(x.errors.slice(0, 3)));
  return x.value;
}

async function ok2<T>(r: Promise<{ ok: true; value: T; warnings: Diagnostic[] } | { ok: false; errors: unknown[] }>): Promise<{ value: T; warnings: Diagnostic[] }> {
  const x = await r;
  if (!x.ok) throw new Error(JSON.stringify(x.errors.slice(0, 3)));
  return x;
}

describe('several files at once', () => {
  it('three years read as one run: compare gives what `dti compare` gives, official ranks included', async () => {
    const run = await ok(load(YEARS.map(at)));
    expect(run.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    const c = compare(run, THREE, { lang: 'en' });
    if (!c.ok) throw new Error('compare');
    const r = await cli(['compare', ...THREE, '--data', ...YEARS, '--no-official', '-f', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(c.value)).toEqual(JSON.parse(r.stdout));
    const official = await officialRanks(run);
    const withOfficial = compare(run, THREE, { lang: 'en', official });
    const o = await cli(['compare', ...THREE, '--data', ...YEARS, '-f', 'json', '--lang', 'en']);
    expect(withOfficial.ok && json(withOfficial.value)).toEqual(JSON.parse(o.stdout));
    expect(JSON.parse(o.stdout).official.length).toBeGreaterThan(3);
  });
  it('a unit-year in two files is an error at its row in the later file, as the CLI says', async () => {
    const r = await load([at('data/2023.csv'), at('data/2023.csv')]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(63);
    expect(r.errors.every((e) => e.code === 'DUPLICATE_ROW' && e.file === at('data/2023.csv'))).toBe(true);
    const c = await cli(['score', at('data/2023.csv'), at('data/2023.csv'), '--lang', 'en']);
    expect(c.code).toBe(4);
    // The CLI names the file as given, relative to where it runs.
    expect(c.stderr).toContain(localize(r.errors[0]!, 'en').split('\n')[0]!.replace(`${ROOT}/`, ''));
  });
  it('a file that cannot be read is an error of its own, the other files still checked', async () => {
    const r = await loadData([at('data/nope.csv'), at('data/2023.csv')], await ok(loadDefinitions()));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code)).toEqual(['READ_ERROR']);
      // The position names the file; the message says why, once.
      expect(localize(r.errors[0]!, 'en')).toMatch(/^\/.*data\/nope\.csv: error: no such file \[READ_ERROR\]/);
    }
  });
});

describe('one loop over the files for the CLI and the library (src/load/sources.ts)', () => {
  /** A bad file (a word for a number, and 69 in a 0-1 indicator: an error and a warning), a good file with a warning, and two files holding the same provinces. */
  function files(): { dir: string; names: string[] } {
    const dir = tmp();
    const lines = readFileSync(at('data/2023.csv'), 'utf8').split('\n');
    const cut = (row: string, k: number, v: string) => row.split(',').map((c, i) => (i === k ? v : c)).join(',');
    writeFileSync(join(dir, 'bad.csv'), [lines[0], cut(lines[1]!, 2, 'abc'), cut(lines[2]!, 3, '69')].join('\n') + '\n');
    writeFileSync(join(dir, 'warn.csv'), [lines[0], cut(lines[3]!, 3, '69')].join('\n') + '\n');
    writeFileSync(join(dir, 'a.csv'), [lines[0], ...lines.slice(4, 8)].join('\n') + '\n');
    writeFileSync(join(dir, 'b.csv'), [lines[0], ...lines.slice(4, 8)].join('\n') + '\n');
    return { dir, names: ['bad.csv', 'warn.csv', 'a.csv', 'b.csv'] };
  }
  const diagnosticLines = (text: string) => text.split('\n').filter((l) => /\[[A-Z_]+\]$/.test(l)).sort();

  it('every file\'s errors and the merger\'s, with the warnings of the file that failed: what `dti score` prints', async () => {
    const { dir, names } = files();
    const r = await loadData(names.map((n) => join(dir, n)), await ok(loadDefinitions()));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // The merger of the files read is checked although one file failed: the 4 provinces of a.csv again in b.csv.
    expect(r.errors.map((e) => e.code)).toEqual(['NOT_A_NUMBER', 'DUPLICATE_ROW', 'DUPLICATE_ROW', 'DUPLICATE_ROW', 'DUPLICATE_ROW']);
    expect(r.warnings.map((w) => [w.code, w.file])).toEqual([['OUT_OF_RANGE', join(dir, 'bad.csv')]]);
    const c = await cli(['score', ...names, '--lang', 'en'], { cwd: dir });
    expect(c.code).toBe(4);
    const library = [...r.errors, ...r.warnings].map((d) => localize(d, 'en').split('\n')[0]!.replace(`${dir}/`, '')).sort();
    expect(library).toEqual(diagnosticLines(c.stderr));
  });
  it('files that read: the warnings of every one; an unknown encoding stops the reading (the options\' error, not a file\'s)', async () => {
    const { dir } = files();
    const fw = await ok(loadDefinitions());
    const r = await loadData([join(dir, 'warn.csv'), join(dir, 'a.csv')], fw);
    expect(r.ok && r.warnings.map((w) => [w.code, w.file])).toEqual([['OUT_OF_RANGE', join(dir, 'warn.csv')]]);
    // A file that cannot be read among others: the same READ_ERROR line from the CLI and the library.
    const missing = await loadData([join(dir, 'nope.csv'), join(dir, 'bad.csv')], fw);
    const cm = await cli(['score', 'nope.csv', 'bad.csv', '--lang', 'en'], { cwd: dir });
    expect(cm.code).toBe(5);
    expect(!missing.ok && missing.errors.map((d) => d.code)).toEqual(['READ_ERROR', 'NOT_A_NUMBER']);
    if (!missing.ok) expect(cm.stderr).toContain(localize(missing.errors[0]!, 'en').split('\n')[0]!.replace(`${dir}/`, ''));
    const e = await loadData([join(dir, 'nope.csv'), join(dir, 'a.csv'), join(dir, 'b.csv')], fw, { encoding: 'nope' });
    expect(!e.ok && e.errors.map((d) => d.text.key)).toEqual(['READ_ERROR', 'ENCODING.unknown']);
    const c = await cli(['score', 'nope.csv', 'a.csv', 'b.csv', '--encoding', 'nope', '--lang', 'en'], { cwd: dir });
    // The CLI stops there too: a usage error (exit 2), the one problem it prints.
    expect([c.code, c.stderr.split('\n')[0]]).toEqual([2, "error: unknown encoding 'nope'"]);
  });
});

describe('score by a grouping, and one region: what `dti score --by`/`--region` give', () => {
  const DEFS = defs('  - id: x\n    name: X\n  - id: y\n    name: Y\n', 'columns: { groups: [zone] }\n');
  const rows = (zone: (i: number) => string) => ['unit,year,zone,x,y', ...[0.9, 0.2, 0.5, 0.7, 0.4, 0.1].map((v, i) => `U${i},2023,${zone(i)},${v},${(1 - v) / 2 + i / 10}`)].join('\n') + '\n';
  const en = (r: { ok: true; value: unknown } | { ok: false }) => json(r.ok ? r.value : r);

  it("by: 'region' and region (any spelling): the CLI's JSON", async () => {
    const run = await ok(load(at('data/2023.csv')));
    const byRegion = score(run, { by: 'region', lang: 'en' });
    const c = await cli(['score', 'data/2023.csv', '--by', 'region', '-f', 'json', '--lang', 'en', '-q']);
    expect(en(byRegion)).toEqual(JSON.parse(c.stdout));
    expect((en(byRegion) as { regions: unknown[] }).regions).toHaveLength(6);
    const one = score(run, { region: 'bac trung bo', lang: 'en' });
    const r = await cli(['score', 'data/2023.csv', '--region', 'Bắc Trung Bộ', '-f', 'json', '--lang', 'en', '-q']);
    expect(en(one)).toEqual(JSON.parse(r.stdout));
    expect(one.ok && new Set(one.value.rankings.map((u) => u.region))).toEqual(new Set(['Bắc Trung Bộ và duyên hải miền Trung']));
    expect(one.ok && one.value.rankings).toHaveLength(14);
  });
  it('by a columns.groups column: the rank within each group, as the CLI ranks', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), DEFS);
    writeFileSync(join(dir, 'z.csv'), rows((i) => (i % 2 === 0 ? 'north' : 'south')));
    const run = await ok(load(join(dir, 'z.csv'), { definitions: join(dir, 'd.yaml') }));
    const r = score(run, { by: 'zone', lang: 'en' });
    const c = await cli(['score', 'z.csv', '-i', 'd.yaml', '--by', 'zone', '-f', 'json', '--lang', 'en', '-q'], { cwd: dir });
    expect(en(r)).toEqual(JSON.parse(c.stdout.replaceAll('"z.csv', JSON.stringify(join(dir, 'z.csv')).slice(0, -1))));
    // Ranks within the zone, from the scores: 1 + the units of the zone scoring more.
    const ranked = r.ok ? r.value.rankings : [];
    expect(ranked).toHaveLength(6);
    for (const u of ranked) expect(u.groupRank).toBe(1 + ranked.filter((v) => v.group === u.group && v.score! > u.score!).length);
    expect(new Set(ranked.map((u) => u.group))).toEqual(new Set(['north', 'south']));
  });
  it('a region or grouping that cannot be: the errors the CLI prints (a usage error, exit 4 for a grouping the data leave empty)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), DEFS);
    writeFileSync(join(dir, 'empty.csv'), rows(() => ''));
    const provinces = await ok(load(at('data/2023.csv')));
    const units = await ok(load(join(dir, 'empty.csv'), { definitions: join(dir, 'd.yaml') }));
    const cases: [Parameters<typeof score>[0], Parameters<typeof score>[1], string[], string, number][] = [
      [provinces, { region: 'Atlantis' }, ['score', at('data/2023.csv'), '--region', 'Atlantis'], 'BAD_PARAMETER', 2],
      [provinces, { by: 'zone' }, ['score', at('data/2023.csv'), '--by', 'zone'], 'BAD_PARAMETER', 2],
      [units, { by: 'zone' }, ['score', 'empty.csv', '-i', 'd.yaml', '--by', 'zone'], 'MISSING_VALUE', 4],
      [units, { by: 'region' }, ['score', 'empty.csv', '-i', 'd.yaml', '--by', 'region'], 'BAD_PARAMETER', 2],
    ];
    for (const [run, opts, argv, code, exit] of cases) {
      const r = score(run, { ...opts, lang: 'en' });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors.map((e) => e.code)).toEqual([code]);
      const c = await cli([...argv, '--lang', 'en', '-f', 'json'], { cwd: dir });
      expect([c.code, c.stderr]).toEqual([exit, localize(r.errors[0]!, 'en').replace(/ \[[A-Z_]+\]/, '') + '\n']);
    }
  });
});

describe('the CLI\'s sniffing', () => {
  it("a ';' file with decimal commas reads as the ',' file it was made from (no option), as the CLI reads it", async () => {
    const dir = tmp();
    const rows = parse(readFileSync(at('data/2023.csv')), { columns: true }) as Record<string, string>[];
    const cols = Object.keys(rows[0]!).filter((k) => !k.startsWith('#'));
    const semi = [cols.join(';'), ...rows.map((r) => cols.map((k) => r[k]!.replace('.', ',')).join(';'))].join('\n') + '\n';
    expect(semi).toMatch(/;0,8362;/);
    writeFileSync(join(dir, '2023.csv'), semi);
    const a = score(await ok(load(join(dir, '2023.csv'), { previous: false })));
    const b = score(await ok(load(at('data/2023.csv'), { previous: false })));
    if (!a.ok || !b.ok) throw new Error('score');
    expect(a.value.rankings).toEqual(b.value.rankings);
    const c = await cli(['score', '2023.csv', '-f', 'json', '--no-previous'], { cwd: dir });
    expect(JSON.parse(c.stdout).rankings).toEqual(json(a.value.rankings));
  });
  it('text given directly is read the same way', async () => {
    const fw = await ok(loadDefinitions());
    const r = await ok(loadData({ text: 'Tỉnh;Năm;Hạ tầng số\nNghệ An;2023;0,61\n', file: 'x.csv' }, fw));
    expect(r.records[0]!.values[fw.leafIds.indexOf('ha-tang-so')]).toBe(0.61);
  });
});

describe('workbooks', () => {
  it('a workbook headed by the indicators\' names scores as data/2023.csv', async () => {
    const a = score(await ok(load(at('test/fixtures/headed-by-names.xlsx'), { previous: false })));
    const b = score(await ok(load(at('data/2023.csv'), { previous: false })));
    if (!a.ok || !b.ok) throw new Error('score');
    expect(a.value.rankings).toEqual(b.value.rankings);
  });
  it("a workbook's problems at their cells (file[sheet]!D6), as the CLI prints them", async () => {
    const r = await load('test/fixtures/so-lieu.xlsx', { previous: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.errors.map((e) => localize(e));
    expect(lines[1]).toMatch(/^test\/fixtures\/so-lieu\.xlsx\[Số liệu\]!D6: lỗi: /);
    const c = await cli(['score', 'test/fixtures/so-lieu.xlsx']);
    for (const l of lines) expect(c.stderr).toContain(`${l}\n`);
  });
});

describe('plain JavaScript rows', () => {
  const rows = () => (parse(readFileSync(at('data/2023.csv')), { columns: true, cast: true }) as PlainRow[]);
  it('[{ province, year, … }] scores as the file they come from', async () => {
    const a = score(await ok(load(rows())));
    const b = score(await ok(load(at('data/2023.csv'), { previous: false })));
    if (!a.ok || !b.ok) throw new Error('score');
    expect(a.value.rankings).toEqual(b.value.rankings);
    expect(a.value.rankings[0]).toMatchObject({ unit: 'Đà Nẵng', rank: 1 });
  });
  it('a bad row is an error at its path, rows[3].year; every bad value at once', async () => {
    const bad = rows().map((r, i) => (i === 3 ? { ...r, year: 'hai nghìn' } : i === 5 ? { ...r, 'ha-tang-so': 'abc' } : r));
    const r = await load(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([['BAD_YEAR', 'rows[3].year'], ['NOT_A_NUMBER', 'rows[5]["ha-tang-so"]']]);
    expect(r.errors[0]).not.toHaveProperty('line');
    expect(localize(r.errors[0]!)).toMatch(/^rows\[3\]\.year: lỗi: .*\[BAD_YEAR\]/);
    expect(localize(r.errors[1]!, 'en')).toMatch(/^rows\[5\]\["ha-tang-so"\]: error: /);
  });
  it('a column absent from every row is said of the rows as a whole', async () => {
    const r = await ok2(load(rows().map(({ 'ha-tang-so': _, ...rest }) => rest)));
    expect(r.warnings.filter((w) => w.code === 'MISSING_VALUE').map((w) => w.path)).toContain('rows');
  });
  it('named rows, and a unit-year twice across two sources', async () => {
    const two = await load([{ rows: rows().slice(0, 3), name: 'dot1' }, { rows: rows().slice(2, 4), name: 'dot2' }]);
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.errors.map((e) => [e.code, e.path])).toEqual([['DUPLICATE_ROW', 'dot2[0].province']]);
  });
});

// x imputes from the year before; Q has no 2022 value and nothing earlier (as test/build-run.test.ts).
const STRICT = defs('  - id: x\n    name: X\n    impute: previous\n    missing: error\n  - id: y\n    name: Y\n');
const CSV = 'unit,year,x,y\nP,2022,5,1\nP,2023,,2\nQ,2022,,3\nQ,2023,4,4\n';

describe('the same rules as the CLI', () => {
  it('missing: error: the located MISSING_VALUE the commands print, from a file or from plain rows', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), STRICT);
    writeFileSync(join(dir, 'd.csv'), CSV);
    const r = await load(join(dir, 'd.csv'), { definitions: join(dir, 'd.yaml') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code)).toEqual(['MISSING_VALUE']);
    const c = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: dir });
    expect(c.code).toBe(4);
    // The same line, the file's name as given.
    expect(c.stderr).toContain(localize({ ...r.errors[0]!, file: 'd.csv' }, 'en'));
    expect(localize(r.errors[0]!, 'en')).toContain(`${join(dir, 'd.csv')}:4:8: error: Q (2022) has no value for 'x'`);
    // Plain rows: the value's path.
    const rows = [{ unit: 'P', year: 2022, x: 5, y: 1 }, { unit: 'P', year: 2023, x: null, y: 2 }, { unit: 'Q', year: 2022, x: null, y: 3 }, { unit: 'Q', year: 2023, x: 4, y: 4 }];
    const p = await load(rows, { definitions: { text: STRICT, file: 'd.yaml' } });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors.map((e) => [e.code, e.path])).toEqual([['MISSING_VALUE', 'rows[2].x']]);
  });
  it('merge2025: the 34 provinces score as `dti score --merge-2025` scores them', async () => {
    const r = score(await ok(load(at('data/2024.csv'), { merge2025: true })));
    if (!r.ok) throw new Error('score');
    const c = await cli(['score', 'data/2024.csv', '--merge-2025', '-f', 'json']);
    expect(c.code, c.stderr).toBe(0);
    const j = JSON.parse(c.stdout);
    expect(r.value.rankings).toHaveLength(34);
    expect(json(r.value.rankings)).toEqual(j.rankings);
    expect([r.value.year, r.value.previousYear]).toEqual([j.year, j.previousYear]);
    expect(r.value.rankings.find((u) => u.unit === 'Nghệ An')?.rank).toBe(13);
  });
  it('a merger with members missing is an error, as in the CLI', async () => {
    const dir = tmp();
    const lines = readFileSync(at('data/2024.csv'), 'utf8').split('\n').filter((l) => !l.startsWith('Vĩnh Phúc,'));
    writeFileSync(join(dir, 'x-2024.csv'), lines.join('\n'));
    const r = await load(join(dir, 'x-2024.csv'), { merge2025: true });
    expect(r.ok).toBe(false);
    const c = await cli(['score', 'x-2024.csv', '--merge-2025'], { cwd: dir });
    expect(c.code).toBe(4);
    if (!r.ok) for (const e of r.errors) expect(c.stderr).toContain(localize(e).split('\n')[0]!.replace(`${dir}/`, ''));
  });
});

describe('explain\'s what-ifs as a script writes them', () => {
  it('{ id: value }, one id=value, or the CLI\'s list: the same what-if', async () => {
    const run = await ok(load(at('data/2023.csv')));
    const as = [{ 'ha-tang-so': 0.9 }, 'ha-tang-so=0.9', ['ha-tang-so=0.9']] as const;
    const results = as.map((w) => explain(run, 'Nghệ An', { whatIf: w }));
    for (const r of results) expect(r.ok && r.value.whatIf?.changes.length).toBe(1);
    expect(json(results[0])).toEqual(json(results[2]));
    expect(json(results[1])).toEqual(json(results[2]));
  });
});

describe('Result everywhere: a user\'s mistake is an error value, never an exception', () => {
  it('each verb returns its located or coded errors, as the commands report them', async () => {
    const run = await ok(load(at('data/2023.csv')));
    const merged = await ok(load(at('data/2023.csv'), { merge2025: true }));
    const cases: [string, () => { ok: boolean; errors?: { code: string }[] }, string][] = [
      ['compare', () => compare(run, ['Atlantis']), 'UNKNOWN_PROVINCE'],
      ['explain', () => explain(run, 'Atlantis'), 'UNKNOWN_PROVINCE'],
      ['explain what-if', () => explain(run, 'Nghệ An', { whatIf: ['zz=1'] }), 'UNKNOWN_NODE'],
      ['explain target', () => explain(run, 'Nghệ An', { targetRank: 0 }), 'BAD_PARAMETER'],
      ['sensitivity', () => sensitivity(run, { runs: -5 }), 'BAD_SPEC'],
      ['audit balance', () => audit(run, { balance: 9 }), 'BAD_PARAMETER'],
      ['audit stage on the 34', () => audit(merged, { stage: 'raw' }), 'BAD_PARAMETER'],
    ];
    for (const [name, f, code] of cases) {
      const r = f();
      expect(r.ok, name).toBe(false);
      expect(r.errors?.[0]?.code, name).toBe(code);
    }
    // The CLI's usage error says the same.
    const c = await cli(['audit', 'data/2023.csv', '--balance', '9', '--lang', 'en']);
    const a = audit(run, { balance: 9 });
    expect(c.code).toBe(2);
    if (!a.ok) expect(c.stderr).toContain(localize(a.errors[0]!, 'en').split(' [')[0]!);
    // A bad load is a Result too.
    const bad = await load(at('data/nope.csv'));
    expect(bad.ok).toBe(false);
    const defs = await load(at('data/2023.csv'), { definitions: { text: 'schema: dti/v1\nid: [', file: 'x.yaml' } });
    expect(!defs.ok && defs.errors[0]!.code).toBe('YAML_SYNTAX');
    const partial = await load(at('data/2023.csv'), { allowPartialMerge: true });
    expect(!partial.ok && partial.errors[0]!.text.key).toBe('BAD_PARAMETER.partialWithoutMerge');
  });
  it('a definitions file that is not UTF-8: the same located ENCODING error as the CLI\'s', async () => {
    const dir = tmp();
    // Windows-1258 bytes for "Chá sô" (0xE1, 0xF4), as a legacy editor saves them.
    const text = `${readFileSync(at('indicators/dti.yaml'), 'latin1')}# Ch\xe1 s\xf4\n`;
    writeFileSync(join(dir, 'bad.yaml'), Buffer.from(text, 'latin1'));
    const r = await loadDefinitions(join(dir, 'bad.yaml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code)).toEqual(['ENCODING']);
    const c = await cli(['indicators', '-i', 'bad.yaml'], { cwd: dir });
    expect(c.code).toBe(3);
    expect(c.stderr).toContain(localize({ ...r.errors[0]!, file: 'bad.yaml' }));
  });
});
