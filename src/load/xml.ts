/**
 * A small, strict-enough XML reader for the parts of an .xlsx workbook: elements,
 * attributes, text, CDATA and the five predefined entities plus character references.
 * No DTD, no external entities (so no "billion laughs" or file inclusion), no namespaces
 * beyond dropping the prefix: `x:row` is read as `row`.
 */
import { type Text, msg, render } from '../core/messages.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (concatenated text nodes directly inside it). */
  text: string;
}

/** A malformed workbook part: why, as a text of the catalogue (its English as the message). */
export class XmlError extends Error {
  constructor(readonly text: Text) { super(render(text, 'en')); }
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITY[e] ?? m;
  });
}

const local = (n: string) => { const k = n.indexOf(':'); return k < 0 ? n : n.slice(k + 1); };

/** Parse a document into its root element. */
export function parseXml(src: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt < 0) break;
    if (lt > i) stack[stack.length - 1]!.text += decodeEntities(src.slice(i, lt));
    if (src.startsWith('<?', lt)) { i = end(src, '?>', lt) + 2; continue; }
    if (src.startsWith('<!--', lt)) { i = end(src, '-->', lt) + 3; continue; }
    if (src.startsWith('<![CDATA[', lt)) {
      const e = end(src, ']]>', lt);
      stack[stack.length - 1]!.text += src.slice(lt + 9, e);
      i = e + 3;
      continue;
    }
    if (src.startsWith('<!', lt)) throw new XmlError(msg('xml.dtd'));
    if (src[lt + 1] === '/') {
      const gt = end(src, '>', lt);
      const name = local(src.slice(lt + 2, gt).trim());
      const top = stack.pop();
      if (top === undefined || top.name !== name || stack.length === 0) throw new XmlError(msg('xml.unexpectedClose', { name }));
      i = gt + 1;
      continue;
    }
    // A start tag: name, attributes, maybe self-closing. Attribute values may hold '>'.
    let j = lt + 1;
    while (j < n && !/[\s/>]/.test(src[j]!)) j++;
    const el: XmlElement = { name: local(src.slice(lt + 1, j)), attrs: {}, children: [], text: '' };
    let selfClosing = false;
    for (;;) {
      while (j < n && /\s/.test(src[j]!)) j++;
      if (j >= n) throw new XmlError(msg('xml.tagOpen'));
      if (src[j] === '>') { j++; break; }
      if (src[j] === '/' && src[j + 1] === '>') { selfClosing = true; j += 2; break; }
      const eq = src.indexOf('=', j);
      if (eq < 0) throw new XmlError(msg('xml.badAttribute'));
      const key = local(src.slice(j, eq).trim());
      let q = eq + 1;
      while (q < n && /\s/.test(src[q]!)) q++;
      const quote = src[q];
      if (quote !== '"' && quote !== "'") throw new XmlError(msg('xml.unquoted'));
      const close = src.indexOf(quote, q + 1);
      if (close < 0) throw new XmlError(msg('xml.attributeOpen'));
      el.attrs[key] = decodeEntities(src.slice(q + 1, close));
      j = close + 1;
    }
    stack[stack.length - 1]!.children.push(el);
    if (!selfClosing) stack.push(el);
    i = j;
  }
  if (stack.length !== 1) throw new XmlError(msg('xml.elementOpen', { name: stack[stack.length - 1]!.name }));
  const top = root.children[0];
  if (top === undefined) throw new XmlError(msg('xml.empty'));
  return top;
}

function end(src: string, what: string, from: number): number {
  const e = src.indexOf(what, from);
  if (e < 0) throw new XmlError(msg('xml.cut'));
  return e;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el === undefined ? [] : el.children.filter((c) => c.name === name);
}

/** All text below an element, in document order (rich text runs joined). */
export function allText(el: XmlElement, skip: ReadonlySet<string> = new Set()): string {
  let s = el.text;
  for (const c of el.children) if (!skip.has(c.name)) s += allText(c, skip);
  return s;
}
