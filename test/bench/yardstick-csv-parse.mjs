// Yardstick: csv-parse's synchronous parse of the same file into records (arrays of strings).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const records = parse(readFileSync(process.argv[2], 'utf8'));
if (records.length < 2) process.exit(1);
