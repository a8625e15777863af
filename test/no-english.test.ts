// No English under vi (issue 23, item 3): the HTML report, the workbook and `dti indicators -f csv`
// read wholly in Vietnamese — what the user wrote aside (ids, file names, URLs, YAML keys) —
// and definitions may give `source:` and `description:` as { vi, en }, like `unit:`.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookContent } from '../src/cli/xlsx.js';
import { cli, defs, fw, tmp } from './helpers.js';

/** English words a Vietnamese reader must not meet: glue of citations, headers, kind words, labels. */
const ENGLISH = [
  'the', 'of', 'and', 'as', 'by', 'via', 'with', 'from', 'at', 'is', 'are', 'for', 'to', 'in', 'on', 'each',
  'leaf', 'mean', 'geometric', 'sum', 'kind', 'weight', 'share', 'normalize', 'unit', 'years', 'pillars', 'stages',
  'score', 'rank', 'code', 'name', 'points', 'main', 'index', 'indices', 'published', 'reproduced', 'verified', 'target',
  'goalposts', 'lower', 'better', 'detail', 'groups', 'indicators', 'source', 'Ranking', 'Breakdown', 'About', 'Score',
  'Rank', 'Province', 'Code', 'Coverage', 'Data', 'Sources', 'Year', 'normalised', 'normalized',
];

