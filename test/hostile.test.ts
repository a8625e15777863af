// Hostile input, class by class (issue 10, item 2): each ends with a located diagnostic, a
// hint, a documented exit code, no stack trace and nothing written. (Large and endless inputs:
// scale.test.ts; thousands of generated hostile inputs: fuzz.test.ts.)
import { describe, expect, it } from 'vitest';
import { decode } from '../src/load/decode.js';
import { cli } from './helpers.js';
import { DEFS, ESC, files, userError } from './hostile-input.js';

describe('names', () => {
  it('headers constructor, __proto__ and toString are unknown columns (or, _-prefixed, a note), not a crash', async () => {
    const dir = files('constructor,__proto__,toString\nX,1,2\n');
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: dir });
    userError(r, 4);
    expect(r.stderr).toContain("no 'province' or 'unit' column");
    const r2 = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: files('unit,constructor,__proto__,toString,a\nX,1,2,3,4\n') });
    userError(r2, 4);
    expect(r2.stderr.match(/UNKNOWN_COLUMN/g)).toHaveLength(2); // '__proto__' starts with '_': a note column, ignored
    expect(r2.stderr).toContain("column 'constructor' names no indicator");
    expect(r2.stderr).toContain("column 'toString' names no indicator");
  });

  it('YAML keys and ids named constructor, __proto__ or toString', async () => {
    const withProto = await cli(['indicators', '-i', 'd.yaml', '--lang', 'en'], { cwd: files('', `${DEFS}__proto__: { x: 1 }\n`) });
    userError(withProto, 3);
    expect(withProto.stderr).toMatch(/d\.yaml:9:1: error: unknown key '__proto__'/);
    const protoId = await cli(['indicators', '-i', 'd.yaml', '--lang', 'en'], { cwd: files('', DEFS.replace('id: a', 'id: __proto__')) });
    userError(protoId, 3);
    expect(protoId.stderr).toContain("'__proto__' cannot be an id");
    const dir = files('unit,constructor,toString\nX,0.5,1\n', DEFS.replace('id: a', 'id: constructor').replace('id: b', 'id: toString'));
    const j = JSON.parse((await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'json', '-q'], { cwd: dir })).stdout);
    expect(j.rankings[0].indicators).toEqual({ constructor: { value: 0.5, normalized: 0.5 }, toString: { value: 1, normalized: 1 } });
  });

  it('names that print the same are the same unit (zero-width, no-break and other spaces)', async () => {
    const dir = files('unit,a\u200B,b\nSở A,1,1\nSở\u00A0A,0,0\n Sở A\u200B ,0,0\nSở B,0.5,0.5\n');
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: dir });
    userError(r, 4);
    expect(r.stderr).toContain('d.csv:3:1: error: Sở A appears twice [DUPLICATE_ROW]');
    expect(r.stderr).toContain('d.csv:4:1: error: Sở A appears twice');
    expect(r.stderr).not.toContain('UNKNOWN_COLUMN'); // 'a\u200B' is column a
  });

  it('a NUL byte is located; UTF-16 and UTF-32 with and without a byte-order mark are named', async () => {
    const nul = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: files('unit,a,b\nX,1,2\nY\u0000,1,2\n') });
    userError(nul, 4);
    expect(nul.stderr).toContain('d.csv:3:2: error: the file holds a NUL byte (U+0000)');
    // A binary file (an ELF header: bytes that are not UTF-8 come after its first NUL) is
    // called what it is, not taken for a legacy Vietnamese encoding.
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0xfe, 0x10, 0x0a, 0xc3, 0x28]);
    const bin = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: files(elf) });
    userError(bin, 4);
    expect(bin.stderr).toContain('d.csv:1:8: error: the file holds a NUL byte (U+0000)');
    expect(bin.stderr).not.toContain('legacy Vietnamese');
    const text = 'unit,a,b\nX,1,2\nY,3,4\n';
    const utf32 = (le: boolean) => {
      const b = Buffer.alloc(text.length * 4);
      [...text].forEach((c, i) => (le ? b.writeUInt32LE(c.codePointAt(0)!, i * 4) : b.writeUInt32BE(c.codePointAt(0)!, i * 4)));
      return b;
    };
    const be16 = (s: string) => Buffer.from(s, 'utf16le').swap16();
    const cases: [Uint8Array, string][] = [
      [Buffer.from(`\uFEFF${text}`, 'utf16le'), 'the file is UTF-16LE, not UTF-8'],
      [Buffer.from(text, 'utf16le'), 'the file is UTF-16LE (without a byte-order mark), not UTF-8'],
      [be16(`\uFEFF${text}`), 'the file is UTF-16BE, not UTF-8'],
      [be16(text), 'the file is UTF-16BE (without a byte-order mark), not UTF-8'],
      [Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(true)]), 'the file is UTF-32LE, not UTF-8'],
      [utf32(true), 'the file is UTF-32LE (without a byte-order mark), not UTF-8'],
      [Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(false)]), 'the file is UTF-32BE, not UTF-8'],
      [utf32(false), 'the file is UTF-32BE (without a byte-order mark), not UTF-8'],
    ];
    for (const [bytes, message] of cases) {
      const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: files(bytes) });
      userError(r, 4);
      expect(r.stderr, message).toContain(`d.csv:1:1: error: ${message} [ENCODING]`);
    }
  });
});

