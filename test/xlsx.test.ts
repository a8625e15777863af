// Workbooks in and out. The office workbooks in test/fixtures were written by openpyxl 3.1.5
// (test/tools/make-office-xlsx.py), not by dti, from data/papi-dimensions/2016.csv: the expected results
// are dti's own results on that CSV.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';
import { readZip, ZipError } from '../src/load/zip.js';
import { writeZip } from '../src/cli/zip-write.js';
import { columnName, parseRef, readSheet, readWorkbook, serialToIso } from '../src/load/xlsx.js';
import { parseXml } from '../src/load/xml.js';

const dirs: string[] = [];
const scratch = () => { const d = tmp(); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const OFFICE_YAML = readFileSync(join(ROOT, 'indicators/papi-dimensions.yaml'), 'utf8')
  .replace(/^  - id: d1-participation$/m, '  - id: d1-participation\n    column: "Tham gia của người dân ở cấp cơ sở"')
  .replace(/^  - id: d2-transparency$/m, '  - id: d2-transparency\n    column: "Công khai, minh bạch"');

function officeYaml(): string {
  const d = scratch();
  writeFileSync(join(d, 'office.yaml'), OFFICE_YAML);
  return join(d, 'office.yaml');
}

const parts = (bytes: Uint8Array) => {
  const z = readZip(bytes);
  return (n: string) => { const e = z.get(n); return e === undefined ? undefined : new TextDecoder().decode(e.read()); };
};

describe('reading an office workbook', () => {
  it('scores with no edits: title rows, STT, Vietnamese headers, office headers, text with a decimal comma, a formula, a totals row', async () => {
    const yaml = officeYaml();
    expect(OFFICE_YAML).toContain('column: "Công khai, minh bạch"');
    const book = await cli(['score', 'test/fixtures/office-papi-2016.xlsx', '-i', yaml, '-f', 'csv', '--no-previous', '-v', '--lang', 'en']);
    const csv = await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-f', 'csv', '--no-previous']);
    expect(book.code).toBe(0);
    expect(book.stdout).toBe(csv.stdout);
    expect(book.stdout.split('\n')).toHaveLength(65); // header, 63 provinces, final newline
    // -v says what was found; the totals row is named by its cell.
    expect(book.stderr).toContain("test/fixtures/office-papi-2016.xlsx[Số liệu]: sheet 'Số liệu'; header on line 4 (2 title rows above left out); ignored column STT;");
    expect(book.stderr).toContain("read column 'Tỉnh/Thành phố' as province; read column 'Năm' as year; read column 'Tham gia của người dân ở cấp cơ sở' as d1-participation");
    expect(book.stderr).toContain('decimal mark: comma (detected)');
    expect(book.stderr).toContain("office-papi-2016.xlsx[Số liệu]!B68: warning: 'Cả nước' is a totals or average row; skipped [TOTALS_ROW]");
  });
  it('the scores equal the CSV\'s to 1e-12 (openpyxl writes 16 significant digits)', async () => {
    const a = JSON.parse((await cli(['score', 'test/fixtures/office-papi-2016.xlsx', '-i', officeYaml(), '-f', 'json', '--no-previous', '-q'])).stdout);
    const b = JSON.parse((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-f', 'json', '--no-previous'])).stdout);
    expect(a.rankings.map((r: { unit: string }) => r.unit)).toEqual(b.rankings.map((r: { unit: string }) => r.unit));
    a.rankings.forEach((r: { score: number }, i: number) => expect(Math.abs(r.score - b.rankings[i].score)).toBeLessThan(1e-12));
  });
  it('points errors at sheet and cell, every one at once', async () => {
    const r = await cli(['score', 'test/fixtures/office-papi-2016-errors.xlsx', '-i', officeYaml(), '--lang', 'en']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("test/fixtures/office-papi-2016-errors.xlsx[Số liệu]!F9: error: d3-vertical-accountability: 'không rõ' is not a number");
    expect(r.stderr).toContain('test/fixtures/office-papi-2016-errors.xlsx[Số liệu]!F12: error:');
    expect(r.stderr).toContain('2 errors');
  });
  it('--sheet by name or number; an unknown sheet lists the sheets', async () => {
    const yaml = officeYaml();
    expect((await cli(['validate', 'test/fixtures/office-papi-2016.xlsx', '-i', yaml, '--sheet', '2'])).code).toBe(0);
    expect((await cli(['validate', 'test/fixtures/office-papi-2016.xlsx', '-i', yaml, '--sheet', 'số liệu'])).code).toBe(0);
    const guide = await cli(['validate', 'test/fixtures/office-papi-2016.xlsx', '-i', yaml, '--sheet', 'Hướng dẫn']);
    expect(guide.code).toBe(4);
    expect(guide.stderr).toContain('[MISSING_UNIT_COLUMN]');
    const none = await cli(['validate', 'test/fixtures/office-papi-2016.xlsx', '-i', yaml, '--sheet', 'Data', '--lang', 'en']);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain("no sheet 'Data' in the workbook [WORKBOOK]");
    expect(none.stderr).toContain("its sheets: 'Hướng dẫn', 'Số liệu' (or a number from 1 to 2)");
  });
  it('an old .xls says to save it as .xlsx (and is not taken for UTF-16)', async () => {
    const r = await cli(['score', 'test/fixtures/old-format.xls', '--lang', 'en']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('old Excel 97–2003 workbook (.xls)');
    expect(r.stderr).toContain('save it as .xlsx');
    expect(r.stderr).not.toContain('UTF-16');
    expect(r.stderr).toContain('File → Save As → Excel Workbook');
    // Under vi, the menu path of a Vietnamese Excel (it was the English one).
    const vi = await cli(['score', 'test/fixtures/old-format.xls']);
    expect(vi.code).toBe(4);
    expect(vi.stderr).toContain('Tệp → Lưu thành → Sổ làm việc Excel (*.xlsx)');
    expect(vi.stderr).not.toMatch(/Save As|File →/);
  });
  it('a damaged workbook is said in the language of the run, why included (no English under vi)', async () => {
    const d = tmp();
    const whole = readFileSync(join(ROOT, 'test/fixtures/so-lieu.xlsx'));
    // Not a ZIP at all past its signature; a ZIP whose central directory is gone; a sheet part cut short.
    writeFileSync(join(d, 'rac.xlsx'), Buffer.from('PK\x03\x04garbage'));
    writeFileSync(join(d, 'cat.xlsx'), whole.subarray(0, whole.length >> 1));
    const z = readZip(whole);
    writeFileSync(join(d, 'phan.xlsx'), writeZip([...z.values()].map((e) => ({ name: e.name, data: e.name.startsWith('xl/worksheets/') ? e.read().subarray(0, 200) : e.read() }))));
    // A sheet part whose compressed bytes are damaged (40 bytes flipped inside the deflate stream): it was 'lỗi nội bộ', exit 70.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const bad = Buffer.from(whole);
    let at = bad.indexOf(name);
    while (at >= 0 && bad.readUInt32LE(at - 30) !== 0x04034b50) at = bad.indexOf(name, at + 1);
    expect(bad.readUInt16LE(at - 30 + 8), 'the sheet is deflated').toBe(8);
    const data = at + name.length + bad.readUInt16LE(at - 30 + 28);
    for (let k = data + 20; k < data + 60; k++) bad[k] = bad[k]! ^ 0x5a;
    writeFileSync(join(d, 'hong.xlsx'), bad);
    const cases = [['rac.xlsx', 'tệp bị cắt cụt hoặc không phải tệp ZIP', 'the file is cut short or is not a ZIP archive'], ['cat.xlsx', 'tệp bị cắt cụt hoặc không phải tệp ZIP', 'the file is cut short or is not a ZIP archive'], ['phan.xlsx', 'có một thẻ không được đóng', 'a tag is never closed'], ['hong.xlsx', "không giải nén được phần 'xl/worksheets/sheet1.xml'", "the part 'xl/worksheets/sheet1.xml' cannot be decompressed"]] as const;
    for (const [file, vi, en] of cases) {
      const v = await cli(['score', file], { cwd: d });
      expect(v.code, v.stderr).toBe(4);
      expect(v.stderr).toContain(vi);
      expect(v.stderr).not.toMatch(/\b(the|is|not|short|part|archive)\b/);
      const e = await cli(['score', file, '--lang', 'en'], { cwd: d });
      expect(e.stderr).toContain(en);
    }
  });
});

describe('writing a workbook', () => {
  it('-o ket-qua.xlsx: a ranking sheet with numbers as numbers and codes as text, a breakdown, an about sheet; --check by content', async () => {
    const d = scratch();
    const out = join(d, 'ket-qua.xlsx');
    const w = await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-o', out]);
    expect(w.code).toBe(0);
    const bytes = readFileSync(out);
    const part = parts(bytes);
    const wb = readWorkbook(part);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Xếp hạng', 'Chi tiết', 'Thông tin']);
    const rank = readSheet(wb, part(wb.sheets[0]!.part)!).rows;
    expect(rank[0]!.map((c) => c.text).slice(0, 6)).toEqual(['Hạng', 'Hạng năm trước', 'Thay đổi hạng', 'Tỉnh', 'Mã', 'Điểm']);
    // Hà Nội's code 01 is text (no value); its score is a number.
    const hn = rank.find((r) => r[3]?.text === 'Hà Nội')!;
    expect(hn[4]).toMatchObject({ text: '01' });
    expect(hn[4]!.value).toBeUndefined();
    expect(typeof hn[5]!.value).toBe('number');
    // The display format has the index's 4 decimals; the header row is frozen.
    const sheetXml = part('xl/worksheets/sheet1.xml')!;
    expect(part('xl/styles.xml')).toContain('formatCode="0.0000"');
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const about = readSheet(wb, part(wb.sheets[2]!.part)!).rows.map((r) => r.map((c) => c.text));
    expect(about).toContainEqual(['Mã bộ chỉ số', 'papi']);
    expect(about).toContainEqual(['Năm', '2016']);
    expect(about).toContainEqual(['Tệp số liệu', 'data/papi-dimensions/2016.csv']);
    // Same bytes every run.
    const again = join(d, 'again.xlsx');
    await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-o', again]);
    expect(readFileSync(again).equals(bytes)).toBe(true);

    expect((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-o', out, '--check'])).code).toBe(0);
    // Saved again by another program (different bytes, compressed, same cells): still fresh.
    const z = readZip(bytes);
    const resaved = [...z.values()].map((e) => ({ name: e.name, data: e.name.endsWith('sheet1.xml') ? new TextEncoder().encode(new TextDecoder().decode(e.read()).replace('<sheetFormatPr defaultRowHeight="15"/>', '')) : e.read() }));
    writeFileSync(out, writeZip(resaved));
    expect(readFileSync(out).equals(bytes)).toBe(false);
    expect((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-o', out, '--check'])).code).toBe(0);
    // A changed cell is stale.
    writeFileSync(out, writeZip([...z.values()].map((e) => ({ name: e.name, data: e.name.endsWith('sheet1.xml') ? new TextEncoder().encode(new TextDecoder().decode(e.read()).replace('<t xml:space="preserve">Hà Nội</t>', '<t xml:space="preserve">Ha Noi</t>')) : e.read() }))));
    expect((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-o', out, '--check'])).code).toBe(1);
  });
  it('-f xlsx for other commands: one sheet, numbers as numbers', async () => {
    const d = scratch();
    const out = join(d, 'trend.xlsx');
    expect((await cli(['trend', 'data/papi-dimensions/2015.csv', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-o', out, '--lang', 'en'])).code).toBe(0);
    const part = parts(readFileSync(out));
    const wb = readWorkbook(part);
    const rows = readSheet(wb, part(wb.sheets[0]!.part)!).rows;
    expect(rows[0]!.map((c) => c.text)).toEqual(['Unit', 'Code', 'Score 2015', 'Rank 2015', 'Score 2016', 'Rank 2016', 'Score change', 'Rank change']);
    expect(rows[1]![1]!.value).toBeUndefined();
    expect(typeof rows[1]![2]!.value).toBe('number');
  });
  it('an unknown -o extension is a usage error, never a silent CSV; a workbook never goes to standard output', async () => {
    const d = scratch();
    const r = await cli(['score', 'data/2023.csv', '-o', join(d, 'ket-qua.pdf'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot tell the format from the extension '.pdf'");
    const xls = await cli(['score', 'data/2023.csv', '-o', join(d, 'ket-qua.xls')]);
    expect(xls.code).toBe(2);
    expect(xls.stderr).toContain('.xls là định dạng Excel cũ: hãy ghi .xlsx');
    const stdout = await cli(['score', 'data/2023.csv', '-f', 'xlsx']);
    expect(stdout.code).toBe(2);
    expect(stdout.stdout).toBe('');
  });
});

describe('the workbook reader', () => {
  const wbXml = '<workbook xmlns="x" xmlns:r="y"><workbookPr date1904="0"/><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const rels = '<Relationships><Relationship Id="rId1" Type="t" Target="worksheets/sheet1.xml"/></Relationships>';
  const sst = '<sst><si><t>Hà Nội</t></si><si><r><t>Tỉnh/</t></r><r><rPr><b/></rPr><t>Thành phố</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve"> a &amp; b </t></si></sst>';
  const styles = '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;d&quot;0.00"/><numFmt numFmtId="166" formatCode="yyyy"/></numFmts>'
    + '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>';
  const book = (files: Record<string, string>) => readWorkbook((n) => files[n]);
  it('shared strings with rich text, dates by built-in and custom formats, booleans, errors, cached formula values', () => {
    const wb = book({ 'xl/workbook.xml': wbXml, 'xl/_rels/workbook.xml.rels': rels, 'xl/sharedStrings.xml': sst, 'xl/styles.xml': styles });
    expect(wb.sheets).toEqual([{ name: 'A', part: 'xl/worksheets/sheet1.xml' }]);
    expect(wb.sharedStrings).toEqual(['Hà Nội', 'Tỉnh/Thành phố', ' a & b ']);
    expect(wb.dateStyles).toEqual([false, true, true, false, 'year']);
    const s = readSheet(wb, '<worksheet><sheetData><row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" s="1"><v>45382</v></c><c r="D3" s="2"><v>44927.5</v></c>'
      + '<c r="E3" s="3"><v>1.5</v></c><c r="F3" t="b"><v>1</v></c><c r="G3" t="e"><v>#DIV/0!</v></c><c r="H3"><f>1+1</f><v>2</v></c><c r="I3"><f>A1</f></c><c r="J3" t="str"><f>"x"</f><v>x</v></c><c r="K3" s="4"><v>44927</v></c>'
      + '<c r="L3"><f>B1*2</f><v/></c><c r="M3" t="str"><f>""</f><v></v></c></row></sheetData></worksheet>');
    const row = s.rows[0]!;
    expect(row.map((c) => c.text)).toEqual(['', 'Hà Nội', '2024-03-31', '2023-01-01 12:00:00', '1.5', 'TRUE', '#DIV/0!', '2', '', 'x', '2023', '']);
    // A formula with no saved value, absent (I3) or empty as openpyxl writes it (L3), is marked;
    // a formula whose text result is empty (M3) is an empty cell like any other.
    expect(row[1]).toMatchObject({ line: 3, col: 2 });
    expect(row[4]!.value).toBe(1.5);
    expect(row[7]!.value).toBe(2);
    expect(row.flatMap((c) => (c.uncalculated === true ? [c.col] : []))).toEqual([9, 12]);
  });
  it('Excel serial dates (1900 with its phantom 29 Feb, and 1904)', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(45382, false)).toBe('2024-03-31');
    expect(serialToIso(0, true)).toBe('1904-01-01');
  });
  it('a vertical merge repeats its value down; a horizontal one stays in its first cell', () => {
    const wb = book({ 'xl/workbook.xml': wbXml });
    const s = readSheet(wb, '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Nghệ An</t></is></c><c r="B2"><v>1</v></c></row>'
      + '<row r="3"><c r="B3"><v>2</v></c></row></sheetData><mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="A2:A3"/></mergeCells></worksheet>');
    expect(s.rows.map((r) => r.map((c) => c.text))).toEqual([['Title'], ['Nghệ An', '1'], ['Nghệ An', '2']]);
  });
  it('cell references both ways', () => {
    expect(parseRef('C7')).toEqual([7, 3]);
    expect(parseRef('AA10')).toEqual([10, 27]);
    expect(columnName(1)).toBe('A');
    expect(columnName(26)).toBe('Z');
    expect(columnName(27)).toBe('AA');
    expect(columnName(16384)).toBe('XFD');
  });
  it('refuses a DTD (no entity expansion)', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toThrow(/DTD/);
  });
  it('a zip bomb stops at the cap: an entry declaring more than it may, or inflating past what it declares', () => {
    const data = new Uint8Array(10_000); // zeros: deflates to a few bytes
    const z = Buffer.from(writeZip([{ name: 'a.xml', data }]));
    // Declared 300 MB: refused before inflating.
    const cd = z.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const big = Buffer.from(z);
    big.writeUInt32LE(300 * 1024 * 1024, cd + 24);
    expect(() => readZip(big)).toThrow(ZipError);
    // Deflated, declaring 100 bytes but inflating to 10 000: stops.
    const deflated = deflateRawSync(data);
    const lying = Buffer.concat([z.subarray(0, 30), Buffer.from('a.xml'), deflated]);
    lying.writeUInt16LE(8, 8);
    lying.writeUInt32LE(deflated.length, 18);
    lying.writeUInt32LE(100, 22);
    const central = Buffer.from(z.subarray(cd, cd + 46 + 5));
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(100, 24);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(lying.length, 16);
    const entry = readZip(Buffer.concat([lying, central, end])).get('a.xml')!;
    expect(() => entry.read()).toThrow(ZipError);
  });
});
