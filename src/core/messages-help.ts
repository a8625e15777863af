/**
 * The help part of the message catalogue (see messages.ts): every text `dti --help` and
 * `dti <command> --help` show, in Vietnamese and English, keyed by a stable key. The English
 * is what the commands declare (commander shows it as is under `--lang en`); this module is
 * loaded only when help is shown (src/cli/help.ts puts the Vietnamese in place), so that a
 * command that runs pays nothing for it.
 *
 * Keys: a command by its name ('dti' is the program); an argument as '<command> <name>'; an
 * option as '<command> <long flag>', or as '<long flag>' for the wording most commands share.
 * test/help.test.ts checks that every text a command declares has its entry here, with the
 * same English, and that the help reads in Vietnamese.
 */

export interface HelpText {
  en: string;
  vi: string;
}

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

/** What each command does (the program's is its description at the top of `dti --help`). */
export const HELP_COMMANDS: Record<string, HelpText> = {
  dti: {
    en: "Score Vietnam's provinces (or districts, departments…) on a DTI-style digital transformation index.\n"
      + 'Reads YAML definitions (indicators/) and CSV data (data/); writes rankings as a table, CSV, TSV, Markdown or JSON.\n'
      + 'Results go to standard output; warnings and errors to standard error.',
    vi: 'Chấm điểm các tỉnh, thành phố của Việt Nam (hoặc huyện, sở, ngành…) theo một bộ chỉ số chuyển đổi số kiểu DTI.\n'
      + 'Đọc tệp định nghĩa YAML (indicators/) và số liệu CSV (data/); ghi bảng xếp hạng dạng bảng, CSV, TSV, Markdown hoặc JSON.\n'
      + 'Kết quả ghi ra đầu ra chuẩn (stdout); cảnh báo và lỗi ghi ra luồng lỗi chuẩn (stderr).',
  },
  score: {
    en: 'rank the units of a data file on the index, with pillar scores and rank changes',
    vi: 'xếp hạng các đơn vị trong tệp số liệu theo bộ chỉ số, kèm điểm từng trụ cột và thay đổi thứ hạng',
  },
  trend: {
    en: 'each unit’s score and rank year by year, the overall change and a chart of the rank path',
    vi: 'điểm và thứ hạng của từng đơn vị qua từng năm, mức thay đổi chung và biểu đồ diễn biến thứ hạng',
  },
  compare: {
    en: 'named units side by side: score, rank, pillars, main indices, each indicator and the points it lost; official ranks beside',
    vi: 'đặt các đơn vị được nêu cạnh nhau: điểm, thứ hạng, trụ cột, chỉ số chính, từng chỉ số và số điểm bị mất; kèm thứ hạng chính thức',
  },
  explain: {
    en: 'one unit in the latest year: points lost per main index and indicator (priorities), strengths and weaknesses, the change since the year before, a rank target, a what-if',
    vi: 'phân tích một đơn vị trong năm gần nhất: điểm bị mất theo từng chỉ số chính và từng chỉ số (việc cần ưu tiên), điểm mạnh, điểm yếu, thay đổi so với năm trước, mục tiêu thứ hạng, giả định "nếu… thì"',
  },
  sensitivity: {
    en: 'how sure each rank is: Monte Carlo over uncertain weights and methods (median rank, 5–95% interval, mean shift), Sobol indices',
    vi: 'độ tin cậy của từng thứ hạng: mô phỏng Monte Carlo với trọng số và phương pháp không chắc chắn (thứ hạng trung vị, khoảng 5–95%, mức dịch chuyển trung bình), chỉ số Sobol',
  },
  audit: {
    en: "the statistical audit of the index (as COINr's analysis): indicator statistics, correlations, Cronbach's alpha, PCA, effective weights, removal, balance",
    vi: 'kiểm định thống kê bộ chỉ số (như các hàm phân tích của COINr): thống kê từng chỉ số, tương quan, hệ số alpha Cronbach, phân tích thành phần chính, trọng số thực, mức thay đổi khi bỏ một thành phần, cân bằng trọng số',
  },
  validate: {
    en: 'check data files against the definitions; report every problem with its position',
    vi: 'kiểm tra tệp số liệu theo tệp định nghĩa; báo mọi lỗi kèm vị trí',
  },
  template: {
    en: 'a data file to fill in: the header the definitions need, one row per province (or unit)',
    vi: 'tạo tệp số liệu mẫu để điền: dòng tiêu đề theo tệp định nghĩa, mỗi tỉnh (hoặc đơn vị) một dòng',
  },
  indicators: {
    en: 'show the indicator tree: weights, share of the index, normalisation, units',
    vi: 'hiển thị cây chỉ số: trọng số, tỷ trọng trong chỉ số chung, cách chuẩn hoá, đơn vị tính',
  },
  provinces: {
    en: 'list the registry of provinces: GSO and ISO codes, regions, the 2025 merger',
    vi: 'liệt kê danh mục tỉnh, thành phố: mã Tổng cục Thống kê, mã ISO, vùng, việc sắp xếp năm 2025',
  },
  report: {
    en: 'the ranking as one self-contained HTML page: table, map, pillar and rank-change charts',
    vi: 'bảng xếp hạng thành một trang HTML trọn vẹn: bảng, bản đồ, biểu đồ trụ cột và thay đổi thứ hạng',
  },
  chart: {
    en: 'the scores, or one pillar’s, as a bar chart in the terminal (Unicode blocks, ASCII fallback)',
    vi: 'biểu đồ cột của điểm số (hoặc điểm một trụ cột) ngay trong cửa sổ dòng lệnh (ký tự khối Unicode, hoặc ASCII)',
  },
  help: { en: 'display help for command', vi: 'hiển thị trợ giúp cho lệnh' },
};

