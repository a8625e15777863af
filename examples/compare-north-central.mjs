// Compare Nghệ An, Hà Tĩnh and Vĩnh Phúc through the library API (run: node examples/compare-north-central.mjs).
// The same pure functions the CLI uses: load the definitions and each year's data, then
// compare the three provinces pillar by pillar and follow their ranks across the years.
import { readFileSync } from 'node:fs';
import { build, compare, loadData, loadDefinitions, trend } from 'dti';

const root = new URL('..', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

const defs = loadDefinitions(read('indicators/dti.yaml'), 'indicators/dti.yaml');
if (!defs.ok) throw new Error(defs.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`).join('\n'));
const fw = defs.value;

// Three files (the official DTI of the 63 provinces), one run: every year scored once.
// One definitions file covers the three years: QĐ 922 for 2022–2023, QĐ 405/QĐ-BKHCN for 2024.
const datasets = [];
for (const year of [2022, 2023, 2024]) {
  const data = loadData(read(`data/${year}.csv`), fw, { file: `data/${year}.csv`, fileYear: year });
  if (!data.ok) throw new Error(data.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`).join('\n'));
  datasets.push(data.value);
}
const built = build(fw, datasets);
if (!built.ok) throw new Error(built.errors[0].message);
const run = built.value;

const provinces = ['Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc'];
const result = compare(run, provinces, { lang: 'en' });
if (!result.ok) throw new Error(result.errors[0].message);
const c = result.value;

for (const year of c.years) {
  console.log(`${year}${c.methodChanges.includes(year) ? ' (method changed: ranks compare two different computations)' : ''}`);
  for (const row of c.rows.filter((r) => r.year === year && (r.section === 'score' || r.section === 'pillar'))) {
    // ranks: among the three; nationalRanks: among the 63 provinces that year.
    const cells = c.units.map((u, k) => `${u.unit} ${row.values[k]?.toFixed(4) ?? '–'} (#${row.ranks[k] ?? '–'} of 3, #${row.nationalRanks[k] ?? '–'} of ${row.ranked})`);
    console.log(`  ${row.label.padEnd(20).slice(0, 20)}  ${cells.join('   ')}`);
  }
}

const t = trend(run, { lang: 'en' }).value;
for (const u of t.units.filter((x) => provinces.includes(x.unit))) {
  console.log(`${u.unit}: rank ${u.series.map((p) => p?.rank ?? '–').join(' → ')} (${t.years.join(' → ')})`);
}
