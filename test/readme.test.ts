// The documentation's examples are real. Every block that shows a command's output
// ("$ dti …" then what it prints) in README.md, README.en.md and docs/*.md is the real output of
// that command on an 80-column UTF-8 terminal without colour (an ENV=value prefix sets more;
// a last line '…' compares the beginning only). Every `dti` line of the READMEs' sh blocks and
// CI recipes runs and succeeds, its -o files written in a temporary folder.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';

const READMES = ['README.md', 'README.en.md'];
const DOCS = [...READMES, ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = (f: string) => readFileSync(join(ROOT, f), 'utf8');

/** Words of a shell line: quoted words ("Nghệ An") are one word; a trailing # comment is dropped. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(#.*$)|(\S+)/g)) {
    if (m[2] !== undefined) break;
    out.push(m[1] ?? m[3]!);
  }
  return out;
}

/** `dti …`, `npx dti …`, `node bin/dti.js …`, `./node_modules/.bin/dti …`: the arguments after the program. */
function dtiArgs(ws: string[]): string[] | null {
  const k = ws.findIndex((w) => w === 'dti' || w.endsWith('/dti') || w === 'bin/dti.js');
  if (k < 0 || ws.slice(0, k).some((w) => !/^(npx|node|[A-Z_]+=.*)$/.test(w))) return null;
  return ws.slice(k + 1);
}

const TERMINAL = { NO_COLOR: '1', LANG: 'C.UTF-8', COLUMNS: '80' };

interface Shown { file: string; env: Record<string, string>; args: string[]; output: string }

function shownOutputs(file: string): Shown[] {
  const out: Shown[] = [];
  for (const m of text(file).matchAll(/```\n\$ ([^\n]+)\n([\s\S]*?)```/g)) {
    const ws = words(m[1]!);
    const env: Record<string, string> = {};
    while (ws.length > 0 && /^[A-Z_]+=/.test(ws[0]!)) { const [k, v] = ws.shift()!.split('='); env[k!] = v!; }
    const args = dtiArgs(ws);
    if (args === null) throw new Error(`${file}: '$ ${m[1]}' is not a dti command`);
    out.push({ file, env, args, output: m[2]! });
  }
  return out;
}

describe('every output the documentation shows is the real output of its command', () => {
  const all = DOCS.flatMap(shownOutputs);
  it('there are some in each README', () => {
    for (const f of READMES) expect(all.filter((s) => s.file === f).length).toBeGreaterThanOrEqual(2);
  });
  for (const s of all) {
    it(`${s.file}: dti ${s.args.join(' ')}`, async () => {
      const r = await cli(s.args, { tty: true, env: { ...TERMINAL, ...s.env } });
      expect(r.code).toBe(0);
      const lines = s.output.split('\n');
      if (lines[lines.length - 2] === '…') expect(r.stdout.startsWith(lines.slice(0, -2).join('\n') + '\n')).toBe(true);
      else expect(r.stdout).toBe(s.output);
    });
  }
});

/** The `dti` lines of a README's sh blocks and of its CI recipe (yaml `- run:` lines). */
function commands(file: string): string[][] {
  const out: string[][] = [];
  for (const m of text(file).matchAll(/```(sh|yaml)\n([\s\S]*?)```/g)) {
    for (const line of m[2]!.split('\n')) {
      const args = dtiArgs(words(line.replace(/^- run: /, '')));
      if (args !== null) out.push(args);
    }
  }
  return out;
}

describe('every dti command of the READMEs runs', () => {
  let dir: string;
  beforeAll(() => { dir = tmp(); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of READMES) {
    for (const args of commands(file)) {
      it(`${file}: dti ${args.join(' ')}`, async () => {
        // Output files go to the temporary folder; a file of the reader's own (so-lieu.xlsx) is
        // not shipped: the command is checked up to reading it (its options are valid: exit 5, not 2).
        const o = args.indexOf('-o');
        const a = o < 0 ? args : [...args.slice(0, o + 1), join(dir, file, args[o + 1]!.replace(/\//g, '_')), ...args.slice(o + 2)];
        const own = args.filter((x) => /\.(csv|xlsx|txt)$/.test(x) && args[args.indexOf(x) - 1] !== '-o' && !existsSync(join(ROOT, x)));
        mkdirSync(join(dir, file), { recursive: true });
        if (a.includes('--check')) {
          // A CI recipe line: regenerated first, then checked fresh.
          const write = await cli(a.filter((x) => x !== '--check'), { cwd: ROOT });
          expect(write.stderr).not.toMatch(/lỗi|error/);
          expect(write.code).toBe(0);
        }
        const r = await cli(a, { cwd: ROOT });
        expect(r.code, r.stderr).toBe(own.length > 0 ? 5 : 0);
      });
    }
  }
});

/** A README's library example: its ```js block (importing 'dti') and the ```text block after it, what it prints. */
function libraryExamples(file: string): { code: string; output: string }[] {
  return [...text(file).matchAll(/```js\n([\s\S]*?)```\s*```text\n([\s\S]*?)```/g)].map((m) => ({ code: m[1]!, output: m[2]! }));
}

describe("the READMEs' library example runs and prints what they show", () => {
  for (const file of READMES) {
    it(`${file}: three files, three provinces, at most ten lines, no dataset built by hand`, () => {
      const all = libraryExamples(file);
      expect(all).toHaveLength(1);
      const { code, output } = all[0]!;
      expect(code.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
      expect(code).toMatch(/from 'dti'/);
      for (const f of ['data/2022.csv', 'data/2023.csv', 'data/2024.csv', 'Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc']) expect(code).toContain(f);
      expect(code).not.toMatch(/records|unitKind|readFileSync/);
      // As a script of another project: the package installed in its node_modules, run where the data are.
      const dir = tmp();
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(ROOT, join(dir, 'node_modules', 'dti'), 'dir');
      writeFileSync(join(dir, 'example.mjs'), code);
      const r = spawnSync(process.execPath, [join(dir, 'example.mjs')], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(output);
    });
  }
});

describe('docs/API.md\'s example runs and prints what it shows', () => {
  it('docs/API.md', () => {
    const all = libraryExamples('docs/API.md');
    expect(all).toHaveLength(1);
    const dir = tmp();
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'dti'), 'dir');
    writeFileSync(join(dir, 'example.mjs'), all[0]!.code);
    const r = spawnSync(process.execPath, [join(dir, 'example.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(all[0]!.output);
  });
});

describe('README.md is the analyst\'s, in Vietnamese; README.en.md the same in English', () => {
  it('README.md is at most 350 lines, and Vietnamese', () => {
    const vi = text('README.md');
    expect(vi.split('\n').length).toBeLessThanOrEqual(350);
    const headings = [...vi.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Cài đặt', 'Xếp hạng', 'Giải thích: tỉnh mất điểm ở đâu', 'Kiểm định thống kê: các chỉ số chính có cùng đo một điều?', 'Báo cáo cho lãnh đạo', 'Excel', 'Tích hợp liên tục (CI)', 'Dùng như thư viện JavaScript', 'Đọc thêm']);
  });
  it('README.en.md has the same sections, commands and examples', () => {
    const vi = text('README.md');
    const en = text('README.en.md');
    expect([...en.matchAll(/^## /gm)].length).toBe([...vi.matchAll(/^## /gm)].length);
    // The same commands, up to output names and --lang en.
    const norm = (f: string) => commands(f).map((a) => a.filter((x, i) => x !== '--lang' && a[i - 1] !== '--lang' && a[i - 1] !== '-o').join(' '));
    expect(norm('README.en.md')).toEqual(norm('README.md'));
    expect(shownOutputs('README.en.md').map((s) => s.args.filter((x) => x !== '--lang' && x !== 'en').join(' ')))
      .toEqual(shownOutputs('README.md').map((s) => s.args.join(' ')));
  });
  it('links only to files that exist', () => {
    for (const f of DOCS) {
      const base = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
      for (const m of text(f).matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)) expect(existsSync(join(ROOT, base, m[1]!)), `${f} → ${m[1]}`).toBe(true);
    }
  });
});
