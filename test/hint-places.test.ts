// Every document a message sends the reader to exists, and so does the section it names
// (two hints named README sections that no README has: "File formats", "dti sensitivity").
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('places named by messages', () => {
  for (const file of ['src/core/messages-vi.ts', 'src/core/messages-en.ts']) {
    it(`${file}: every .md named exists, with the section named; no bare README`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const named = [...text.matchAll(/((?:docs|indicators)\/[\w.-]+\.md|README(?:\.en)?\.md)(?:, (?:mục|section) ([^'`)]+))?/g)];
      expect(named.length).toBeGreaterThanOrEqual(2);
      for (const [, doc, section] of named) {
        expect(existsSync(join(ROOT, doc!)), doc).toBe(true);
        if (section !== undefined) {
          const headings = readFileSync(join(ROOT, doc!), 'utf8').split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/[#`]/g, '').trim());
          expect(headings.some((h) => h.startsWith(section.trim())), `${doc}: ${section}`).toBe(true);
        }
      }
      // 'README' alone names no file: which one, and where in it, is the reader's guess.
      expect(text.match(/README(?!\.md)/g) ?? []).toEqual([]);
    });
  }
});
