// Checks, by hand, that every quoted phrase of data/components/sources.csv stands verbatim in the document
// it names (whitespace folded: the stored copies hold non-breaking spaces). The documents are
// news articles and provincial plans (see data/components/documents.csv: title, publisher, date, URL); the
// project does not redistribute their text, so this is not part of `npm test`. Give the folder
// that holds the stored copies named in the `stored_copy` column:
//   node test/tools/check-quotes.mjs /path/to/stored-copies
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node test/tools/check-quotes.mjs <folder with the stored copies>');
  process.exit(2);
}
const root = new URL('../../', import.meta.url);
const read = (p) => parse(readFileSync(new URL(p, root)), { columns: true, bom: true });
const fold = (s) => s.split(/\s+/u).filter(Boolean).join(' ');
const docs = new Map(read('data/components/documents.csv').map((d) => [d.document, d]));
const texts = new Map();
let bad = 0;
let n = 0;
for (const s of read('data/components/sources.csv')) {
  const d = docs.get(s.document);
  if (!d) { console.error(`${s.province} ${s.indicator}: unknown document '${s.document}'`); bad++; continue; }
  if (!texts.has(d.stored_copy)) texts.set(d.stored_copy, fold(readFileSync(join(dir, d.stored_copy), 'utf8')));
  n++;
  if (!texts.get(d.stored_copy).includes(fold(s.phrase))) { console.error(`NOT VERBATIM: ${s.year} ${s.province} ${s.indicator}: ${s.phrase}`); bad++; }
}
console.log(`${n - bad} of ${n} phrases found verbatim`);
process.exit(bad ? 1 : 0);
