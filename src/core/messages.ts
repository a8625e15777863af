/**
 * The message catalogue: every diagnostic code with what it means in Vietnamese and
 * English, and the Vietnamese wording of its messages and hints. Diagnostics are made in
 * English (codes and positions never change); `localize` gives the Vietnamese text under
 * `--lang vi` (the default). A message no pattern matches keeps its details after the
 * code's Vietnamese title, so nothing is lost.
 *
 * Adding a code to `DiagnosticCode`: add its entry here (TypeScript insists, and
 * test/messages.test.ts checks that both languages are there and that its messages read in
 * Vietnamese).
 */
import type { Diagnostic, DiagnosticCode } from './diagnostics.js';

export type Lang = 'vi' | 'en';

type Pattern = [RegExp, string];

export interface CatalogueEntry {
  /** What the code means, one short phrase per language. */
  vi: string;
  en: string;
  /** The Vietnamese of this code's messages: the first pattern that matches, with $1… filled in. */
  messages?: Pattern[];
}

const Q = "'([^']*)'";

export const CATALOGUE: Record<DiagnosticCode, CatalogueEntry> = {
  YAML_SYNTAX: { vi: 'lỗi cú pháp YAML', en: 'YAML syntax error' },
  SCHEMA: { vi: 'sai cấu trúc tệp định nghĩa', en: 'invalid definitions structure' },
  UNKNOWN_KEY: { vi: 'khoá không hợp lệ', en: 'unknown key', messages: [[new RegExp(`^(.*?)unknown key ${Q}$`), "$1khoá '$2' không hợp lệ"]] },
  DUPLICATE_ID: { vi: 'mã trùng', en: 'duplicate id', messages: [[new RegExp(`^duplicate id ${Q}$`), "mã '$1' bị trùng"]] },
  BAD_PARAMETER: {
    vi: 'tham số không hợp lệ', en: 'invalid parameter',
    messages: [
      [new RegExp(`^weight of ${Q} is negative \\((.*)\\)$`), "trọng số của '$1' bị âm ($2)"],
      [new RegExp(`^pillar ${Q} names ${Q} twice$`), "trụ cột '$1' nêu '$2' hai lần"],
      [new RegExp(`^--what-if ${Q} is not id=value$`), "--what-if '$1' không có dạng mã=giá trị"],
    ],
  },
  UNKNOWN_MEMBER: { vi: 'thành phần không có trong cây chỉ số', en: 'unknown member', messages: [[new RegExp(`^pillar ${Q} names ${Q}, which is no node of the tree$`), "trụ cột '$1' nêu '$2', không có trong cây chỉ số"]] },
  ZERO_WEIGHTS: { vi: 'mọi trọng số bằng 0', en: 'all weights zero', messages: [[new RegExp(`^every weight under ${Q} is zero$`), "mọi trọng số dưới '$1' đều bằng 0"]] },
  NOT_DEFINITIONS: { vi: 'không phải tệp định nghĩa dti/v1', en: 'not a dti/v1 definitions file' },
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
      [new RegExp(`^a second value of ${Q} for (.+)$`), "giá trị thứ hai của '$1' cho $2"],
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
    ],
  },
  OUT_OF_DOMAIN: {
    vi: 'giá trị ngoài miền cho phép', en: 'value out of domain',
    messages: [
      [/^(.+?): (\S+) is negative, but it feeds a geometric mean$/, '$1: $2 là số âm nhưng đi vào một trung bình nhân'],
      [/^(.+?): (\S+) is outside what transform (\S+) accepts (.*)$/, '$1: $2 nằm ngoài miền của phép biến đổi $3 $4'],
    ],
  },
  MISSING_VALUE: {
    vi: 'thiếu giá trị', en: 'missing value',
    messages: [
      [new RegExp(`^(.+) has no value for ${Q}$`), "$1 không có giá trị cho '$2'"],
      [/^no column for (\d+) of (\d+) indicators: (.*)$/, 'không có cột cho $1 trong $2 chỉ số: $3'],
      [/^(.+?): (\d+) of (\d+) indicators have no value( in at least one of the provinces merged into it)? \(coverage ([\d.]+)\); (.*)$/, '$1: $2 trong $3 chỉ số không có giá trị (tỷ lệ dữ liệu $5); $6'],
      [/^(\d+) of (\d+) (?:units|unit-years) have values missing \((\d+) in all\); (.*)$/, '$1 trong $2 đơn vị thiếu giá trị (tổng cộng $3); $4'],
    ],
  },
  NO_YEAR: { vi: 'không biết năm', en: 'no year' },
  BAD_YEAR: {
    vi: 'năm không hợp lệ', en: 'bad year',
    messages: [[/^empty year$/, 'thiếu năm'], [new RegExp(`^${Q} is not a year$`), "'$1' không phải là năm"]],
  },
  MIXED_MAPS: { vi: 'lẫn bản đồ 63 và 34 tỉnh', en: '63- and 34-province maps mixed' },
  NO_DATA: { vi: 'không có dòng số liệu', en: 'no data rows', messages: [[/^the file has a header but no data rows$/, 'tệp có dòng tiêu đề nhưng không có dòng số liệu nào']] },
  TOTALS_ROW: { vi: 'dòng tổng/trung bình', en: 'totals row', messages: [[new RegExp(`^${Q} is a totals or average row; skipped$`), "'$1' là dòng tổng cộng hoặc trung bình; đã bỏ qua"]] },
  WORKBOOK: {
    vi: 'không đọc được sổ tính', en: 'unreadable workbook',
    messages: [
      [/^this is an old Excel 97–2003 workbook \(\.xls\), or a password-protected one, which dti cannot read$/, 'đây là sổ tính Excel 97–2003 cũ (.xls) hoặc sổ tính có mật khẩu; dti không đọc được'],
      [new RegExp(`^no sheet ${Q} in the workbook$`), "sổ tính không có trang '$1'"],
      [/^the workbook has no sheets$/, 'sổ tính không có trang nào'],
      [/^this file is named like a workbook but is not one.*$/, 'tệp mang tên sổ tính nhưng không phải là sổ tính (.xlsx là một tệp ZIP)'],
      [/^(\d+) formula cells? (?:has|have) no saved value.*$/, '$1 ô công thức chưa có giá trị được lưu (sổ tính chưa được tính); coi là trống'],
      [/^cannot read (.*)$/, 'không đọc được $1'],
    ],
  },
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
};

