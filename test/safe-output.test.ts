// Safe output: -o replaces a file atomically (a write that fails half-way leaves the old file
// and no temporary file), keeps its permissions, never replaces a device, FIFO or symbolic
// link, never writes over an input (by file identity), and --check reads line endings
// loosely and a missing file as an I/O error. (Real runs killed: e2e.test.ts.)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutputFs } from '../src/cli/io.js';
import { cli, tmp } from './helpers.js';

const DEFS = 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n';

/** A folder with definitions and data, and a previous output file. */
function project(): { dir: string; out: string; OLD: string } {
  const dir = tmp();
  fs.writeFileSync(join(dir, 'd.yaml'), DEFS);
  fs.writeFileSync(join(dir, 'd.csv'), `unit,a\n${Array.from({ length: 200 }, (_, i) => `Unit ${i},${i / 200}`).join('\n')}\n`);
  const OLD = 'previous output\n';
  fs.writeFileSync(join(dir, 'out.csv'), OLD);
  return { dir, out: join(dir, 'out.csv'), OLD };
}

/**
 * The real file system, except that a write stops half-way with ENOSPC (a full disk): the
 * first half of the bytes reach the file, then the error. A plain (non-atomic) write of the
 * output would leave the target file half-written.
 */
function fullDisk(): OutputFs & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    statSync: (p, o) => fs.statSync(p, o),
    realpathSync: (p) => fs.realpathSync(p),
    writeFileSync: (p, data, o) => {
      writes.push(p);
      fs.writeFileSync(p, data.slice(0, data.length >> 1), o);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
    renameSync: (a, b) => fs.renameSync(a, b),
    unlinkSync: (p) => fs.unlinkSync(p),
    chmodSync: (p, m) => fs.chmodSync(p, m),
    chownSync: (p, u, g) => fs.chownSync(p, u, g),
    readFileSync: (p) => fs.readFileSync(p),
  };
}

