import { z } from 'zod';
import type { CommandSpec } from '../core/command';

// Owned by the floor capability. Each command: payload schema, roles that may send it.
const empty = z.object({}).strict();

export const FLOOR_COMMANDS = {
  'meeting.open': { owner: 'floor', roles: ['chair'], schema: empty, summary: 'Open the meeting.' },
  'meeting.adjourn': { owner: 'floor', roles: ['chair'], schema: empty, summary: 'Adjourn the meeting.' },
} satisfies Record<string, CommandSpec>;
