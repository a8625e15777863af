/**
 * Where the package's own files are (package.json, indicators/, data/). This module sits one
 * level below the package root both as dist/paths.js and inside the bundled dist/dti.js, so
 * every shipped file is found from here, whichever of the two is running.
 */
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);

/** Absolute path of a file shipped with the package, e.g. packagePath('indicators/dti.yaml'). */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}
