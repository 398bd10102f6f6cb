import type { CommandSpec } from './core/command';
import { FLOOR_COMMANDS } from './floor';
import { QNA_COMMANDS } from './qna';
import { RECORD_COMMANDS } from './record';

/** Every client → server command, by name. The gateway, the docs and the consoles read this. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  ...FLOOR_COMMANDS,
  ...QNA_COMMANDS,
  ...RECORD_COMMANDS,
};

/** Own names only: `toString`, `constructor` or `__proto__` are not commands. */
export const isCommand = (name: unknown): name is string => typeof name === 'string' && Object.hasOwn(COMMANDS, name);
