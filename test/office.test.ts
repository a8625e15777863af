// CSV files as offices make them: Excel on a Vietnamese Windows machine (';', decimal comma,
// BOM, CRLF), title rows, STT, Vietnamese headers, totals rows, legacy encodings. The expected
// results are dti's results on the plain file the office file was made from (data/papi-dimensions/2016.csv).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';
import { detectDelimiter } from '../src/load/office.js';

const dirs: string[] = [];
const scratch = () => { const d = tmp(); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const PAPI = ['-i', 'indicators/papi-dimensions.yaml', '--no-previous'];
const plain = readFileSync(join(ROOT, 'data/papi-dimensions/2016.csv'), 'utf8');
const lines = plain.trim().split('\n').map((l) => l.split(','));

/** The plain file as Excel saves it on a Vietnamese Windows machine. */
function excelVn(rows: string[][]): string {
  return '\ufeff' + rows.map((r) => r.map((c) => (/^\d+\.\d+$/.test(c) ? c.replace('.', ',') : c)).join(';')).join('\r\n') + '\r\n';
}

async function expected(): Promise<string> {
  return (await cli(['score', 'data/papi-dimensions/2016.csv', ...PAPI, '-f', 'csv'])).stdout;
}

describe('files as offices make them', () => {
  it("a ';'-delimited, decimal-comma, BOM, CRLF file scores without flags; -v says what was detected", async () => {
    const d = scratch();
    writeFileSync(join(d, 'so-lieu-2016.csv'), excelVn(lines));
    const r = await cli(['score', 'so-lieu-2016.csv', ...PAPI, '-f', 'csv', '-v', '--lang', 'en', '-i', join(ROOT, 'indicators/papi-dimensions.yaml')], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await expected());
    expect(r.stderr).toContain("so-lieu-2016.csv: delimiter ';' (detected); header on line 1; decimal mark: comma (detected)");
    const vi = await cli(['validate', 'so-lieu-2016.csv', '-v', '-i', join(ROOT, 'indicators/papi-dimensions.yaml')], { cwd: d });
    expect(vi.stderr).toContain("dấu phân cách ';' (tự nhận ra)");
  });
  it('title rows, STT, Vietnamese headers, empty trailing columns and a totals row', async () => {
    const d = scratch();
    const head = ['STT', 'Tỉnh/Thành phố', 'Năm', ...lines[0]!.slice(1), '', ''];
    const body = lines.slice(1).map((l, i) => [String(i + 1), l[0]!, '2016', ...l.slice(1), '', '']);
    const title = ['CHỈ SỐ PAPI NĂM 2016', ...head.slice(1).map(() => '')];
    const blank = head.map(() => '');
    const total = ['', 'Tổng cộng', '', ...lines[0]!.slice(1).map(() => '5'), '', ''];
    const avg = ['', 'Trung bình cả nước', '', ...lines[0]!.slice(1).map(() => '5'), '', ''];
    writeFileSync(join(d, 'bao-cao.csv'), excelVn([title, blank, head, ...body, total, avg]));
    const r = await cli(['score', 'bao-cao.csv', ...PAPI, '-f', 'csv', '--lang', 'en', '-i', join(ROOT, 'indicators/papi-dimensions.yaml')], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await expected());
    expect(r.stderr).toContain("bao-cao.csv:67:2: warning: 'Tổng cộng' is a totals or average row; skipped [TOTALS_ROW]");
    expect(r.stderr).toContain("bao-cao.csv:68:2: warning: 'Trung bình cả nước' is a totals or average row; skipped [TOTALS_ROW]");
    // --skip-lines names the header's place outright.
    const skip = await cli(['score', 'bao-cao.csv', ...PAPI, '-f', 'csv', '-q', '--skip-lines', '2', '-i', join(ROOT, 'indicators/papi-dimensions.yaml')], { cwd: d });
    expect(skip.stdout).toBe(await expected());
    const wrong = await cli(['score', 'bao-cao.csv', ...PAPI, '-f', 'csv', '--skip-lines', '3', '-i', join(ROOT, 'indicators/papi-dimensions.yaml')], { cwd: d });
    expect(wrong.code).toBe(4);
  });
  it('a value under a column with no header is an error, not lost', async () => {
    const d = scratch();
    writeFileSync(join(d, 'x.csv'), 'unit,a,\nX,1,7\n');
    writeFileSync(join(d, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n');
    const r = await cli(['validate', 'x.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: d });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('x.csv:2:5: error: a value in column 3, which has no header [UNKNOWN_COLUMN]');
  });
  it('when the delimiter cannot be told, the hint names the flags; --delimiter takes names', async () => {
    const d = scratch();
    // Both ',' and ';' split every line evenly: ambiguous.
    writeFileSync(join(d, 'x.csv'), 'a;b,c\n1;2,3\n');
    writeFileSync(join(d, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n');
    const r = await cli(['validate', 'x.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: d });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('the delimiter could not be told from the file: pass --delimiter comma or --delimiter semicolon');
    writeFileSync(join(d, 'y.csv'), 'unit;a\nX;1\n');
    expect((await cli(['validate', 'y.csv', '-i', 'd.yaml', '--delimiter', 'semicolon'], { cwd: d })).code).toBe(0);
    const bad = await cli(['validate', 'y.csv', '-i', 'd.yaml', '--delimiter', 'semi-colon'], { cwd: d });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Cần một ký tự (, ; |) hoặc một tên: tab, comma, semicolon, pipe');
  });
  it('detectDelimiter: unambiguous files only', () => {
    expect(detectDelimiter('province;year;a\r\nHà Nội;2016;5,3\r\n').delimiter).toBe(';');
    expect(detectDelimiter('province\tyear\nHà Nội\t2016\n').delimiter).toBe('\t');
    expect(detectDelimiter('province,year\nHà Nội,2016\n').delimiter).toBe(',');
    // A title line of one field does not count; an Excel title padded with ';' does.
    expect(detectDelimiter('Báo cáo\nprovince;year\nX;1\n').delimiter).toBe(';');
    expect(detectDelimiter('a;b,c\n1;2,3\n')).toEqual({ delimiter: undefined, candidates: [',', ';'] });
  });
  it('--encoding windows-1258 reads a Windows-1258 file (tones as combining marks)', async () => {
    // Encode with the inverse of Node's own windows-1258 decoder table.
    const table = new Map<string, number>();
    const dec = new TextDecoder('windows-1258');
    for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
    // Windows-1258 has the vowels with their vowel marks (â ă ê ô ơ ư) precomposed and writes
    // the five tones as combining marks after them.
    const tones = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
    const byte = (c: string): number => {
      const b = table.get(c);
      if (b === undefined) throw new Error(`no Windows-1258 byte for ${c}`);
      return b;
    };
    const encode = (s: string): Uint8Array => {
      const out: number[] = [];
      for (const ch of s.normalize('NFC')) {
        if (table.has(ch)) { out.push(byte(ch)); continue; }
        const nfd = [...ch.normalize('NFD')];
        out.push(byte(nfd.filter((m) => !tones.has(m)).join('').normalize('NFC')));
        for (const m of nfd.filter((m) => tones.has(m))) out.push(byte(m));
      }
      return Uint8Array.from(out);
    };
    const d = scratch();
    const bytes = encode(plain);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    writeFileSync(join(d, 'w1258-2016.csv'), bytes);
    const papi = join(ROOT, 'indicators/papi-dimensions.yaml');
    const without = await cli(['score', 'w1258-2016.csv', '-i', papi, '--no-previous', '--lang', 'en'], { cwd: d });
    expect(without.code).toBe(4);
    expect(without.stderr).toContain('pass --encoding windows-1258');
    const r = await cli(['score', 'w1258-2016.csv', '-i', papi, '--no-previous', '-f', 'csv', '--encoding', 'windows-1258'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await expected());
    const unknown = await cli(['score', 'w1258-2016.csv', '-i', papi, '--encoding', 'klingon'], { cwd: d });
    expect(unknown.code).toBe(2);
  });
  it('repeated identical problems are one diagnostic with a count and the first positions', async () => {
    const d = scratch();
    writeFileSync(join(d, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n');
    writeFileSync(join(d, 'x.csv'), 'unit,a\n' + Array.from({ length: 6 }, (_, i) => `U${i},abc`).join('\n') + '\nV1,1.2.3\nV2,5..\nV3,1.2.3\n');
    const r = await cli(['validate', 'x.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: d });
    expect(r.code).toBe(4);
    const errs = r.stderr.split('\n').filter((l) => l.includes('[NOT_A_NUMBER]'));
    // Only the same problem is grouped: the six 'abc'; '1.2.3' twice is under the count, and
    // '5..' is another problem, shown on its own.
    expect(errs).toEqual(["x.csv:2:4: error: a: 'abc' is not a number [NOT_A_NUMBER] (6×; also 3:4, 4:4, 5:4, …)",
      "x.csv:8:4: error: a: '1.2.3' is not a number [NOT_A_NUMBER]", "x.csv:9:4: error: a: '5..' is not a number [NOT_A_NUMBER]",
      "x.csv:10:4: error: a: '1.2.3' is not a number [NOT_A_NUMBER]"]);
    expect(r.stderr).toContain('9 errors');
  });
  it('--bom starts CSV output with a byte-order mark', async () => {
    const r = await cli(['score', 'data/papi-dimensions/2016.csv', ...PAPI, '-f', 'csv', '--bom']);
    expect(r.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(r.stdout.slice(1)).toBe(await expected());
  });
});
