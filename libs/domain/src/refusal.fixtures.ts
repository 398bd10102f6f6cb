// Test helper shared by the floor and Q&A specs (not exported from the lib).
import type { CommandError } from '@rostrum/contracts';

/**
 * A refusal as DESIGN.md promises it: a stable code and a human message that says more than the
 * code (not empty, not the code again). Checked on every refusal the domain tests provoke.
 * @throws Error naming the code when the message is missing
 */
export function expectExplained(error: CommandError): void {
  const message = typeof error.message === 'string' ? error.message.trim() : '';
  if (message === '' || message === error.code) throw new Error(`refusal ${error.code} has no human message (got ${JSON.stringify(error.message)})`);
}
