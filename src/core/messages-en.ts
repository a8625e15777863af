/** The English catalogue: the same keys and parameters as messages-vi.ts (see there). */
import type { Catalogue } from './messages-vi.js';

export const EN: Catalogue = {
  'word.error': 'error',
  'word.warning': 'warning',
  'word.hint': 'hint',
  'word.also': 'also',
  'word.more': (p) => `… and ${p.n} more`,
  'word.errors': (p) => `${p.n} error${p.n === 1 ? '' : 's'}`,
  'word.warnings': (p) => `${p.n} warning(s)`,
  'word.usage': "(run 'dti --help' for usage)",
  'word.internal': 'internal error',
  'word.bug': (p) => `This is a bug in dti ${p.version}; report it with the command you ran and the output of dti --version. Run again with --debug for the stack trace.`,

  'ENCODING.notUtf8': 'the file is not UTF-8 (it looks like a legacy Vietnamese encoding such as Windows-1258 or TCVN3)',
  'ENCODING.wide': (p) => `the file is ${p.encoding}${p.bom ? '' : ' (without a byte-order mark)'}, not UTF-8`,
  'ENCODING.nul': 'the file holds a NUL byte (U+0000): it is not a text file, or it is damaged',
  'ENCODING.invalid': (p) => `the file is not valid ${p.encoding}`,
  'hint.checkEncoding': 'check the --encoding, or save the file as CSV UTF-8',
  'hint.iconv': (p) => `convert it: iconv -f ${p.encoding} -t UTF-8, or save it as 'CSV UTF-8' (Excel: Save As → CSV UTF-8)`,
  'hint.passEncoding': (p) => `pass --encoding ${p.encoding}, or save it as 'CSV UTF-8' (Excel: Save As → CSV UTF-8)`,
  'hint.saveUtf8': "open it in a spreadsheet and save it again as 'CSV UTF-8'",
  'cli.unknownEncoding': (p) => `unknown encoding '${p.encoding}'`,
  'hint.encodings': 'e.g. --encoding windows-1258 (Vietnamese Windows), utf-16le, windows-1252',
};
