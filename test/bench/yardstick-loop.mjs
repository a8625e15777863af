// Yardstick: the least a tool must do with the file — read it, split the lines and the
// cells, parse every number into a typed column (NaN for an empty cell). No checks, no output.
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8');
const lines = text.split('\n');
const header = lines[0].split(',');
const L = header.length - 2;
const n = lines.length - 2;
const cols = Array.from({ length: L }, () => new Float64Array(n));
for (let i = 1; i <= n; i++) {
  const cells = lines[i].split(',');
  for (let j = 0; j < L; j++) { const c = cells[j + 2]; cols[j][i - 1] = c === '' ? NaN : Number(c); }
}
let s = 0;
for (const c of cols) for (let i = 0; i < n; i++) if (c[i] === c[i]) s += c[i];
if (!(s > 0)) process.exit(1);
