// Preloaded into a benchmarked child (node --import): at exit, appends the child's peak
// resident memory (process.resourceUsage().maxRSS, in kB) to the file named by BENCH_RSS_FILE.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
