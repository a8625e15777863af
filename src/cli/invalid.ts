import { InvalidArgumentError } from 'commander';
import type { Text } from '../core/messages.js';
import { REASON_MARK } from '../core/third-party.js';

/**
 * Refuse a command-line value (in an option's parser): commander puts the reason after its own
 * words; the reason travels as data and is written in the user's language when commander's
 * message is printed (run.ts, core/third-party.ts commanderText).
 */
export function invalid(reason: Text): never {
  throw new InvalidArgumentError(`${REASON_MARK}${JSON.stringify(reason)}${REASON_MARK}`);
}
