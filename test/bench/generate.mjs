// Generates a synthetic benchmark input: `units` free units × `leaves` indicators (10 groups),
// deterministic (a fixed seed) and with every row distinct: values come from a 32-bit
// xorshift generator whose period (2^32 − 1) is far beyond the 10^7 cells of the largest
// file, and each unit's name is unique. Generated data never goes into data/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** xorshift32 (Marsaglia 2003): integer arithmetic only, so no precision is lost. */
function xorshift(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

export function generate(dir, units = 10_000, leaves = 100) {
  mkdirSync(dir, { recursive: true });
  const rand = xorshift(20261124);
  const methods = ['target', 'goalposts', 'minmax', 'rank', 'zscore'];
  const groups = 10;
  const per = leaves / groups;
  let yaml = 'schema: dti/v1\nid: bench\nname: Bench\nmissing: exclude\nindicators:\n';
  const ids = [];
  for (let g = 0; g < groups; g++) {
    yaml += `  - id: g${g}\n    name: Group ${g}\n    weight: ${g + 1}\n    children:\n`;
    for (let k = 0; k < per; k++) {
      const id = `x${g * per + k}`;
      ids.push(id);
      const m = methods[(g * per + k) % methods.length];
      const norm = m === 'target' ? '{ method: target, target: 80 }' : m === 'goalposts' ? '{ method: goalposts, min: 0, max: 100 }' : `{ method: ${m} }`;
      yaml += `      - id: ${id}\n        name: Indicator ${id}\n        normalize: ${norm}\n`;
    }
  }
  yaml += 'pillars:\n  - id: p1\n    name: P1\n    members: [g0, g1, g2]\n  - id: p2\n    name: P2\n    members: [g3, g4, g5, g6]\n';
  const csv = join(dir, `bench-${units}x${leaves}.csv`);
  const distinct = new Set();
  const parts = [`unit,year,${ids.join(',')}\n`];
  let chunk = '';
  for (let u = 0; u < units; u++) {
    let values = '';
    for (let j = 0; j < leaves; j++) values += `,${rand() < 0.02 ? '' : (rand() * 100).toFixed(2)}`;
    distinct.add(values);
    chunk += `Đơn vị ${u},2023${values}\n`;
    if (chunk.length > 1 << 20) { parts.push(chunk); chunk = ''; }
  }
  parts.push(chunk);
  writeFileSync(join(dir, 'bench.yaml'), yaml);
  writeFileSync(csv, parts.join(''));
  // Distinct value rows, names aside (the old generator repeated about every 1,000 rows).
  return { yaml: join(dir, 'bench.yaml'), csv, units, leaves, distinctValueRows: distinct.size };
}
