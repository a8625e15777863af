// The vi/en message catalogue. Adding a diagnostic code? Give it its entry in
// src/core/messages.ts (vi and en); this file tells you when one is missing.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type MessageKey, msg, render } from '../src/core/messages.js';

import { loadData } from '../src/load/definitions.js';
import { ROOT, cli, fw } from './helpers.js';

/** The codes of the DiagnosticCode union, read from its source. */
function declaredCodes(): string[] {
  const src = readFileSync(join(ROOT, 'src/core/diagnostics.ts'), 'utf8');
  const union = /export type DiagnosticCode =([\s\S]*?);/.exec(src)![1]!;
  return [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
}


/** Every .ts file under src/ but the catalogues themselves, as one text. */
function sources(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !/messages-(vi|en)\.ts$/.test(p)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(ROOT, 'src'));
  return out.join('\n');
}

/** Parameters that answer any name with a one-word list: it reads as its word in a template, and as a list or a count too. */
const ANY = new Proxy({}, { get: (_t, k) => [`‹${String(k)}›`] });
const ANY_NUMBER = new Proxy({}, { get: () => 0.5 });

describe('the catalogues (messages-vi.ts, messages-en.ts)', () => {
  const keys = { vi: Object.keys(CATALOGUES.vi).sort(), en: Object.keys(CATALOGUES.en).sort() };
  it('have a text for every key in both languages', () => {
    expect(keys.vi.length).toBeGreaterThan(10);
    expect(keys.en.filter((k) => !keys.vi.includes(k)), 'in English only: add them to messages-vi.ts').toEqual([]);
    expect(keys.vi.filter((k) => !keys.en.includes(k)), 'in Vietnamese only: add them to messages-en.ts').toEqual([]);
    for (const lang of ['vi', 'en'] as const) {
      for (const k of keys[lang]) {
        const e = CATALOGUES[lang][k as MessageKey] as string | ((p: unknown) => string);
        // Any parameter as a one-word list, else (an entry that formats a number) as a number.
        let t: string;
        try { t = typeof e === 'string' ? e : e(ANY); } catch { t = (e as (p: unknown) => string)(ANY_NUMBER); }
        expect(typeof t === 'string' && t.trim() !== '', `${lang} '${k}' is empty`).toBe(true);
        expect(t, `${lang} '${k}' is not filled in`).not.toMatch(/undefined|\[object Object\]/);
      }
    }
  });
  it('every key is used by the sources, and every key a diagnostic is made with names a declared code', () => {
    const src = sources();
    const unused = keys.vi.filter((k) => !src.includes(`'${k}'`));
    expect(unused, 'keys nobody uses: remove them from both catalogues').toEqual([]);
    const codes = new Set(declaredCodes());
    const bad = keys.vi.filter((k) => /^[A-Z_]+(\.|$)/.test(k) && !codes.has(k.split('.')[0]!));
    expect(bad, 'keys of no declared DiagnosticCode').toEqual([]);
  });
  it('renders a text with its parameters, another text or a { vi, en } as a parameter', () => {
    const t = msg('ENCODING.wide', { encoding: 'UTF-16LE', bom: false });
    expect(render(t, 'en')).toBe('the file is UTF-16LE (without a byte-order mark), not UTF-8');
    expect(render(t, 'vi')).toBe('tệp dùng bảng mã UTF-16LE (không có BOM), không phải UTF-8');
    expect(render(msg('hint.passEncoding', { encoding: { vi: 'một', en: 'one' } }), 'vi')).toContain('--encoding một,');
    expect(render(msg('word.more', { n: 3 }), 'en')).toBe('… and 3 more');
  });
  it("a Vietnamese hint names a Vietnamese Excel's menus (it said File → Save As under vi)", () => {
    for (const k of ['hint.saveXlsx', 'hint.iconv', 'hint.passEncoding'] as const) {
      const vi = render(msg(k, { encoding: 'CP1258' }), 'vi');
      expect(vi, k).toMatch(/Tệp → Lưu thành/);
      expect(vi, k).not.toMatch(/Save As|File →/);
      expect(render(msg(k, { encoding: 'CP1258' }), 'en'), k).toMatch(/Save As/);
    }
  });
});

