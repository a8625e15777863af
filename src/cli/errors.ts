import type { Diagnostic } from '../core/diagnostics.js';
import { type Text, render } from '../core/messages.js';

/** A user-facing failure: an exit code with diagnostics or a plain message. Never a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  readonly diagnostics: readonly Diagnostic[];
  /** The message as data (a key of the catalogue and its parameters), when made so; `message` is its English. */
  readonly text: Text | undefined;
  readonly hintText: Text | undefined;
  readonly hint: string | undefined;
  constructor(exitCode: number, message: string | Text, opts: { diagnostics?: readonly Diagnostic[]; hint?: string | Text } = {}) {
    super(typeof message === 'string' ? message : render(message, 'en'));
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.diagnostics = opts.diagnostics ?? [];
    this.text = typeof message === 'string' ? undefined : message;
    this.hintText = typeof opts.hint === 'object' ? opts.hint : undefined;
    this.hint = typeof opts.hint === 'object' ? render(opts.hint, 'en') : opts.hint;
  }
}
