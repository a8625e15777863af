// Every workbook dti writes holds numbers as numbers and text as text: no cell is the text
// "NaN" (the audit workbook wrote it over every indicator's flags: its flags column is
// right-aligned, was taken for numbers by its alignment, and "trùng" parsed to NaN). And the
// audit workbook's flags say what `-f md` says.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tmp, workbookAt } from './helpers.js';
import { readZip } from '../src/load/zip.js';
import { workbookParts } from '../src/render/workbook.js';

const COMPONENTS = ['audit', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml'];

/** Every cell of every sheet of a workbook's bytes, as the XML holds it (values and inline texts). */
function cellTexts(bytes: Uint8Array): string[] {
  const z = readZip(bytes);
  const out: string[] = [];
  for (const name of z.keys()) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = new TextDecoder().decode(z.get(name)!.read());
    for (const m of xml.matchAll(/<(v|t)(?: [^>]*)?>([^<]*)<\/\1>/g)) out.push(m[2]!);
  }
  return out;
}

describe('workbooks: no NaN', () => {
  const runs: string[][] = [
    ['score', 'data/2023.csv', '--detail', 'indicators'],
    ['score', 'data/2023.csv', 'data/2024.csv', '--by', 'region', '--lang', 'en'],
    ['score', 'data/2024.csv', '--merge-2025', '--allow-partial-merge'],
    ['audit', 'data/2023.csv', '--balance', '1'],
    [...COMPONENTS],
    [...COMPONENTS, '--lang', 'en'],
    ['audit', 'data/2024.csv', '--merge-2025', '--allow-partial-merge', '--lang', 'en'],
    ['template', '--year', '2024'],
    ['indicators'],
    ['provinces'],
    ['trend', 'data/2022.csv', 'data/2023.csv', 'data/2024.csv'],
    ['compare', 'Nghệ An', 'Hà Tĩnh', '--data', 'data/2023.csv'],
    ['explain', 'Nghệ An', 'data/2023.csv'],
    ['sensitivity', 'data/2023.csv', '--runs', '20', '--seed', '1'],
  ];
  for (const argv of runs) {
    it(argv.join(' '), async () => {
      const out = join(tmp(), 'w.xlsx');
      const r = await cli([...argv, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      const cells = cellTexts(readFileSync(out));
      expect(cells.length).toBeGreaterThan(5);
      expect(cells.filter((c) => /^-?(NaN|Infinity)$/.test(c))).toEqual([]);
    });
  }

  it('the audit workbook: each indicator\'s flags are the Markdown table\'s, as text (vi and en)', async () => {
    for (const lang of ['vi', 'en']) {
      const md = await cli([...COMPONENTS, '-f', 'md', '--lang', lang]);
      expect(md.code, md.stderr).toBe(0);
      // The statistics table: the first table of the Markdown, name first, flags last.
      const table = md.stdout.split('\n## ')[1]!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
      const mdFlags = table.slice(1).map((l) => { const c = l.split(' | '); return [c[0]!.slice(2), c[c.length - 1]!.replace(/ ?\|$/, '').trim()]; });
      expect(mdFlags.length).toBe(42);
      const flagged = mdFlags.filter(([, f]) => f !== '');
      expect(flagged.length).toBeGreaterThan(30);
      expect(flagged.map(([, f]) => f)).toContain(lang === 'vi' ? 'trùng' : 'uniq');

      const out = join(tmp(), 'a.xlsx');
      expect((await cli([...COMPONENTS, '-q', '-o', out, '--lang', lang])).code).toBe(0);
      const wb = workbookAt(out);
      const rows = wb.sheet(wb.names[0]!);
      const head = rows[0]!.map((c) => c.text);
      expect(head[head.length - 1]).toBe(lang === 'vi' ? 'Cảnh báo' : 'Flags');
      const k = head.length - 1;
      const got = rows.slice(1).map((r) => [r[0]!.text, r[k]?.text ?? '']);
      expect(got).toEqual(mdFlags);
      // Text, not a number: no value read from a flags cell.
      expect(rows.slice(1).filter((r) => r[k]?.value !== undefined)).toEqual([]);
      // The numbers are numbers (the minimum of the first indicator).
      expect(typeof rows[1]![1]!.value).toBe('number');
    }
  });

  it('the writer refuses a number that is none rather than write it as text', () => {
    const sheet = (v: number) => [{ name: 'S', columns: [{ header: 'x', kind: 'general' as const }], rows: [[v]] }];
    expect(workbookParts(sheet(1.5)).length).toBeGreaterThan(0);
    expect(() => workbookParts(sheet(Number.NaN))).toThrow('S!A2: NaN');
    expect(() => workbookParts(sheet(Number.POSITIVE_INFINITY))).toThrow('S!A2: Infinity');
  });
});

describe('the score workbook names the shipped definitions, not where dti is installed', () => {
  it('the same run from two folders: the same bytes, "indicators/dti.yaml" in the About sheet, --check up to date', async () => {
    const made: Uint8Array[] = [];
    const dirs = [tmp(), tmp()];
    for (const d of dirs) {
      copyFileSync(join(ROOT, 'data/2023.csv'), join(d, '2023.csv'));
      const r = await cli(['score', '2023.csv', '--no-previous', '-q', '-o', 'o.xlsx', '--lang', 'en'], { cwd: d });
      expect(r.code, r.stderr).toBe(0);
      made.push(readFileSync(join(d, 'o.xlsx')));
      const about = workbookAt(join(d, 'o.xlsx')).sheet('About').map((row) => row.map((c) => c.text));
      expect(about.find((row) => row[0] === 'Definitions file')).toEqual(['Definitions file', 'indicators/dti.yaml']);
    }
    expect(Buffer.compare(made[0]!, made[1]!)).toBe(0);
    // The first folder's workbook checked from the package's folder (the data named by its path there).
    copyFileSync(join(dirs[0]!, 'o.xlsx'), join(dirs[1]!, 'p.xlsx'));
    const check = await cli(['score', '2023.csv', '--no-previous', '-q', '-o', 'p.xlsx', '--check', '--lang', 'en'], { cwd: dirs[1]! });
    expect([check.code, check.stderr]).toEqual([0, 'p.xlsx is up to date\n']);
    // A definitions file of the user's own is named as given.
    copyFileSync(join(ROOT, 'indicators/dti.yaml'), join(dirs[0]!, 'mine.yaml'));
    expect((await cli(['score', '2023.csv', '-i', 'mine.yaml', '--no-previous', '-q', '-o', 'm.xlsx', '--lang', 'en'], { cwd: dirs[0]! })).code).toBe(0);
    const about = workbookAt(join(dirs[0]!, 'm.xlsx')).sheet('About').map((row) => row.map((c) => c.text));
    expect(about.find((row) => row[0] === 'Definitions file')).toEqual(['Definitions file', 'mine.yaml']);
  });
});
