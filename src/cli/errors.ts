import type { Diagnostic } from '../core/diagnostics.js';

/** A user-facing failure: an exit code with diagnostics or a plain message. Never a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly hint: string | undefined;
  constructor(exitCode: number, message: string, opts: { diagnostics?: readonly Diagnostic[]; hint?: string } = {}) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.diagnostics = opts.diagnostics ?? [];
    this.hint = opts.hint;
  }
}
