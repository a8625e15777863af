// What the hostile-input tests share (hostile.test.ts, scale.test.ts, fuzz.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { tmp } from './helpers.js';

export const ESC = '\u001b';
export const DEFS = 'schema: dti/v1\nid: t\nname: T\nindicators:\n  - id: a\n    name: A\n  - id: b\n    name: B\n';

/** A folder with the definitions and one data file. */
export function files(csv: string | Uint8Array, defs = DEFS): string {
  const dir = tmp();
  writeFileSync(join(dir, 'd.yaml'), defs);
  writeFileSync(join(dir, 'd.csv'), csv);
  return dir;
}

/** What every failing run must look like: a documented exit code, no stack trace, no internal error. */
export function userError(r: { code: number; stderr: string }, code: number) {
  expect(r.code, r.stderr.slice(0, 500)).toBe(code);
  expect(r.stderr).not.toMatch(/internal error|lỗi nội bộ|\n\s+at .+:\d+:\d+\)?\n/);
}
