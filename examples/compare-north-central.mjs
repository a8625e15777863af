// Compare Nghệ An, Hà Tĩnh and Vĩnh Phúc through the library API (run: node examples/compare-north-central.mjs).
// The same path as the CLI: `load` reads the definitions (the DTI shipped) and the three years'
// files into one run, then `compare` sets the provinces side by side and `trend` follows their
// ranks; every step returns a Result, and `localize` writes a problem as `dti` would print it.
import { fileURLToPath } from 'node:url';
import { compare, load, localize, trend } from 'dti';

const root = fileURLToPath(new URL('..', import.meta.url));
const fail = (r) => { throw new Error(r.errors.map((e) => localize(e, 'en')).join('\n')); };

// Three files (the official DTI of the 63 provinces), one run: every year scored once.
// One definitions file covers the three years: QĐ 922 for 2022–2023, QĐ 405/QĐ-BKHCN for 2024.
const run = await load([2022, 2023, 2024].map((year) => `${root}data/${year}.csv`));
if (!run.ok) fail(run);

const provinces = ['Nghệ An', 'Hà Tĩnh', 'Vĩnh Phúc'];
const result = compare(run.value, provinces, { lang: 'en' });
if (!result.ok) fail(result);
const c = result.value;

for (const year of c.years) {
  console.log(`${year}${c.methodChanges.includes(year) ? ' (method changed: ranks compare two different computations)' : ''}`);
  for (const row of c.rows.filter((r) => r.year === year && (r.section === 'score' || r.section === 'pillar'))) {
    // ranks: among the three; nationalRanks: among the 63 provinces that year.
    const cells = c.units.map((u, k) => `${u.unit} ${row.values[k]?.toFixed(4) ?? '–'} (#${row.ranks[k] ?? '–'} of 3, #${row.nationalRanks[k] ?? '–'} of ${row.ranked})`);
    console.log(`  ${row.label.padEnd(20).slice(0, 20)}  ${cells.join('   ')}`);
  }
}

const t = trend(run.value, { lang: 'en' });
if (!t.ok) fail(t);
for (const u of t.value.units.filter((x) => provinces.includes(x.unit))) {
  console.log(`${u.unit}: rank ${u.series.map((p) => p?.rank ?? '–').join(' → ')} (${t.value.years.join(' → ')})`);
}