describe('-o', () => {
  it('a write that fails half-way leaves the old file whole and no temporary file, with a one-line error', async () => {
    const { dir, out, OLD } = project();
    const disk = fullDisk();
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '--lang', 'en', '-o', 'out.csv'], { cwd: dir, fs: disk });
    expect(disk.writes).toHaveLength(1); // the write did happen, and failed
    expect(r.code).toBe(5);
    expect(r.stderr).toBe('error: cannot write out.csv: no space left on the device\n  hint: free some space, or write elsewhere with -o\n');
    expect(fs.readFileSync(out, 'utf8')).toBe(OLD);
    expect(fs.readdirSync(dir).sort()).toEqual(['d.csv', 'd.yaml', 'out.csv']);
  });

  // NEWUSER 10: a read-only file was replaced (the rename goes round its permission, which
  // `> file` in a shell respects), and a writable file in a folder one cannot write was "permission denied".
  it('refuses to replace a read-only file, exit 5, the file unchanged, vi and en', async () => {
    const { dir, out, OLD } = project();
    fs.chmodSync(out, 0o444);
    const vi = await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '-o', 'out.csv'], { cwd: dir });
    expect(vi.code).toBe(5);
    expect(vi.stderr).toBe('lỗi: không ghi được out.csv: tệp chỉ đọc (không có quyền ghi), nên không thay nó\n'
      + '  gợi ý: cho phép ghi (chmod u+w) nếu muốn thay tệp này, hoặc ghi ra một tệp khác\n');
    expect(fs.readFileSync(out, 'utf8')).toBe(OLD);
    expect(fs.statSync(out).mode & 0o777).toBe(0o444);
    expect(fs.readdirSync(dir).sort()).toEqual(['d.csv', 'd.yaml', 'out.csv']);
    // Writable by its owner but not by this user (another's file): the same (this test may run as root, who may write anything: the check is injected).
    fs.chmodSync(out, 0o644);
    const denied = (): never => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); };
    const other: OutputFs = { ...fs, accessSync: denied } as OutputFs;
    const en = await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '--lang', 'en', '-o', 'out.csv'], { cwd: dir, fs: other });
    expect(en.code).toBe(5);
    expect(en.stderr).toBe('error: cannot write out.csv: the file is read-only (no write permission), so it is not replaced\n'
      + '  hint: allow writing (chmod u+w) to replace it, or write another file\n');
    expect(fs.readFileSync(out, 'utf8')).toBe(OLD);
  });

  it('says that the folder is not writable when the temporary file cannot be made there', async () => {
    const { dir, out, OLD } = project();
    const folderDenied: OutputFs = { ...fs, writeFileSync: () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); } } as OutputFs;
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '--lang', 'en', '-o', 'out.csv'], { cwd: dir, fs: folderDenied });
    expect(r.code).toBe(5);
    expect(r.stderr).toBe('error: cannot write out.csv: no permission to write in the folder . (dti writes a temporary file there and renames it, so that half a file is never left)\n'
      + '  hint: write into a folder you can write to and copy the file over, or get write permission on the folder\n');
    expect(fs.readFileSync(out, 'utf8')).toBe(OLD);
  });

  it('replaces a regular file keeping its permissions, and writes a new one with the usual ones', async () => {
    const { dir, out } = project();
    fs.chmodSync(out, 0o640);
    expect((await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '-o', 'out.csv'], { cwd: dir })).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^rank,/);
    expect((await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '-o', 'new.csv'], { cwd: dir })).code).toBe(0);
    const umask = process.umask();
    expect(fs.statSync(join(dir, 'new.csv')).mode & 0o777).toBe(0o666 & ~umask);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps a symbolic link a link, replacing the file it points to', async () => {
    const { dir, out } = project();
    fs.symlinkSync('out.csv', join(dir, 'link.csv'));
    expect((await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '-o', 'link.csv'], { cwd: dir })).code).toBe(0);
    expect(fs.lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^rank,/);
  });

  it('writes into a character device and a FIFO, never replacing them', async () => {
    const { dir } = project();
    expect((await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '-o', '/dev/null'], { cwd: dir })).code).toBe(0);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    const fifo = join(dir, 'pipe');
    const made = (await import('node:child_process')).spawnSync('mkfifo', [fifo]);
    expect(made.status).toBe(0);
    // The reader is another process, as a FIFO's reader is.
    const chunks: Buffer[] = [];
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    reader.stdout.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((res) => reader.on('exit', res));
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '-f', 'csv', '-o', fifo], { cwd: dir });
    expect(r.code).toBe(0);
    await ended;
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^rank,previous_rank,rank_change,unit,/);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a directory or a socket-like special file with exit 5', async () => {
    const { dir } = project();
    fs.mkdirSync(join(dir, 'folder'));
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '--lang', 'en', '-o', 'folder'], { cwd: dir });
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([5, 'error: cannot write folder: it is a directory']);
  });

  it('never writes over an input: the same path, a hard link, or the file redirected into -', async () => {
    const { dir } = project();
    const before = fs.readFileSync(join(dir, 'd.csv'), 'utf8');
    fs.linkSync(join(dir, 'd.csv'), join(dir, 'hard.csv'));
    for (const target of ['d.csv', './d.csv', 'hard.csv', join(dir, 'd.csv')]) {
      const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '-o', target, '--lang', 'en'], { cwd: dir });
      expect(r.code, target).toBe(2);
      expect(r.stderr).toContain('refusing to write over the input file');
    }
    const defs = await cli(['score', 'd.csv', '-i', 'd.yaml', '-q', '-o', 'd.yaml'], { cwd: dir });
    expect(defs.code).toBe(2);
    // `dti score - < d.csv -o d.csv`: standard input is that file.
    const st = fs.statSync(join(dir, 'd.csv'));
    const piped = await cli(['score', '-', '-i', 'd.yaml', '-q', '-o', 'hard.csv', '--lang', 'en'], { cwd: dir, stdin: before, stdinFile: () => ({ dev: st.dev, ino: st.ino }) });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('(it is standard input)');
    expect(fs.readFileSync(join(dir, 'd.csv'), 'utf8')).toBe(before);
    expect(fs.readFileSync(join(dir, 'd.yaml'), 'utf8')).toBe(DEFS);
  });

  it('template: nor over its --units list (the list was replaced by the template, exit 0)', async () => {
    const dir = tmp();
    const list = 'Nghệ An\nHà Tĩnh\n';
    fs.writeFileSync(join(dir, 'units.csv'), list);
    for (const [lang, said] of [['vi', 'không ghi đè lên tệp đầu vào units.csv'], ['en', 'refusing to write over the input file units.csv']]) {
      const r = await cli(['template', '--units', 'units.csv', '-o', 'units.csv', '--lang', lang!], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(said);
    }
    // --units - reads standard input; -o naming the file redirected into it is refused too.
    const st = fs.statSync(join(dir, 'units.csv'));
    const piped = await cli(['template', '--units', '-', '-o', 'units.csv', '--lang', 'en'], { cwd: dir, stdin: list, stdinFile: () => ({ dev: st.dev, ino: st.ino }) });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('(it is standard input)');
    expect(fs.readFileSync(join(dir, 'units.csv'), 'utf8')).toBe(list);
    // A list that cannot be read says why, as every input does.
    const missing = await cli(['template', '--units', 'none.txt', '-o', 't.csv', '--lang', 'en'], { cwd: dir });
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([5, 'error: cannot read none.txt: no such file']);
    expect(fs.existsSync(join(dir, 't.csv'))).toBe(false);
  });
});

