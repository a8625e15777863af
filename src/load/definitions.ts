/**
 * Loaders: from the text of a definitions or data file to validated values. No file I/O
 * here (the CLI reads the files; a script may pass text from anywhere), so these are the
 * library's `loadDefinitions` and `loadData`.
 */
import { type Locator, validateDefinitions } from '../core/definitions.js';
import { type Result, error } from '../core/diagnostics.js';
import { msg } from '../core/messages.js';
import { type Framework, compile } from '../core/framework.js';
import { readYaml } from './yaml.js';

/** Parse and validate a `dti/v1` YAML definitions file; every problem located as file:line:col. */
export function loadDefinitions(source: string, file?: string): Result<Framework> {
  // A CSV given as definitions is named as such: YAML would read its header as a scalar, or fail
  // on its first ':' (a URL in a cell) with a syntax error that says nothing of the mistake.
  if (looksLikeCsv(source)) {
    return { ok: false, errors: [error('NOT_DEFINITIONS.csv', {}, { ...(file === undefined ? {} : { file }), line: 1, col: 1 }, msg('hint.csvAsDefinitions'))], warnings: [] };
  }
  const yaml = readYaml(source, file);
  if (!yaml.ok) return yaml;
  const { value: raw, locate } = yaml.value;
  const v = validateDefinitions(raw, { ...(file === undefined ? {} : { file }), locate: locate satisfies Locator });
  if (!v.ok) return v;
  return { ok: true, value: compile(v.value), warnings: v.warnings };
}

/**
 * Whether a text is a CSV table rather than YAML: its first line (after a BOM and blank lines)
 * has no ':' and no YAML start ('#', '-', '{', '[', …), holds a delimiter (',', ';', tab)
 * between at least two names, and the next line has at least as many of that delimiter. A
 * definitions file starts with 'schema: dti/v1', a comment or a mapping: never like that.
 */
export function looksLikeCsv(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/, 50).filter((l) => l.trim() !== '');
  const [head, next] = lines;
  if (head === undefined || next === undefined || head.includes(':') || /^\s*[#\-{[%!&*|>]/.test(head)) return false;
  const count = (l: string, d: string) => l.split(d).length - 1;
  return [',', ';', '\t'].some((d) => count(head, d) >= 1 && head.split(d).every((f) => f.trim() !== '') && count(next, d) >= count(head, d));
}

export { loadData, loadRows, type LoadDataOptions } from './data.js';
