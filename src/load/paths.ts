/**
 * Where the package's own files are (package.json, indicators/, data/). This module is
 * src/load/paths.ts, dist/load/paths.js once built (two levels below the package root), or a
 * part of the bundle dist/dti.cjs (one level below: its import.meta.url is the bundle's, see
 * scripts/bundle.mjs), so every shipped file is found from here, whichever is running.
 */
import { fileURLToPath } from 'node:url';

const ROOT = new URL(import.meta.url.endsWith('.cjs') ? '../' : '../../', import.meta.url);

/** Absolute path of a file shipped with the package, e.g. packagePath('indicators/dti.yaml'). */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}

/**
 * The shipped definitions as an output names them (a workbook's sources): the package's own
 * path, the same wherever dti is installed (its absolute path would make the same run's
 * workbook differ between two installs, and --check fail).
 */
export const DEFAULT_DEFINITIONS_NAME = 'indicators/dti.yaml';

/** The definitions read when none are given (`dti` without -i, the library's `load`): the DTI proxy shipped. */
export const DEFAULT_DEFINITIONS = packagePath(DEFAULT_DEFINITIONS_NAME);