describe('--check', () => {
  it('is up to date with CRLF line endings, stale when the text differs, an I/O error when the file is missing', async () => {
    const { dir } = project();
    const args = ['score', 'd.csv', '-i', 'd.yaml', '-q', '-f', 'md', '--lang', 'en'];
    expect((await cli([...args, '-o', 'r.md'], { cwd: dir })).code).toBe(0);
    const lf = fs.readFileSync(join(dir, 'r.md'), 'utf8');
    fs.writeFileSync(join(dir, 'crlf.md'), lf.replace(/\n/g, '\r\n'));
    const crlf = await cli([...args, '-o', 'crlf.md', '--check'], { cwd: dir });
    expect([crlf.code, crlf.stderr]).toEqual([0, 'crlf.md is up to date\n']);
    fs.writeFileSync(join(dir, 'old.md'), lf.replace('Unit 1', 'Unit 9'));
    expect((await cli([...args, '-o', 'old.md', '--check'], { cwd: dir })).code).toBe(1);
    const missing = await cli([...args, '-o', 'none.md', '--check'], { cwd: dir });
    expect(missing.code).toBe(5);
    expect(missing.stderr).toBe('error: cannot read none.md: no such file\n  hint: run the same command without --check to write it\n');
    fs.mkdirSync(join(dir, 'dir.md'));
    expect((await cli([...args, '-o', 'dir.md', '--check'], { cwd: dir })).code).toBe(5);
  });
});

describe('CSV output', () => {
  it('neutralises spreadsheet formulas in exported text, never in numbers', async () => {
    const dir = tmp();
    fs.writeFileSync(join(dir, 'd.yaml'), DEFS);
    fs.writeFileSync(join(dir, 'd.csv'), 'unit,a\n"=HYPERLINK(""http://x"")",0.5\n+cmd,0.25\n@SUM(A1),-0.5\nSở Tài chính,0.75\n');
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'csv', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(`2,,,"'=HYPERLINK(""http://x"")",,0.5000,1.0000`);
    expect(lines).toContain("3,,,'+cmd,,0.2500,1.0000");
    expect(lines).toContain("4,,,'@SUM(A1),,-0.5000,1.0000"); // the number -0.5 is untouched
    expect(lines).toContain('1,,,Sở Tài chính,,0.7500,1.0000');
  });
});
