/**
 * Text that is not dti's own, in Vietnamese: commander's own usage errors ("error: unknown
 * option …"); its wording is commander's, so it is matched by patterns (the YAML parser's
 * messages are in yaml-vi.ts). Everything dti says itself is in the catalogues
 * (messages-vi.ts, messages-en.ts). Built on first use: a run that prints none pays nothing.
 */

import { type Text, render } from './messages.js';

/** Where a text of dti's own sits in a message commander makes (cli/invalid.ts). */
export const REASON_MARK = '\u2063';
const REASON = /\u2063([^\u2063]*)\u2063/g;

type Pattern = [RegExp, string | ((match: string, ...groups: string[]) => string)];

let commander: Pattern[] | undefined;

/** commander's own usage errors (unknown option, missing argument…) in Vietnamese. */
function commanderPatterns(): Pattern[] { return [
  [/^error: unknown option '(.+)'$/, "lỗi: không có tùy chọn '$1'"],
  [/^error: unknown command '(.+)'$/, "lỗi: không có lệnh '$1'"],
  // The argument as the Vietnamese help names it (<số-liệu...>, <đơn-vị>).
  [/^error: missing required argument '(.+)'$/, (_m, a: string) => `lỗi: thiếu tham số bắt buộc '${({ data: 'số-liệu', unit: 'đơn-vị' } as Record<string, string>)[a] ?? a}'`],
  [/^error: option '(.+)' argument missing$/, "lỗi: tùy chọn '$1' thiếu giá trị"],
  [/^error: required option '(.+)' not specified$/, "lỗi: chưa có tùy chọn bắt buộc '$1'"],
  [/^error: too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\.$/, "lỗi: lệnh '$1' nhận quá nhiều tham số: cần $2, có $3."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, 'lỗi: quá nhiều tham số: cần $1, có $2.'],
  [/^error: option '(.+)' argument '(.*)' is invalid\. (.*)$/, "lỗi: giá trị '$2' của tùy chọn '$1' không hợp lệ. $3"],
  [/^error: command-argument value '(.*)' is invalid for argument '(.+)'\. (.*)$/, "lỗi: giá trị '$1' của tham số '$2' không hợp lệ. $3"],
  [/^error: (.+) cannot be used with (.+)$/, 'lỗi: $1 không dùng được cùng với $2'],
  [/^\(Did you mean one of (.+)\?\)$/, '(Có phải ý bạn là một trong: $1?)'],
  [/^\(Did you mean (.+)\?\)$/, '(Có phải ý bạn là $1?)'],
]; }

/** commander's error text (one or more lines) in `lang`; the reason an option's parser gives is dti's, already in `lang`. */
export function commanderText(text: string, lang: 'vi' | 'en'): string {
  // The reason an option's parser gave (see cli/invalid.ts), written in `lang`.
  text = text.replace(REASON, (_m, json: string) => render(JSON.parse(json) as Text, lang));
  if (lang === 'en') return text;
  return text.split('\n').map((line) => {
    for (const [re, vi] of (commander ??= commanderPatterns())) {
      if (!re.test(line)) continue;
      const out = typeof vi === 'string' ? line.replace(re, vi) : line.replace(re, (m: string, ...g: unknown[]) => vi(m, ...g.map((x) => (typeof x === 'string' ? x : ''))));
      // commander's list of an option's choices.
      // commander's list of an option's choices.
      return out.replace(/Allowed choices are (.+)\.$/, 'Chỉ nhận: $1.');
    }
    return line;
  }).join('\n');
}
