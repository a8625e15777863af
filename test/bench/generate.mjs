// Generates a synthetic benchmark input: `units` free units × `leaves` indicators (10 groups),
// deterministic (a fixed linear congruential generator). Generated data never goes into data/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function generate(dir, units = 10_000, leaves = 100) {
  mkdirSync(dir, { recursive: true });
  let seed = 20261124;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
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
  const lines = [`unit,year,${ids.join(',')}`];
  for (let u = 0; u < units; u++) {
    const cells = [`Đơn vị ${u}`, '2023'];
    for (let j = 0; j < leaves; j++) cells.push(rand() < 0.02 ? '' : (rand() * 100).toFixed(2));
    lines.push(cells.join(','));
  }
  writeFileSync(join(dir, 'bench.yaml'), yaml);
  writeFileSync(join(dir, 'bench.csv'), lines.join('\n') + '\n');
  return { yaml: join(dir, 'bench.yaml'), csv: join(dir, 'bench.csv') };
}
