// Diagnostics in the user's language: a set of bad inputs (definitions, data, options, output
// files) read wholly in Vietnamese under --lang vi (the default), and wholly in English under
// --lang en — what the user wrote (file names, values, place names) aside.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVINCES, PROVINCES_2025, REGIONS } from '../src/core/provinces.js';
import { ROOT, cli, tmp } from './helpers.js';

/** English words that no Vietnamese message may still hold (once quoted values, options and paths are taken out). */
const ENGLISH = [
  'the', 'of', 'and', 'or', 'with', 'to', 'is', 'are', 'for', 'from', 'not', 'no', 'file', 'files', 'cannot', 'must',
  'it', 'this', 'one', 'each', 'every', 'has', 'have', 'use', 'give', 'add', 'remove', 'write', 'only', 'need', 'needs',
  'unknown', 'missing', 'expected', 'received', 'invalid', 'Invalid', 'too', 'Too', 'twice', 'already', 'empty', 'which',
  'but', 'than', 'error', 'errors', 'hint', 'warning', 'did', 'you', 'data', 'year', 'line', 'column', 'row',
  'value', 'values', 'number', 'province', 'provinces', 'unit', 'units', 'weight', 'key', 'keys', 'set', 'here', 'see',
  'check', 'name', 'path', 'such', 'directory', 'folder', 'output', 'input', 'standard', 'usage', 'run', 'map', 'group',
];