describe('numbers', () => {
  it('values and weights near the limits of a double are located errors, never a null or zeroed score', async () => {
    for (const v of ['1e308', '-1e308', '5e-324', '1e-200', '9'.repeat(200)]) {
      const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: files(`unit,a,b\nX,${v},1\nY,1,1\n`) });
      userError(r, 4);
      expect(r.stderr, v).toMatch(/d\.csv:2:3: error: a: '.*': .* is too (large|small) to compute with/);
    }
    for (const w of ['1e308', '5e-324']) {
      const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: files('unit,a,b\nX,1,1\n', DEFS.replace('    name: A\n', `    name: A\n    weight: ${w}\n`)) });
      userError(r, 3);
      expect(r.stderr, w).toMatch(/d\.yaml:7:13: error: indicators\.0\.weight: .* is too (large|small) to compute with/);
    }
    // At the edge of what is allowed, scores stay finite and ranks right (1e100 beats 1e99).
    const edge = JSON.parse((await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'json', '-q'],
      { cwd: files('unit,a,b\nX,1e100,1e-100\nY,1e99,0\n', DEFS.replace('  - id: b\n    name: B\n', '  - id: b\n    name: B\n    weight: 1e100\n')) })).stdout);
    expect(edge.rankings.map((u: { unit: string; rank: number }) => [u.unit, u.rank])).toEqual([['X', 1], ['Y', 2]]);
    expect(edge.rankings.every((u: { score: number | null }) => u.score !== null && Number.isFinite(u.score))).toBe(true);
  });

  it('under ties: exact, scores equal up to floating-point noise share a rank', async () => {
    const dir = files('unit,a\nX,0.30000000000000004\nY,0.3\nZ,0.2\n', 'schema: dti/v1\nid: t\nname: T\nscore: { ties: exact }\nindicators:\n  - id: a\n    name: A\n');
    const j = JSON.parse((await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'json', '-q'], { cwd: dir })).stdout);
    expect(j.rankings.map((u: { unit: string; rank: number }) => [u.unit, u.rank])).toEqual([['X', 1], ['Y', 1], ['Z', 3]]);
  });
});

describe('injection', () => {
  const NASTY = ['"Sở A\nline two"', '"a | b"', '<script>alert(1)</script>', '**bold** _x_ [l](http://x)', `"Sở ${ESC}[31mđỏ${ESC}[0m"`, '"bell\u0007 \u202Eevil"'];
  const dir = () => files(`unit,a,b\n${NASTY.map((n, i) => `${n},${i / 10},0`).join('\n')}\n`);

  it('cannot break a Markdown table or inject markup', async () => {
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'md', '-q'], { cwd: dir() });
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('|'));
    expect(rows).toHaveLength(2 + NASTY.length); // header, rule, one line per unit
    for (const row of rows) expect(row.match(/(?<!\\)\|/g)).toHaveLength(rows[0]!.match(/\|/g)!.length);
    expect(r.stdout).not.toContain('<script>');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout).toContain('\\*\\*bold\\*\\* \\_x\\_ \\[l\\](http://x)');
    expect(r.stdout).toContain('a \\| b');
    expect(r.stdout).not.toContain(ESC);
  });

  it('never lets control characters or escape sequences reach a terminal, in tables or diagnostics', async () => {
    const table = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'table', '-q'], { cwd: dir(), env: { NO_COLOR: '1' }, tty: true });
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F\u202E]/);
    expect(table.stdout).toContain('Sở <U+001B>[31mđỏ<U+001B>[0m');
    expect(table.stdout).toContain('bell<U+0007> <U+202E>evil');
    const diag = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: files(`province,a,b\n"Hà ${ESC}]0;pwned\u0007Nội",1,1\n`) });
    userError(diag, 4);
    expect(diag.stderr).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect(diag.stderr).toContain("unknown province 'Hà <U+001B>]0;pwned<U+0007>Nội'");
  });

  it('guards every CSV and TSV output against formulas, dti indicators included', async () => {
    const defs = 'schema: dti/v1\nid: t\nname: "=HYPERLINK(1)"\nindicators:\n  - id: -a\n    name: "@SUM(A1)"\n    unit: "+cmd"\n  - id: b\n    name: B\n';
    const dir = files('unit,-a,b\n=1+1,0.5,-0.25\n', defs);
    for (const f of ['csv', 'tsv']) {
      const ind = await cli(['indicators', '-i', 'd.yaml', '-f', f], { cwd: dir });
      expect(ind.code).toBe(0);
      expect(ind.stdout).toContain("'-a");
      expect(ind.stdout).toContain("'@SUM(A1)");
      expect(ind.stdout).toContain("'+cmd");
      const sc = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', f, '-q', '--detail', 'indicators'], { cwd: dir });
      expect(sc.code).toBe(0);
      const cells = sc.stdout.trim().split('\n').flatMap((l) => l.split(f === 'csv' ? ',' : '\t'));
      // Nothing starts with = + - @ unless it is a plain number.
      for (const c of cells) if (/^[=+\-@]/.test(c)) expect(c, c).toMatch(/^-?\d+(\.\d+)?$/);
      expect(cells).toContain("'=1+1");
      expect(cells).toContain('-0.25');
    }
  });
});

