/**
 * The Vietnamese catalogue: every text of dti's own, keyed. A diagnostic is made as its key
 * and parameters (`error('NOT_A_NUMBER', { where, value }, at)`); the shell renders it here
 * under `--lang vi` (the default), and from messages-en.ts under `--lang en`.
 *
 * Keys: a diagnostic's is its code (`EMPTY_FILE`) or its code, a dot and a name
 * (`NOT_A_NUMBER.finite`): the part before the dot is the stable code scripts match on.
 * Hints start with `hint.`, messages without a code (usage, files) with `cli.`, the words
 * around messages with `word.`. A text is a string, or a function of one object of
 * parameters; messages-en.ts has the same keys with the same parameters (TypeScript insists,
 * and test/messages.test.ts checks that both languages have every key, and that every key is
 * used).
 *
 * A parameter given as another text (`msg('hint.x', …)`) or as `{ vi, en }` arrives here
 * already in Vietnamese.
 */

export const VI = {
  // The words around diagnostics.
  'word.error': 'lỗi',
  'word.warning': 'cảnh báo',
  'word.hint': 'gợi ý',
  'word.also': 'cũng tại',
  'word.more': (p: { n: number }) => `… và ${p.n} mục khác`,
  'word.errors': (p: { n: number }) => `${p.n} lỗi`,
  'word.warnings': (p: { n: number }) => `${p.n} cảnh báo`,
  'word.usage': '(xem cách dùng: dti --help)',
  'word.internal': 'lỗi nội bộ',
  'word.bug': (p: { version: string }) => `Đây là lỗi của dti ${p.version}; xin báo lại, kèm lệnh đã chạy và kết quả của dti --version. Chạy lại với --debug để xem vết ngăn xếp.`,

  // Encoding of a file (src/cli/files.ts).
  'ENCODING.notUtf8': 'tệp không phải UTF-8 (có vẻ là bảng mã tiếng Việt cũ như Windows-1258 hoặc TCVN3)',
  'ENCODING.wide': (p: { encoding: string; bom: boolean }) => `tệp dùng bảng mã ${p.encoding}${p.bom ? '' : ' (không có BOM)'}, không phải UTF-8`,
  'ENCODING.nul': 'tệp có byte NUL (U+0000): không phải tệp văn bản, hoặc tệp bị hỏng',
  'ENCODING.invalid': (p: { encoding: string }) => `tệp không đúng bảng mã ${p.encoding}`,
  'hint.checkEncoding': 'kiểm tra --encoding, hoặc lưu tệp dạng CSV UTF-8',
  'hint.iconv': (p: { encoding: string }) => `chuyển bảng mã: iconv -f ${p.encoding} -t UTF-8, hoặc lưu tệp dạng 'CSV UTF-8' (Excel: Save As → CSV UTF-8)`,
  'hint.passEncoding': (p: { encoding: string }) => `thêm --encoding ${p.encoding}, hoặc lưu tệp dạng 'CSV UTF-8' (Excel: Save As → CSV UTF-8)`,
  'hint.saveUtf8': "mở tệp bằng bảng tính rồi lưu lại dạng 'CSV UTF-8'",
  'cli.unknownEncoding': (p: { encoding: string }) => `không biết bảng mã '${p.encoding}'`,
  'hint.encodings': 'ví dụ --encoding windows-1258 (Windows tiếng Việt), utf-16le, windows-1252',

  // Reading and writing files (src/cli/files.ts).
  'cli.cannotRead': (p: { file: string; why: string }) => `không đọc được ${p.file}: ${p.why}`,
  'cli.cannotWrite': (p: { file: string; why: string }) => `không ghi được ${p.file}: ${p.why}`,
  'why.noSuchFile': 'không có tệp này',
  'why.readDirectory': 'đó là một thư mục',
  'why.readPermission': 'không có quyền đọc',
  'why.tooLarge': (p: { mib: number }) => `tệp lớn hơn ${p.mib} MiB, giới hạn của một tệp đầu vào`,
  'why.ENOENT': 'không có thư mục này',
  'why.EACCES': 'không có quyền',
  'why.EPERM': 'thao tác không được phép',
  'why.ENOSPC': 'thiết bị hết dung lượng',
  'why.EDQUOT': 'vượt hạn mức đĩa',
  'why.EROFS': 'hệ thống tệp chỉ đọc',
  'why.EISDIR': 'đây là thư mục',
  'why.ENOTDIR': 'một phần của đường dẫn không phải thư mục',
  'why.ENXIO': 'không có gì đang đọc từ đó',
  'why.EIO': 'lỗi vào/ra',
  'why.notAFile': 'đây không phải tệp thường, đường ống hay thiết bị',
  'hint.endless': 'có đúng tệp không? Thiết bị như /dev/zero hay một đường ống không bao giờ kết thúc; hãy tách dữ liệu rất lớn theo năm',
  'cli.stdinTerminal': "'-' đọc từ đầu vào chuẩn, nhưng đó là màn hình",
  'hint.pipeFile': 'chuyển một tệp vào qua đường ống (dti score - < data.csv), hoặc nêu tên tệp',
  'cli.stdinTwice': "'-' được nêu hai lần: đầu vào chuẩn chỉ đọc được một lần",
  'hint.nameOtherFiles': 'nêu tên các tệp kia, ví dụ dti score - --previous 2022.csv < 2023.csv',
  'hint.checkPath': 'kiểm tra đường dẫn (tính từ thư mục hiện tại)',
  'hint.checkWithoutCheck': 'chạy lại chính lệnh này, bỏ --check, để ghi tệp',
  'hint.checkPermissions': 'kiểm tra tệp và quyền truy cập',
  'hint.freeSpace': 'giải phóng dung lượng, hoặc ghi vào chỗ khác bằng -o',
  'hint.checkFolder': 'kiểm tra thư mục có tồn tại và ghi được không',
  'cli.workbookToStdout': 'sổ tính không ghi ra đầu ra chuẩn được',
  'hint.nameWorkbook': 'đặt tên tệp: -o ket-qua.xlsx',
  'cli.overInput': (p: { file: string; stdin: boolean }) => `không ghi đè lên tệp đầu vào ${p.file}${p.stdin ? ' (đó là đầu vào chuẩn)' : ''}`,
  'hint.otherOutput': 'chọn tệp --output khác',
  'hint.giveFileName': 'nêu tên một tệp, ví dụ -o rankings/2023.md',

  // Reading data files (src/cli/context.ts): what --verbose says, and problems across files.
  'note.sheet': (p: { sheet: string }) => `trang tính '${p.sheet}'`,
  'note.delimiterDetected': (p: { delimiter: string }) => `dấu phân cách ${p.delimiter} (tự nhận ra)`,
  'note.delimiterDefault': "dấu phân cách ',' (mặc định; không nhận ra được)",
  'note.delimiter': (p: { delimiter: string }) => `dấu phân cách ${p.delimiter}`,
  'note.encoding': (p: { encoding: string }) => `bảng mã ${p.encoding}`,
  'note.header': (p: { line: number; above: number }) => `dòng tiêu đề cột: ${p.line}${p.above > 0 ? ` (bỏ qua ${p.above} dòng tiêu đề phía trên)` : ''}`,
  'note.ignored': (p: { columns: readonly string[] }) => `bỏ qua cột ${p.columns.join(', ')}`,
  'note.renamed': (p: { from: string; to: string }) => `đọc cột '${p.from}' là ${p.to}`,
  'note.decimalComma': 'dấu thập phân: dấu phẩy (tự nhận ra)',
  'note.decimalDot': 'dấu thập phân: dấu chấm (tự nhận ra)',
  'note.decimalDefault': 'dấu thập phân: dấu chấm (mặc định)',
  'hint.delimiterUnknown': (p: { first: string; options: readonly string[] }) => `${p.first}${p.first === '' ? '' : '; '}không nhận ra được dấu phân cách của tệp: thêm ${p.options.join(' hoặc ')}`,
  'READ_ERROR': (p: { message: string }) => `${p.message}`,
  'cli.unitsDiffer': (p: { file: string; kind: string; map: string | number | null }) => `${p.file}: loại đơn vị (${p.kind === 'province' ? 'tỉnh' : 'đơn vị tự do'}${p.map === null ? '' : `, ${p.map} tỉnh`}) khác với các tệp trước`,
  'hint.sameUnitKind': 'mọi tệp phải cùng một loại đơn vị',
  'DUPLICATE_ROW.earlierFile': (p: { unit: string; year: number | null }) => `${p.unit} (${p.year ?? 'không rõ năm'}) đã có trong một tệp trước`,
  'hint.onceAcrossFiles': 'mỗi đơn vị và năm chỉ có trong một tệp',

  // Workbooks (src/cli/xlsx.ts).
  'WORKBOOK.xls': 'đây là sổ tính Excel 97–2003 cũ (.xls) hoặc sổ tính có mật khẩu; dti không đọc được',
  'hint.saveXlsx': 'mở tệp bằng Excel hoặc LibreOffice rồi lưu dạng .xlsx (File → Save As → Excel Workbook), hoặc CSV UTF-8',
  'WORKBOOK.notZip': 'tệp mang tên sổ tính nhưng không phải là sổ tính (.xlsx là một tệp ZIP)',
  'hint.realExtension': 'mở tệp bằng Excel rồi lưu lại dạng .xlsx, hoặc đặt đúng phần mở rộng cho tệp',
  'WORKBOOK.unreadable': (p: { detail: string }) => `không đọc được sổ tính: ${p.detail}`,
  'hint.saveAgainXlsx': 'mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx',
  'cli.sheetMissing': (p: { file: string; sheet: string }) => `${p.file}: sổ tính thiếu trang '${p.sheet}'`,
  'hint.saveAgain': 'mở tệp bằng Excel rồi lưu lại',
  'WORKBOOK.sheet': (p: { sheet: string; detail: string }) => `không đọc được trang '${p.sheet}': ${p.detail}`,
  'WORKBOOK.noSheet': (p: { sheet: string }) => `sổ tính không có trang '${p.sheet}'`,
  'hint.sheets': (p: { list: string; n: number }) => `các trang: ${p.list} (hoặc số thứ tự từ 1 đến ${p.n})`,
  'WORKBOOK.noSheets': 'sổ tính không có trang nào',
  'hint.saveSheet': 'lưu một trang có số liệu',
  'WORKBOOK.uncalculated': (p: { n: number }) => `${p.n} ô công thức chưa có giá trị được lưu (sổ tính chưa được tính); coi là trống`,
  'hint.calculate': 'mở sổ tính bằng Excel hoặc LibreOffice rồi lưu lại: khi đó kết quả công thức được lưu',

  // The commands (src/commands/*.ts).
  'hint.didYouMean': (p: { options: readonly string[] }) => `có phải ý bạn là ${p.options.map((o) => `'${o}'`).join(' hoặc ')}?`,
  'hint.oneOf': (p: { options: string }) => `một trong: ${p.options}`,
  'cli.unknownExtension': (p: { ext: string; file: string }) => `không biết định dạng của phần mở rộng '.${p.ext}' (${p.file})`,
  'hint.formats': (p: { formats: string; xls: boolean }) => `dùng .csv, .tsv, .md, .json, .xlsx hoặc .txt, hoặc nêu định dạng: -f ${p.formats}${p.xls ? ' (.xls là định dạng Excel cũ: hãy ghi .xlsx)' : ''}`,
  'cli.checkNeedsOutput': '--check cần --output <tệp> để so sánh',
  'hint.checkExample': 'ví dụ dti score data/2023.csv -o rankings/2023.md --check',
  'cli.upToDate': (p: { file: string }) => `${p.file} đã cập nhật`,
  'cli.stale': (p: { file: string }) => `${p.file} đã cũ: tạo lại bằng chính lệnh này, bỏ --check`,
  'cli.xlsxToStdout': 'sổ tính (-f xlsx) phải ghi ra tệp, không ra màn hình',
  'cli.byUnknown': (p: { by: string; id: string }) => `--by ${p.by}: không phải 'region', cũng không phải cột columns.groups của '${p.id}'`,
  'hint.listGroupColumn': 'khai báo cột trong columns: { groups: [...] } của tệp định nghĩa',
  'cli.byEmpty': (p: { by: string }) => `--by ${p.by}: số liệu không có cột '${p.by}', hoặc cột này trống`,
  'hint.addGroupColumn': (p: { column: string }) => `thêm cột '${p.column}' ghi nhóm của từng đơn vị`,
  'cli.unknownRegion': (p: { region: string }) => `không có vùng '${p.region}'`,
  'cli.regionsNeedProvinces': 'vùng cần một cột tỉnh',
  'hint.freeUnitsNoRegion': "đơn vị tự do (cột 'unit') không có vùng",
  'cli.partialWithoutMerge': '--allow-partial-merge đi cùng --merge-2025',
  'cli.templateExtension': (p: { file: string }) => `mẫu được ghi dạng .xlsx, .csv hoặc .tsv, không phải '${p.file}'`,
  'hint.templateExample': 'ví dụ -o mau.xlsx',
  'cli.cannotReadUnits': (p: { file: string }) => `không đọc được ${p.file}`,
  'hint.unitsFile': 'mỗi dòng một đơn vị, trong một tệp văn bản UTF-8',
  'cli.noUnits': (p: { file: string }) => `${p.file} không nêu đơn vị nào`,
  'hint.unitPerLine': 'mỗi dòng một đơn vị',
  'cli.trendNeedsYears': 'xu hướng cần năm của mọi dòng',
  'hint.giveYears': 'đặt tên tệp theo năm (2023.csv), thêm cột năm, hoặc dùng --year',
  'cli.noMapBoundaries': (p: { path: string; detail: string }) => `không đọc được ranh giới bản đồ ${p.path}: ${p.detail}`,
  'hint.reinstall': 'cài lại dti (npm ci)',
  'cli.reportToTerminal': 'báo cáo là một trang HTML: ghi ra tệp, không in ra màn hình',
  'hint.example': (p: { example: string }) => `ví dụ ${p.example}`,
  'cli.needsUnit': (p: { option: string }) => `${p.option} chỉ dùng cùng --unit`,
  'cli.unitMerged': '--unit không lập hồ sơ cho tỉnh sau sáp nhập (--merge-2025)',
  'hint.unitOn63': 'lập hồ sơ trên 63 tỉnh: bỏ --merge-2025',
  'cli.noPillar': (p: { pillar: string; id: string }) => `không có trụ cột '${p.pillar}' trong ${p.id}`,
  'hint.noPillars': 'bộ chỉ số này không có trụ cột',
  'report.weights': (p: { level: string; spread: string }) => `trọng số cấp ${p.level} ±${p.spread}`,
};

export type Catalogue = typeof VI;
