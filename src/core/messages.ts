/**
 * Messages as data. Every text of dti's own is an entry of the catalogue, one per language
 * (messages-vi.ts, messages-en.ts: the same keys, the form of report/i18n.ts); a diagnostic
 * carries its key and parameters (`Text`), and `render` writes it in the user's language.
 *
 * Regular expressions remain only for text that is not dti's: the YAML parser's messages and
 * commander's (src/core/yaml-vi.ts, src/core/third-party.ts).
 */
import { en } from './messages-en.js';
import { vi, type Catalogue } from './messages-vi.js';
import { forMessage } from './text.js';

export type Lang = 'vi' | 'en';
export type { Catalogue };

/**
 * Every catalogue, by language: `CATALOGUES[lang][key]`. Each is built when it is first asked
 * for, so a run builds only the language it speaks.
 */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = Object.freeze({ get vi() { return vi(); }, get en() { return en(); } });

export type MessageKey = keyof Catalogue;

/** A text given in both languages (a name, or a third party's message rendered in each). */
export interface Bilingual { readonly vi: string; readonly en: string }

/** A value a text is written with: another text and `{ vi, en }` are rendered in the same language first. */
export type Param = string | number | boolean | null | undefined | Text | Bilingual | readonly string[];
export type Params = { readonly [name: string]: Param };

/** A text of the catalogue as data: its key and the values it is written with. */
export interface Text {
  readonly key: MessageKey;
  readonly params: Params;
}

/** What a text's entry takes, with a string parameter also given as a text or `{ vi, en }`. */
type Given<P> = { [k in keyof P]: P[k] extends string ? P[k] | Text | Bilingual : P[k] };
export type ParamsOf<K extends MessageKey> = K extends MessageKey ? (Catalogue[K] extends (p: infer P) => string ? Given<P> : Record<string, never>) : never;
/** The keys whose entry is a plain string (no parameters). */
export type PlainKey = { [K in MessageKey]: Catalogue[K] extends string ? K : never }[MessageKey];

/** A text as data: `msg('NOT_A_NUMBER', { where, value })`, `msg('hint.saveUtf8')`. */
export function msg<K extends MessageKey>(key: K, ...params: K extends PlainKey ? [] : [ParamsOf<K>]): Text {
  return { key, params: (params[0] ?? {}) as Params };
}

/** Whether a value is a text of the catalogue (`{ key, params }`). */
export function isText(v: unknown): v is Text {
  return typeof v === 'object' && v !== null && 'key' in v && 'params' in v;
}
function isBilingual(v: unknown): v is Bilingual {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'vi' in v && 'en' in v;
}

/** `t` written in `lang`. */
export function render(t: Text, lang: Lang): string {
  const entry = CATALOGUES[lang][t.key] as string | ((p: Record<string, unknown>) => string) | undefined;
  if (entry === undefined) throw new Error(`no ${lang} text for '${t.key}'`);
  if (typeof entry === 'string') return entry;
  const p: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t.params)) p[k] = isText(v) ? render(v, lang) : isBilingual(v) ? v[lang] : v;
  return entry(p);
}

/** The words around diagnostics (error, hint, "… and 3 more"), in `lang`. */
export function words(lang: Lang) {
  const c = CATALOGUES[lang];
  return {
    error: c['word.error'], warning: c['word.warning'], hint: c['word.hint'], also: c['word.also'],
    more: (n: number) => c['word.more']({ n }), errors: (n: number) => c['word.errors']({ n }), warnings: (n: number) => c['word.warnings']({ n }),
  };
}

/** A CLI error without diagnostics (usage, files) in `lang`: its text, or (a label nobody reads) its message. */
export function localizePlain(e: { text?: Text | undefined; message: string; hintText?: Text | undefined }, lang: Lang): { message: string; hint: string | undefined } {
  return { message: e.text === undefined ? e.message : render(e.text, lang), hint: e.hintText === undefined ? undefined : render(e.hintText, lang) };
}

/** A chooser of texts given in both languages: a command's help is declared with the command as `h({ vi, en })`. */
export const byLang = (lang: Lang) => (t: Bilingual): string => t[lang];

/** Text for a message in `lang`: visible, and a value longer than `max` cut with its length said (text.ts forMessage). */
export function forMessageIn(s: string, lang: Lang, max = 400): string {
  return forMessage(s, max, (n) => render(msg('text.cut', { n }), lang));
}
