/**
 * Text that is not dti's own, in Vietnamese: the YAML parser's messages (yaml 2). Its wording
 * is the parser's, so it is matched by patterns; everything dti says itself is in the
 * catalogues (messages-vi.ts, messages-en.ts). And commander's own usage errors ("error:
 * unknown option …"). Built on first use: a run that prints neither pays nothing.
 */

import { type Text, render } from './messages.js';

/** Where a text of dti's own sits in a message commander makes (cli/invalid.ts). */
export const REASON_MARK = '\u2063';
const REASON = /\u2063([^\u2063]*)\u2063/g;

type Pattern = [RegExp, string | ((match: string, ...groups: string[]) => string)];

let yaml: Pattern[] | undefined;
let commander: Pattern[] | undefined;


function yamlPatterns(): Pattern[] { return [
  [/^Map keys must be unique$/, 'khoá trong một ánh xạ phải khác nhau'],
  [/^Tabs are not allowed as indentation$/, 'không được thụt lề bằng tab'],
  [/^All sequence items must start at the same column$/, 'mọi mục của danh sách phải bắt đầu ở cùng một cột'],
  [/^Implicit map keys need to be followed by map values$/, 'sau khoá phải có dấu : và giá trị'],
  [/^Implicit keys (?:of flow sequence pairs )?need to be on a single line$/, 'khoá phải nằm trên một dòng'],
  [/^Nested mappings are not allowed in compact mappings$/, 'không được lồng ánh xạ trong ánh xạ viết gọn'],
  [/^A block sequence may not be used as an implicit map key$/, 'không dùng danh sách làm khoá được'],
  [/^Missing closing "quote$/, 'thiếu dấu ngoặc kép đóng'],
  [/^Missing closing 'quote$/, 'thiếu dấu nháy đơn đóng'],
  [/^Sequence item without - indicator$/, 'mục danh sách thiếu dấu -'],
  [/^Comments must be separated from other tokens by white space characters$/, 'trước dấu # của ghi chú phải có dấu cách'],
  [/^Missing , between (.+) items$/, 'thiếu dấu , giữa các mục'],
  [/^Missing , or : between (.+) items$/, 'thiếu dấu , hoặc : giữa các mục'],
  [/^Missing space after : in (.+)$/, 'thiếu dấu cách sau dấu :'],
  [/^Plain value cannot start with (.+)$/, 'giá trị không đặt trong ngoặc không được bắt đầu bằng $1'],
  [/^Invalid escape sequence (.+)$/, 'chuỗi thoát không hợp lệ $1'],
  [/^Unexpected (.+?) in (.+)$/, 'gặp $1 không đúng chỗ trong $2'],
  [/^Unexpected (.+?) at node end$/, 'gặp $1 không đúng chỗ ở cuối nút'],
  [/^Unexpected (.+) token$/, 'gặp ký hiệu $1 không đúng chỗ'],
  [/^Unexpected empty item in (.+)$/, 'có mục rỗng không đúng chỗ'],
  [/^Unresolved tag: (.+)$/, 'không nhận ra thẻ $1'],
  [/^A node can have at most one (anchor|tag)$/, 'một nút chỉ có tối đa một $1'],
  [/^All mapping items must start at the same column$/, 'mọi khoá của ánh xạ phải bắt đầu ở cùng một cột'],
  [/^Block collections are not allowed within flow collections$/, 'không được đặt danh sách/ánh xạ dạng khối trong [ ] hoặc { }'],
  [/^Flow (sequence|mapping) in block collection must be sufficiently indented and end with a (\S)$/, (_m, kind: string, end: string) => `${kind === 'sequence' ? 'danh sách [ ]' : 'ánh xạ { }'} trong khối phải được thụt lề đủ và kết thúc bằng ${end}`],
  [/^Flow (sequence|mapping) must end with a (\S)$/, (_m, kind: string, end: string) => `${kind === 'sequence' ? 'danh sách [ ]' : 'ánh xạ { }'} phải kết thúc bằng ${end}`],
  [/^Flow end indicator should be more indented than parent$/, 'dấu đóng ] hoặc } phải thụt lề sâu hơn khoá cha'],
  [/^Block scalar values in collections must be indented$/, 'khối chữ trong danh sách/ánh xạ phải được thụt lề'],
  [/^The : indicator must be at most 1024 chars after the start of an implicit .*$/, 'dấu : phải ở trong 1024 ký tự đầu của khoá'],
  [/^Excessive alias count indicates a resource exhaustion attack$/, 'quá nhiều alias: có thể là tệp được dựng để làm cạn tài nguyên'],
]; }

/** A YAML parser's message in Vietnamese; one no pattern knows keeps its English after "lỗi cú pháp YAML: ". */
export function yamlVi(message: string): string {
  for (const [re, vi] of (yaml ??= yamlPatterns())) {
    if (!re.test(message)) continue;
    const out = typeof vi === 'string' ? message.replace(re, vi) : message.replace(re, (m: string, ...g: unknown[]) => vi(m, ...g.map((x) => (typeof x === 'string' ? x : ''))));
    return out.replace(/ {2,}/g, ' ');
  }
  return `lỗi cú pháp YAML: ${message}`;
}

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
