/**
 * Messages as data. Every text of dti's own is an entry of the catalogue, one per language
 * (messages-vi.ts, messages-en.ts: the same keys, the form of report/i18n.ts); a diagnostic
 * carries its key and parameters (`Text`), and `render` writes it in the user's language.
 *
 * Regular expressions remain only for text that is not dti's: the YAML parser's messages and
 * commander's (see `yamlVi`, `localizeCommander`).
 */
import type { Diagnostic, DiagnosticCode } from './diagnostics.js';
import { EN } from './messages-en.js';
import { VI, type Catalogue } from './messages-vi.js';

export type Lang = 'vi' | 'en';
export type { Catalogue };

/** Every catalogue, by language: `CATALOGUES[lang][key]`. */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { vi: VI, en: EN };

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

function isText(v: unknown): v is Text {
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

/** A pattern and its Vietnamese: a replacement with $1…, or a function of the groups. */
type Pattern = [RegExp, string | ((match: string, ...groups: string[]) => string)];

/** zod's and YAML's type names in Vietnamese. */
const TYPES: Record<string, string> = {
  number: 'số', int: 'số nguyên', string: 'chuỗi', array: 'danh sách', object: 'ánh xạ (khoá: giá trị)', boolean: 'có/không (true/false)',
  undefined: 'không có gì', null: 'rỗng (null)', map: 'ánh xạ (khoá: giá trị)', record: 'ánh xạ (khoá: giá trị)',
};
const typeVi = (t: string): string => TYPES[t] ?? t;
/** "a, b or c" → "a, b hoặc c". */
const orVi = (xs: string): string => xs.replace(/ or /g, ' hoặc ');

/** `text` with the pattern's Vietnamese in place. */
function sub(text: string, re: RegExp, vi: Pattern[1]): string {
  return typeof vi === 'string' ? text.replace(re, vi) : text.replace(re, (m: string, ...groups: unknown[]) => vi(m, ...groups.map((g) => (typeof g === 'string' ? g : ''))));
}

export interface CatalogueEntry {
  /** What the code means, one short phrase per language. */
  vi: string;
  en: string;
  /** The Vietnamese of this code's messages: the first pattern that matches, with $1… filled in. */
  messages?: Pattern[];
}

/**
 * A table built on first use: the patterns are made only when a message is to be translated,
 * so that a run that prints none (dti score on good data) pays nothing for them at start-up.
 */
function lazy<T>(build: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= build());
}

const Q = "'([^']*)'";

/** zod's own messages after a path ('weights.spread: Too big: …'), for SCHEMA and BAD_SPEC. */
const ZOD = lazy(function zodPatterns(): Pattern[] { return [
  [/^(.+?): Invalid input: expected (\w+), received (\w+)$/, (_m, at: string, want: string, got: string) => `${at}: sai kiểu: cần ${typeVi(want)}, nhận được ${typeVi(got)}`],
  [/^(.+?): Invalid input: expected (.+)$/, '$1: giá trị không hợp lệ: cần $2'],
  [/^(.+?): Invalid input$/, '$1: giá trị không hợp lệ'],
  [/^(.+?): Invalid option: expected one of (.+)$/, '$1: giá trị không hợp lệ: cần một trong $2'],
  [/^(.+?): Too (small|big): expected (\w+) to (?:have|be) ([<>]=?)(\S+)(?: (?:items|characters))?$/, (_m, at: string, dir: string, type: string, op: string, n: string) => `${at}: ${dir === 'small' ? 'quá nhỏ' : 'quá lớn'}: ${type === 'array' ? 'số phần tử' : type === 'string' ? 'số ký tự' : 'giá trị'} phải ${op.startsWith('>') ? (op === '>' ? 'lớn hơn' : 'ít nhất là') : (op === '<' ? 'nhỏ hơn' : 'nhiều nhất là')} ${n}`],
  [/^(.+?): Invalid string: must match pattern (.+)$/, '$1: chuỗi không đúng mẫu $2'],
  [/^(.+?): Invalid number: must be a multiple of (.+)$/, '$1: phải là bội số của $2'],
]; });

