// npm run bench: wall times as JSON (median of repeated runs). No timing lives in unit tests.
//  - startup: `dti score data/2023.csv` against bare `node -e ''`, both spawned the same way;
//  - large: `dti score` on a generated 10,000 units × 100 indicators file;
//  - reweight: re-aggregating that file's normalised matrix with new weights, in-process.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generate } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/dti.js');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => Math.round(x * 10) / 10;

function time(args, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const t1 = process.hrtime.bigint();
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    out.push(Number(t1 - t0) / 1e6);
  }
  return median(out);
}

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const node = time(['-e', ''], RUNS);
const score = time([BIN, 'score', 'data/2023.csv', '-f', 'csv', '-q'], RUNS);

const gen = generate(join(ROOT, 'test/bench/generated'));
const bigRuns = Math.max(3, Math.round(RUNS / 3));
const big = time([BIN, 'score', gen.csv, '-i', gen.yaml, '-f', 'csv', '-q'], bigRuns);
const bigJson = time([BIN, 'score', gen.csv, '-i', gen.yaml, '-f', 'json', '--detail', 'indicators', '-q'], bigRuns);

const { loadDefinitions, loadData, normalizeMatrix, aggregate, defaultWeights } = await import(join(ROOT, 'dist/index.js'));
const fwr = loadDefinitions(readFileSync(gen.yaml, 'utf8'));
const dsr = loadData(readFileSync(gen.csv, 'utf8'), fwr.value);
const fw = fwr.value;
const recs = dsr.value.records;
let t0 = performance.now();
const norm = normalizeMatrix(fw, recs);
const normalizeMs = performance.now() - t0;
const w = defaultWeights(fw);
const REPS = 50;
t0 = performance.now();
for (let i = 0; i < REPS; i++) { w[fw.index.get('g0')] = 1 + i / REPS; aggregate(fw, norm, recs.length, w); }
const reweightMs = (performance.now() - t0) / REPS;

console.log(JSON.stringify({
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  runs: RUNS,
  startup: { nodeBareMs: ms(node), dtiScore2023Ms: ms(score), ratio: Math.round((score / node) * 100) / 100 },
  large: { units: 10000, indicators: 100, csvMs: ms(big), jsonWithIndicatorsMs: ms(bigJson) },
  reweight: { normalizeMs: ms(normalizeMs), aggregatePerReweightMs: ms(reweightMs) },
}, null, 2));
