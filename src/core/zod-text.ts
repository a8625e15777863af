/**
 * A zod issue's own message in both languages: zod's English, and zod's Vietnamese locale
 * (`z.locales.vi()`), made only when a validation has failed, so that neither start-up nor a
 * valid file pays for it. zod's Vietnamese leaves its type names in English ("nhận được
 * string"); the words dti's readers meet are given theirs.
 */
import * as z from 'zod';
import type { Bilingual } from './messages.js';

const TYPE_VI: Record<string, string> = {
  number: 'số', int: 'số nguyên', string: 'chuỗi', array: 'danh sách', object: 'ánh xạ (khoá: giá trị)', boolean: 'có/không (true/false)',
  undefined: 'không có gì', null: 'rỗng (null)', map: 'ánh xạ (khoá: giá trị)', record: 'ánh xạ (khoá: giá trị)', bigint: 'số nguyên', date: 'ngày',
};

let vi: ((issue: z.core.$ZodRawIssue) => unknown) | undefined;

export function zodText(issue: z.core.$ZodIssue): Bilingual {
  vi ??= z.locales.vi().localeError as (issue: z.core.$ZodRawIssue) => unknown;
  const raw = issue as unknown as z.core.$ZodRawIssue & { expected?: string; origin?: string; input?: unknown };
  const given = raw.code === 'invalid_type' && raw.expected !== undefined ? { ...raw, expected: TYPE_VI[raw.expected] ?? raw.expected } : raw;
  const out = vi(given);
  let text = typeof out === 'string' ? out : (out as { message?: string } | undefined)?.message ?? issue.message;
  if (raw.code === 'invalid_type') {
    const got = z.core.util.parsedType(raw.input);
    const tail = `nhận được ${got}`;
    if (TYPE_VI[got] !== undefined && text.endsWith(tail)) text = `${text.slice(0, -got.length)}${TYPE_VI[got]}`;
  }
  if (typeof raw.origin === 'string' && TYPE_VI[raw.origin] !== undefined) text = text.replace(`mong đợi ${raw.origin} `, `mong đợi ${TYPE_VI[raw.origin]} `);
  return { en: issue.message, vi: text };
}