/** The catalogue (built on first use; TypeScript insists on an entry per code). */
export const catalogue = lazy(function buildCatalogue(): Record<DiagnosticCode, CatalogueEntry> { return {
  YAML_SYNTAX: {
    vi: 'lỗi cú pháp YAML', en: 'YAML syntax error',
    // The YAML parser's own messages (yaml 2).
    messages: [
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
    ],
  },
  SCHEMA: {
    vi: 'sai cấu trúc tệp định nghĩa', en: 'invalid definitions structure',
    messages: [
      [/^(.+?): missing required key '(.*)'$/, "$1: thiếu khoá bắt buộc '$2'"],
      [/^(.+?): unknown normalisation method '(.*)'$/, "$1: không có phương pháp chuẩn hoá '$2'"],
      [/^(.+?): unknown normalisation method$/, '$1: không có phương pháp chuẩn hoá này'],
      ...ZOD(),
      [/^(.+?): an id is letters \(A–Z, a–z\), digits, '-', '_' or '\.'$/, "$1: mã chỉ gồm chữ cái (A–Z, a–z), chữ số, '-', '_' hoặc '.'"],
      [/^(.+?): '__proto__' cannot be an id$/, "$1: không dùng '__proto__' làm mã được"],
      [/^(.+?): years is a four-digit year \(2020\) or a range: 2018-, -2017 or 2011-2017$/, '$1: years là một năm bốn chữ số (2020) hoặc một khoảng: 2018-, -2017 hoặc 2011-2017'],
      [/^(.+?): years is a year \(2020\) or a range: 2018-, -2017 or 2011-2017$/, '$1: years là một năm (2020) hoặc một khoảng: 2018-, -2017 hoặc 2011-2017'],
      [/^(.+?): the first key must be 'schema: dti\/v1'$/, "$1: khoá đầu tiên phải là 'schema: dti/v1'"],
    ],
  },
  UNKNOWN_KEY: { vi: 'khoá không hợp lệ', en: 'unknown key', messages: [[new RegExp(`^(.*?)unknown key ${Q}$`), "$1khoá '$2' không hợp lệ"]] },
  DUPLICATE_ID: { vi: 'mã trùng', en: 'duplicate id', messages: [[new RegExp(`^duplicate id ${Q}$`), "mã '$1' bị trùng"]] },
  BAD_PARAMETER: {
    vi: 'tham số không hợp lệ', en: 'invalid parameter',
    messages: [
      [new RegExp(`^weight of ${Q} is negative \\((.*)\\)$`), "trọng số của '$1' bị âm ($2)"],
      [new RegExp(`^pillar ${Q} names ${Q} twice$`), "trụ cột '$1' nêu '$2' hai lần"],
      [new RegExp(`^--what-if ${Q} is not id=value$`), "--what-if '$1' không có dạng mã=giá trị"],
      [/^'floor' is for a geometric mean, but the file's aggregate is (\S+)$/, "'floor' chỉ dùng cho trung bình nhân, nhưng cách tổng hợp của tệp là $1"],
      [new RegExp(`^years of ${Q} is an empty range \\((.*)\\)$`), "khoảng năm của '$1' rỗng ($2)"],
      [new RegExp(`^${Q} is for leaves, but ${Q} is a group \\(it has children\\)$`), "'$1' chỉ dùng cho chỉ số lá, nhưng '$2' là một nhóm (có children)"],
      [new RegExp(`^'floor' is for a geometric mean, but ${Q} aggregates by (\\S+)$`), "'floor' chỉ dùng cho trung bình nhân, nhưng '$1' tổng hợp theo $2"],
      [new RegExp(`^${Q} is for groups, but ${Q} is a leaf \\(it has no children\\)$`), "'$1' chỉ dùng cho nhóm, nhưng '$2' là chỉ số lá (không có children)"],
      [new RegExp(`^column ${Q} is also the id of a node$`), "cột '$1' trùng với mã của một nút"],
      [new RegExp(`^${Q} is a column the data reader already knows$`), "'$1' là cột mà trình đọc số liệu đã biết sẵn"],
      [new RegExp(`^column ${Q} is listed twice under columns$`), "cột '$1' được nêu hai lần trong columns"],
      [new RegExp(`^impute_group ${Q} is neither a columns\\.groups column nor 'region'$`), "impute_group '$1' không phải cột của columns.groups, cũng không phải 'region'"],
      [/^impute: (\S+) needs impute_group$/, 'impute: $1 cần có impute_group'],
      [new RegExp(`^${Q}: denominator ${Q} is not a columns\\.denominators column$`), "'$1': mẫu số '$2' không phải cột của columns.denominators"],
      [new RegExp(`^${Q}: 'per' goes with 'denominator'$`), "'$1': 'per' phải đi cùng 'denominator'"],
      [new RegExp(`^${Q}: impute: (\\S+) needs impute_group$`), "'$1': impute: $2 cần có impute_group"],
      [new RegExp(`^${Q}: the log fallback of winsorisation changes the scale, which normalize: (\\S+) does not follow$`), "'$1': phương án log dự phòng của winsorise làm đổi thang đo, mà normalize: $2 không theo được"],
      [new RegExp(`^${Q}: the log fallback of winsorisation and transform: (\\S+) would transform twice$`), "'$1': phương án log dự phòng của winsorise cùng với transform: $2 sẽ biến đổi giá trị hai lần"],
      [new RegExp(`^${Q}: direction lower needs a method that can invert it; ${Q} takes the value as it is$`), "'$1': direction lower cần một phương pháp đảo chiều được; '$2' giữ nguyên giá trị"],
      [new RegExp(`^${Q}: a boolean indicator takes no transform$`), "'$1': chỉ số có/không không dùng transform"],
      [new RegExp(`^${Q}: goalposts need min < max, got min (\\S+) and max (\\S+)$`), "'$1': goalposts cần min < max, nhận được min $2 và max $3"],
      [new RegExp(`^${Q}: (goalposts|target|step 'at') must be (.+) under transform (\\S+)$`), (_m, id: string, what: string, dom: string, t: string) => `'${id}': ${what === 'goalposts' ? 'các mốc goalposts' : what === 'target' ? 'target' : "mốc 'at'"} phải ${dom.replace('positive', 'dương').replace('non-negative', 'không âm')} khi transform ${t}`],
      [new RegExp(`^${Q}: steps must be listed with 'at' strictly increasing$`), "'$1': các bậc (steps) phải được liệt kê với 'at' tăng dần"],
      [new RegExp(`^${Q}: a negative step score cannot feed a geometric mean$`), "'$1': điểm bậc âm không dùng được trong trung bình nhân"],
      [new RegExp(`^${Q}: target must be > 0, got (.*)$`), "'$1': target phải > 0, nhận được $2"],
      [new RegExp(`^${Q}: zscore values can be negative, so they cannot feed a geometric mean$`), "'$1': giá trị zscore có thể âm, nên không dùng được trong trung bình nhân"],
      [/^(.+?): (\S+) is too large to compute with \(more than 1e100 in size\)$/, '$1: $2 quá lớn để tính (lớn hơn 1e100)'],
      [/^(.+?): (\S+) is too small to compute with \(less than 1e-100 in size, and not 0\)$/, '$1: $2 quá nhỏ để tính (nhỏ hơn 1e-100 và khác 0)'],
    ],
  },
  UNKNOWN_MEMBER: { vi: 'thành phần không có trong cây chỉ số', en: 'unknown member', messages: [[new RegExp(`^pillar ${Q} names ${Q}, which is no node of the tree$`), "trụ cột '$1' nêu '$2', không có trong cây chỉ số"]] },
  ZERO_WEIGHTS: { vi: 'mọi trọng số bằng 0', en: 'all weights zero', messages: [
      [/^every weight under 'the root' is zero$/, 'mọi trọng số ở cấp cao nhất đều bằng 0'],
      [new RegExp(`^every weight under ${Q} is zero$`), "mọi trọng số dưới '$1' đều bằng 0"],
      [new RegExp(`^every member of pillar ${Q} has weight zero$`), "mọi thành phần của trụ cột '$1' đều có trọng số 0"],
    ] },
  NOT_DEFINITIONS: {
    vi: 'không phải tệp định nghĩa dti/v1', en: 'not a dti/v1 definitions file',
    messages: [
      [/^this is not a dti\/v1 definitions file \(expected a YAML mapping\)$/, 'đây không phải tệp định nghĩa dti/v1 (cần một ánh xạ YAML)'],
      [/^this is not a dti\/v1 definitions file: it has neither 'schema' nor 'indicators'$/, "đây không phải tệp định nghĩa dti/v1: không có 'schema', cũng không có 'indicators'"],
    ],
  },
  UNKNOWN_NODE: {
    vi: 'không có chỉ số này', en: 'unknown node',
    messages: [
      [new RegExp(`^--what-if: no indicator ${Q}$`), "--what-if: không có chỉ số '$1'"],
      [new RegExp(`^--what-if: ${Q} is a group; give the value of an indicator \\(a leaf\\)$`), "--what-if: '$1' là một nhóm; hãy cho giá trị của một chỉ số (lá)"],
      [new RegExp(`^weights: no node ${Q} in the definitions$`), "weights: không có nút '$1' trong tệp định nghĩa"],
    ],
  },
  BAD_SPEC: {
    vi: 'lựa chọn không hợp lệ', en: 'invalid specification',
    messages: [
      [/^runs must be a whole number from 2 to (\d+), got (.*)$/, 'số lần chạy phải là số nguyên từ 2 đến $1, nhận được $2'],
      [/^(\d+) runs × (\d+) units is (\d+) ranks to keep, more than (\d+)$/, '$1 lần chạy × $2 đơn vị là $3 thứ hạng cần lưu, vượt quá $4'],
      [/^seed must be a whole number from 0 to (\d+), got (.*)$/, 'seed phải là số nguyên từ 0 đến $1, nhận được $2'],
      [/^bootstrap must be a whole number from 0 to (\d+), got (.*)$/, 'bootstrap phải là số nguyên từ 0 đến $1, nhận được $2'],
      [/^the weight spread must be from 0 to 1, got (.*)$/, 'biên độ dao động trọng số phải từ 0 đến 1, nhận được $1'],
      [/^weights: level (\S+) does not exist; the tree has levels 1 to (\d+)$/, 'weights: không có cấp $1; cây chỉ số có các cấp từ 1 đến $2'],
      [new RegExp(`^normalisation: ${Q} is not a method that can replace every indicator's own$`), "normalisation: '$1' không phải phương pháp thay được cho mọi chỉ số"],
      [new RegExp(`^aggregation: unknown method ${Q}$`), "aggregation: không có phương pháp '$1'"],
      [new RegExp(`^missing: unknown policy ${Q}$`), "missing: không có quy tắc '$1'"],
      [/^normalisation: zscore gives negative values, which a geometric mean cannot take$/, 'normalisation: zscore cho giá trị âm, trung bình nhân không dùng được'],
      [/^aggregation: geometric, but some normalised values are negative$/, 'aggregation: geometric, nhưng có giá trị chuẩn hoá bị âm'],
      [new RegExp(`^(.*?)unknown key ${Q}$`), "$1khoá '$2' không hợp lệ"],
      ...ZOD(),
    ],
  },
  CSV_SYNTAX: {
    vi: 'lỗi cú pháp CSV', en: 'CSV syntax error',
    messages: [
      [/^this row has (\d+) fields?, the header has (\d+)$/, 'dòng này có $1 ô, dòng tiêu đề có $2'],
      [/^a quote opened here is never closed$/, 'dấu ngoặc kép mở ở đây không được đóng'],
      [new RegExp(`^text after a closing quote: ${Q}$`), "có chữ sau dấu ngoặc kép đóng: '$1'"],
      [/^a field longer than (\d+) characters$/, 'một ô dài quá $1 ký tự'],
      [/^a row longer than (\d+) characters$/, 'một dòng dài quá $1 ký tự'],
    ],
  },
  EMPTY_FILE: { vi: 'tệp rỗng', en: 'empty file', messages: [[/^the data file is empty$/, 'tệp số liệu rỗng']] },
  DUPLICATE_HEADER: {
    vi: 'cột trùng tên', en: 'duplicate column',
    messages: [
      [new RegExp(`^column ${Q} appears twice$`), "cột '$1' xuất hiện hai lần"],
      [/^both 'province' and 'unit' columns$/, "có cả cột 'province' và cột 'unit'"],
    ],
  },
  UNKNOWN_COLUMN: {
    vi: 'cột không ứng với chỉ số nào', en: 'unknown column',
    messages: [
      [new RegExp(`^column ${Q} names no indicator of ${Q}$`), "cột '$1' không ứng với chỉ số nào của '$2'"],
      [new RegExp(`^indicator ${Q} names no indicator of ${Q}$`), "chỉ tiêu '$1' không ứng với chỉ số nào của '$2'"],
      [new RegExp(`^(?:column|indicator) ${Q} differs from the indicator id ${Q} only in case$`), "'$1' chỉ khác mã chỉ số '$2' ở chữ hoa/thường"],
      [new RegExp(`^${Q} is a group of the index, not a leaf$`), "'$1' là một nhóm của bộ chỉ số, không phải chỉ số lá"],
      [/^a value in column (\S+), which has no header$/, 'có giá trị ở cột $1, cột này không có tiêu đề'],
    ],
  },
  MISSING_UNIT_COLUMN: { vi: 'thiếu cột tỉnh/đơn vị', en: 'no unit column', messages: [[/^no 'province' or 'unit' column$/, "không có cột 'province' (Tỉnh) hay 'unit' (Đơn vị)"]] },
  UNKNOWN_PROVINCE: {
    vi: 'không nhận ra tỉnh/đơn vị', en: 'unknown province or unit',
    messages: [
      [new RegExp(`^unknown province ${Q}$`), "không có tỉnh '$1'"],
      [/^empty (province|unit) name$/, 'thiếu tên tỉnh/đơn vị'],
      [new RegExp(`^no unit ${Q} in the data$`), "số liệu không có đơn vị '$1'"],
      [/^(.+) has no row in the data$/, '$1 không có dòng nào trong số liệu'],
    ],
  },
  DUPLICATE_ROW: {
    vi: 'dòng trùng', en: 'duplicate row',
    messages: [
      [/^(.+) appears twice$/, '$1 xuất hiện hai lần'],
      [/^(.+) \((.+)\) is also in an earlier file$/, '$1 ($2) đã có trong một tệp trước'],
      [new RegExp(`^a second value of ${Q} for (.+) in (\\d{4})$`), "giá trị thứ hai của '$1' cho $2 năm $3"],
      [new RegExp(`^a second value of ${Q} for (.+)$`), "giá trị thứ hai của '$1' cho $2"],
      [new RegExp(`^(.+?): ${Q} differs from ${Q} given for (.+) on an earlier row$`), "$1: '$2' khác với '$3' đã ghi cho $4 ở một dòng trước"],
      [/^(.+?): (\S+) differs from (\S+) given for (.+) on line (\d+)$/, '$1: $2 khác với $3 đã ghi cho $4 ở dòng $5'],
    ],
  },
  NOT_A_NUMBER: {
    vi: 'không phải là số', en: 'not a number',
    messages: [
      [new RegExp(`^(.+?): ${Q} is not a number in the Vietnamese style$`), "$1: '$2' không phải là số viết theo kiểu Việt Nam"],
      [new RegExp(`^(.+?): ${Q} is not a number$`), "$1: '$2' không phải là số"],
      [new RegExp(`^(.+?): ${Q} is not a finite number$`), "$1: '$2' không phải là số hữu hạn"],
      [new RegExp(`^(.+?): ${Q} is not yes or no$`), "$1: '$2' không phải là có/không"],
      [new RegExp(`^(.+?): ${Q}: (\\S+) is too large to compute with \\(more than 1e100 in size\\)$`), "$1: '$2': $3 quá lớn để tính (lớn hơn 1e100)"],
      [new RegExp(`^(.+?): ${Q}: (\\S+) is too small to compute with \\(less than 1e-100 in size, and not 0\\)$`), "$1: '$2': $3 quá nhỏ để tính (nhỏ hơn 1e-100 và khác 0)"],
      [new RegExp(`^(.+?): ${Q}: (\\S+) is too large to compute with \\(more than 1e100 in size\\)$`), "$1: '$2': $3 quá lớn để tính (lớn hơn 1e100)"],
    ],
  },
  OUT_OF_DOMAIN: {
    vi: 'giá trị ngoài miền cho phép', en: 'value out of domain',
    messages: [
      [/^(.+?): (\S+) is negative, but it feeds a geometric mean$/, '$1: $2 là số âm nhưng đi vào một trung bình nhân'],
      [/^(.+?): (\S+) is outside what transform (\S+) accepts (.*)$/, '$1: $2 nằm ngoài miền của phép biến đổi $3 $4'],
      [/^(.+?): (\S+) is outside what transform (\S+) accepts$/, '$1: $2 nằm ngoài miền của phép biến đổi $3'],
      [/^(.+?): cannot divide by (.+) = 0 \((.+)\)$/, '$1: không chia được cho $2 = 0 ($3)'],
    ],
  },
  MISSING_VALUE: {
    vi: 'thiếu giá trị', en: 'missing value',
    messages: [
      [new RegExp(`^(.+) has no value for ${Q}$`), "$1 không có giá trị cho '$2'"],
      [/^no column for (\d+) of (\d+) indicators: (.*)$/, 'không có cột cho $1 trong $2 chỉ số: $3'],
      [/^(.+?): (\d+) of (\d+) indicators have no value( in at least one of the provinces merged into it)? \(coverage ([\d.]+)\); (.*)$/, '$1: $2 trong $3 chỉ số không có giá trị (tỷ lệ dữ liệu $5); $6'],
      [/^(\d+) of (\d+) (?:units|unit-years) have values missing \((\d+) in all\); (.*)$/, '$1 trong $2 đơn vị thiếu giá trị (tổng cộng $3); $4'],
      [new RegExp(`^no column ${Q}, which (.+) (?:is|are) divided by$`), "không có cột '$1', là mẫu số của $2"],
      [new RegExp(`^no column ${Q}, the impute_group of group-mean\\/group-median$`), "không có cột '$1', là impute_group của group-mean/group-median"],
      [/^impute_group: region needs a 'province' column \(free units have no region\)$/, "impute_group: region cần cột 'province' (đơn vị không phải tỉnh thì không có vùng)"],
      [new RegExp(`^(.+) has no value for ${Q}, and impute: (\\S+) found none to fill it$`), "$1 không có giá trị cho '$2', và impute: $3 không tìm được giá trị nào để điền"],
    ],
  },
  NO_YEAR: { vi: 'không biết năm', en: 'no year' },
  BAD_YEAR: {
    vi: 'năm không hợp lệ', en: 'bad year',
    messages: [[/^empty year$/, 'thiếu năm'], [new RegExp(`^${Q} is not a year$`), "'$1' không phải là năm"]],
  },
  MIXED_MAPS: {
    vi: 'lẫn bản đồ 63 và 34 tỉnh', en: '63- and 34-province maps mixed',
    messages: [
      [/^(.+) is a province of the 63 before 1 July 2025; since then it is part of (.+)$/, '$1 là tỉnh thuộc danh mục 63 tỉnh trước ngày 01/7/2025; từ ngày đó thuộc $2'],
      [/^a row from (\S+) in a file read on the 34-province map \(its first row is from 2025 or later\)$/, 'một dòng của năm $1 trong tệp được đọc theo danh mục 34 tỉnh (dòng đầu tiên của tệp từ năm 2025 trở đi)'],
      [/^--merge-2025 needs data on the 63 provinces before 1 July 2025; this file has the 34 provinces$/, '--merge-2025 cần số liệu của 63 tỉnh trước ngày 01/7/2025; tệp này là số liệu 34 tỉnh'],
      [/^--merge-2025 needs data on the 63 provinces before 1 July 2025; this file has free units$/, '--merge-2025 cần số liệu của 63 tỉnh trước ngày 01/7/2025; tệp này có đơn vị không phải tỉnh'],
    ],
  },
  NO_DATA: { vi: 'không có dòng số liệu', en: 'no data rows', messages: [[/^the file has a header but no data rows$/, 'tệp có dòng tiêu đề nhưng không có dòng số liệu nào']] },
  TOTALS_ROW: { vi: 'dòng tổng/trung bình', en: 'totals row', messages: [
      [new RegExp(`^${Q} is a totals or average row; skipped$`), "'$1' là dòng tổng cộng hoặc trung bình; đã bỏ qua"],
    ] },
  WORKBOOK: {
    vi: 'không đọc được sổ tính', en: 'unreadable workbook',
    messages: [
      [/^this is an old Excel 97–2003 workbook \(\.xls\), or a password-protected one, which dti cannot read$/, 'đây là sổ tính Excel 97–2003 cũ (.xls) hoặc sổ tính có mật khẩu; dti không đọc được'],
      [new RegExp(`^no sheet ${Q} in the workbook$`), "sổ tính không có trang '$1'"],
      [/^the workbook has no sheets$/, 'sổ tính không có trang nào'],
      [/^this file is named like a workbook but is not one.*$/, 'tệp mang tên sổ tính nhưng không phải là sổ tính (.xlsx là một tệp ZIP)'],
      [/^cannot read (.*)$/, 'không đọc được $1'],
    ],
  },
  UNCALCULATED_FORMULA: { vi: 'công thức chưa được tính', en: 'formula not calculated' },
  READ_ERROR: {
    vi: 'không đọc được tệp', en: 'cannot read the file',
    messages: [
      [/^cannot read (.+): no such file$/, 'không đọc được $1: không có tệp này'],
      [/^cannot read (.+): it is a directory$/, 'không đọc được $1: đây là thư mục'],
      [/^cannot read (.+): permission denied$/, 'không đọc được $1: không có quyền đọc'],
      [/^cannot read (.+): it is larger than (\d+) MiB, the limit of an input$/, 'không đọc được $1: tệp lớn hơn $2 MiB, giới hạn của một tệp đầu vào'],
    ],
  },
  ENCODING: {
    vi: 'sai bảng mã', en: 'wrong encoding',
    messages: [
      [/^the file is not UTF-8.*$/, 'tệp không phải UTF-8 (có vẻ là bảng mã tiếng Việt cũ như Windows-1258 hoặc TCVN3)'],
      [/^the file is UTF-16, not UTF-8$/, 'tệp dùng bảng mã UTF-16, không phải UTF-8'],
      [/^the file looks like UTF-16 without a byte-order mark$/, 'tệp có vẻ là UTF-16 không có BOM'],
      [/^the file is (UTF-(?:16|32)[LB]E), not UTF-8$/, 'tệp dùng bảng mã $1, không phải UTF-8'],
      [/^the file is (UTF-(?:16|32)[LB]E) \(without a byte-order mark\), not UTF-8$/, 'tệp dùng bảng mã $1 (không có BOM), không phải UTF-8'],
      [/^the file holds a NUL byte \(U\+0000\): it is not a text file, or it is damaged$/, 'tệp có byte NUL (U+0000): không phải tệp văn bản, hoặc tệp bị hỏng'],
      [/^the file is not valid (.*)$/, 'tệp không đúng bảng mã $1'],
    ],
  },
  YEAR_DEPENDENT_METHOD: {
    vi: 'chuẩn hoá phụ thuộc từng năm', en: 'normalisation depends on the year',
    messages: [
      [/^(.+) (?:is|are) normalised over each year's units \(minmax\/zscore\/rank\), so scores are not comparable across years; ranks are$/, '$1 được chuẩn hoá theo các đơn vị của từng năm (minmax/zscore/rank), nên điểm các năm không so sánh được với nhau; thứ hạng thì được'],
      [/^(.+) (?:is|are) normalised over each year's units, so part of a change of score comes from the other units$/, '$1 được chuẩn hoá theo các đơn vị của từng năm, nên một phần thay đổi điểm đến từ các đơn vị khác'],
    ],
  },
}; });

/** Hints, in Vietnamese: the first pattern that matches the whole hint. */
const HINTS = lazy(function hintPatterns(): Pattern[] { return [
  // A hint, then what to pass when the delimiter is in doubt.
  [/^(.*); the delimiter could not be told from the file: pass (.+)$/, (_m, first: string, pass: string) => `${localizeHint(first)}; không nhận ra được dấu phân cách của tệp: thêm ${orVi(pass)}`],
  [/^check the path \(it is relative to the current directory\)$/, 'kiểm tra đường dẫn (tính từ thư mục hiện tại)'],
  [/^is it the right file\? A device such as \/dev\/zero or an endless pipe never ends; split very large data by year$/, 'có đúng tệp không? Thiết bị như /dev/zero hay một đường ống không bao giờ kết thúc; hãy tách dữ liệu rất lớn theo năm'],
  [/^use numbers between 1e-100 and 1e100 in size \(or 0\); rescale weights, they only count relative to each other$/, 'dùng các số có độ lớn từ 1e-100 đến 1e100 (hoặc 0); trọng số chỉ có ý nghĩa tương đối nên có thể nhân chia lại'],
  [/^change the unit of the indicator \(e\.g\. millions instead of units, or percent\)$/, 'đổi đơn vị của chỉ số (ví dụ triệu thay cho đơn vị, hoặc phần trăm)'],
  [/^is this really a CSV file, with line breaks\?$/, 'tệp này có thật là CSV, có ngắt dòng không?'],
  [/^is this really a CSV file\?$/, 'tệp này có thật là CSV không?'],
  [/^fill the gaps, or see missing: zero \| exclude \| error in the definitions$/, 'bổ sung số liệu còn thiếu, hoặc xem missing: zero | exclude | error trong tệp định nghĩa'],
  [/^pass --pool-years to normalise over all the years given$/, 'thêm --pool-years để chuẩn hoá trên tất cả các năm'],
  [/^did you mean (.+)\?$/, (_m, x: string) => `có phải ý bạn là ${x.replace(/' or '/g, "' hoặc '")}?`],
  [/^it looks Vietnamese-style \(',' as decimal mark\); pass --decimal comma$/, "có vẻ viết kiểu Việt Nam (dấu ',' là dấu thập phân); thêm --decimal comma"],
  [/^write numbers with '\.' as the decimal mark, or leave the cell empty if there is no value$/, "viết số với dấu '.' là dấu thập phân, hoặc để trống ô nếu không có giá trị"],
  [/^with --decimal comma, ',' is the decimal mark and '\.' groups thousands \(75,7 or 3\.743\.092\)$/, "với --decimal comma, dấu ',' là dấu thập phân và dấu '.' ngăn cách hàng nghìn (75,7 hoặc 3.743.092)"],
  [/^write yes\/có\/true\/1 or no\/không\/false\/0$/, 'viết có/yes/true/1 hoặc không/no/false/0'],
  [/^dti computes its own averages; this row is not a unit$/, 'dti tự tính trung bình; dòng này không phải một đơn vị'],
  [/^give the column a header \(an indicator id\), or delete the value$/, 'đặt tiêu đề cho cột (mã một chỉ số), hoặc xoá giá trị'],
  [/^give every row a (province|unit)$/, 'điền tỉnh/đơn vị cho mọi dòng'],
  [/^a year is four digits, e\.g\. 2023$/, 'năm gồm bốn chữ số, ví dụ 2023'],
  [/^check for a missing or extra delimiter, or a value with an unquoted comma(.*)$/, 'kiểm tra dấu phân cách thiếu hoặc thừa, hoặc giá trị có dấu phẩy mà không đặt trong ngoặc kép$1'],
  [/^pass --encoding windows-1258, or save it as 'CSV UTF-8' \(Excel: Save As → CSV UTF-8\)$/, "thêm --encoding windows-1258, hoặc lưu tệp dạng 'CSV UTF-8' (Excel: Save As → CSV UTF-8)"],
  [/^pass --encoding (\S+), or save it as 'CSV UTF-8' \(Excel: Save As → CSV UTF-8\)$/, "thêm --encoding $1, hoặc lưu tệp dạng 'CSV UTF-8' (Excel: Save As → CSV UTF-8)"],
  [/^convert it: iconv -f (\S+) -t UTF-8, or save it as 'CSV UTF-8' \(Excel: Save As → CSV UTF-8\)$/, "chuyển bảng mã: iconv -f $1 -t UTF-8, hoặc lưu tệp dạng 'CSV UTF-8' (Excel: Save As → CSV UTF-8)"],
  [/^open it in a spreadsheet and save it again as 'CSV UTF-8'$/, "mở tệp bằng bảng tính rồi lưu lại dạng 'CSV UTF-8'"],
  [/^open it in Excel or LibreOffice and save it as \.xlsx.*$/, 'mở tệp bằng Excel hoặc LibreOffice rồi lưu dạng .xlsx (File → Save As → Excel Workbook), hoặc CSV UTF-8'],
  [/^open it in Excel or LibreOffice and save it again as \.xlsx$/, 'mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx'],
  [/^its sheets: (.+) \(or a number from 1 to (\d+)\)$/, 'các trang: $1 (hoặc số thứ tự từ 1 đến $2)'],
  [/^name the column of provinces 'province'.*$/, "đặt tên cột tỉnh là 'province' hoặc 'Tỉnh', 'Tỉnh/Thành phố' (đối chiếu danh mục tỉnh), hoặc cột đơn vị khác là 'unit', 'Đơn vị'; tiêu đề có thể nằm sau các dòng tên bảng (hoặc dùng --skip-lines)"],
  [/^a data file starts with a header row.*$/, 'tệp số liệu bắt đầu bằng dòng tiêu đề, ví dụ province,year,<mã các chỉ số…>'],
  [/^add one row per (province|unit)$/, 'thêm một dòng cho mỗi tỉnh/đơn vị'],
  [/^the first is on line (\d+)( \(names are matched by province, whatever the spelling\))?; keep one row per (province|unit) and year$/, (_m, line: string, matched: string | undefined, kind: string) =>
    `dòng đầu tiên ở dòng ${line}${matched ? ' (tên được đối chiếu theo tỉnh, dù viết thế nào)' : ''}; giữ một dòng cho mỗi ${kind === 'province' ? 'tỉnh' : 'đơn vị'} và năm`],
  [/^give each unit and year once across the files$/, 'mỗi đơn vị và năm chỉ có trong một tệp'],
  [/^their values count as missing in every row$/, 'giá trị của chúng được coi là thiếu ở mọi dòng'],
  [/^use a province's name, GSO code or ISO code.*$/, "dùng tên tỉnh, mã tỉnh của Tổng cục Thống kê hoặc mã ISO (xem 'dti provinces'), hoặc đặt tên cột là 'unit' cho đơn vị không phải tỉnh"],
  [/^remove it, rename it to a leaf id.*$/, "xoá cột, đổi tên thành mã một chỉ số lá (xem 'dti indicators'), hoặc đặt '#' đầu tên để giữ làm ghi chú"],
  [/^a weight is a number ≥ 0; for an indicator where less is better use direction: lower$/, 'trọng số là một số ≥ 0; với chỉ số càng thấp càng tốt, dùng direction: lower'],
  [/^a weight is a number ≥ 0.*$/, 'trọng số là một số ≥ 0'],
  [/^give at least one of them a weight > 0$/, 'cho ít nhất một thành phần trọng số > 0'],
  [/^check the YAML syntax near this position$/, 'kiểm tra cú pháp YAML quanh vị trí này'],
  [/^indent with spaces, not tabs$/, 'thụt lề bằng dấu cách, không dùng tab'],
  [/^a key may appear once in a mapping; remove or rename one$/, 'mỗi khoá chỉ xuất hiện một lần; xoá hoặc đổi tên một khoá'],
  [/^close the quoted value with ".*$/, 'đóng giá trị bằng dấu " (dấu ngoặc kép bên trong viết là "")'],
  [/^check the --encoding, or save the file as CSV UTF-8$/, 'kiểm tra --encoding, hoặc lưu tệp dạng CSV UTF-8'],
  [/^see 'dti indicators' for the ids$/, "xem mã các chỉ số bằng 'dti indicators'"],
  [/^the indicators under it: (.+)$/, 'các chỉ số bên dưới: $1'],
  [/^level 1 is the root's children \(the main indices\), 2 the level below$/, 'cấp 1 là các chỉ số chính, cấp 2 là cấp ngay dưới'],
  [/^one of (.+) \(goalposts, target and steps need parameters per indicator\)$/, 'một trong: $1 (goalposts, target và steps cần tham số riêng cho từng chỉ số)'],
  [/^one of (.+)$/, 'một trong: $1'],
  [/^use at most (\d+) runs for (\d+) units$/, 'dùng tối đa $1 lần chạy cho $2 đơn vị'],
  [/^e\.g\. --what-if (\S+) \(an indicator id, =, its raw value\)$/, 'ví dụ --what-if $1 (mã chỉ số, dấu =, giá trị gốc)'],
  [/^the keys are: (.+)$/, 'các khoá: $1'],
  [/^leave zscore out, or geometric out of the aggregations$/, 'bỏ zscore, hoặc bỏ geometric khỏi các cách tổng hợp'],
  [/^e\.g\. --weights 0\.25: each weight times a factor drawn from \[0\.75, 1\.25\]$/, 'ví dụ --weights 0.25: mỗi trọng số nhân với một hệ số ngẫu nhiên trong [0,75; 1,25]'],  [/^definitions start with 'schema: dti\/v1'; was a data file given to -i\/--indicators\?$/, "tệp định nghĩa bắt đầu bằng 'schema: dti/v1'; có phải đã đưa tệp số liệu cho -i/--indicators?"],
  [/^write a number \(no quotes, no unit\)$/, 'viết một số (không có ngoặc kép, không kèm đơn vị)'],
  [/^write a list \(- item, or \[a, b\]\)$/, 'viết một danh sách (- mục, hoặc [a, b])'],
  [/^write a mapping \(key: value\)$/, 'viết một ánh xạ (khoá: giá trị)'],
  [/^write a (\w+)$/, (_m, t: string) => `viết một giá trị kiểu ${typeVi(t)}`],
  [/^a name is a string or \{ vi: "…", en: "…" \}$/, 'tên là một chuỗi, hoặc { vi: "…", en: "…" }'],
  [/^add '(.*):' here$/, "thêm '$1:' vào đây"],
  [/^method is one of (.+)$/, 'method là một trong: $1'],
  [/^use letters A–Z or a–z, digits, '-', '_' or '\.'$/, "dùng chữ cái A–Z hoặc a–z, chữ số, '-', '_' hoặc '.'"],
  [/^this tool reads 'schema: dti\/v1'$/, "dti đọc 'schema: dti/v1'"],
  [/^see the dti\/v1 format \(README, File formats\)$/, 'xem định dạng dti/v1 (README, mục File formats)'],
  [/^a comma inside \{ … \} separates keys: quote the name, e\.g\. vi: "…, (.*)"$/, 'dấu phẩy trong { … } ngăn cách các khoá: đặt tên trong ngoặc kép, ví dụ vi: "…, $1"'],
  [/^remove '(.*)'; see the dti\/v1 format for the keys each place takes$/, "bỏ '$1'; xem định dạng dti/v1 để biết mỗi chỗ nhận những khoá nào"],
  [/^remove 'floor', or set aggregate: geometric on this group$/, "bỏ 'floor', hoặc đặt aggregate: geometric cho nhóm này"],
  [/^remove 'floor', or set aggregate: geometric$/, "bỏ 'floor', hoặc đặt aggregate: geometric"],
  [/^ids are unique across the file; the first '(.*)' is at line (\S+)$/, "mỗi mã chỉ dùng một lần trong tệp; '$1' đầu tiên ở dòng $2"],
  [/^write the first year, then the last: 2011-2017; or 2018- \(from 2018 on\), -2017 \(until 2017\)$/, 'viết năm đầu rồi năm cuối: 2011-2017; hoặc 2018- (từ 2018 trở đi), -2017 (đến hết 2017)'],
  [/^move '(.*)' to the leaves under '(.*)' or remove it$/, "chuyển '$1' xuống các chỉ số lá dưới '$2', hoặc bỏ đi"],
  [/^remove '(.*)' or give the node 'children'$/, "bỏ '$1', hoặc thêm 'children' cho nút này"],
  [/^a data column is either an indicator or an auxiliary column; rename one$/, 'một cột số liệu hoặc là chỉ số, hoặc là cột phụ; đổi tên một trong hai'],
  [/^a member is the id of a group or leaf under indicators$/, 'thành phần là mã của một nhóm hoặc chỉ số lá trong indicators'],
  [/^list each member once$/, 'mỗi thành phần chỉ nêu một lần'],
  [/^a pillar aggregates its members with their own weights; give one a weight > 0$/, 'trụ cột tổng hợp các thành phần theo trọng số của chúng; cho ít nhất một thành phần trọng số > 0'],
  [/^remove it from columns\.(\w+)$/, 'bỏ cột này khỏi columns.$1'],
  [/^list each column once$/, 'mỗi cột chỉ nêu một lần'],
  [/^list the column under columns: \{ groups: \[\.\.\.\] \}, or use region for provinces$/, 'khai báo cột trong columns: { groups: [...] }, hoặc dùng region cho các tỉnh'],
  [/^list the column under columns: \{ groups: \[\.\.\.\] \} in the definitions$/, 'khai báo cột trong columns: { groups: [...] } của tệp định nghĩa'],
  [/^add impute_group: <a columns\.groups column> or impute_group: region$/, 'thêm impute_group: <một cột của columns.groups> hoặc impute_group: region'],
  [/^add impute_group: <a columns\.groups column> \(or region\) at the top of the file$/, 'thêm impute_group: <một cột của columns.groups> (hoặc region) ở đầu tệp'],
  [/^list it: columns: \{ denominators: \[(.*)\] \}$/, 'khai báo: columns: { denominators: [$1] }'],
  [/^add denominator: <column>, or remove 'per'$/, "thêm denominator: <cột>, hoặc bỏ 'per'"],
  [/^use a method that takes its statistics from the units \((.*)\), or treat: \{ method: winsorise, fallback: none \} on this leaf, or treat: none$/, (_m, xs: string) => `dùng một phương pháp lấy thống kê từ các đơn vị (${orVi(xs)}), hoặc treat: { method: winsorise, fallback: none } cho chỉ số lá này, hoặc treat: none`],
  [/^remove 'transform', or set treat: \{ method: winsorise, fallback: none \} on this leaf$/, "bỏ 'transform', hoặc đặt treat: { method: winsorise, fallback: none } cho chỉ số lá này"],
  [/^use (.+) for a lower-is-better indicator$/, (_m, xs: string) => `dùng ${orVi(xs)} cho chỉ số càng thấp càng tốt`],
  [/^remove 'transform'$/, "bỏ 'transform'"],
  [/^use direction: lower for an indicator where less is better, not swapped goalposts$/, 'với chỉ số càng thấp càng tốt, dùng direction: lower, đừng đảo ngược các mốc'],
  [/^the goalposts are transformed like the values \(HDI-style\); use min ≥ 0$/, 'các mốc được biến đổi như các giá trị (kiểu HDI); dùng min ≥ 0'],
  [/^the goalposts are transformed like the values \(HDI-style\); use a min > 0, e\.g\. 1$/, 'các mốc được biến đổi như các giá trị (kiểu HDI); dùng min > 0, ví dụ 1'],
  [/^put the step at (\S+) before the one at (\S+), or remove the duplicate$/, 'đặt bậc ở mốc $1 trước bậc ở mốc $2, hoặc bỏ bậc trùng'],
  [/^the steps are transformed like the values$/, 'các bậc được biến đổi như các giá trị'],
  [/^give step scores ≥ 0, or aggregate: mean$/, 'cho điểm các bậc ≥ 0, hoặc dùng aggregate: mean'],
  [/^set the target the plan states, e\.g\. target: (\S+)$/, 'đặt mục tiêu theo kế hoạch, ví dụ target: $1'],
  [/^the target is transformed like the values$/, 'mục tiêu được biến đổi như các giá trị'],
  [/^use minmax or goalposts here, or aggregate: mean for the group$/, 'dùng minmax hoặc goalposts ở đây, hoặc aggregate: mean cho nhóm'],
  [/^add one row per (province|unit)$/, 'thêm một dòng cho mỗi tỉnh/đơn vị'],
  [/^ids are case-sensitive: write '(.*)' exactly as the definitions do$/, "mã phân biệt chữ hoa/thường: viết '$1' đúng như trong tệp định nghĩa"],
  [/^data give leaves only; a group is computed from its children$/, 'số liệu chỉ ghi các chỉ số lá; nhóm được tính từ các thành phần của nó'],
  [/^the first is column (\d+); rename or remove one \(a CSV reader would keep only the last\)$/, 'cột đầu tiên là cột thứ $1; đổi tên hoặc bỏ một cột (trình đọc CSV khác sẽ chỉ giữ cột cuối)'],
  [/^keep one of them$/, 'giữ một trong hai'],
  [/^add a column '(.*)' with each unit's value \(it is listed under columns\.denominators\)$/, "thêm cột '$1' ghi giá trị của từng đơn vị (cột này được khai báo trong columns.denominators)"],
  [/^add a column '(.*)' naming each unit's group$/, "thêm cột '$1' ghi nhóm của từng đơn vị"],
  [/^list a column of your own under columns\.groups and use it as impute_group$/, 'khai báo một cột của riêng bạn trong columns.groups và dùng nó làm impute_group'],
  [/^this file is read on the 34-province map( \(every row is dated 2025 or later\))?; write (.+), or pass --map 63 for data on the 63 provinces$/, (_m, all: string | undefined, name: string) => `tệp này được đọc theo danh mục 34 tỉnh${all ? ' (mọi dòng đều từ năm 2025 trở đi)' : ''}; hãy viết ${name}, hoặc thêm --map 63 cho số liệu 63 tỉnh`],
  [/^keep years before and after the 1 July 2025 merger in separate files, or pass --map 63 or --map 34$/, 'để các năm trước và sau khi sáp nhập (01/7/2025) ở các tệp riêng, hoặc thêm --map 63 hay --map 34'],
  [/^give a unit one group per year$/, 'mỗi đơn vị chỉ thuộc một nhóm trong một năm'],
  [/^give a unit one value per year$/, 'mỗi đơn vị chỉ có một giá trị trong một năm'],
  [/^the first is on line (\d+); keep one$/, 'giá trị đầu tiên ở dòng $1; chỉ giữ một'],
  [/^see 'dti provinces'$/, "xem 'dti provinces'"],
  [/^the data hold (\d+) units$/, 'số liệu có $1 đơn vị'],
  [/^the units are: (.+)$/, 'các đơn vị: $1'],
  [/^give a value the indicator can take$/, 'cho một giá trị mà chỉ số có thể nhận'],
  [/^read the contributions of those indicators with care$/, 'cần thận trọng khi đọc phần đóng góp của các chỉ số đó'],
  [/^'(.*)' is declared missing: error; give a value,? or change its policy to zero or exclude$/, "'$1' được khai báo missing: error; hãy điền giá trị, hoặc đổi quy tắc thành zero hay exclude"],
  [/^drop --merge-2025, or give data on the 63 provinces$/, 'bỏ --merge-2025, hoặc dùng số liệu của 63 tỉnh'],
  [/^give (.+) its real value, or leave it empty if it is not known$/, 'ghi giá trị thật của $1, hoặc để trống nếu chưa biết'],
  [/^a geometric mean needs values ≥ 0; normalise this indicator \(goalposts, minmax\) or use aggregate: mean$/, 'trung bình nhân cần giá trị ≥ 0; hãy chuẩn hoá chỉ số này (goalposts, minmax) hoặc dùng aggregate: mean'],
  [/^check the sign of the value$/, 'kiểm tra dấu của giá trị'],
  [/^a log needs a positive value; leave the cell empty if there is none$/, 'logarit cần giá trị dương; để trống ô nếu không có giá trị'],
  [/^is a closing quote missing\?$/, 'có thiếu dấu ngoặc kép đóng không?'],
  [/^quote the whole value, e\.g\. "…" with no text after the closing quote$/, 'đặt cả giá trị trong ngoặc kép, ví dụ "…", không có chữ nào sau dấu ngoặc kép đóng'],
  [/^write the value in ordinary notation$/, 'viết giá trị theo cách thông thường'],
  [/^weights: 0\.25, or \{ spread: 0\.25, levels: \[1\] \}$/, 'weights: 0.25, hoặc { spread: 0.25, levels: [1] }'],
  [/^see the example in the README \(dti sensitivity\)$/, 'xem ví dụ trong README (dti sensitivity)'],
  [/^do not use YAML aliases here$/, 'không dùng alias YAML ở đây'],
  [/^do not use YAML aliases to build large documents$/, 'không dùng alias YAML để dựng tài liệu lớn'],
  [/^save a sheet with the data in it$/, 'lưu một trang có số liệu'],
  [/^open it in Excel and save it again$/, 'mở tệp bằng Excel rồi lưu lại'],
  [/^give every file the same kind of unit$/, 'mọi tệp phải cùng một loại đơn vị'],
  [/^align the keys of one mapping at the same column$/, 'các khoá của một ánh xạ phải thẳng cột với nhau'],
  [/^e\.g\. (.+)$/, 'ví dụ $1'],
]; });

/** A diagnostic's message and hint in `lang` (English is how they are made). */
export function localize(d: Pick<Diagnostic, 'code' | 'message' | 'hint' | 'text' | 'hintText'>, lang: Lang): { message: string; hint: string | undefined } {
  if (d.text !== undefined) {
    return { message: render(d.text, lang), hint: d.hintText !== undefined ? render(d.hintText, lang) : lang === 'en' || d.hint === undefined ? d.hint : localizeHint(d.hint) };
  }
  if (lang === 'en') return { message: d.message, hint: d.hint };
  const entry = catalogue()[d.code as DiagnosticCode] as CatalogueEntry | undefined;
  let message: string | undefined;
  for (const [re, vi] of entry?.messages ?? []) {
    if (re.test(d.message)) { message = PHRASES().reduce((m, [p, v]) => sub(m, p, v), sub(d.message, re, vi).replace(/ {2,}/g, ' ')); break; }
  }
  message ??= entry === undefined ? d.message : `${entry.vi}: ${d.message}`;
  return { message, hint: d.hint === undefined ? undefined : localizeHint(d.hint) };
}

/** Phrases inside messages (the missing-value policy). */
const PHRASES = lazy(function phrasePatterns(): Pattern[] { return [
  [/an indicator without a value counts as 0/g, 'chỉ số không có giá trị được tính là 0'],
  [/the indicators without a value are left out and the others re-weighted/g, 'bỏ qua các chỉ số không có giá trị và chia lại trọng số cho các chỉ số còn lại'],
  [/each node's missing policy applies/g, 'áp dụng quy tắc thiếu giá trị của từng nút'],
  [/left unranked \(no value to score\)/g, 'không xếp hạng (không có giá trị để tính điểm)'],
]; });

export function localizeHint(hint: string): string {
  for (const [re, vi] of HINTS()) if (re.test(hint)) return sub(hint, re, vi);
  return hint;
}

/** Whether the message has a Vietnamese wording of its own (not the fallback). */
export function hasVietnamese(d: Pick<Diagnostic, 'code' | 'message'>): boolean {
  return (catalogue()[d.code as DiagnosticCode]?.messages ?? []).some(([re]) => re.test(d.message));
}


/** Messages of errors that stop a run before any file is checked (usage, files), in Vietnamese. */
const PLAIN = lazy(function plainPatterns(): Pattern[] { return [
  [/^cannot read (.+): no such file$/, 'không đọc được $1: không có tệp này'],
  [/^cannot read (.+): it is a directory$/, 'không đọc được $1: đó là một thư mục'],
  [/^cannot read (.+): permission denied$/, 'không đọc được $1: không có quyền đọc'],
  [/^cannot read (.+): it is larger than (\d+) MiB, the limit of an input$/, 'không đọc được $1: tệp lớn hơn $2 MiB, giới hạn của một tệp đầu vào'],
  [/^cannot (read|write) (.+): (.+)$/, (_m, verb: string, file: string, why: string) => `không ${verb === 'read' ? 'đọc' : 'ghi'} được ${file}: ${WHY_VI[why] ?? why}`],
  [/^cannot read (.+)$/, 'không đọc được $1'],
  [/^cannot read the map boundaries (.+)$/, 'không đọc được ranh giới bản đồ $1'],
  [/^'-' is given twice: standard input can be read only once$/, "'-' được nêu hai lần: đầu vào chuẩn chỉ đọc được một lần"],
  [/^a workbook cannot be written to standard output$/, 'sổ tính không ghi ra đầu ra chuẩn được'],
  [/^(.+): its units \((province|unit)(?:, (\d+) provinces)?\) differ from the files before$/, (_m, f: string, kind: string, n: string) => `${f}: loại đơn vị (${kind === 'province' ? 'tỉnh' : 'đơn vị tự do'}${n ? `, ${n} tỉnh` : ''}) khác với các tệp trước`],
  [/^(.+): sheet '(.*)' is missing from the workbook$/, "$1: sổ tính thiếu trang '$2'"],
  [/^(.+) names no unit$/, '$1 không nêu đơn vị nào'],
  [/^--by (.+): neither 'region' nor a columns\.groups column of '(.*)'$/, "--by $1: không phải 'region', cũng không phải cột columns.groups của '$2'"],
  [/^--by (.+): the data have no '(.*)' column, or it is empty$/, "--by $1: số liệu không có cột '$2', hoặc cột này trống"],
  [/^refusing to write over the input file (.+) \(it is standard input\)$/, 'không ghi đè lên tệp đầu vào $1 (đó là đầu vào chuẩn)'],
  [/^refusing to write over the input file (.+)$/, 'không ghi đè lên tệp đầu vào $1'],
  [/^--check needs --output <file> to compare with$/, '--check cần --output <tệp> để so sánh'],
  [/^unknown region (.+)$/, 'không có vùng $1'],
  [/^unknown unit$/, 'không có đơn vị này'],
  [/^unknown encoding (.+)$/, 'không biết bảng mã $1'],
  [/^values missing$/, 'thiếu giá trị'],
  [/^cannot merge$/, 'không sáp nhập được'],
  [/^invalid data$/, 'số liệu không hợp lệ'],
  [/^cannot tell the format from the extension (.+) of (.+)$/, 'không biết định dạng của phần mở rộng $1 ($2)'],
  [/^a workbook \(-f xlsx\) is written to a file, not to standard output$/, 'sổ tính (-f xlsx) phải ghi ra tệp, không ra màn hình'],
  [/^a template is written as \.xlsx, \.csv or \.tsv, not (.+)$/, 'mẫu được ghi dạng .xlsx, .csv hoặc .tsv, không phải $1'],
  [/^'-' reads standard input, but it is a terminal$/, "'-' đọc từ đầu vào chuẩn, nhưng đó là màn hình"],
  [/^a trend needs the year of every row$/, 'xu hướng cần năm của mọi dòng'],
  [/^regions need a province column$/, 'vùng cần một cột tỉnh'],
  [/^--allow-partial-merge goes with --merge-2025$/, '--allow-partial-merge đi cùng --merge-2025'],
]; });
const PLAIN_HINTS = lazy(function plainHintPatterns(): Pattern[] { return [
  [/^pipe a file in \(dti score - < data\.csv\) or name the file$/, 'chuyển một tệp vào qua đường ống (dti score - < data.csv), hoặc nêu tên tệp'],
  [/^name the other files, e\.g\. (.+)$/, 'nêu tên các tệp kia, ví dụ $1'],
  [/^give a file name, e\.g\. (.+)$/, 'nêu tên một tệp, ví dụ $1'],
  [/^run the same command without --check to write it$/, 'chạy lại chính lệnh này, bỏ --check, để ghi tệp'],
  [/^check the file and its permissions$/, 'kiểm tra tệp và quyền truy cập'],
  [/^free some space, or write elsewhere with -o$/, 'giải phóng dung lượng, hoặc ghi vào chỗ khác bằng -o'],
  [/^check that the folder exists and is writable$/, 'kiểm tra thư mục có tồn tại và ghi được không'],
  [/^one unit per line, in a UTF-8 text file$/, 'mỗi dòng một đơn vị, trong một tệp văn bản UTF-8'],
  [/^one unit per line$/, 'mỗi dòng một đơn vị'],
  [/^free units \(a 'unit' column\) have no region$/, "đơn vị tự do (cột 'unit') không có vùng"],
  [/^add a column '(.*)' naming each unit's group$/, "thêm cột '$1' ghi nhóm của từng đơn vị"],
  [/^list the column under columns: \{ groups: \[\.\.\.\] \} in the definitions$/, 'khai báo cột trong columns: { groups: [...] } của tệp định nghĩa'],
  [/^one of: region, (.+)$/, 'một trong: region, $1'],
  [/^use \.csv, \.tsv, \.md, \.json, \.xlsx or \.txt, or name the format: (\S+) \(\.xls is the old Excel format: write \.xlsx\)$/, 'dùng .csv, .tsv, .md, .json, .xlsx hoặc .txt, hoặc nêu định dạng: $1 (.xls là định dạng Excel cũ: hãy ghi .xlsx)'],
  [/^check the path \(it is relative to the current directory\)$/, 'kiểm tra đường dẫn (tính từ thư mục hiện tại)'],
  [/^choose another --output file$/, 'chọn tệp --output khác'],
  [/^name the file: -o ket-qua\.xlsx$/, 'đặt tên tệp: -o ket-qua.xlsx'],
  [/^name the files by year \(2023\.csv\), add a year column, or pass --year$/, 'đặt tên tệp theo năm (2023.csv), thêm cột năm, hoặc dùng --year'],
  [/^use \.csv, \.tsv, \.md, \.json, \.xlsx or \.txt, or name the format: (.+)$/, 'dùng .csv, .tsv, .md, .json, .xlsx hoặc .txt, hoặc nêu định dạng: $1'],
  [/^e\.g\. (.+)$/, 'ví dụ $1'],
  [/^one of: (.+)$/, 'một trong: $1'],
]; });

/** Why a file could not be read or written (src/cli/files.ts), in Vietnamese. */
const WHY_VI: Record<string, string> = {
  'no such file': 'không có tệp này',
  'no such folder': 'không có thư mục này',
  'permission denied': 'không có quyền',
  'operation not permitted': 'thao tác không được phép',
  'no space left on the device': 'thiết bị hết dung lượng',
  'disk quota exceeded': 'vượt hạn mức đĩa',
  'the file system is read-only': 'hệ thống tệp chỉ đọc',
  'it is a directory': 'đây là thư mục',
  'a part of the path is not a folder': 'một phần của đường dẫn không phải thư mục',
  'nothing is reading from it': 'không có gì đang đọc từ đó',
  'input/output error': 'lỗi vào/ra',
  'it is neither a regular file nor a pipe or device': 'đây không phải tệp thường, đường ống hay thiết bị',
};

/** A message without a code (a usage or file error) in `lang`. */
export function localizePlain(message: string | Text, hint: string | Text | undefined, lang: Lang): { message: string; hint: string | undefined } {
  if (typeof message !== 'string' || typeof hint === 'object') {
    const h = hint === undefined ? undefined : typeof hint === 'string' ? localizePlain('', hint, lang).hint : render(hint, lang);
    return { message: typeof message === 'string' ? localizePlain(message, undefined, lang).message : render(message, lang), hint: h };
  }
  if (lang === 'en') return { message, hint };
  const tr = (t: string, ps: Pattern[]) => { for (const [re, vi] of ps) if (re.test(t)) return sub(t, re, vi); return t; };
  return { message: tr(message, PLAIN()), hint: hint === undefined ? undefined : tr(localizeHint(hint), PLAIN_HINTS()) };
}

/** commander's own usage errors (unknown option, missing argument…) in Vietnamese, line by line. */
const COMMANDER = lazy(function commanderPatterns(): Pattern[] { return [
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
]; });
/** The reasons our option parsers give (InvalidArgumentError), and commander's choice list. */
const COMMANDER_REASONS = lazy(function commanderReasonPatterns(): Pattern[] { return [
  [/Allowed choices are (.+)\.$/, 'Chỉ nhận: $1.'],
  [/expected one character \(, ; \|\) or a name: (.+)\.$/, 'Cần một ký tự (, ; |) hoặc một tên: $1.'],
  [/expected at least (\d+) columns\.$/, 'Cần ít nhất $1 cột.'],
  [/expected a number from 0 to 1 \(0\.25: each weight times U\(0\.75, 1\.25\)\)\.$/, 'Cần một số từ 0 đến 1 (0.25: mỗi trọng số nhân với U(0.75, 1.25)).'],
  [/expected a whole number ≥ (\d+)\.$/, 'Cần một số nguyên ≥ $1.'],
  [/expected level numbers \(1 = the main indices\)\.$/, 'Cần số cấp (1 = các chỉ số chính).'],
  [/expected a four-digit year\.$/, 'Cần năm có bốn chữ số.'],
]; });

/** commander's error text (one or more lines) in `lang`. */
export function localizeCommander(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text.split('\n').map((line) => {
    for (const [re, vi] of COMMANDER()) {
      if (re.test(line)) {
        const out = sub(line, re, vi);
        for (const [r2, v2] of COMMANDER_REASONS()) if (r2.test(out)) return sub(out, r2, v2);
        return out;
      }
    }
    return line;
  }).join('\n');
}
