// Help in the user's language: under `--lang vi` (the default) every text of `dti --help` and
// `dti <command> --help` is Vietnamese; under `--lang en` it is the English the commands
// declare. Each command declares its help in both languages (`h({ vi, en })`); a text given in
// one language only, or a placeholder without its Vietnamese name, fails here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { HELP_PLACEHOLDERS } from '../src/core/messages-help.js';
import { ALIASES, PROVINCES, PROVINCES_2025, REGIONS } from '../src/core/provinces.js';
import type { Io } from '../src/cli/io.js';
import { ROOT, cli } from './helpers.js';

const COMMAND_FILES = readdirSync(join(ROOT, 'src/commands')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));

/** Every command registered on a program, as run() registers them. */
async function program(lang: 'vi' | 'en'): Promise<Command> {
  const p = new Command('dti');
  const io = { stdout: { write() {} }, stderr: { write() {} }, env: {}, cwd: ROOT, lang } as unknown as Io;
  for (const f of COMMAND_FILES) {
    const m = await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'src/commands', `${f}.ts`)).href) as { register: (p: Command, io: Io, done: (c: number) => void, v: string) => void };
    m.register(p, io, () => {}, '0');
  }
  return p;
}

/** English words that have Vietnamese entries, and that no Vietnamese help may still show. */
const ENGLISH = [
  'Usage', 'Options', 'Arguments', 'Commands', 'Examples', 'Exit', 'Docs', 'default', 'choices', 'display', 'help for',
  'the', 'of', 'and', 'or', 'with', 'to', 'is', 'are', 'for', 'from', 'by', 'each', 'every', 'file', 'files', 'data',
  'write', 'read', 'year', 'years', 'province', 'provinces', 'units', 'when', 'not', 'only', 'its', 'than', 'else',
  'output', 'version', 'number', 'error', 'weights', 'instead', 'also', 'one', 'ranks', 'names', 'spelling', 'abbreviation',
  'no', 'warnings', 'colour', 'language', 'labels', 'if', 'it', 'that', 'which', 'be', 'do', 'exit', 'score', 'scores', 'unit',
  'indicator', 'indicators', 'weight', 'chart', 'page', 'run', 'runs', 'per', 'all', 'over', 'given', 'after', 'before', 'since', 'show',
];

/** What a reader reads, without what is typed (commands of the examples, flags, quoted values, paths, placeholders). */
function prose(text: string): string {
  return text.split('\n').map((line) => {
    // An example: the command typed, then (after two spaces or more) what it does.
    const ex = /^ {2}dti (.*?)(?: {2,}(.*))?$/.exec(line);
    if (ex) return ex[2] ?? '';
    // A command or an argument at the head of its line in a list.
    return line.replace(/^ {2}[a-z]+(?= )/, '');
  }).join('\n')
    .replace(/\bdti [a-z]+/g, ' ')
    .replace(/"[^"\n]*"|'[^'\n]*'/g, ' ')
    .replace(/(?:^|\s)-{1,2}[a-z][\w-]*/gi, ' ')
    .replace(/\S*[/.=]\S*/g, ' ')
    .replace(/[<[][^>\]]*[>\]]/g, ' ');
}

function englishIn(text: string): string[] {
  const p = prose(text);
  return ENGLISH.filter((w) => new RegExp(`(?<![\\p{L}\\w-])${w}(?![\\p{L}\\w-])`, 'u').test(p));
}

const DIACRITICS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** Names of places a help text may show in any language (user data), longest first. */
const PLACES = [...PROVINCES.map((p) => p.name), ...PROVINCES_2025.map((p) => p.name), ...ALIASES.map((a) => a[0]), ...REGIONS.flatMap((r) => [r.name, ...r.aliases]), 'Tỉnh', 'Thành phố', 'Số liệu']
  .sort((a, b) => b.length - a.length);

const NAMES = ['', ...COMMAND_FILES];

/** Every text of a command's help: its description, arguments', options' and the text after them. */
function texts(c: Command): Map<string, string> {
  const out = new Map<string, string>([['description', c.description()]]);
  for (const a of c.registeredArguments) out.set(`<${a.name()}>`, a.description);
  for (const o of c.options) out.set(o.flags, o.description);
  let after = '';
  // commander's Command is an EventEmitter (its typings do not say so); addHelpText listens to 'afterHelp'.
  (c as unknown as { emit: (e: string, ctx: unknown) => void }).emit('afterHelp', { error: false, command: c, write: (t: string) => { after += t; } });
  out.set('after', after);
  return out;
}

