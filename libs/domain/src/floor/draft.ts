import { stampEvents, type Actor, type CommandError, type DomainEvent, type FloorEventPayloads, type Visibility } from '@rostrum/contracts';
import { evolveFloor } from './evolve';
import type { FloorState } from './state';

export interface DecideContext { now: number; actor: Actor }

export const PUBLIC: Visibility = { scope: 'public' };
/** Staff plus the delegation concerned: pending requests, presence. */
export const staffAnd = (delegationId: string): Visibility => ({ scope: 'staff', delegationId });

/** A refusal of the floor decider: `code` from the error catalogue (ERROR_CATALOGUE). One definition, in rules.ts. */
export { err } from './rules';

/**
 * Events being decided, with the state they lead to. Follow-on rules (R31 auto-conclude,
 * R42 on deck, timers firing in a row) read `state` after the earlier events.
 */
export class Draft {
  readonly events: DomainEvent[] = [];
  state: FloorState;
  constructor(initial: FloorState, readonly ctx: DecideContext) { this.state = initial; }

  get now(): number { return this.ctx.now; }
  get actor(): Actor { return this.ctx.actor; }

  emit<K extends keyof FloorEventPayloads>(type: K, payload: FloorEventPayloads[K], visibility: Visibility, itemId?: string): void {
    const event: DomainEvent = { type, payload: payload as unknown as Record<string, unknown>, visibility, ...(itemId ? { itemId } : {}) };
    this.events.push(event);
    const [envelope] = stampEvents(this.state.meetingId, 'meeting', this.state.seq, [event], { commandId: 'draft', actor: this.actor, at: this.now });
    this.state = evolveFloor(this.state, envelope!);
  }
}

/** A handler pushes events into the draft, or returns the error that refuses the command. */
export type Handler<P = any> = (d: Draft, payload: P) => CommandError | void;
