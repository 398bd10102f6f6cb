// The pure floor domain: lists of speakers, points of order, rights of reply, the speaking clock.
export type { FloorState, Entry, ItemState, Speech, Presence } from './state';
export { initialFloorState } from './state';
export type { Decision } from './decide';
export { decideFloor } from './decide';
export { evolveFloor } from './evolve';
export { projectFloor, type Viewer } from './projection';
export { floorTimers, TIMER_TOLERANCE_MS } from './clock';
export { resolveProfile, PRESETS } from './profile';
export { FLOOR_EVENT_TYPES } from '@rostrum/contracts';
export { provisionalList, type ProvisionalList, type ProvisionalSpeaker } from './provisional-list';
export { can, type Can, type CanActor } from './can';
export * as floorRules from './rules';
