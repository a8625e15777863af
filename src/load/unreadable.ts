/**
 * Why a file could not be read, from the system's error: one text for the CLI and the
 * library ("no such file", "it is a directory", "permission denied"), with the hint to check
 * the path when the file does not exist.
 */
import { type Text, msg } from '../core/messages.js';

export function unreadable(file: string, e: unknown): { text: Text; why: Text | string; hint?: Text } {
  const code = (e as { code?: string }).code;
  const why = code === 'ENOENT' ? msg('why.noSuchFile') : code === 'EISDIR' ? msg('why.readDirectory') : code === 'EACCES' ? msg('why.readPermission') : String(code ?? e);
  return { text: msg('cli.cannotRead', { file, why }), why, ...(code === 'ENOENT' ? { hint: msg('hint.checkPath') } : {}) };
}
