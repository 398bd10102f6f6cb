import type { CommandSpec } from './core/command';
/** Every client → server command, by name. The gateway, the docs and the consoles read this. */
export declare const COMMANDS: Readonly<Record<string, CommandSpec>>;
export declare const isCommand: (name: string) => boolean;
