/**
 * Transient broadcast (not in a stream) after every change of the floor: the public view of the
 * lists, the floor and the clock as of `seq`. The list order is the server's (rules profile), so
 * viewer consoles apply this instead of each asking for a fresh snapshot — one broadcast per
 * change rather than thousands of snapshot requests. Latest seq wins.
 */
export declare const FLOOR_VIEW = "floor.view";
export interface FloorViewPayload {
    /** The meeting stream seq this view reflects. */
    seq: number;
    /** The changing part of the viewer projection (`projectFloor(state, { role: 'viewer' })`). */
    view: {
        status: string;
        currentItemId: string | null;
        items: unknown[];
        lists: Record<string, unknown>;
        pointsOfOrder: unknown[];
        called: unknown;
        onDeck: unknown;
        speech: unknown;
        interrupted: unknown;
        appeal: unknown;
    };
}
