// npm run bench (part 2, run by bench.mjs under each Node): sensitivity replications per second, beside the practical limit.
//  - dti: the library's sensitivity() (weights ±25 %, every level), end to end: plan, runs, per-unit statistics;
//  - yardstick: a minimal typed-array loop doing only what every run must do (draw the weights,
//    the weighted sums up the tree, a sort to ranks), on the same normalised matrix.
// Both on a 63-unit × 40-indicator four-level index (root → 4 → 8 → 40) and on 10,000 × 100
// (root → 4 → 20 → 100); the ratio dti/yardstick (time per run) is what to watch.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The checkout measured: this one, or BENCH_DTI_ROOT's (as bench.mjs).
const ROOT = process.env.BENCH_DTI_ROOT ?? fileURLToPath(new URL('../..', import.meta.url));
const lib = await import(join(ROOT, 'dist/index.js'));
const { loadDefinitions, loadData } = lib;
// The engine's internals are dti/engine since the library API took runs (the top entry before, spelt normalize…).
const engine = existsSync(join(ROOT, 'dist/engine/index.js')) ? await import(join(ROOT, 'dist/engine/index.js')) : lib;
const normaliseMatrix = engine.normaliseMatrix ?? engine.normalizeMatrix;
/** The library's sensitivity on these rows, the run built inside the timing (as `sensitivity(fw, rows, year, spec)` did before runs). */
const sensitivity = (fw, records, year, spec) => {
  if (lib.build === undefined) return lib.sensitivity(fw, records, year, spec);
  const run = lib.build(fw, [{ unitKind: 'unit', layout: 'wide', map: null, records }], { year });
  return run.ok ? lib.sensitivity(run.value, spec) : run;
};

/** A four-level index: `top` main indices, each with `mid` groups of `per` leaves; deterministic data, nothing missing. */
async function build(units, top, mid, per) {
  let seed = 20261202;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let yaml = 'schema: dti/v1\nid: bench4\nname: Bench\nmissing: exclude\nindicators:\n';
  const ids = [];
  for (let t = 0; t < top; t++) {
    yaml += `  - id: t${t}\n    name: T${t}\n    weight: ${t + 1}\n    children:\n`;
    for (let m = 0; m < mid; m++) {
      yaml += `      - id: t${t}m${m}\n        name: M\n        weight: ${m + 1}\n        children:\n`;
      for (let k = 0; k < per; k++) {
        const id = `x${ids.length}`;
        ids.push(id);
        yaml += `          - id: ${id}\n            name: X\n            normalize: { method: goalposts, min: 0, max: 100 }\n`;
      }
    }
  }
  const lines = [`unit,${ids.join(',')}`];
  for (let u = 0; u < units; u++) lines.push([`U${u}`, ...ids.map(() => (rand() * 100).toFixed(2))].join(','));
  // The loaders take { text } and are async since the library's load(); plain text before.
  const fw = lib.load === undefined ? loadDefinitions(yaml).value : (await loadDefinitions({ text: yaml })).value;
  const csv = lines.join('\n') + '\n';
  const ds = (lib.load === undefined ? loadData(csv, fw) : await loadData({ text: csv, file: 'bench.csv' }, fw)).value;
  return { fw, records: ds.records };
}

/** The yardstick: per run, weights × U(0.75, 1.25), weighted means level by level, a sort to ranks. */
function yardstick(fw, norm, n, runs) {
  const N = fw.nodes.length;
  const base = Float64Array.from(fw.nodes, (x) => x.weight);
  const w = new Float64Array(N);
  const buf = new Float64Array(N * n);
  const cols = fw.nodes.map((x, k) => (x.leaf >= 0 ? norm.subarray(x.leaf * n, (x.leaf + 1) * n) : buf.subarray(k * n, (k + 1) * n)));
  const groups = fw.nodes.flatMap((x, k) => (x.leaf < 0 ? [k] : []));
  const sorted = new Float64Array(n);
  const ranks = new Int32Array(n);
  let s = 1;
  const rand = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  let check = 0;
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < N; k++) w[k] = base[k] * (0.75 + 0.5 * rand());
    for (const g of groups) {
      const out = cols[g];
      out.fill(0);
      let sw = 0;
      for (const c of fw.nodes[g].children) {
        const wc = w[c];
        const col = cols[c];
        sw += wc;
        for (let i = 0; i < n; i++) out[i] += wc * col[i];
      }
      for (let i = 0; i < n; i++) out[i] /= sw;
    }
    const root = cols[fw.root];
    sorted.set(root);
    sorted.sort();
    for (let i = 0; i < n; i++) {
      let lo = 0;
      let hi = n;
      const k = root[i];
      while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] <= k) lo = mid + 1; else hi = mid; }
      ranks[i] = n - lo + 1;
    }
    check += ranks[0];
  }
  return check;
}

const median = (xs) => { const a = [...xs].sort((x, y) => x - y); return a[a.length >> 1]; };

async function measure(label, units, top, mid, per, runs, reps) {
  const { fw, records } = await build(units, top, mid, per);
  const norm = normaliseMatrix(fw, records);
  const dtiMs = [];
  const yardMs = [];
  // Warm up both, then alternate so the machine's load falls on both alike.
  sensitivity(fw, records, null, { runs: Math.max(2, runs >> 3), weights: { spread: 0.25 } });
  yardstick(fw, norm, records.length, Math.max(2, runs >> 3));
  for (let i = 0; i < reps; i++) {
    let t0 = performance.now();
    const r = sensitivity(fw, records, null, { runs, weights: { spread: 0.25 } });
    dtiMs.push(performance.now() - t0);
    if (!r.ok) throw new Error('sensitivity failed');
    t0 = performance.now();
    yardstick(fw, norm, records.length, runs);
    yardMs.push(performance.now() - t0);
  }
  const d = median(dtiMs);
  const y = median(yardMs);
  return {
    [label]: {
      units, indicators: fw.leaves.length, levels: 4, runs,
      dtiRunsPerSecond: Math.round(runs / (d / 1000)), yardstickRunsPerSecond: Math.round(runs / (y / 1000)),
      ratio: Math.round((d / y) * 100) / 100,
    },
  };
}

const REPS = Number(process.env.BENCH_REPS ?? 5);
console.log(JSON.stringify({
  sensitivity: {
    ...(await measure('63x40', 63, 4, 2, 5, 20_000, REPS)),
    ...(await measure('10000x100', 10_000, 4, 5, 5, 200, REPS)),
    note: 'ratio = dti time per run ÷ yardstick time per run (1 = the practical limit); dti includes normalising once and the per-unit statistics',
  },
}, null, 2));