/** The commands' arguments. */
export const HELP_ARGUMENTS: Record<string, HelpText> = {
  'score data': {
    en: "CSV data file(s); '-' reads standard input. Several files (or a year column) rank the latest year against the one before",
    vi: "tệp số liệu CSV; '-' là đọc từ đầu vào chuẩn. Có nhiều tệp (hoặc có cột năm) thì xếp hạng năm gần nhất so với năm trước đó",
  },
  'trend data': {
    en: 'CSV data files, one per year (or files with a year column)',
    vi: 'các tệp số liệu CSV, mỗi năm một tệp (hoặc tệp có cột năm)',
  },
  'compare unit': {
    en: 'provinces (any spelling) or units to compare',
    vi: 'các tỉnh (viết kiểu nào cũng được) hoặc đơn vị cần so sánh',
  },
  'explain unit': {
    en: 'a province (any spelling) or a unit of the data',
    vi: 'một tỉnh (viết kiểu nào cũng được) hoặc một đơn vị có trong số liệu',
  },
  'explain data': {
    en: 'CSV data file(s); with several years the latest is explained against the one before',
    vi: 'tệp số liệu CSV; có nhiều năm thì phân tích năm gần nhất so với năm trước đó',
  },
  'sensitivity data': {
    en: 'CSV data file(s); the latest year is analysed',
    vi: 'tệp số liệu CSV; phân tích năm gần nhất',
  },
  'audit data': {
    en: "CSV or workbook data file(s); '-' reads standard input. The latest year is audited",
    vi: "tệp số liệu CSV hoặc sổ tính; '-' là đọc từ đầu vào chuẩn. Kiểm định năm gần nhất",
  },
  'validate data': {
    en: 'CSV data file(s); none checks the definitions alone',
    vi: 'tệp số liệu CSV; không nêu tệp nào thì chỉ kiểm tra tệp định nghĩa',
  },
  'report data': { en: "CSV data file(s); '-' reads standard input", vi: "tệp số liệu CSV; '-' là đọc từ đầu vào chuẩn" },
  'chart data': { en: "CSV data file(s); '-' reads standard input", vi: "tệp số liệu CSV; '-' là đọc từ đầu vào chuẩn" },
};