/** What a reader reads, without what they wrote or type: URLs, paths and file names, ids in code, quoted text. */
function prose(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S*[/\\]\S*/g, ' ')
    .replace(/\S+\.(csv|yaml|md|xlsx|json)\b/g, ' ')
    .replace(/`[^`\n]*`|"[^"\n]*"|'[^'\n]*'/g, ' ');
}

function english(text: string): string[] {
  const p = prose(text);
  return ENGLISH.filter((w) => new RegExp(`(?<![\\p{L}\\w-])${w}(?![\\p{L}\\w-])`, 'u').test(p))
    .map((w) => `${w}: …${/.{0,40}/.exec(p.slice(Math.max(0, p.search(new RegExp(`(?<![\\p{L}\\w-])${w}(?![\\p{L}\\w-])`, 'u')) - 40)))?.[0]}…`);
}

let dir: string;
beforeAll(() => { dir = tmp(); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('source and description as { vi, en }', () => {
  it('are read in either form; --lang picks one', () => {
    const f = fw(defs('  - { id: a, name: A }\n', 'description: { vi: Mô tả, en: A description }\nsource: { vi: [Nguồn một, Nguồn hai], en: Source one }\n'));
    expect(f.definitions.description).toEqual({ vi: 'Mô tả', en: 'A description' });
    expect(f.definitions.source).toEqual({ vi: ['Nguồn một', 'Nguồn hai'], en: ['Source one'] });
    const g = fw(defs('  - { id: a, name: A, source: { vi: Chỉ tiếng Việt }, description: Cả hai }\n', 'source: [x, y]\n'));
    expect(g.definitions.source).toEqual({ vi: ['x', 'y'], en: ['x', 'y'] });
    const leaf = g.nodes[g.leaves[0]!]!.def!;
    expect(leaf.source).toEqual({ vi: ['Chỉ tiếng Việt'], en: ['Chỉ tiếng Việt'] });
    expect(leaf.description).toEqual({ vi: 'Cả hai', en: 'Cả hai' });
  });
  it('every shipped definitions file gives its description and sources in both languages', () => {
    for (const name of ['dti', 'dti-2022-main', 'dti-components', 'papi', 'papi-dimensions']) {
      const text = readFileSync(join(import.meta.dirname, '..', 'indicators', `${name}.yaml`), 'utf8');
      const d = fw(text).definitions;
      expect(d.description!.vi, name).not.toBe(d.description!.en);
      expect(english(d.source.vi.join('\n') + '\n' + d.description!.vi), name).toEqual([]);
    }
  });
});

describe('no English under vi', () => {
  it('the HTML report (ranking, sources, sections, notes; the charts are lang.test.ts\'s)', async () => {
    for (const args of [['data/2023.csv'], ['data/2024.csv', '--merge-2025'], ['data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--unit', 'Nghệ An'],
      ['data/papi/2016.csv', '-i', 'indicators/papi.yaml']]) {
      const out = join(dir, 'r.html');
      const r = await cli(['report', ...args, '-o', out, '-q']);
      expect(r.code, args.join(' ')).toBe(0);
      const html = readFileSync(out, 'utf8');
      const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>|<code>[\s\S]*?<\/code>/g, ' ')
        .replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');
      expect(english(text), args.join(' ')).toEqual([]);
    }
    // The check has teeth: the English page is caught.
    const en = join(dir, 'en.html');
    await cli(['report', 'data/2023.csv', '-o', en, '-q', '--lang', 'en']);
    expect(english(readFileSync(en, 'utf8').replace(/<[^>]+>/g, ' ')).length).toBeGreaterThan(5);
  });

  it('the workbook of dti score: sheets headed by names, the sources and the detail level in Vietnamese', async () => {
    for (const args of [['data/2023.csv', '--detail', 'indicators'], ['data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--detail', 'indicators']]) {
      const out = join(dir, 'k.xlsx');
      expect((await cli(['score', ...args, '-o', out, '-q'])).code).toBe(0);
      const cells = workbookContent(readFileSync(out))!;
      expect(cells).not.toMatch(/\bcqs_rank\b|\bnts-tcs-nls-attt-suy-ra\b|\bha-tang-so\b|\bnhan-thuc-so\b/);
      expect(english(cells.replace(/\bdti(-province(-proxy)?)? \d+\.\d+\.\d+\b|\bdti-province(-proxy)?\b/g, ' ')), args.join(' ')).toEqual([]);
    }
    const out = join(dir, 'p.xlsx');
    await cli(['score', 'data/2023.csv', '--detail', 'indicators', '-o', out, '-q']);
    expect(workbookContent(readFileSync(out))!).toContain("'Hạ tầng số (chuẩn hoá)");
    await cli(['score', 'data/2023.csv', '-o', out, '-q']);
    expect(workbookContent(readFileSync(out))!).toContain("'hạng Chính quyền số");
  });

  it('the one-sheet workbooks of trend, compare, explain and sensitivity', async () => {
    for (const args of [['trend', 'data/2022.csv', 'data/2023.csv'], ['compare', 'Nghệ An', 'Hà Tĩnh'], ['explain', 'Nghệ An', 'data/2023.csv'],
      ['sensitivity', 'data/2023.csv', '--runs', '20', '-q'], ['provinces']]) {
      const out = join(dir, 'o.xlsx');
      const r = await cli([...args, '-o', out]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      const header = workbookContent(readFileSync(out))!.split('\n').slice(0, 3).join('\n');
      expect(english(header), args.join(' ')).toEqual([]);
    }
  });

  it('dti indicators -f csv: every header and kind word (it was id,tên,kind,weight,share,normalize,…)', async () => {
    for (const i of ['indicators/dti.yaml', 'indicators/dti-components.yaml', 'indicators/papi.yaml']) {
      const csv = (await cli(['indicators', '-i', i, '-f', 'csv'])).stdout;
      expect(csv.split('\n')[0]).toMatch(/^mã,tên,loại,trọng số,tỷ trọng,chuẩn hoá,đơn vị/);
      // Indicator ids (first column) are what scripts key on; the names are the definitions' own
      // Vietnamese (PAPI's sub-dimensions were English only).
      const words = csv.split('\n').slice(1).map((l) => l.replace(/^[^,]*,/, '')).join('\n');
      expect(english(words), i).toEqual([]);
    }
    expect((await cli(['indicators', '-f', 'csv', '--lang', 'en'])).stdout.split('\n')[0]).toBe('id,name,kind,weight,share,normalize,unit,years,pillars');
  });

  it('dti indicators: the notes under the table name each method by its Vietnamese word (they said goalposts:, minmax:, screen:)', async () => {
    for (const i of ['indicators/dti.yaml', 'indicators/papi.yaml']) {
      const md = (await cli(['indicators', '-i', i, '-f', 'md'])).stdout;
      const notes = md.split('\n').filter((l) => l !== '' && !l.startsWith('|')).join('\n');
      expect(notes, i).not.toBe('');
      expect(english(notes), i).toEqual([]);
    }
    expect((await cli(['indicators', '-f', 'md'])).stdout).toMatch(/^ngưỡng: \(x − min\)\/\(max − min\)/m);
  });
});