describe('options', () => {
  it('--delimiter takes one character or a name, anything else is a usage error', async () => {
    const dir = files('unit;a;b\nX;1;2\n');
    expect((await cli(['score', 'd.csv', '-i', 'd.yaml', '--delimiter', 'semicolon', '-q'], { cwd: dir })).code).toBe(0);
    expect((await cli(['score', 'd.csv', '-i', 'd.yaml', '--delimiter', ';', '-q'], { cwd: dir })).code).toBe(0);
    for (const bad of ['ab', '"', 'semicolons', '\n', '😀']) {
      const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--delimiter', bad], { cwd: dir });
      userError(r, 2);
    }
  });

  it('reading - twice is a usage error', async () => {
    const r = await cli(['score', '-', '-', '--lang', 'en'], { stdin: 'province,year\n' });
    userError(r, 2);
    expect(r.stderr).toContain("'-' is given twice: standard input can be read only once");
    const dir = files('');
    const prev = await cli(['score', '-', '--previous', '-', '-i', 'd.yaml', '--year', '2023', '--lang', 'en'], { cwd: dir, stdin: 'unit,a,b\nX,1,1\n' });
    userError(prev, 2);
    expect(prev.stderr).toContain("'-' is given twice");
  });
});

describe('an I/O error on a later file', () => {
  it('keeps the problems found in the files before it', async () => {
    const dir = files('unit,a,b\nX,abc,1\n');
    const r = await cli(['trend', 'd.csv', 'missing.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: dir });
    userError(r, 5);
    expect(r.stderr).toContain("d.csv:2:3: error: a: 'abc' is not a number [NOT_A_NUMBER]");
    expect(r.stderr).toContain('missing.csv: error: no such file [READ_ERROR]');
    // The file is named once: its position (the library's READ_ERROR, the same line).
    expect(r.stderr).not.toContain('cannot read');
  });
});

describe('encodings', () => {
  it('reports invalid UTF-8 at its line and column, surrogates and overlong forms included', () => {
    const enc = new TextEncoder();
    const at = (bad: number[]) => {
      const bytes = new Uint8Array([...enc.encode('unit,a\nX,1\nYY'), ...bad, ...enc.encode(',2\n')]);
      const r = decode(bytes, 'd.csv');
      return r.ok ? undefined : r.errors[0];
    };
    for (const bad of [[0xed, 0xa0, 0x80], [0xe0, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe0], [0xc3, 0x28]]) {
      expect(at(bad), bad.map((b) => b.toString(16)).join(' ')).toMatchObject({ code: 'ENCODING', file: 'd.csv', line: 3, col: 3 });
    }
  });
});

describe('what remained of the hostile-input work (issue 22, item 8)', () => {
  it("-i '' (an unset variable) is a usage error, as is an empty data file name", async () => {
    const dir = files('unit,a,b\nX,1,2\n');
    const r = await cli(['score', 'd.csv', '-i', '', '--lang', 'en'], { cwd: dir });
    userError(r, 2);
    expect(r.stderr).toBe("error: an empty file name (''): there is no file to read\n  hint: give the path of a file; check the variables in the command (e.g. -i \"$DEFS\" with the variable unset)\n");
    userError(await cli(['score', '', '-i', 'd.yaml'], { cwd: dir }), 2);
    expect((await cli(['score', 'd.csv', '-i', ''], { cwd: dir })).stderr).toContain("tên tệp rỗng ('')");
  });

  it('YAML with CR-only line endings (old Mac) reads, and its positions are the lines of the file', async () => {
    const cr = DEFS.replace(/\n/g, '\r');
    const dir = files('unit,a,b\nX,1,2\nY,0,1\n', cr);
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'csv', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('1,,,X,,1.5000,1.0000'); // (1 + 2) / 2, values as they are
    // A problem on line 7 of a CR file is on line 7.
    const bad = await cli(['indicators', '-i', 'd.yaml', '--lang', 'en'], { cwd: files('', cr.replace('name: B', 'name: B\r    wieght: 1')) });
    userError(bad, 3);
    expect(bad.stderr).toMatch(/^d\.yaml:9:5: error: indicators.1: unknown key 'wieght'/m);
  });

  it("no 'did you mean' for an empty or non-word name: --region '', the YAML merge key '<<'", async () => {
    const region = await cli(['score', 'data/2023.csv', '--region', '', '--lang', 'en']);
    userError(region, 2);
    expect(region.stderr).not.toContain('did you mean');
    const merge = await cli(['indicators', '-i', 'd.yaml', '--lang', 'en'], { cwd: files('', `${DEFS}<<: { x: 1 }\n`) });
    userError(merge, 3);
    expect(merge.stderr).toContain("unknown key '<<'");
    expect(merge.stderr).not.toContain('did you mean');
    const { suggest } = await import('../src/core/diagnostics.js');
    expect(suggest('<<', ['id', 'name'])).toEqual([]);
    expect(suggest('', ['a', 'b'])).toEqual([]);
    expect(suggest('nmae', ['id', 'name'])).toEqual(['name']); // a word still gets its suggestion
  });

  it('a negative weight is reported in the same pass as the other schema errors', async () => {
    const defs = `${DEFS.replace('name: A', 'name: A\n    weight: -1')}  - id: c\n    name: C\n    normalize: { method: bogus }\n`;
    const r = await cli(['validate', '-i', 'd.yaml', '--lang', 'en'], { cwd: files('', defs) });
    userError(r, 3);
    expect(r.stderr).toMatch(/^d\.yaml:7:13: error: weight of 'a' is negative \(-1\) \[BAD_PARAMETER\]$/m);
    expect(r.stderr).toMatch(/^d\.yaml:12:\d+: error: .*'bogus'.* \[SCHEMA\]$/m);
    expect(r.stderr).toContain('2 errors');
  });

  it('a CSV given as definitions is named as such, also when its cells hold URLs (a colon)', async () => {
    for (const csv of ['province,year,ha-tang-so,#nguon\nHà Nội,2023,0.5,https://dti.gov.vn/xep-hang-2023\n', 'id;name;source\na;A;https://x.org/a:b\n']) {
      const dir = files('');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${dir}/defs.csv`, csv);
      const r = await cli(['validate', '-i', 'defs.csv', '--lang', 'en'], { cwd: dir });
      userError(r, 3);
      expect(r.stderr).toContain('defs.csv:1:1: error: this is a CSV file (a header and rows of data), not dti/v1 definitions [NOT_DEFINITIONS]');
    }
    // The shipped data file, the mistake as people make it.
    const shipped = await cli(['score', 'data/2023.csv', '-i', 'data/2023.csv', '--lang', 'en']);
    userError(shipped, 3);
    expect(shipped.stderr).toContain('[NOT_DEFINITIONS]');
    expect(shipped.stderr).not.toContain('YAML_SYNTAX');
    // Real definitions (flow or block, a comment first) are not taken for a CSV.
    const { looksLikeCsv } = await import('../src/load/definitions.js');
    expect(looksLikeCsv(DEFS)).toBe(false);
    expect(looksLikeCsv('# a, b, c\nschema: dti/v1\n')).toBe(false);
    expect(looksLikeCsv('{schema: dti/v1, id: t}\n')).toBe(false);
  });

  it("unit,Unit headers give one error, not three (none naming a 'province' column that is not there)", async () => {
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--lang', 'en'], { cwd: files('unit,Unit,a,b\nX,Y,1,2\n') });
    userError(r, 4);
    expect(r.stderr.match(/error:/g)).toHaveLength(1);
    expect(r.stderr).toContain("d.csv:1:6: error: column 'unit' appears twice [DUPLICATE_HEADER]");
    expect(r.stderr).not.toContain('province');
  });
});
