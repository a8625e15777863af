// detectDelimiter counts fields by UTF-16 units (and with indexOf when a line has no quote)
// rather than with a string iterator, which was a noticeable part of every start-up: the
// same answers as counting by characters, on random texts of quotes, delimiters, pairs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../src/load/office.js';

/** detectDelimiter as it was, by characters (the reference). */
function reference(text: string) {
  const fieldCount = (line: string, d: string) => {
    let n = 1;
    let q = false;
    for (const ch of line) {
      if (ch === '"') q = !q;
      else if (ch === d && !q) n++;
    }
    return n;
  };
  const lines: string[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lines.length < 40 && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  const fits: { d: string; lines: number }[] = [];
  for (const d of [',', ';', '\t']) {
    const counts = lines.map((l) => fieldCount(l, d)).filter((n) => n > 1);
    if (counts.length === 0) continue;
    const w = counts[0]!;
    if (counts.every((n) => n === w) || (counts.length >= 4 && counts.filter((n) => n === w).length >= counts.length * 0.9)) fits.push({ d, lines: counts.length });
  }
  const most = Math.max(0, ...fits.map((f) => f.lines));
  const candidates = fits.filter((f) => f.lines === most).map((f) => f.d);
  return { delimiter: candidates.length === 1 ? candidates[0] : undefined, candidates };
}

describe('detectDelimiter', () => {
  it('answers as counting by characters does, on random texts', () => {
    const piece = fc.constantFrom(',', ';', '\t', '"', '\n', '\r\n', ' ', 'a', 'Hà Nội', '7,5', '😀', '\ufeff', '\ud83d', 'x;y');
    fc.assert(fc.property(fc.array(piece, { maxLength: 400 }), (parts) => {
      const text = parts.join('');
      expect(detectDelimiter(text)).toEqual(reference(text));
    }), { numRuns: 3000, seed: 15 });
  });
  it('reads the shipped data files as before', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('./helpers.js');
    const files = readdirSync(join(ROOT, 'data'), { recursive: true }).map(String).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(join(ROOT, 'data', f), 'utf8');
      expect([f, detectDelimiter(text)]).toEqual([f, reference(text)]);
    }
  });
});
