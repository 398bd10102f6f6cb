import { decideFloor, evolveFloor, initialFloorState, type FloorState } from '@rostrum/domain';
import type { Capability } from '@rostrum/messaging';

/** The floor domain, as the command processor runs it. */
export const floorCapability: Capability<FloorState> = {
  stream: 'meeting',
  initial: initialFloorState,
  decide: decideFloor,
  evolve: evolveFloor,
};