/** The options: the shared wording by flag, a command's own by '<command> <flag>'. */
export const HELP_OPTIONS: Record<string, HelpText> = {
  // The program's.
  '--version': { en: 'output the version number', vi: 'in số phiên bản' },
  '--debug': { en: 'show stack traces of internal errors', vi: 'in vết ngăn xếp (stack trace) khi có lỗi nội bộ' },
  '--help': { en: 'display help for command', vi: 'hiển thị trợ giúp cho lệnh' },
  // Reading data (score, trend, compare, explain, sensitivity, validate, report, chart).
  '--indicators': {
    en: 'definitions file (default: the shipped indicators/dti.yaml)',
    vi: 'tệp định nghĩa (mặc định: tệp indicators/dti.yaml đi kèm)',
  },
  '--year': {
    en: 'the year of every row when the file has no year column (default: a year in the file name)',
    vi: 'năm của mọi dòng khi tệp không có cột năm (mặc định: năm có trong tên tệp)',
  },
  '--decimal': {
    en: 'decimal mark of the values: dot (75.7) or comma (75,7 and 3.743.092)',
    vi: 'dấu thập phân của các giá trị: dot là dấu chấm (75.7), comma là dấu phẩy (75,7 và 3.743.092)',
  },
  '--delimiter': {
    en: "field delimiter: a character or tab, comma, semicolon, pipe (default: detected, else ',')",
    vi: "dấu phân cách cột: một ký tự, hoặc tab, comma, semicolon, pipe (mặc định: tự nhận ra, nếu không được thì ',')",
  },
  '--encoding': {
    en: 'text encoding of CSV files, e.g. windows-1258 or utf-16le (default: UTF-8)',
    vi: 'bảng mã của tệp CSV, ví dụ windows-1258 hoặc utf-16le (mặc định: UTF-8)',
  },
  '--sheet': {
    en: "a workbook's sheet by name or number (default: the first with data)",
    vi: 'trang của sổ tính, theo tên hoặc số thứ tự (mặc định: trang đầu tiên có số liệu)',
  },
  '--skip-lines': {
    en: 'the header is the first row after line n (default: found after title rows)',
    vi: 'dòng tiêu đề là dòng đầu tiên sau dòng thứ n (mặc định: tự tìm sau các dòng tên bảng)',
  },
  '--verbose': {
    en: 'say what was detected: sheet, delimiter, header row, decimal mark',
    vi: 'cho biết những gì đã nhận ra: trang, dấu phân cách, dòng tiêu đề, dấu thập phân',
  },
  '--map': {
    en: 'provinces of the 63 (before 1 July 2025) or the 34 (after); auto: 34 when every row is dated 2025 or later',
    vi: 'danh mục 63 tỉnh (trước ngày 01/7/2025) hay 34 tỉnh (từ ngày đó); auto: 34 khi mọi dòng đều từ năm 2025 trở đi',
  },
  // Writing a result.
  '--format': {
    en: 'output format (default: table on a terminal, csv otherwise, or from the -o extension)',
    vi: 'định dạng đầu ra (mặc định: theo phần mở rộng của -o; nếu không thì table khi in ra màn hình, csv khi ghi vào tệp hay đường ống)',
  },
  '--output': {
    en: "write to a file (atomically) instead of standard output; '-' is standard output",
    vi: "ghi vào tệp (trọn vẹn một lần, không để lại tệp dở dang) thay vì ra đầu ra chuẩn; '-' là đầu ra chuẩn",
  },
  '--check': {
    en: 'do not write: exit 1 if --output differs, 5 if it is missing (for CI)',
    vi: 'không ghi: thoát với mã 1 nếu tệp --output khác, mã 5 nếu chưa có tệp (dùng cho CI)',
  },
  '--bom': {
    en: 'begin CSV/TSV output with a byte-order mark (Excel then shows Vietnamese)',
    vi: 'thêm dấu BOM vào đầu tệp CSV/TSV (để Excel hiển thị đúng tiếng Việt)',
  },
  '--excel': {
    en: 'CSV for Excel set to Vietnamese: \';\' between fields, decimal commas, a byte-order mark',
    vi: 'CSV cho Excel cài đặt tiếng Việt: dấu \';\' giữa các cột, dấu phẩy thập phân, có BOM',
  },
  '--lang': { en: 'language of labels and names', vi: 'ngôn ngữ của nhãn, tên và thông báo' },
  '--quiet': { en: 'no warnings', vi: 'không in cảnh báo' },
  '--no-color': { en: 'no colour (also NO_COLOR=1)', vi: 'không tô màu (hoặc đặt NO_COLOR=1)' },
  // score
  'score --detail': { en: 'breakdown columns', vi: 'mức chi tiết của các cột' },
  '--top': { en: 'only the units ranked n or better', vi: 'chỉ các đơn vị xếp từ hạng 1 đến hạng n' },
  'score --previous': {
    en: 'data of the previous year, for rank changes (default: the file of the year before beside the data)',
    vi: 'số liệu năm trước, để tính thay đổi thứ hạng (mặc định: tệp của năm trước, cùng thư mục với tệp số liệu)',
  },
  'score --no-previous': { en: 'no rank changes', vi: 'không tính thay đổi thứ hạng' },
  'score --pool-years': {
    en: 'normalise minmax/zscore/rank over all years given, so scores compare across years',
    vi: 'chuẩn hoá minmax/zscore/rank trên tất cả các năm được đưa vào, để so sánh được điểm giữa các năm',
  },
  'score --by': {
    en: "rank within groups: 'region' (the socio-economic regions, with region averages) or a columns.groups column of the definitions",
    vi: "xếp hạng trong từng nhóm: 'region' (các vùng kinh tế – xã hội, kèm điểm trung bình của vùng) hoặc một cột columns.groups của tệp định nghĩa",
  },
  'score --region': {
    en: "only the provinces of one region (loosely: 'Bắc Trung Bộ', 'bac trung bo', 'ĐBSCL', 'Mekong')",
    vi: "chỉ các tỉnh của một vùng (viết gần đúng cũng được: 'Bắc Trung Bộ', 'bac trung bo', 'ĐBSCL', 'Mekong')",
  },
  'score --merge-2025': {
    en: 'score the 34 provinces after 1 July 2025 from data on the 63: each main index is the mean of the merged provinces',
    vi: 'tính điểm 34 tỉnh từ ngày 01/7/2025 theo số liệu của 63 tỉnh: mỗi chỉ số chính là trung bình của các tỉnh được hợp nhất',
  },
  '--allow-partial-merge': {
    en: 'with --merge-2025: average over the members present when some are missing',
    vi: 'đi cùng --merge-2025: khi thiếu một số tỉnh thành viên, lấy trung bình của các tỉnh có số liệu',
  },
  // trend, compare
  'trend --pool-years': {
    en: 'normalise minmax/zscore/rank over all years, so scores compare across years',
    vi: 'chuẩn hoá minmax/zscore/rank trên tất cả các năm, để so sánh được điểm giữa các năm',
  },
  'compare --data': {
    en: 'CSV data files, one per year (default: the shipped data/2022.csv, data/2023.csv and data/2024.csv)',
    vi: 'các tệp số liệu CSV, mỗi năm một tệp (mặc định: các tệp data/2022.csv, data/2023.csv và data/2024.csv đi kèm)',
  },
  'compare --pool-years': {
    en: 'normalise minmax/zscore/rank over all years given',
    vi: 'chuẩn hoá minmax/zscore/rank trên tất cả các năm được đưa vào',
  },
  'compare --no-official': { en: 'leave out the published official DTI ranks', vi: 'không kèm thứ hạng DTI chính thức đã công bố' },
  // explain
  'explain --target-rank': {
    en: 'the score rank n needed, the gap, the value each node alone would need, and one balanced plan',
    vi: 'điểm cần có để đạt hạng n, khoảng cách còn thiếu, giá trị mỗi nút cần đạt nếu chỉ cải thiện riêng nút đó, và một phương án cân đối',
  },
  'explain --what-if': {
    en: 'rescore the unit with these raw values changed (indicator ids as in the data)',
    vi: 'tính lại điểm của đơn vị khi thay các giá trị gốc này (mã chỉ số như trong số liệu)',
  },
  'explain --previous': {
    en: 'data of the previous year (default: the file of the year before beside the data)',
    vi: 'số liệu năm trước (mặc định: tệp của năm trước, cùng thư mục với tệp số liệu)',
  },
  'explain --no-previous': { en: 'no change since the year before', vi: 'không so sánh với năm trước' },
  // sensitivity
  'sensitivity --spec': {
    en: 'the uncertain inputs in a YAML file (options given here override it)',
    vi: 'các đầu vào không chắc chắn, khai báo trong một tệp YAML (tùy chọn nêu trên dòng lệnh được ưu tiên)',
  },
  'sensitivity --runs': {
    en: 'Monte Carlo runs (default 1000; with --sobol, the base sample N of N(d+2) runs)',
    vi: 'số lần chạy Monte Carlo (mặc định 1000; với --sobol là cỡ mẫu gốc N của N(d+2) lần chạy)',
  },
  'sensitivity --seed': {
    en: 'seed of the random numbers (default 1): the same seed gives the same bytes',
    vi: 'giá trị khởi tạo (seed) của dãy số ngẫu nhiên (mặc định 1): cùng seed cho kết quả giống hệt từng byte',
  },
  'sensitivity --weights': {
    en: 'each weight times U(1 − spread, 1 + spread) (default, when nothing else is named: 0.25)',
    vi: 'nhân mỗi trọng số với U(1 − biên độ, 1 + biên độ) (mặc định khi không nêu gì khác: 0.25)',
  },
  'sensitivity --weights-level': {
    en: 'only the weights of these levels (1 = the main indices; comma-separated)',
    vi: 'chỉ trọng số ở các cấp này (1 = các chỉ số chính; cách nhau bằng dấu phẩy)',
  },
  'sensitivity --weights-nodes': { en: 'only the weights of these nodes', vi: 'chỉ trọng số của các nút này' },
  'sensitivity --normalisation': {
    en: 'alternative normalisations drawn per run: minmax, zscore, rank',
    vi: 'các cách chuẩn hoá thay thế, mỗi lần chạy chọn ngẫu nhiên một cách: minmax, zscore, rank',
  },
  'sensitivity --aggregation': {
    en: 'alternative aggregations drawn per run: mean, geometric',
    vi: 'các cách tổng hợp thay thế, mỗi lần chạy chọn ngẫu nhiên một cách: mean, geometric',
  },
  'sensitivity --missing': {
    en: 'alternative missing-value policies drawn per run: zero, exclude',
    vi: 'các quy tắc xử lý giá trị thiếu thay thế, mỗi lần chạy chọn ngẫu nhiên một quy tắc: zero, exclude',
  },
  'sensitivity --leave-one-out': {
    en: 'leave one indicator out per run (or none)',
    vi: 'mỗi lần chạy bỏ ra một chỉ số (hoặc không bỏ chỉ số nào)',
  },
  'sensitivity --sobol': {
    en: 'first- and total-order Sobol indices of each input on the mean absolute rank shift',
    vi: 'chỉ số Sobol bậc một và toàn phần của từng đầu vào, đối với mức dịch chuyển thứ hạng tuyệt đối trung bình',
  },
  'sensitivity --bootstrap': {
    en: 'bootstrap resamples for the Sobol confidence intervals (default 1000)',
    vi: 'số lần lấy mẫu lại (bootstrap) cho khoảng tin cậy của chỉ số Sobol (mặc định 1000)',
  },
  'sensitivity --runs-out': {
    en: 'write every run’s parameters and output to a CSV file',
    vi: 'ghi tham số và kết quả của mọi lần chạy ra một tệp CSV',
  },
  // validate
  'validate --lang': { en: 'language of messages', vi: 'ngôn ngữ của thông báo' },
  // template
  'template --year': {
    en: 'fill the year column (default: a year in the output file name)',
    vi: 'điền cột năm (mặc định: năm có trong tên tệp đầu ra)',
  },
  'template --map': {
    en: 'the 63 provinces (before 1 July 2025) or the 34 (after)',
    vi: '63 tỉnh (trước ngày 01/7/2025) hay 34 tỉnh (từ ngày đó)',
  },
  'template --units': {
    en: 'one unit per line (provinces or any units: districts, departments…) instead of every province',
    vi: 'tệp ghi mỗi dòng một đơn vị (tỉnh hoặc đơn vị bất kỳ: huyện, sở, ngành…) thay cho toàn bộ các tỉnh',
  },
  'template --output': {
    en: 'the file to write: .xlsx (a workbook) or .csv',
    vi: 'tệp cần ghi: .xlsx (sổ tính) hoặc .csv',
  },
  'template --check': {
    en: 'do not write: exit 1 if --output is missing or differs (for CI)',
    vi: 'không ghi: thoát với mã 1 nếu tệp --output chưa có hoặc khác (dùng cho CI)',
  },
  'template --bom': {
    en: 'begin a CSV with a byte-order mark (Excel then shows Vietnamese)',
    vi: 'thêm dấu BOM vào đầu tệp CSV (để Excel hiển thị đúng tiếng Việt)',
  },
  'template --lang': { en: 'language of the notes', vi: 'ngôn ngữ của dòng ghi chú' },
  // provinces
  'provinces --map': {
    en: 'the 63 provinces before 1 July 2025, or the 34 after',
    vi: '63 tỉnh trước ngày 01/7/2025, hay 34 tỉnh từ ngày đó',
  },
  // report
  'report --output': {
    en: "write the page to a file (atomically); '-' or none: standard output (not a terminal)",
    vi: "ghi trang vào tệp (trọn vẹn một lần); '-' hoặc không nêu: ra đầu ra chuẩn (không phải màn hình)",
  },
  'report --lang': { en: 'language of the page', vi: 'ngôn ngữ của trang' },
  'report --previous': {
    en: 'data of the previous year, for rank changes (default: the file of the year before beside the data)',
    vi: 'số liệu năm trước, để tính thay đổi thứ hạng (mặc định: tệp của năm trước, cùng thư mục với tệp số liệu)',
  },
  'report --no-previous': { en: 'no rank changes', vi: 'không tính thay đổi thứ hạng' },
  'report --pool-years': {
    en: 'normalise minmax/zscore/rank over all years given, so scores compare across years',
    vi: 'chuẩn hoá minmax/zscore/rank trên tất cả các năm được đưa vào, để so sánh được điểm giữa các năm',
  },
  'report --merge-2025': {
    en: 'score the 34 provinces after 1 July 2025 from data on the 63 (mean of the main indices)',
    vi: 'tính điểm 34 tỉnh từ ngày 01/7/2025 theo số liệu của 63 tỉnh (trung bình các chỉ số chính)',
  },
  'report --unit': {
    en: 'add a profile of one unit (from dti explain): priorities, strengths and weaknesses, the change since last year',
    vi: 'thêm phần phân tích một đơn vị (như dti explain): việc cần ưu tiên, điểm mạnh, điểm yếu, thay đổi so với năm trước',
  },
  'report --target-rank': {
    en: 'with --unit: the gap to rank n and a balanced plan',
    vi: 'đi cùng --unit: khoảng cách tới hạng n và một phương án cân đối',
  },
  'report --sensitivity': {
    en: "with --unit: every unit's rank interval (5th–95th percentile) over 1000 runs with the weights ±25% (dti sensitivity's defaults, seed 1)",
    vi: 'đi cùng --unit: khoảng thứ hạng (bách phân vị 5–95) của mọi đơn vị qua 1000 lần chạy với trọng số ±25% (mặc định của dti sensitivity, seed 1)',
  },
  'report --no-color': {
    en: 'no colour in messages (also NO_COLOR=1)',
    vi: 'không tô màu thông báo (hoặc đặt NO_COLOR=1)',
  },
  'report --audit': {
    en: "add the statistical audit (dti audit): a correlation heat map per group, Cronbach's alpha, PCA and the flags",
    vi: 'thêm phần kiểm định thống kê (dti audit): bản đồ nhiệt tương quan của từng nhóm, hệ số alpha Cronbach, thành phần chính và các cảnh báo',
  },
  // audit
  'audit --stage': { en: 'the data the indicator statistics describe', vi: 'bước dữ liệu mà thống kê từng chỉ số mô tả' },
  'audit --method': { en: 'correlation', vi: 'loại tương quan' },
  'audit --balance': {
    en: "weights for this level (1 = the indicators) whose correlations with the index match the nominal weights (COINr get_opt_weights, 'balance')",
    vi: "tìm trọng số cho cấp này (1 = các chỉ số) để tương quan với chỉ số chung tương xứng với trọng số danh nghĩa (như get_opt_weights của COINr, kiểu 'balance')",
  },
  'audit --threshold': {
    en: "change a flag's threshold (availability=0.65, nonZero=0.5, unique=0.5, skew=2, kurtosis=3.5, collinear=0.9, negative=-0.4, denominator=0.6)",
    vi: 'đổi ngưỡng cảnh báo (availability=0.65: tỷ lệ có dữ liệu, nonZero=0.5: tỷ lệ khác 0, unique=0.5: tỷ lệ giá trị khác nhau, skew=2: độ lệch, kurtosis=3.5: độ nhọn, collinear=0.9: gần trùng, negative=-0.4: tương quan âm, denominator=0.6: tương quan với mẫu số)',
  },
  // chart
  'chart --pillar': {
    en: 'chart this pillar’s scores instead of the index (e.g. cqs)',
    vi: 'vẽ điểm của trụ cột này thay cho chỉ số chung (ví dụ cqs)',
  },
  'chart --width': {
    en: 'line width (default: the terminal’s, else COLUMNS, else 80)',
    vi: 'độ rộng dòng (mặc định: độ rộng cửa sổ dòng lệnh, nếu không có thì COLUMNS, nếu không nữa thì 80)',
  },
  'chart --ascii': {
    en: "draw with '#' (also when the terminal is not UTF-8 or TERM=dumb)",
    vi: "vẽ bằng ký tự '#' (tự động khi cửa sổ dòng lệnh không dùng UTF-8 hoặc TERM=dumb)",
  },
  'chart --lang': { en: 'language of labels', vi: 'ngôn ngữ của nhãn' },
  'chart --output': {
    en: 'write a picture instead: file.svg or file.png (for documents)',
    vi: 'ghi thành hình thay vì in ra: tệp .svg hoặc .png (để đưa vào văn bản)',
  },
  'chart --no-previous': { en: 'do not read the previous year', vi: 'không đọc số liệu năm trước' },
};

