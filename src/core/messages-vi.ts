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
 * A parameter given as another text (`text('hint.x', …)`) or as `{ vi, en }` arrives here
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
};

export type Catalogue = typeof VI;