/** What the user reads, without what they wrote or type: positions, codes, quoted values, options, paths. */
function prose(text: string): string {
  return text
    .replace(/^\S+?:\d+:\d+: /gm, ' ')
    .replace(/\[[A-Z_]+\]/g, ' ')
    // Lists of keys or values to type.
    .replace(/(?:các khoá|một trong|Chỉ nhận): [^\n]*/g, ' ')
    .replace(/"[^"\n]*"|'[^'\n]*'/g, ' ')
    .replace(/(?:^|[\s(])-{1,2}[a-z][\w-]*/gi, ' ')
    .replace(/\S*[/.=<>|]\S*/g, ' ')
    .replace(/\bdti [a-z]+/g, ' ');
}

function englishIn(text: string): string[] {
  const p = prose(text);
  return ENGLISH.filter((w) => new RegExp(`(?<![\\p{L}\\w-])${w}(?![\\p{L}\\w-])`, 'u').test(p));
}

const DIACRITICS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const PLACES = [...PROVINCES.map((p) => p.name), ...PROVINCES_2025.map((p) => p.name), ...REGIONS.flatMap((r) => [r.name, ...r.aliases]), 'Hoàng Sa', 'Trường Sa']
  .sort((a, b) => b.length - a.length);

/** Bad inputs, each a command line run in a folder holding the files below. */
function setUp(): { dir: string; cases: string[][] } {
  const dir = tmp();
  const w = (name: string, text: string) => writeFileSync(join(dir, name), text);
  w('schema.yaml', 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n    weight: abc\n  - id: b\n    normalize: { method: bogus }\n  - name: C\n');
  w('empty-list.yaml', 'schema: dti/v1\nid: t\nname: {vi: T}\nindicators: []\n');
  w('not-defs.yaml', 'foo: 1\n');
  w('syntax.yaml', 'schema: dti/v1\nid: t\nname: T\nname: U\nindicators:\n  - id: a\n\tname: A\n  - id: b\n    name: "B\n');
  w('params.yaml', `schema: dti/v1
id: t
name: T
floor: 0.1
columns: { groups: [province, g, g], denominators: [pop] }
impute: group-mean
indicators:
  - id: grp
    name: G
    unit: x
    aggregate: geometric
    children:
      - { id: a, name: A, weight: -1, aggregate: mean, years: 2020-2010, normalize: { method: goalposts, min: 5, max: 1 } }
      - { id: b, name: B, denominator: nope, normalize: { method: steps, steps: [{ at: 5, score: 1 }, { at: 2, score: -1 }] } }
      - { id: c, name: C, per: 100, direction: lower, transform: log, normalize: { method: boolean } }
      - { id: d, name: D, normalize: { method: zscore } }
      - { id: e, name: E, normalize: { method: target, target: -3 } }
  - { id: z, name: Z, weight: 0, children: [{ id: y, name: Y, weight: 0 }] }
pillars:
  - { id: p, name: P, members: [a, a, zz] }
`);
  w('t.yaml', 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n  - id: b\n    name: B\n    normalize: { method: boolean }\n');
  w('rows.csv', 'province,year,a,b,zz\nHà Nội,2023,1,có,1\nHà Nội,2023,2,có,1\nHa Noi x,2023,1,có,1\n,2023,3,có,1\nNghệ An,2023,abc,maybe,1\nHuế,2023,"1,2\n');
  w('maps.csv', 'province,year,a,b\nHà Nội,2025,1,có\nNghệ An,2024,1,có\nHà Tây,2025,1,có\n');
  w('ragged.csv', 'province,a,A,a\nHà Nội,1,2\nHà Nội,1,2,3,4\n');
  w('header.csv', 'name,a\nX,1\n');
  w('m34.csv', 'province,year,a,b\nHà Giang,2025,1,có\n');
  w('long.csv', 'province,year,indicator,value\nHà Nội,2023,a,1\nHà Nội,2023,a,2\n');
  w('empty.csv', '');
  w('nodata.csv', 'province,a,b\n');
  w('spec.yaml', 'runs: abc\nweights: { spread: 2, bogus: 1 }\nfoo: 1\nbootstrap: 1.5\n');
  w('spec-syntax.yaml', 'runs: [\n');
  mkdirSync(join(dir, 'thu-muc'));
  const data = join(ROOT, 'data/2023.csv');
  const cases = [
    ['validate', '-i', 'schema.yaml'],
    ['validate', '-i', 'empty-list.yaml'],
    ['validate', '-i', 'not-defs.yaml'],
    ['validate', '-i', 'syntax.yaml'],
    ['validate', '-i', 'params.yaml'],
    ['validate', '-i', 't.yaml', 'rows.csv', 'maps.csv', 'ragged.csv', 'header.csv', 'empty.csv', 'nodata.csv', 'none.csv', 'thu-muc', 'm34.csv', 'long.csv'],
    ['validate', '-i', 't.yaml', 'm34.csv', '--map', '34'],
    ['score', data, '-o', 'x.bogus'],
    ['score', data, '--check'],
    ['score', data, '-o', 'missing.md', '--check'],
    ['score', data, '-o', 'thu-muc'],
    ['score', data, '-o', 'no/such/dir/x.md'],
    ['score', data, '--by', 'foo'],
    ['score', data, '--region', 'xyz'],
    ['score', data, '-o', data],
    ['score', data, '-f', 'xlsx'],
    ['score', data, '--top', '0'],
    ['score', data, '--bogus'],
    ['score'],
    ['scor', data],
    ['score', '-i', 't.yaml', 'maps.csv', '--merge-2025'],
    ['explain', 'Atlantis', data],
    ['explain', 'Nghệ An', data, '--what-if', 'bogus=1', '--what-if', 'x'],
    ['compare', 'Ha Noi x', 'Nghệ An'],
    ['sensitivity', data, '--runs', '1'],
    ['sensitivity', data, '--weights', '2'],
    ['sensitivity', data, '--spec', 'spec.yaml'],
    ['sensitivity', data, '--spec', 'spec-syntax.yaml'],
    ['sensitivity', data, '--normalisation', 'bogus'],
    ['sensitivity', data, '--aggregation', 'geometric', '--normalisation', 'zscore'],
    ['score', data, '-f', 'xml'],
    ['score', data, '--delimiter', 'xx'],
    ['explain', 'Nghệ An'],
    ['provinces', 'extra'],
    ['template', '-o', 'mau.pdf'],
    ['chart', data, '--pillar', 'nope'],
    ['report', data, '--target-rank', '3', '-o', 'r.html'],
  ];
  return { dir, cases };
}

describe('messages of bad input', () => {
  it('are Vietnamese throughout under --lang vi (the default)', async () => {
    const { dir, cases } = setUp();
    let lines = 0;
    for (const args of cases) {
      const r = await cli(args, { cwd: dir });
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.code, args.join(' ')).not.toBe(70);
      expect(r.stderr.trim(), args.join(' ')).not.toBe('');
      lines += r.stderr.split('\n').length;
      expect(englishIn(r.stderr).join(' '), `English left in 'dti ${args.join(' ')}':\n${r.stderr}\n${prose(r.stderr)}`).toBe('');
    }
    expect(lines).toBeGreaterThan(100);
  });
  it('are English throughout under --lang en (what the user wrote aside)', async () => {
    const { dir, cases } = setUp();
    for (const args of cases) {
      // --lang goes before any '--', and commands without a --lang option still take it for messages.
      const r = await cli([...args, '--lang', 'en'], { cwd: dir });
      expect(r.code, args.join(' ')).not.toBe(0);
      let t = r.stderr.replace(/"[^"\n]*"|'[^'\n]*'/g, ' ').replace(/\S*\/\S*/g, ' ');
      for (const p of PLACES) t = t.split(p).join(' ');
      expect(new RegExp(`.{0,40}${DIACRITICS.source}.{0,40}`, 'i').exec(t)?.[0], `Vietnamese in 'dti ${args.join(' ')} --lang en':\n${r.stderr}`).toBeUndefined();
    }
  });
});

describe('the report’s charts for screen readers', () => {
  /** Every aria-label and aria-roledescription of a page written by dti report. */
  async function aria(lang: 'vi' | 'en'): Promise<string[]> {
    const dir = tmp();
    const out = join(dir, 'r.html');
    const r = await cli(['report', 'data/2023.csv', '--unit', 'Nghệ An', '--sensitivity', '--lang', lang, '-o', out, '-q']);
    expect(r.code).toBe(0);
    const html = (await import('node:fs')).readFileSync(out, 'utf8');
    return [...html.matchAll(/aria-(?:label|roledescription)="([^"]*)"/g)].map((m) => m[1]!.replace(/&#x27;|&apos;/g, "'"));
  }
  // Vega's own words for axes, legends and marks, and the data fields it names when a layer has no description.
  const VEGA = ['axis', 'legend', 'titled', 'scale', 'values', 'ending', 'mark', 'container', 'bar', 'point', 'rule', 'rect',
    'symbol', 'text', 'shape', 'group', 'geoshape', 'title', 'Title', 'discrete', 'linear', 'fill', 'stroke', 'color',
    'median', 'unit', 'rank', 'node', 'kind', 'lon', 'lat', 'name', 'mean', 'up', 'me', 'prev', 'dir'];
  it('are named in Vietnamese on a Vietnamese page (Vega writes English)', async () => {
    const labels = await aria('vi');
    expect(labels.length).toBeGreaterThan(500);
    const left = labels.filter((l) => VEGA.some((w) => new RegExp(`(?<![\\p{L}\\w-])${w}(?![\\p{L}\\w-])`, 'u').test(l.replace(/'[^']*'/g, ''))));
    expect(left.slice(0, 5)).toEqual([]);
    expect(labels).toContain('trục');
    expect(labels.some((l) => l.startsWith('Trục tung, thang rời rạc, 63 giá trị: '))).toBe(true);
  });
  it('are English on an English page', async () => {
    const labels = await aria('en');
    let t = labels.join('\n');
    for (const p of PLACES) t = t.split(p).join(' ');
    expect(new RegExp(`.{0,40}${DIACRITICS.source}.{0,40}`, 'i').exec(t)?.[0]).toBeUndefined();
    expect(labels).toContain('axis');
  });
});

describe('what the commands print', () => {
  const runs = [
    ['score', 'data/2023.csv', '-f', 'table', '-v'],
    ['score', 'data/2023.csv', '-f', 'md', '--top', '5', '--by', 'region'],
    ['trend', 'data/2022.csv', 'data/2023.csv', 'data/2024.csv', '-f', 'table'],
    ['compare', 'Nghệ An', 'Hà Tĩnh', '-f', 'table'],
    ['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '15', '-f', 'table'],
    ['sensitivity', 'data/2023.csv', '--runs', '20', '-f', 'table'],
    ['indicators', '-f', 'table'],
    ['provinces', '-f', 'table'],
    ['provinces', '--map', '34', '-f', 'md'],
    ['chart', 'data/2023.csv', '--top', '5'],
    ['validate', 'data/2023.csv'],
  ];
  it('reads in Vietnamese under --lang vi', async () => {
    for (const args of runs) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      const out = `${r.stdout}\n${r.stderr}`;
      expect(englishIn(out).join(' '), `English left in 'dti ${args.join(' ')}':\n${out}`).toBe('');
    }
  });
  it('reads in English under --lang en (names of places aside)', async () => {
    for (const args of runs) {
      const r = await cli([...args, '--lang', 'en']);
      expect(r.code, args.join(' ')).toBe(0);
      let t = `${r.stdout}\n${r.stderr}`;
      for (const p of PLACES) t = t.split(p).join(' ');
      expect(new RegExp(`.{0,40}${DIACRITICS.source}.{0,40}`, 'i').exec(t)?.[0], `Vietnamese in 'dti ${args.join(' ')} --lang en'`).toBeUndefined();
    }
  });
});