describe('the diagnostic codes', () => {
  it('every declared code has its text (the code itself or code.name) in the catalogues', () => {
    const codes = declaredCodes();
    expect(codes.length).toBeGreaterThan(25);
    const keys = Object.keys(CATALOGUES.vi);
    for (const c of codes) expect(keys.some((k) => k === c || k.startsWith(`${c}.`)), `no text for ${c}: add one to src/core/messages-vi.ts and messages-en.ts`).toBe(true);
  });
  it('reads the common data problems wholly in Vietnamese', () => {
    const f = fw('schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n  - id: b\n    name: B\n    normalize: { method: boolean }\n');
    const bad = [
      'province,a,b\nHà Nội,abc,có\n', // not a number
      'province,a,b\nHa Noi x,1,có\n', // unknown province
      'province,a,zz\nHà Nội,1,2\n', // unknown column
      'province,a,b\nHà Nội,1,có\nHà Nội,2,có\n', // duplicate row
      'name,a\nX,1\n', // no unit column
      'province,year,a,b\nHà Nội,23,1,có\n', // bad year
      'province,a,b\nHà Nội,1,maybe\n', // not yes or no
      'province,a,b\nHà Nội,1\n', // ragged
      'province,a,b\n"Hà Nội,1,có\n', // unclosed quote
      'province,a,b\n', // no data
    ];
    let checked = 0;
    for (const csv of bad) {
      const r = loadData(csv, f, { file: 'x.csv' });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      for (const d of r.errors) {
        expect(render(d.text, 'vi')).not.toBe(d.message);
        if (d.hint !== undefined) expect(render(d.hintText!, 'vi'), `hint of ${d.code} stays English: ${d.hint}`).not.toBe(d.hint);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
  it('usage and file errors without a code are Vietnamese too', async () => {
    const missing = await cli(['score', 'khong-co.csv']);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toBe('lỗi: không đọc được khong-co.csv: không có tệp này\n  gợi ý: kiểm tra đường dẫn (tính từ thư mục hiện tại)\n');
    const ext = await cli(['score', 'data/2023.csv', '-o', 'ket-qua.pdf', '-q']);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toContain("lỗi: không biết định dạng của phần mở rộng '.pdf' (ket-qua.pdf)");
    expect(ext.stderr).toContain('gợi ý: dùng .csv, .tsv, .md, .json, .xlsx hoặc .txt');
  });
  it('--lang vi (the default) prints Vietnamese, --lang en English', async () => {
    const vi = await cli(['score', 'test/fixtures/office-papi-2016-errors.xlsx', '-i', 'indicators/papi-dimensions.yaml']);
    expect(vi.stderr).toContain("office-papi-2016-errors.xlsx[Số liệu]!F9: lỗi: d3-vertical-accountability: 'không rõ' không phải là số viết theo kiểu Việt Nam [NOT_A_NUMBER]");
    expect(vi.stderr).toContain('  gợi ý: với --decimal comma');
    expect(vi.stderr).toContain("cảnh báo: 'Cả nước' là dòng tổng cộng hoặc trung bình; đã bỏ qua [TOTALS_ROW]");
    expect(vi.stderr).not.toMatch(/\berror\b|\bhint\b/);
    const en = await cli(['score', 'test/fixtures/office-papi-2016-errors.xlsx', '-i', 'indicators/papi-dimensions.yaml', '--lang', 'en']);
    expect(en.stderr).toContain("F9: error: d3-vertical-accountability: 'không rõ' is not a number in the Vietnamese style [NOT_A_NUMBER]");
    expect(en.stderr).not.toMatch(/lỗi|gợi ý|cảnh báo/);
  });
});

describe("commander's own usage errors", () => {
  // Each argv makes commander itself refuse the command line (exit 2), before any file is read.
  const cases: [string[], RegExp][] = [
    [['score', '--bogus', 'data/2023.csv'], /^lỗi: không có tùy chọn '--bogus'$/m],
    [['scor'], /^lỗi: không có lệnh 'scor'\n\(Có phải ý bạn là score\?\)$/m],
    [['score'], /^lỗi: thiếu tham số bắt buộc 'số-liệu'$/m],
    [['score', 'data/2023.csv', '-f'], /^lỗi: tùy chọn '-f, --format <format>' thiếu giá trị$/m],
    [['score', 'data/2023.csv', '-f', 'xyz'], /^lỗi: giá trị 'xyz' của tùy chọn '-f, --format <format>' không hợp lệ\. Chỉ nhận: table, /m],
    [['score', 'data/2023.csv', '--year', '20'], /không hợp lệ\. Cần năm có bốn chữ số\.$/m],
  ];
  it.each(cases)('are Vietnamese by default: %j', async (argv, vi) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(vi);
    // The usage of the subcommand the error is about (`dti score --help`); an unknown command: dti's.
    expect(r.stderr).toMatch(argv[0] === 'score' ? /^\(xem cách dùng: dti score --help\)$/m : /^\(xem cách dùng: dti --help\)$/m);
    expect(r.stderr).not.toMatch(/error:|Did you mean|Allowed choices|expected a|for usage/);
  });
  it('point at the help of the subcommand, in each language (sensitivity, explain, no command)', async () => {
    expect((await cli(['sensitivity', 'data/2023.csv', '--runs', 'x'])).stderr).toMatch(/^\(xem cách dùng: dti sensitivity --help\)$/m);
    expect((await cli(['explain', '--lang', 'en'])).stderr).toMatch(/^\(run 'dti explain --help' for usage\)$/m);
    expect((await cli(['--bogus', '--lang', 'en'])).stderr).toMatch(/^\(run 'dti --help' for usage\)$/m);
  });
  it('count in English plurals: 1 warning, 2 warnings', async () => {
    expect(render(msg('word.warnings', { n: 1 }), 'en')).toBe('1 warning');
    expect(render(msg('word.warnings', { n: 2 }), 'en')).toBe('2 warnings');
    expect(render(msg('word.errors', { n: 1 }), 'en')).toBe('1 error');
  });
  it('stay English with --lang en', async () => {
    const r = await cli(['score', '--bogus', 'data/2023.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown option '--bogus'\n(run 'dti score --help' for usage)\n");
  });
});

describe('a long value quoted in a message', () => {
  it('is cut with its length said in the language of the run (vi: ký tự, en: characters)', async () => {
    const long = 'X'.repeat(2000);
    const stdin = `province,year,ha-tang-so,hoat-dong-chinh-quyen-so,hoat-dong-kinh-te-so,hoat-dong-xa-hoi-so\n${long},2023,0.5,0.5,0.5,0.5\n`;
    const vi = await cli(['validate', '-'], { stdin });
    // The message (its 2,000 X and the words around them) cut, its length grouped as each language writes numbers.
    expect(vi.stderr).toMatch(/X… \(2\.0\d\d ký tự\) \[UNKNOWN_PROVINCE\]/);
    expect(vi.stderr).not.toContain('characters');
    const en = await cli(['validate', '-', '--lang', 'en'], { stdin });
    expect(en.stderr).toMatch(/X… \(2 0\d\d characters\) \[UNKNOWN_PROVINCE\]/);
  });
});
