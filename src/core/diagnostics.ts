/**
 * Errors as values. Every problem the tool finds in a user's file is a `Diagnostic`
 * with a stable `code` and, where known, a position; the shell renders them
 * compiler-style and maps the kind of problem to an exit code.
 */

import { type MessageKey, type Params, type ParamsOf, type Text, render } from './messages.js';

export type Severity = 'error' | 'warning';

/** Stable codes: scripts and tests match on these, never on message prose. */
export type DiagnosticCode =
  // definitions (YAML)
  | 'YAML_SYNTAX'
  | 'SCHEMA'
  | 'UNKNOWN_KEY'
  | 'DUPLICATE_ID'
  | 'BAD_PARAMETER'
  | 'UNKNOWN_MEMBER'
  | 'ZERO_WEIGHTS'
  | 'NOT_DEFINITIONS'
  // command-line choices (explain, sensitivity)
  | 'UNKNOWN_NODE'
  | 'BAD_SPEC'
  // data (CSV)
  | 'CSV_SYNTAX'
  | 'EMPTY_FILE'
  | 'DUPLICATE_HEADER'
  | 'UNKNOWN_COLUMN'
  | 'MISSING_UNIT_COLUMN'
  | 'UNKNOWN_PROVINCE'
  | 'DUPLICATE_ROW'
  | 'NOT_A_NUMBER'
  | 'OUT_OF_DOMAIN'
  | 'OUT_OF_RANGE'
  | 'MISSING_VALUE'
  | 'BAD_YEAR'
  | 'MIXED_MAPS'
  | 'NO_DATA'
  | 'TOTALS_ROW'
  | 'WORKBOOK'
  | 'UNCALCULATED_FORMULA'
  // either file
  | 'ENCODING'
  | 'READ_ERROR'
  // results
  | 'YEAR_DEPENDENT_METHOD'
  | 'NOT_SCORED';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** What went wrong, as data (a key of the catalogue, src/core/messages-vi.ts, and its parameters); `render` writes it in either language. */
  text: Text;
  /** How to fix it, as data. */
  hintText?: Text;
  /** The message in English (for the library's users and JSON results). */
  message: string;
  /** How to fix it, one sentence, in English. */
  hint?: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based, in characters. */
  col?: number;
  /** Where in plain JavaScript rows (the library's loaders): `rows[3].year`; such input has no lines. */
  path?: string;
}

type At = { file?: string; line?: number; col?: number; path?: string };

/** The keys of the catalogue that are diagnostics: a code, or a code, a dot and a name. */
export type DiagnosticKey = Extract<MessageKey, DiagnosticCode | `${DiagnosticCode}.${string}`>;

/** A diagnostic as data: its key (whose part before any dot is the code), parameters, position and hint. */
type Make = <K extends DiagnosticKey>(key: K, params: ParamsOf<K>, at?: At, hint?: Text) => Diagnostic;

const make = (severity: Severity): Make => ((key: string, params: Params, at: At = {}, hint?: Text) => {
  const dot = key.indexOf('.');
  const text: Text = { key: key as MessageKey, params };
  return {
    code: (dot < 0 ? key : key.slice(0, dot)) as DiagnosticCode, severity, text, message: render(text, 'en'), ...at,
    ...(hint === undefined ? {} : { hintText: hint, hint: render(hint, 'en') }),
  };
}) as Make;

export const error: Make = make('error');
export const warning: Make = make('warning');

/**
 * A warning as results carry it (JSON, the library): its stable code, the message and, where
 * there is one, the hint, in English. The diagnostic it was made from rides along unseen (not
 * enumerable: JSON and spreads leave it out), so that the CLI prints it in the user's language.
 */
export function resultWarning(d: Diagnostic, withHint = true): { code: string; message: string; hint?: string } {
  const w = { code: d.code, message: d.message, ...(!withHint || d.hint === undefined ? {} : { hint: d.hint }) };
  return Object.defineProperty(w, 'diagnostic', { value: d, enumerable: false });
}

/** The diagnostic a result's warning was made from (see `resultWarning`), as a warning. */
export function warningOf(w: { code: string; message: string; hint?: string }): Diagnostic {
  const d = (w as { diagnostic?: Diagnostic }).diagnostic;
  if (d === undefined) throw new Error(`the warning ${w.code} was not made by resultWarning`);
  return d;
}

/** Position order: file, line, column; problems without a position come first. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);
}

/** A value or the problems that kept it from being made, plus warnings either way. */
export type Result<T> =
  | { ok: true; value: T; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Whether `s` has a letter or a digit: only such a name can be a typo of another ('' or '<<' is not). */
export function wordy(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s);
}

/** The candidates closest to `word` (at most `max`), close enough to be a likely typo; none for an empty or non-word name. */
export function suggest(word: string, candidates: Iterable<string>, max = 3): string[] {
  if (!wordy(word)) return [];
  const w = word.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    const limit = Math.max(2, Math.floor(Math.max(w.length, c.length) / 3));
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, max).map((s) => s.c);
}

/** "did you mean 'a' or 'b'?" as a text, if any candidate is close to `word`. */
export function meant(word: string, candidates: Iterable<string>): Text | undefined {
  const s = suggest(word, candidates);
  return s.length === 0 ? undefined : { key: 'hint.didYouMean', params: { options: s } };
}

