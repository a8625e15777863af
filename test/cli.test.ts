// The CLI in-process: run(argv, io) with captured streams.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';
import { run } from '../src/cli/run.js';
import { fixed } from '../src/core/text.js';

const MAIN = ['-i', 'indicators/dti-2022-main.yaml', 'data/published/dti-2022-main-indices.csv'];

describe('dti score', () => {
  it('prints a ranking table on a terminal', async () => {
    const r = await cli(['score', ...MAIN], { tty: true, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hạng');
    expect(r.stdout.split('\n')[3]).toMatch(/^\s+1\s+Đà Nẵng\s+0,8002\s+0,8638\s+1/);
    expect(r.stdout).not.toContain('\u001b[');
  });
  it('writes csv when piped, json matching formats.md on request', async () => {
    const csv = await cli(['score', ...MAIN]);
    expect(csv.stdout.split('\n')[0]).toBe('rank,previous_rank,rank_change,province,code,score,coverage,cqs,cqs_rank,kts,kts_rank,xhs,xhs_rank');
    const json = JSON.parse((await cli(['score', ...MAIN, '-f', 'json'])).stdout);
    expect(Object.keys(json)).toEqual(['schema', 'framework', 'year', 'previousYear', 'methodChanged', 'rankings', 'dropped', 'warnings']);
    expect(json.schema).toBe('dti-result/v1');
    expect(json.framework.id).toBe('dti-2022-main');
    expect(json.year).toBe(2022);
    const first = json.rankings[0];
    expect(Object.keys(first)).toEqual(['rank', 'unit', 'code', 'score', 'previousRank', 'rankChange', 'region', 'regionRank', 'coverage', 'pillars', 'groups', 'indicators']);
    expect(first).toMatchObject({ rank: 1, unit: 'Đà Nẵng', code: '48', previousRank: null, rankChange: null, region: 'Bắc Trung Bộ và duyên hải miền Trung', regionRank: 1, coverage: 1 });
    expect(first.score).toBeCloseTo(0.800175, 12); // unrounded
    expect(first.indicators['nhan-thuc-so']).toEqual({ value: 1, normalized: 1 });
    expect(first.pillars.cqs).toMatchObject({ rank: 1 });
  });
  it('shows rank changes against the file of the year before beside the data', async () => {
    const json = JSON.parse((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-f', 'json'])).stdout);
    expect(json.previousYear).toBe(2015);
    expect(json.rankings[0]).toMatchObject({ unit: 'Cần Thơ', rank: 1, previousRank: 2, rankChange: 1 });
    const none = JSON.parse((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '-f', 'json', '--no-previous'])).stdout);
    expect(none.previousYear).toBeNull();
  });
  it('renders Markdown for CI tables', async () => {
    const r = await cli(['score', ...MAIN, '-f', 'md', '--lang', 'en']);
    expect(r.stdout).toContain('| Rank | Province | Score | CQS | # | KTS | # | XHS | # |');
    expect(r.stdout).toContain('| 1 | Đà Nẵng | 0.8002 | 0.8638 | 1 | 0.8473 | 1 | 0.7864 | 1 |');
  });
  it('--top keeps the best n, --detail adds breakdown columns', async () => {
    const r = await cli(['score', ...MAIN, '--top', '2', '--detail', 'groups', '-f', 'csv']);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    const g = await cli(['score', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '--detail', 'groups', '-f', 'csv', '-q']);
    expect(g.stdout.split('\n')[0]).toContain(',nhan-thuc-so,the-che-so,');
  });
  it('-o writes the file; --check passes when fresh, fails (exit 1) when stale, exit 5 when missing', async () => {
    const dir = tmp();
    const out = join(dir, 'ranking.md');
    expect((await cli(['score', ...MAIN, '-o', out])).code).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('| 1 | Đà Nẵng |');
    const fresh = await cli(['score', ...MAIN, '-o', out, '--check']);
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toBe(`${out} không thay đổi\n`); // not 'đã cập nhật' (has been updated): nothing was written
    const en = join(dir, 'ranking-en.md');
    expect((await cli(['score', ...MAIN, '-o', en, '--lang', 'en'])).code).toBe(0);
    expect((await cli(['score', ...MAIN, '-o', en, '--check', '--lang', 'en'])).stderr).toBe(`${en} is up to date\n`);
    writeFileSync(out, written.replace('0,8002', '0,8003'));
    const stale = await cli(['score', ...MAIN, '-o', out, '--check', '--lang', 'en']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('stale');
    // The first line that differs, as it is in the file and as the command makes it now.
    const line = written.split('\n').findIndex((l) => l.includes('0,8002'));
    const was = written.split('\n')[line]!;
    expect((await cli(['score', ...MAIN, '-o', out, '--check'])).stderr)
      .toContain(`  khác đầu tiên ở dòng ${line + 1}:\n    trong tệp: ${was.replace('0,8002', '0,8003')}\n    lệnh tạo:  ${was}\n`);
    // A file cut short: the first line it lacks, against the end of the file (in English).
    const enText = readFileSync(en, 'utf8');
    writeFileSync(en, enText.split('\n').slice(0, 3).join('\n') + '\n');
    expect((await cli(['score', ...MAIN, '-o', en, '--check', '--lang', 'en'])).stderr)
      .toContain(`  first difference, line 4:\n    in the file: (end of file)\n    made now:    ${enText.split('\n')[3]}\n`);
    writeFileSync(out, written.replace('0,8002', '0,8003'));
    expect(readFileSync(out, 'utf8')).toContain('0,8003'); // --check never writes
    expect((await cli(['score', ...MAIN, '-o', join(dir, 'missing.md'), '--check'])).code).toBe(5); // missing: an I/O error
    expect(existsSync(join(dir, 'missing.md'))).toBe(false);
  });
  it('reads standard input for -', async () => {
    const text = readFileSync('data/published/dti-2022-main-indices.csv', 'utf8');
    const r = await cli(['score', '-', '-i', 'indicators/dti-2022-main.yaml', '--year', '2022'], { stdin: text });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đà Nẵng');
  });
  it('fails fast when - would read a terminal', async () => {
    const r = await cli(['score', '-', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input');
  });
});

describe('errors and exit codes', () => {
  it('exit 4 with every located data problem, and no output', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.csv'), 'province,nhan-thuc-so,zz\nHà Nộii,1,\nĐà Nẵng,x,1\n');
    const r = await cli(['score', join(dir, 'bad.csv'), '-i', join(ROOT, 'indicators/dti-2022-main.yaml'), '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.csv:1:23: error:'); // 'zz' starts at column 23
    expect(r.stderr).toContain('bad.csv:2:');
    expect(r.stderr).toContain('bad.csv:3:9: error:');
    expect(r.stderr).toMatch(/hint: did you mean 'Hà Nội'/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
  it('exit 3 for invalid definitions', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: x\nname: X\nindicators:\n  - id: a\n    name: A\n    wieght: 1\n');
    const r = await cli(['validate', '-i', join(dir, 'd.yaml'), '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("d.yaml:7:5: error: indicators.0: unknown key 'wieght'");
  });
  it('exit 5 for a missing file', async () => {
    const r = await cli(['score', 'nope.csv', '--lang', 'en']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('cannot read nope.csv: no such file');
  });
  it('exit 2 for usage errors, with a suggestion', async () => {
    const r = await cli(['scor', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean score?');
    expect((await cli(['score', 'data/2023.csv', '-f', 'xml'])).code).toBe(2);
  });
  it('prints help (exit 0) with the exit codes', async () => {
    const r = await cli(['--help', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toContain('70  internal error');
    const vi = await cli(['--help']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Mã thoát:');
    expect(vi.stdout).toContain('70  lỗi nội bộ');
  });
  it('names a UTF-16 file as such', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'u16.csv'), Buffer.from('\uFEFFprovince,a\n', 'utf16le'));
    const r = await cli(['validate', join(dir, 'u16.csv')], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('UTF-16');
  });
  it('names a Windows-1258 file as not UTF-8, at the first bad byte', async () => {
    const dir = tmp();
    // "province\nH\xe0 N\xf4i" — à and ô as single Windows-1258 bytes.
    writeFileSync(join(dir, 'w.csv'), Buffer.from([...Buffer.from('province\nH'), 0xe0, ...Buffer.from(' N'), 0xf4, ...Buffer.from('i\n')]));
    const r = await cli(['validate', join(dir, 'w.csv'), '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('w.csv:2:2: error: the file is not UTF-8');
  });
});

describe('dti validate and dti indicators', () => {
  it('validates the shipped data', async () => {
    const r = await cli(['validate', 'data/2022.csv', 'data/2023.csv', 'data/2024.csv', '-q', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok data/2023.csv: 63 province-year rows');
    const vi = await cli(['validate', 'data/2022.csv', 'data/2023.csv', '-q']);
    expect(vi.stdout).toContain('ok data/2023.csv: 63 dòng tỉnh-năm, dạng bảng rộng, năm 2023');
    const c = await cli(['validate', 'data/components/2022.csv', 'data/components/2023.csv', '-i', 'indicators/dti-components.yaml', '-q', '--lang', 'en']);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('ok data/components/2023.csv: 3 province-year rows');
  });
  it('lists the tree with weights and shares', async () => {
    const r = await cli(['indicators', '-f', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('mã,tên,loại,trọng số,tỷ trọng,chuẩn hoá,đơn vị,năm,trụ cột');
    // Hoạt động chính quyền số: 200 of 1000 points = 0.2 of the DTI of 2022–2023 (QĐ 922);
    // from 2024 the index is the published DTI alone (its share in 2024: all of it, 1000 points).
    expect(lines.find((l) => l.startsWith('hoat-dong-chinh-quyen-so,'))).toContain(',200,0.200000,');
    expect(lines.find((l) => l.startsWith('hoat-dong-chinh-quyen-so,'))).toContain(',–2023,cqs');
    expect(lines.find((l) => l.startsWith('dti-cong-bo,'))).toMatch(/,1000,1\.000000,.*,2024–,$/);
    // Without `years` in the file, no years column.
    const plain = await cli(['indicators', '-i', 'indicators/dti-2022-main.yaml', '-f', 'csv']);
    expect(plain.stdout.split('\n')[0]).toBe('mã,tên,loại,trọng số,tỷ trọng,chuẩn hoá,đơn vị,trụ cột');
  });
});

describe('colour', () => {
  it('colours a terminal, never a pipe, NO_COLOR or --no-color', async () => {
    expect((await cli(['score', ...MAIN, '-f', 'table'], { tty: true })).stdout).toContain('\u001b[');
    expect((await cli(['score', ...MAIN, '-f', 'table'])).stdout).not.toContain('\u001b[');
    const forced = await cli(['score', ...MAIN, '-f', 'table'], { tty: true, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    expect((await cli(['score', ...MAIN, '-f', 'table'], { tty: true, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await cli(['score', ...MAIN, '-f', 'table', '--no-color'], { tty: true, env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});

describe('internal errors', () => {
  const failing = (argv: string[]) => {
    let stderr = '';
    const io = {
      stdout: { write: () => { throw new Error('disk on fire'); }, isTTY: false },
      stderr: { write: (s: string) => { stderr += s; }, isTTY: false },
      readStdin: async () => new Uint8Array(),
      stdinIsTTY: true,
      env: {},
      cwd: ROOT,
    };
    return run(argv, io).then((code) => ({ code, stderr }));
  };
  it('exit 70 with a request to report it, and no stack trace', async () => {
    const r = await failing(['score', 'data/2023.csv', '-q', '--lang', 'en']);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain('internal error: disk on fire');
    expect(r.stderr).toContain('This is a bug in dti');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const vi = await failing(['score', 'data/2023.csv', '-q']);
    expect(vi.code).toBe(70);
    expect(vi.stderr).toContain('lỗi nội bộ: disk on fire');
    expect(vi.stderr).toContain('Đây là lỗi của dti');
    expect(vi.stderr).not.toMatch(/\n\s+at /);
  });
  it('--debug shows the stack trace', async () => {
    const r = await failing(['--debug', 'score', 'data/2023.csv', '-q']);
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('--detail indicators', () => {
  it('labels a normalised column (0–1) only where it is, and shows raw values to 10 digits', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: raw\n    name: Raw\n'
      + '  - id: t\n    name: T\n    normalize: { method: target, target: 1 }\n');
    writeFileSync(join(dir, 'd.csv'), 'unit,raw,t\nA,0.30000000000000004,0.1234567890123456\n');
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '--detail', 'indicators', '-f', 'md', '--lang', 'en'], { cwd: dir });
    expect(r.stdout).toContain('| Raw | Raw (normalised) | T | T (0–1) |'); // people read names; CSV has the ids
    expect(r.stdout).toContain('| 0.3 | 0.3000 | 0.123456789 | 0.1235 |');
    // Machine formats keep the exact value.
    const csv = (await cli(['score', 'd.csv', '-i', 'd.yaml', '--detail', 'indicators', '-f', 'csv'], { cwd: dir })).stdout;
    expect(csv).toContain(',0.30000000000000004,0.3000,0.1234567890123456,0.1235');
  });
});

describe('--top', () => {
  it('with --by region or --region keeps the top of each region by its region rank', async () => {
    const by = JSON.parse((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--by', 'region', '--top', '1', '-f', 'json', '-q'])).stdout);
    expect(by.rankings).toHaveLength(6);
    expect(by.rankings.every((r: { regionRank: number }) => r.regionRank === 1)).toBe(true);
    expect(new Set(by.rankings.map((r: { region: string }) => r.region)).size).toBe(6);
    const one = JSON.parse((await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--region', 'Tây Nguyên', '--top', '2', '-f', 'json', '-q'])).stdout);
    expect(one.rankings.map((r: { regionRank: number }) => r.regionRank)).toEqual([1, 2]);
    const csv = (await cli(['score', 'data/papi-dimensions/2016.csv', '-i', 'indicators/papi-dimensions.yaml', '--region', 'Tây Nguyên', '--top', '2', '-f', 'csv', '-q'])).stdout;
    expect(csv.trim().split('\n')).toHaveLength(3);
  });
});

describe('-o with a table', () => {
  it('writes a table that does not depend on the writer’s locale or colour settings', async () => {
    const dir = tmp();
    const out = (env: Record<string, string>, name: string) =>
      cli(['score', join(process.cwd(), 'data/papi-dimensions/2016.csv'), '-i', join(process.cwd(), 'indicators/papi-dimensions.yaml'), '-f', 'table', '-q', '-o', name], { cwd: dir, env });
    expect((await out({ LANG: 'C', FORCE_COLOR: '1' }, 'c.txt')).code).toBe(0);
    expect((await out({ LANG: 'vi_VN.UTF-8' }, 'utf8.txt')).code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const c = readFileSync(join(dir, 'c.txt'), 'utf8');
    expect(c).toBe(readFileSync(join(dir, 'utf8.txt'), 'utf8'));
    expect(c).toContain('▲');
    expect(c).not.toContain('\x1b[');
  });
});

describe('-f against the -o extension', () => {
  it('a format the -o file cannot hold is a usage error naming both, and nothing is written', async () => {
    const dir = tmp();
    const data = join(ROOT, 'data/2023.csv');
    for (const argv of [
      ['score', data, '-o', 'o.xlsx', '-f', 'md'],
      ['score', data, '-o', 'o.csv', '-f', 'xlsx'],
      ['score', data, '-o', 'o.json', '-f', 'csv'],
      ['score', data, '-o', 'o.xlsx', '-f', 'csv', '--excel'],
      ['explain', 'Nghệ An', data, '-o', 'o.xlsx', '-f', 'csv'],
      ['explain', 'Nghệ An', data, '-o', 'o.png', '-f', 'csv'],
      ['compare', 'Nghệ An', 'Hà Tĩnh', '--data', data, '-o', 'o.xlsx', '-f', 'json'],
    ]) {
      const r = await cli([...argv, '-q'], { cwd: dir });
      expect(r.code, argv.join(' ')).toBe(2);
      const f = argv[argv.indexOf('-f') + 1]!;
      const o = argv[argv.indexOf('-o') + 1]!;
      expect(r.stderr).toContain(`-f ${f} mâu thuẫn với tệp -o ${o}`);
      expect(existsSync(join(dir, o))).toBe(false);
    }
    const en = await cli(['score', data, '-o', 'o.xlsx', '-f', 'md', '-q', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('-f md contradicts -o o.xlsx: a .xlsx file cannot hold md');
    expect(en.stderr).toContain('write -f md to a .md file');
  });

  it('keeps the combinations that make sense: the same format, any text in .txt, any format in a name without a known extension', async () => {
    const dir = tmp();
    const data = join(ROOT, 'data/2023.csv');
    for (const [o, f] of [['a.md', 'md'], ['b.txt', 'csv'], ['c.txt', 'json'], ['d.xlsx', 'xlsx'], ['e', 'md'], ['f.out', 'csv']] as const) {
      const r = await cli(['score', data, '-o', o, '-f', f, '-q'], { cwd: dir });
      expect(r.code, `${f} -> ${o}: ${r.stderr}`).toBe(0);
      expect(existsSync(join(dir, o))).toBe(true);
    }
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toMatch(/^rank,/);
  });
});

describe('explain --target-rank', () => {
  it('a rank outside 1..the units ranked is a usage error giving the range (was "hạng 99 / đã đạt")', async () => {
    const r = await cli(['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '99', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--target-rank 99: số liệu chỉ xếp hạng 63 đơn vị');
    expect(r.stderr).toContain('cho một hạng từ 1 đến 63');
    expect(r.stdout).toBe('');
    const en = await cli(['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '64', '-q', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--target-rank 64: the data rank only 63 units');
    expect(en.stderr).toContain('give a rank from 1 to 63');
    // The last rank is still a target (reached by any score).
    const last = await cli(['explain', 'Nghệ An', 'data/2023.csv', '--target-rank', '63', '-q', '-f', 'json']);
    expect(last.code).toBe(0);
    expect(JSON.parse(last.stdout).target.rank).toBe(63);
  });
});

describe("validate's coverage", () => {
  it.each([
    [['data/2023.csv']], [['data/2024.csv']], [['data/components/2023.csv', '-i', 'indicators/dti-components.yaml']],
  ])("equals score's: %j", async (args) => {
    const [file, ...rest] = args;
    const v = await cli(['validate', file!, ...rest, '--lang', 'en', '-q']);
    expect(v.code).toBe(0);
    // score's exact coverage (JSON; the CSV's 4 decimals would round again).
    const cov = JSON.parse((await cli(['score', file!, ...rest, '-f', 'json', '-q', '--no-previous'])).stdout).rankings.map((r: { coverage: number }) => r.coverage) as number[];
    const two = (x: number) => fixed(x, 2);
    expect(v.stdout).toContain(`coverage ${two(Math.min(...cov))}–${two(Math.max(...cov))}\n`);
  });
  it('DTI 2023 and 2024 are complete under their own methods (they were 0.50 and 0.80: every year’s indicators counted)', async () => {
    expect((await cli(['validate', 'data/2023.csv', 'data/2024.csv', '--lang', 'en'])).stdout.match(/coverage 1\.00–1\.00/g)).toHaveLength(2);
  });
});
