import type { CommandSpec } from '../core/command';
export const QNA_COMMANDS: Record<string, CommandSpec> = {};