/** Hints, in Vietnamese: the first pattern that matches the whole hint. */
const HINTS: Pattern[] = [
  [/^check the path \(it is relative to the current directory\)$/, 'kiểm tra đường dẫn (tính từ thư mục hiện tại)'],
  [/^is it the right file\? A device such as \/dev\/zero or an endless pipe never ends; split very large data by year$/, 'có đúng tệp không? Thiết bị như /dev/zero hay một đường ống không bao giờ kết thúc; hãy tách dữ liệu rất lớn theo năm'],
  [/^use numbers between 1e-100 and 1e100 in size \(or 0\); rescale weights, they only count relative to each other$/, 'dùng các số có độ lớn từ 1e-100 đến 1e100 (hoặc 0); trọng số chỉ có ý nghĩa tương đối nên có thể nhân chia lại'],
  [/^change the unit of the indicator \(e\.g\. millions instead of units, or percent\)$/, 'đổi đơn vị của chỉ số (ví dụ triệu thay cho đơn vị, hoặc phần trăm)'],
  [/^is this really a CSV file, with line breaks\?$/, 'tệp này có thật là CSV, có ngắt dòng không?'],
  [/^is this really a CSV file\?$/, 'tệp này có thật là CSV không?'],
  [/^fill the gaps, or see missing: zero \| exclude \| error in the definitions$/, 'bổ sung số liệu còn thiếu, hoặc xem missing: zero | exclude | error trong tệp định nghĩa'],
  [/^pass --pool-years to normalise over all the years given$/, 'thêm --pool-years để chuẩn hoá trên tất cả các năm'],
  [/^did you mean (.+)\?$/, 'có phải ý bạn là $1?'],
  [/^it looks Vietnamese-style \(',' as decimal mark\); pass --decimal comma$/, "có vẻ viết kiểu Việt Nam (dấu ',' là dấu thập phân); thêm --decimal comma"],
  [/^write numbers with '\.' as the decimal mark, or leave the cell empty if there is no value$/, "viết số với dấu '.' là dấu thập phân, hoặc để trống ô nếu không có giá trị"],
  [/^with --decimal comma, ',' is the decimal mark and '\.' groups thousands \(75,7 or 3\.743\.092\)$/, "với --decimal comma, dấu ',' là dấu thập phân và dấu '.' ngăn cách hàng nghìn (75,7 hoặc 3.743.092)"],
  [/^write yes\/có\/true\/1 or no\/không\/false\/0$/, 'viết có/yes/true/1 hoặc không/no/false/0'],
  [/^dti computes its own averages; this row is not a unit$/, 'dti tự tính trung bình; dòng này không phải một đơn vị'],
  [/^give the column a header \(an indicator id\), or delete the value$/, 'đặt tiêu đề cho cột (mã một chỉ số), hoặc xoá giá trị'],
  [/^give every row a (province|unit)$/, 'điền tỉnh/đơn vị cho mọi dòng'],
  [/^a year is four digits, e\.g\. 2023$/, 'năm gồm bốn chữ số, ví dụ 2023'],
  [/^check for a missing or extra delimiter, or a value with an unquoted comma(.*)$/, 'kiểm tra dấu phân cách thiếu hoặc thừa, hoặc giá trị có dấu phẩy mà không đặt trong ngoặc kép$1'],
  [/^(.*); the delimiter could not be told from the file: pass (.+)$/, '$1; không nhận ra được dấu phân cách của tệp: thêm $2'],
  [/^pass --encoding windows-1258, or save it as 'CSV UTF-8' \(Excel: Save As → CSV UTF-8\)$/, "thêm --encoding windows-1258, hoặc lưu tệp dạng 'CSV UTF-8' (Excel: Save As → CSV UTF-8)"],
  [/^pass --encoding (\S+), or save it as 'CSV UTF-8' \(Excel: Save As → CSV UTF-8\)$/, "thêm --encoding $1, hoặc lưu tệp dạng 'CSV UTF-8' (Excel: Save As → CSV UTF-8)"],
  [/^convert it: iconv -f (\S+) -t UTF-8, or save it as 'CSV UTF-8' \(Excel: Save As → CSV UTF-8\)$/, "chuyển bảng mã: iconv -f $1 -t UTF-8, hoặc lưu tệp dạng 'CSV UTF-8' (Excel: Save As → CSV UTF-8)"],
  [/^open it in a spreadsheet and save it again as 'CSV UTF-8'$/, "mở tệp bằng bảng tính rồi lưu lại dạng 'CSV UTF-8'"],
  [/^open it in Excel or LibreOffice and save it as \.xlsx.*$/, 'mở tệp bằng Excel hoặc LibreOffice rồi lưu dạng .xlsx (File → Save As → Excel Workbook), hoặc CSV UTF-8'],
  [/^open it in Excel or LibreOffice and save it again as \.xlsx$/, 'mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx'],
  [/^open the workbook in Excel or LibreOffice and save it.*$/, 'mở sổ tính bằng Excel hoặc LibreOffice rồi lưu lại: khi đó kết quả công thức được lưu'],
  [/^its sheets: (.+) \(or a number from 1 to (\d+)\)$/, 'các trang: $1 (hoặc số thứ tự từ 1 đến $2)'],
  [/^name the column of provinces 'province'.*$/, "đặt tên cột tỉnh là 'province' hoặc 'Tỉnh', 'Tỉnh/Thành phố' (đối chiếu danh mục tỉnh), hoặc cột đơn vị khác là 'unit', 'Đơn vị'; tiêu đề có thể nằm sau các dòng tên bảng (hoặc dùng --skip-lines)"],
  [/^a data file starts with a header row.*$/, 'tệp số liệu bắt đầu bằng dòng tiêu đề, ví dụ province,year,<mã các chỉ số…>'],
  [/^add one row per (province|unit)$/, 'thêm một dòng cho mỗi tỉnh/đơn vị'],
  [/^the first is on line (\d+)(.*); keep one row per (province|unit) and year$/, 'dòng đầu tiên ở dòng $1; giữ một dòng cho mỗi tỉnh/đơn vị và năm'],
  [/^give each unit and year once across the files$/, 'mỗi đơn vị và năm chỉ có trong một tệp'],
  [/^their values count as missing in every row$/, 'giá trị của chúng được coi là thiếu ở mọi dòng'],
  [/^use a province's name, GSO code or ISO code.*$/, "dùng tên tỉnh, mã tỉnh của Tổng cục Thống kê hoặc mã ISO (xem 'dti provinces'), hoặc đặt tên cột là 'unit' cho đơn vị không phải tỉnh"],
  [/^remove it, rename it to a leaf id.*$/, "xoá cột, đổi tên thành mã một chỉ số lá (xem 'dti indicators'), hoặc đặt '#' đầu tên để giữ làm ghi chú"],
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
  [/^one of (.+)$/, 'một trong: $1'],
  [/^use at most (\d+) runs for (\d+) units$/, 'dùng tối đa $1 lần chạy cho $2 đơn vị'],
  [/^e\.g\. --what-if (\S+) \(an indicator id, =, its raw value\)$/, 'ví dụ --what-if $1 (mã chỉ số, dấu =, giá trị gốc)'],
  [/^the keys are: (.+)$/, 'các khoá: $1'],
  [/^leave zscore out, or geometric out of the aggregations$/, 'bỏ zscore, hoặc bỏ geometric khỏi các cách tổng hợp'],
  [/^e\.g\. --weights 0\.25: each weight times a factor drawn from \[0\.75, 1\.25\]$/, 'ví dụ --weights 0.25: mỗi trọng số nhân với một hệ số ngẫu nhiên trong [0,75; 1,25]'],
];

/** A diagnostic's message and hint in `lang` (English is how they are made). */
export function localize(d: Pick<Diagnostic, 'code' | 'message' | 'hint'>, lang: Lang): { message: string; hint: string | undefined } {
  if (lang === 'en') return { message: d.message, hint: d.hint };
  const entry = CATALOGUE[d.code as DiagnosticCode] as CatalogueEntry | undefined;
  let message: string | undefined;
  for (const [re, vi] of entry?.messages ?? []) {
    if (re.test(d.message)) { message = PHRASES.reduce((m, [p, v]) => m.replace(p, v), d.message.replace(re, vi).replace(/ {2,}/g, ' ')); break; }
  }
  message ??= entry === undefined ? d.message : `${entry.vi}: ${d.message}`;
  return { message, hint: d.hint === undefined ? undefined : localizeHint(d.hint) };
}

/** Phrases inside messages (the missing-value policy). */
const PHRASES: Pattern[] = [
  [/an indicator without a value counts as 0/g, 'chỉ số không có giá trị được tính là 0'],
  [/the indicators without a value are left out and the others re-weighted/g, 'bỏ qua các chỉ số không có giá trị và chia lại trọng số cho các chỉ số còn lại'],
  [/each node's missing policy applies/g, 'áp dụng quy tắc thiếu giá trị của từng nút'],
  [/left unranked \(no value to score\)/g, 'không xếp hạng (không có giá trị để tính điểm)'],
];

export function localizeHint(hint: string): string {
  for (const [re, vi] of HINTS) if (re.test(hint)) return hint.replace(re, vi);
  return hint;
}

/** Whether the message has a Vietnamese wording of its own (not the fallback). */
export function hasVietnamese(d: Pick<Diagnostic, 'code' | 'message'>): boolean {
  return (CATALOGUE[d.code as DiagnosticCode]?.messages ?? []).some(([re]) => re.test(d.message));
}

/** The words around diagnostics. */
export const WORDS = {
  vi: { error: 'lỗi', warning: 'cảnh báo', hint: 'gợi ý', also: 'cũng tại', more: (n: number) => `… và ${n} mục khác`, errors: (n: number) => `${n} lỗi`, warnings: (n: number) => `${n} cảnh báo` },
  en: { error: 'error', warning: 'warning', hint: 'hint', also: 'also', more: (n: number) => `… and ${n} more`, errors: (n: number) => `${n} error${n === 1 ? '' : 's'}`, warnings: (n: number) => `${n} warning(s)` },
} as const;

/** Messages of errors that stop a run before any file is checked (usage, files), in Vietnamese. */
const PLAIN: Pattern[] = [
  [/^cannot read (.+): no such file$/, 'không đọc được $1: không có tệp này'],
  [/^cannot read (.+): it is a directory$/, 'không đọc được $1: đó là một thư mục'],
  [/^cannot read (.+): permission denied$/, 'không đọc được $1: không có quyền đọc'],
  [/^cannot (read|write) (.+): (.+)$/, 'không $1 được $2: $3'],
  [/^refusing to write over the input file (.+)$/, 'không ghi đè lên tệp đầu vào $1'],
  [/^--check needs --output <file> to compare with$/, '--check cần --output <tệp> để so sánh'],
  [/^unknown region (.+)$/, 'không có vùng $1'],
  [/^unknown unit$/, 'không có đơn vị này'],
  [/^unknown encoding (.+)$/, 'không biết bảng mã $1'],
  [/^cannot tell the format from the extension (.+) of (.+)$/, 'không biết định dạng của phần mở rộng $1 ($2)'],
  [/^a workbook \(-f xlsx\) is written to a file, not to standard output$/, 'sổ tính (-f xlsx) phải ghi ra tệp, không ra màn hình'],
  [/^a template is written as \.xlsx, \.csv or \.tsv, not (.+)$/, 'mẫu được ghi dạng .xlsx, .csv hoặc .tsv, không phải $1'],
  [/^'-' reads standard input, but it is a terminal$/, "'-' đọc từ đầu vào chuẩn, nhưng đó là màn hình"],
  [/^a trend needs the year of every row$/, 'xu hướng cần năm của mọi dòng'],
  [/^regions need a province column$/, 'vùng cần một cột tỉnh'],
  [/^--allow-partial-merge goes with --merge-2025$/, '--allow-partial-merge đi cùng --merge-2025'],
];
const PLAIN_HINTS: Pattern[] = [
  [/^check the path \(it is relative to the current directory\)$/, 'kiểm tra đường dẫn (tính từ thư mục hiện tại)'],
  [/^choose another --output file$/, 'chọn tệp --output khác'],
  [/^name the file: -o ket-qua\.xlsx$/, 'đặt tên tệp: -o ket-qua.xlsx'],
  [/^name the files by year \(2023\.csv\), add a year column, or pass --year$/, 'đặt tên tệp theo năm (2023.csv), thêm cột năm, hoặc dùng --year'],
  [/^use \.csv, \.tsv, \.md, \.json, \.xlsx or \.txt, or name the format: (.+)$/, 'dùng .csv, .tsv, .md, .json, .xlsx hoặc .txt, hoặc nêu định dạng: $1'],
  [/^e\.g\. (.+)$/, 'ví dụ $1'],
  [/^one of: (.+)$/, 'một trong: $1'],
];

/** A message without a code (a usage or file error) in `lang`. */
export function localizePlain(message: string, hint: string | undefined, lang: Lang): { message: string; hint: string | undefined } {
  if (lang === 'en') return { message, hint };
  const tr = (t: string, ps: Pattern[]) => { for (const [re, vi] of ps) if (re.test(t)) return t.replace(re, vi); return t; };
  return { message: tr(message, PLAIN), hint: hint === undefined ? undefined : tr(localizeHint(hint), PLAIN_HINTS) };
}

/** commander's own usage errors (unknown option, missing argument…) in Vietnamese, line by line. */
const COMMANDER: Pattern[] = [
  [/^error: unknown option '(.+)'$/, "lỗi: không có tùy chọn '$1'"],
  [/^error: unknown command '(.+)'$/, "lỗi: không có lệnh '$1'"],
  [/^error: missing required argument '(.+)'$/, "lỗi: thiếu đối số bắt buộc '$1'"],
  [/^error: option '(.+)' argument missing$/, "lỗi: tùy chọn '$1' thiếu giá trị"],
  [/^error: required option '(.+)' not specified$/, "lỗi: chưa có tùy chọn bắt buộc '$1'"],
  [/^error: too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\.$/, "lỗi: lệnh '$1' nhận quá nhiều đối số: cần $2, có $3."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, 'lỗi: quá nhiều đối số: cần $1, có $2.'],
  [/^error: option '(.+)' argument '(.*)' is invalid\. (.*)$/, "lỗi: giá trị '$2' của tùy chọn '$1' không hợp lệ. $3"],
  [/^error: command-argument value '(.*)' is invalid for argument '(.+)'\. (.*)$/, "lỗi: giá trị '$1' của đối số '$2' không hợp lệ. $3"],
  [/^error: (.+) cannot be used with (.+)$/, 'lỗi: $1 không dùng được cùng với $2'],
  [/^\(Did you mean one of (.+)\?\)$/, '(Có phải ý bạn là một trong: $1?)'],
  [/^\(Did you mean (.+)\?\)$/, '(Có phải ý bạn là $1?)'],
];
/** The reasons our option parsers give (InvalidArgumentError), and commander's choice list. */
const COMMANDER_REASONS: Pattern[] = [
  [/Allowed choices are (.+)\.$/, 'Chỉ nhận: $1.'],
  [/expected one character \(, ; \|\) or a name: (.+)\.$/, 'Cần một ký tự (, ; |) hoặc một tên: $1.'],
  [/expected at least (\d+) columns\.$/, 'Cần ít nhất $1 cột.'],
  [/expected a number from 0 to 1 \(0\.25: each weight times U\(0\.75, 1\.25\)\)\.$/, 'Cần một số từ 0 đến 1 (0.25: mỗi trọng số nhân với U(0.75, 1.25)).'],
  [/expected a whole number ≥ (\d+)\.$/, 'Cần một số nguyên ≥ $1.'],
  [/expected level numbers \(1 = the main indices\)\.$/, 'Cần số cấp (1 = các chỉ số chính).'],
  [/expected a four-digit year\.$/, 'Cần năm có bốn chữ số.'],
];

/** commander's error text (one or more lines) in `lang`. */
export function localizeCommander(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text.split('\n').map((line) => {
    for (const [re, vi] of COMMANDER) {
      if (re.test(line)) {
        const out = line.replace(re, vi);
        for (const [r2, v2] of COMMANDER_REASONS) if (r2.test(out)) return out.replace(r2, v2);
        return out;
      }
    }
    return line;
  }).join('\n');
}
