// Safe output, end to end: a run killed at any moment leaves the previous output intact
// (never half a file); -o refuses to overwrite an input; CSV cells cannot smuggle formulas.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tmp } from './helpers.js';
// @ts-expect-error — a plain .mjs helper shared with the benchmark
import { generate } from './bench/generate.mjs';

const BIN = join(ROOT, 'bin/dti.js');

describe('safe output', () => {
  it('a run killed mid-way leaves the previous output file intact', async () => {
    const dir = tmp();
    const { csv, yaml } = generate(dir, 30000, 100) as { csv: string; yaml: string };
    const out = join(dir, 'ranking.json');
    const args = [BIN, 'score', csv, '-i', yaml, '-f', 'json', '--detail', 'indicators', '-q', '-o', out];
    // The complete new output, for reference.
    expect(spawnSync(process.execPath, args, { encoding: 'utf8' }).status).toBe(0);
    const complete = readFileSync(out, 'utf8');
    expect(complete.length).toBeGreaterThan(1_000_000);
    const OLD = '{"previous": "output"}\n';
    const outcomes = new Set<string>();
    for (const ms of [150, 400, 800, 1200, 1600, 2000, 2600]) {
      writeFileSync(out, OLD);
      const child = spawn(process.execPath, args, { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const now = readFileSync(out, 'utf8');
      // Either untouched or the whole new file: never a fragment.
      expect(now === OLD || now === complete, `killed at ${ms} ms: ${now.length} bytes`).toBe(true);
      outcomes.add(now === OLD ? 'old' : 'new');
    }
    // At least one kill landed before the rename (the run takes seconds at this size).
    expect(outcomes.has('old')).toBe(true);
  }, 120_000);

  it('refuses to overwrite an input file, through the binary too', () => {
    const r = spawnSync(process.execPath, [BIN, 'score', 'data/2023.csv', '-o', 'data/2023.csv', '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('refusing to write over the input file data/2023.csv');
    expect(readFileSync(join(ROOT, 'data/2023.csv'), 'utf8')).toMatch(/^province,year,/);
  });

  it('neutralises spreadsheet formulas in exported text, never in numbers', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.yaml'), 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n');
    writeFileSync(join(dir, 'd.csv'), 'unit,a\n"=HYPERLINK(""http://x"")",0.5\n+cmd,0.25\n@SUM(A1),-0.5\nSở Tài chính,0.75\n');
    const r = await cli(['score', 'd.csv', '-i', 'd.yaml', '-f', 'csv', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(`2,,,"'=HYPERLINK(""http://x"")",,0.5000,1.0000`);
    expect(lines).toContain("3,,,'+cmd,,0.2500,1.0000");
    expect(lines).toContain("4,,,'@SUM(A1),,-0.5000,1.0000"); // the number -0.5 is untouched
    expect(lines).toContain('1,,,Sở Tài chính,,0.7500,1.0000');
  });
});
