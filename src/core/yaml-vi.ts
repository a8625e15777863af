/**
 * The YAML parser's messages (yaml 2) in Vietnamese. Their wording is the parser's, so they are
 * matched by patterns; everything dti says itself is in the catalogues (messages-vi.ts,
 * messages-en.ts). Built on first use: a run that prints none pays nothing. Imports nothing.
 */

type Pattern = [RegExp, string | ((match: string, ...groups: string[]) => string)];

let yaml: Pattern[] | undefined;

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
  [/^Flow (sequence|map|mapping) in block collection must be sufficiently indented and end with a (\S)$/, (_m, kind: string, end: string) => `${kind === 'sequence' ? 'danh sách [ ]' : 'ánh xạ { }'} trong khối phải được thụt lề đủ và kết thúc bằng ${end}`],
  [/^Flow (sequence|map|mapping) must end with a (\S)$/, (_m, kind: string, end: string) => `${kind === 'sequence' ? 'danh sách [ ]' : 'ánh xạ { }'} phải kết thúc bằng ${end}`],
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
