/**
 * Loaders: from the text of a definitions or data file to validated values. No file I/O
 * here (the CLI reads the files; a script may pass text from anywhere), so these are the
 * library's `loadDefinitions` and `loadData`.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { type Definitions, type Locator, validateDefinitions } from '../core/definitions.js';
import { type Diagnostic, type Result, error } from '../core/diagnostics.js';
import { type Text, msg } from '../core/messages.js';
import { type Framework, compile } from '../core/framework.js';

/** YAML aliases may expand to at most this many nodes ("billion laughs" guard). */
const MAX_ALIAS_COUNT = 1000;

/** Parse and validate a `dti/v1` YAML definitions file; every problem located as file:line:col. */
export function loadDefinitions(source: string, file?: string): Result<Framework> {
  // Old Mac line endings (a lone CR) are line breaks the YAML parser does not know: read them as
  // LF, one character for one, so every offset and position stays that of the file.
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  // A CSV given as definitions is named as such: YAML would read its header as a scalar, or fail
  // on its first ':' (a URL in a cell) with a syntax error that says nothing of the mistake.
  if (looksLikeCsv(text)) {
    return { ok: false, errors: [error('NOT_DEFINITIONS.csv', {}, { ...(file === undefined ? {} : { file }), line: 1, col: 1 }, msg('hint.csvAsDefinitions'))], warnings: [] };
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, strict: true });
  const pos = (offset: number) => lc.linePos(offset);
  const where = (offset: number) => ({ ...(file === undefined ? {} : { file }), ...pos(offset) });
  if (doc.errors.length > 0) {
    const errors: Diagnostic[] = doc.errors.map((e) => {
      const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return error('YAML_SYNTAX', { message }, where(e.pos[0]), yamlHint(e.code));
    });
    return { ok: false, errors, warnings: [] };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return { ok: false, errors: [error('YAML_SYNTAX', { message: (e as Error).message }, where(0), msg('hint.yamlAliases'))], warnings: [] };
  }
  const locate: Locator = (path, key = false) => {
    // Walk down as far as the path exists; a missing key is reported at its parent.
    let node: unknown = doc.contents;
    let best: YamlNode | null = (doc.contents as YamlNode | null) ?? null;
    for (let k = 0; k < path.length; k++) {
      const seg = path[k]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (pair === undefined) break;
        if (key && k === path.length - 1 && isScalar(pair.key)) { best = pair.key; break; }
        node = pair.value;
        if (node !== null && typeof node === 'object' && 'range' in (node as object)) best = node as YamlNode;
        else if (isScalar(pair.key)) { best = pair.key; break; }
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined) break;
        node = item;
        if (item !== null && typeof item === 'object' && 'range' in (item as object)) best = item as YamlNode;
      } else break;
    }
    const r = best?.range;
    return r === undefined || r === null ? undefined : pos(r[0]);
  };
  const v: Result<Definitions> = validateDefinitions(raw, { ...(file === undefined ? {} : { file }), locate });
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
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/, 50).filter((l) => l.trim() !== '');
  const [head, next] = lines;
  if (head === undefined || next === undefined || head.includes(':') || /^\s*[#\-{[%!&*|>]/.test(head)) return false;
  const count = (l: string, d: string) => l.split(d).length - 1;
  return [',', ';', '\t'].some((d) => count(head, d) >= 1 && head.split(d).every((f) => f.trim() !== '') && count(next, d) >= count(head, d));
}

function yamlHint(code: string): Text {
  switch (code) {
    case 'DUPLICATE_KEY': return msg('hint.yamlDuplicateKey');
    case 'TAB_AS_INDENT': return msg('hint.yamlTabs');
    case 'BAD_INDENT': return msg('hint.yamlIndent');
    default: return msg('hint.yamlSyntax');
  }
}

export { loadData, loadRows, type LoadDataOptions } from './data.js';
