import type { CommandSpec } from '../core/command';
export const RECORD_COMMANDS: Record<string, CommandSpec> = {};
