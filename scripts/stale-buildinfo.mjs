// Build step, before tsc: tsc's incremental record (tsconfig.json's tsBuildInfoFile, kept in
// node_modules/.cache so that it is never packed) says what it emitted into dist/; when dist/
// was removed (rm -rf dist) that record is stale and tsc would emit nothing. Remove it then.
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${ROOT}dist/index.js`) || !existsSync(`${ROOT}dist/index.d.ts`)) {
  rmSync(`${ROOT}node_modules/.cache/dti/tsconfig.tsbuildinfo`, { force: true });
}
