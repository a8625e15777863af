/**
 * commander's own words in Vietnamese ("Usage:", "Options:", "(default: …)") and the names in
 * angle brackets of the flags (`<file>` → `<tệp>`). Every text of dti's own help (what a
 * command, option or argument does, the examples) is declared with its command in both
 * languages (src/commands/*.ts, `h({ vi, en })`). Loaded only when help is shown under
 * `--lang vi` (src/cli/help.ts).
 */
/** commander's own words. */
export const HELP_WORDS = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Tham số:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Global Options:': 'Tùy chọn chung:',
  '[options]': '[tùy chọn]',
  '[command]': '[lệnh]',
  default: 'mặc định',
  choices: 'một trong',
  preset: 'giá trị sẵn',
  env: 'biến môi trường',
  'display help for command': 'hiển thị trợ giúp cho lệnh',
  'output the version number': 'in số phiên bản',
} as const;

/**
 * The names in angle brackets (`<file>`, `<data...>`): English in the flags commander
 * parses, Vietnamese in the help.
 */
export const HELP_PLACEHOLDERS: Record<string, string> = {
  data: 'số-liệu',
  unit: 'đơn-vị',
  command: 'lệnh',
  yaml: 'yaml',
  yyyy: 'năm',
  mark: 'dấu',
  char: 'ký-tự',
  name: 'tên',
  'name|n': 'tên|số',
  n: 'n',
  map: 'bản-đồ',
  format: 'định-dạng',
  file: 'tệp',
  'file.csv': 'tệp.csv',
  'files...': 'các-tệp...',
  lang: 'ngôn-ngữ',
  level: 'mức',
  grouping: 'nhóm',
  'id=value...': 'mã=giá-trị...',
  'name=value...': 'tên=giá-trị...',
  stage: 'bước',
  method: 'phương-pháp',
  id: 'mã',
  spread: 'biên-độ',
  levels: 'các-cấp',
  'ids...': 'các-mã...',
  'methods...': 'các-phương-pháp...',
  'policies...': 'các-quy-tắc...',
};