/**
 * The text after the options (examples, exit codes…): each English text, at the end of a line
 * (or a block of whole lines), and its Vietnamese. The command lines of the examples stay as they are.
 */
export const HELP_AFTER: Record<string, HelpText> = {
  examples: { en: 'Examples:', vi: 'Ví dụ:' },
  // dti --help
  'dti.score': { en: 'rank the provinces of 2023 (vs 2022)', vi: 'xếp hạng các tỉnh năm 2023 (so với 2022)' },
  'dti.json': { en: 'the same as JSON (schema dti-result/v1)', vi: 'như trên, dạng JSON (lược đồ dti-result/v1)' },
  'dti.xlsx': { en: 'read and write Excel workbooks', vi: 'đọc và ghi sổ tính Excel' },
  'dti.trend': { en: 'ranks year by year', vi: 'thứ hạng qua từng năm' },
  'dti.compare': { en: 'side by side, official ranks', vi: 'cạnh nhau, kèm hạng chính thức' },
  'dti.explain': { en: 'where it loses points; what rank 15 needs', vi: 'mất điểm ở đâu; cần gì để lên hạng 15' },
  'dti.sensitivity': { en: 'how sure each rank is (weights ±25%)', vi: 'độ tin cậy của từng thứ hạng (trọng số ±25%)' },
  'dti.validate': { en: 'check a data file', vi: 'kiểm tra một tệp số liệu' },
  'dti.template': { en: 'a workbook to fill in, a row per province', vi: 'sổ tính mẫu để điền, mỗi tỉnh một dòng' },
  'dti.indicators': { en: 'the indicator tree with weights', vi: 'cây chỉ số kèm trọng số' },
  'dti.provinces': { en: 'the 34 provinces since 1 July 2025', vi: '34 tỉnh từ ngày 01/7/2025' },
  'exit.title': { en: 'Exit codes:', vi: 'Mã thoát:' },
  'exit.0': { en: 'success', vi: 'thành công' },
  'exit.1': {
    en: '--check: the output file is stale (its text differs, line endings aside)',
    vi: '--check: tệp đầu ra đã cũ (nội dung khác, không kể ký tự xuống dòng)',
  },
  'exit.2': {
    en: 'usage error (unknown command or option, bad option value)',
    vi: 'dùng sai lệnh (lệnh hoặc tùy chọn không có, giá trị tùy chọn sai)',
  },
  'exit.3': { en: 'the definitions (YAML) are invalid', vi: 'tệp định nghĩa (YAML) không hợp lệ' },
  'exit.4': { en: 'the data (CSV) are invalid', vi: 'số liệu (CSV) không hợp lệ' },
  'exit.5': { en: 'a file could not be read or written', vi: 'không đọc hoặc không ghi được một tệp' },
  'exit.70': {
    en: "internal error (a bug: please report it with 'dti --version')",
    vi: "lỗi nội bộ (lỗi của dti: xin báo lại, kèm kết quả 'dti --version')",
  },
  docs: {
    en: 'Docs: README.en.md, docs/REFERENCE.md (every option, the DTI method).',
    vi: 'Tài liệu: README.md, docs/REFERENCE.md (mọi tuỳ chọn, phương pháp DTI).',
  },
  // dti score --help
  'score.ranking': { en: 'ranking, rank changes since 2022', vi: 'xếp hạng, thay đổi so với 2022' },
  'score.json': { en: 'the dti-result/v1 JSON', vi: 'JSON, lược đồ dti-result/v1' },
  'score.md': { en: 'write a Markdown table', vi: 'ghi một bảng Markdown' },
  'score.check': { en: 'CI: exit 1 if the table is stale', vi: 'CI: thoát với mã 1 nếu bảng đã cũ' },
  'score.sheet': { en: 'a workbook; say what was found', vi: 'sổ tính; cho biết đã nhận ra gì' },
  'score.xlsx': { en: 'an Excel workbook of the results', vi: 'kết quả dạng sổ tính Excel' },
  // others
  'sensitivity.default': { en: 'weights ±25% (the default), 1000 runs', vi: 'trọng số ±25% (mặc định), 1000 lần chạy' },
  'audit.one': { en: 'do the main indices measure one thing?', vi: 'các chỉ số chính có cùng đo một điều?' },
  'audit.json': { en: 'the dti-audit/v1 JSON', vi: 'JSON, lược đồ dti-audit/v1' },
  'audit.balance': { en: 'weights that balance the importances', vi: 'trọng số cân bằng tầm quan trọng' },
  'validate.alone': { en: 'check a definitions file alone', vi: 'chỉ kiểm tra tệp định nghĩa' },
  'template.all': { en: 'every province, the shipped DTI', vi: 'mọi tỉnh, bộ chỉ số DTI đi kèm' },
  'template.units': { en: 'one row per line of huyen.txt', vi: 'mỗi dòng của huyen.txt một dòng' },
  'provinces.names': {
    en: 'Names are matched with or without diacritics and prefixes (Tỉnh, Thành phố,\nTP.), and by these spellings too:',
    vi: 'Tên tỉnh được nhận ra dù có hay không có dấu và tiền tố (Tỉnh, Thành phố,\nTP.), và theo cả các cách viết sau:',
  },
};
