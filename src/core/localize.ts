/**
 * A diagnostic as a reader meets it, in Vietnamese (the default) or English: where, what, the
 * code and the hint. The CLI prints these lines (with colour); the library's `localize` returns
 * them, so a script shows the same text the command line would.
 */
import { columnName } from './column-name.js';
import type { Diagnostic } from './diagnostics.js';
import { type Lang, type Text, forMessageIn, isText, render, words } from './messages.js';

/**
 * Where a diagnostic points, as a user reads it: `file:line:col`, `book.xlsx[Sheet]!C7` in a
 * workbook, or the path of a value of plain JavaScript rows (`rows[3].year`).
 */
export function formatWhere(d: { file?: string; line?: number; col?: number; path?: string }): string {
  if (d.path !== undefined) return d.path;
  if (d.file === undefined) return '';
  if (d.line === undefined) return d.file;
  if (/\.xls[xm]\[[^\]]*\]$/i.test(d.file)) return `${d.file}!${columnName(d.col ?? 1)}${d.line}`;
  return `${d.file}:${d.line}:${d.col ?? 1}`;
}

/** How the parts of a diagnostic's line are shown (the CLI colours them; plain text by default). */
export interface Paint {
  where: (s: string) => string;
  error: (s: string) => string;
  warning: (s: string) => string;
  hint: (s: string) => string;
}

const plain = (s: string) => s;
const PLAIN: Paint = { where: plain, error: plain, warning: plain, hint: plain };

/**
 * A diagnostic's lines in `lang`: `where: error: message [CODE]` (plus `also`, the positions of
 * its repeats), then `  hint: …` when it has a hint. Data quoted in the message never reaches
 * the reader raw (escape sequences, invisible characters, a 1 MB cell).
 */
export function diagnosticLines(d: Diagnostic, lang: Lang = 'vi', paint: Paint = PLAIN, also = ''): string[] {
  const w = words(lang);
  const at = forMessageIn(formatWhere(d), lang);
  const where = at === '' ? '' : `${at}: `;
  const sev = d.severity === 'error' ? paint.error(w.error) : paint.warning(w.warning);
  const lines = [`${paint.where(where)}${sev}: ${forMessageIn(render(d.text, lang), lang)} [${d.code}]${also}`];
  if (d.hintText !== undefined) lines.push(`  ${paint.hint(w.hint)}: ${forMessageIn(render(d.hintText, lang), lang)}`);
  return lines;
}

/** A warning as a result carries it (`{ code, message, hint }`; see diagnostics.ts resultWarning). */
export interface ResultWarningLike { code: string; message: string; hint?: string }

const isDiagnostic = (x: object): x is Diagnostic => 'text' in x && 'severity' in x && 'code' in x;

/**
 * The library's `localize`: a diagnostic (or a result's warning) as the CLI prints it, without
 * colour, in `lang` (Vietnamese unless 'en' is asked for); a message of the catalogue (`Text`)
 * written in `lang`.
 */
export function localize(x: Diagnostic | ResultWarningLike | Text, lang: Lang = 'vi'): string {
  if (isText(x)) return render(x, lang);
  if (isDiagnostic(x)) return diagnosticLines(x, lang).join('\n');
  // A result's warning carries the diagnostic it was made from, unseen (resultWarning).
  const d = (x as { diagnostic?: Diagnostic }).diagnostic;
  if (d !== undefined) return diagnosticLines(d, lang).join('\n');
  return `${x.message} [${x.code}]${x.hint === undefined ? '' : `\n  ${words(lang).hint}: ${x.hint}`}`;
}
