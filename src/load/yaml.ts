/**
 * The one YAML reader, for definitions files (definitions.ts) and sensitivity specs
 * (sensitivity-spec.ts): the text parsed strictly (unique keys), every syntax problem located
 * file:line:col with a hint by kind, aliases capped ("billion laughs"), and a locator that
 * finds where a path of keys and indices is in the text.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { type Diagnostic, type Result, error } from '../core/diagnostics.js';
import { type Text, msg } from '../core/messages.js';

/** YAML aliases may expand to at most this many nodes ("billion laughs" guard). */
const MAX_ALIAS_COUNT = 1000;

export interface Position {
  line: number;
  col: number;
}

export interface YamlRead {
  /** The document as plain values (null for an empty one). */
  value: unknown;
  /** Line and column of an offset in the text. */
  pos: (offset: number) => Position;
  /**
   * Where a path of keys (and sequence indices) is in the text, as deep as it exists: the
   * value of its last step, or its key with `onKey` (a missing key: where its parent is);
   * undefined for an empty document.
   */
  locate: (path: readonly PropertyKey[], onKey?: boolean) => Position | undefined;
}

/** Parse a YAML text; problems located in `file`. */
export function readYaml(source: string, file?: string): Result<YamlRead> {
  // Old Mac line endings (a lone CR) are line breaks the YAML parser does not know: read them as
  // LF, one character for one, so every offset and position stays that of the file.
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, strict: true });
  const pos = (offset: number): Position => lc.linePos(offset);
  const where = (offset: number) => ({ ...(file === undefined ? {} : { file }), ...pos(offset) });
  if (doc.errors.length > 0) {
    const errors: Diagnostic[] = doc.errors.map((e) => {
      const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return error('YAML_SYNTAX', { message }, where(e.pos[0]), yamlHint(e.code, message));
    });
    return { ok: false, errors, warnings: [] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return { ok: false, errors: [error('YAML_SYNTAX', { message: (e as Error).message }, where(0), msg('hint.yamlAliases'))], warnings: [] };
  }
  const locate = (path: readonly PropertyKey[], onKey = false): Position | undefined => {
    // Walk down as far as the path exists; a missing key is reported at its parent.
    let node: unknown = doc.contents;
    let best: YamlNode | null = (doc.contents as YamlNode | null) ?? null;
    for (let k = 0; k < path.length; k++) {
      const seg = path[k]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (pair === undefined) break;
        if (onKey && k === path.length - 1 && isScalar(pair.key)) { best = pair.key; break; }
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
  return { ok: true, value: { value, pos, locate }, warnings: [] };
}

/** The hint for one of the YAML parser's errors, by its code (and, for an unclosed [ or {, which yaml calls bad indentation, its message). */
function yamlHint(code: string, message: string): Text {
  switch (code) {
    case 'DUPLICATE_KEY': return msg('hint.yamlDuplicateKey');
    case 'TAB_AS_INDENT': return msg('hint.yamlTabs');
    case 'BAD_INDENT':
      if (/^Flow sequence .*end with a \]/.test(message)) return msg('hint.yamlCloseList');
      if (/^Flow map .*end with a \}/.test(message)) return msg('hint.yamlCloseMap');
      return msg('hint.yamlIndent');
    default: return msg('hint.yamlSyntax');
  }
}