describe("each command's help, declared with it in both languages", () => {
  it('has a Vietnamese and a different English for every description, argument, option and example text', async () => {
    const [vi, en] = [await program('vi'), await program('en')];
    expect(vi.commands.length).toBe(COMMAND_FILES.length);
    expect(vi.commands.length).toBeGreaterThanOrEqual(11);
    let checked = 0;
    vi.commands.forEach((c, k) => {
      const [tv, te] = [texts(c), texts(en.commands[k]!)];
      expect([...tv.keys()]).toEqual([...te.keys()]);
      for (const [what, v] of tv) {
        const e = te.get(what)!;
        // commander's own -h (its words are in messages-help.ts); an argument may go without a description.
        if (what === '-h, --help' || (v === '' && e === '')) continue;
        expect(v.trim(), `${c.name()} ${what}: no Vietnamese`).not.toBe('');
        expect(e.trim(), `${c.name()} ${what}: no English`).not.toBe('');
        expect(v, `${c.name()} ${what}: the same in both languages: give it h({ vi, en })`).not.toBe(e);
        expect(v.normalize('NFC'), `${c.name()} ${what}: not NFC`).toBe(v);
        checked++;
      }
      for (const a of c.registeredArguments) expect(HELP_PLACEHOLDERS[a.name()], `<${a.name()}>: no entry in HELP_PLACEHOLDERS`).toBeDefined();
      for (const o of c.options) for (const m of o.flags.matchAll(/<([^>]+)>/g)) expect(HELP_PLACEHOLDERS[m[1]!], `${o.flags}: no entry in HELP_PLACEHOLDERS`).toBeDefined();
    });
    expect(checked).toBeGreaterThan(180);
  });
});

describe('help under --lang vi (the default)', () => {
  it('is Vietnamese throughout: dti --help, dti <command> --help, dti help <command>, -h among short flags', async () => {
    const runs: string[][] = [];
    for (const n of NAMES) runs.push(n === '' ? ['--help'] : [n, '--help'], n === '' ? ['help'] : ['help', n]);
    runs.push([], ['score', '-qh'], ['provinces', '-h', '--lang', 'vi']);
    for (const args of runs) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(args.length === 0 ? 2 : 0);
      const out = r.stdout;
      expect(out, args.join(' ')).toMatch(/^Cách dùng: dti/);
      expect(englishIn(out).join(' '), `English left in 'dti ${args.join(' ')}':\n${out}`).toBe('');
    }
  });
  it('says what commander says, in Vietnamese', async () => {
    const top = (await cli(['--help'])).stdout;
    expect(top).toContain('Cách dùng: dti [tùy chọn] [lệnh]');
    expect(top).toMatch(/^Tùy chọn:$/m);
    expect(top).toMatch(/^Lệnh:$/m);
    expect(top).toMatch(/^ {2}-V, --version +in số phiên bản$/m);
    expect(top).toMatch(/^ {2}help \[lệnh\] +hiển thị trợ giúp cho lệnh$/m);
    expect(top).toMatch(/^Mã thoát:$/m);
    const score = (await cli(['score', '--help'])).stdout;
    expect(score).toContain('Cách dùng: dti score [tùy chọn] <số-liệu...>');
    expect(score).toMatch(/^Tham số:$/m);
    expect(score).toMatch(/^ {2}-o, --output <tệp> +ghi vào tệp/m);
    expect(score.replace(/\s+/g, ' ')).toContain('(một trong: "pillars", "groups", "indicators"; mặc định: "pillars")');
    expect(score).toMatch(/^ {2}-h, --help +hiển thị trợ giúp cho lệnh$/m);
    expect(score).toMatch(/^Ví dụ:$/m);
    // The examples' commands are not translated.
    expect(score).toContain('dti score data/2023.csv -o rankings/2023.md --check');
  });
  it('shows the same examples in both languages', async () => {
    for (const n of NAMES) {
      const args = n === '' ? ['--help'] : [n, '--help'];
      const commands = (t: string) => t.split('\n').filter((l) => l.startsWith('  dti ')).map((l) => l.split(/ {2,}/)[1]);
      expect(commands((await cli(args)).stdout), n).toEqual(commands((await cli([...args, '--lang', 'en'])).stdout));
    }
  });
});

describe('help under --lang en', () => {
  it('is English throughout (place names aside), with commander’s own words', async () => {
    for (const n of NAMES) {
      for (const args of n === '' ? [['--help', '--lang', 'en']] : [[n, '--help', '--lang', 'en'], ['help', n, '--lang=en']]) {
        const r = await cli(args);
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/^Usage: dti/);
        let t = r.stdout.replace(/\s+/g, ' ');
        for (const p of PLACES) t = t.split(p).join(' ');
        expect(new RegExp(`.{0,30}${DIACRITICS.source}.{0,30}`, 'i').exec(t)?.[0], `Vietnamese in 'dti ${args.join(' ')}'`).toBeUndefined();
      }
    }
    const score = (await cli(['score', '--help', '--lang', 'en'])).stdout;
    expect(score).toContain('Usage: dti score [options] <data...>');
    expect(score.replace(/\s+/g, ' ')).toContain('(choices: "pillars", "groups", "indicators", default: "pillars")');
    expect(score).toMatch(/^ {2}-h, --help +display help for command$/m);
  });
});
