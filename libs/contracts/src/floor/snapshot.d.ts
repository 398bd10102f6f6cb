import type { RulesProfile } from './profile';
import type { EntrySnapshot, EntryStatus } from './events';
import type { Mode, MotionKind } from './commands';
/** An entry (a request for the floor) as a snapshot shows it. */
export interface EntryView extends EntrySnapshot {
    status: EntryStatus;
    /** When the chair gave it the floor (ms since epoch). */
    calledAt?: number;
    /** A point of order's ruling, once given (R21). */
    ruling?: {
        decision: 'upheld' | 'rejected';
        text: string;
    };
}
/**
 * The speaking clock. A client draws it itself: elapsed = (clockStoppedAt ?? serverNow) −
 * startedAt − pausedMs; left = allottedSeconds × 1000 − elapsed (R34). Times in ms since epoch.
 */
export interface ClockView {
    entryId: string;
    itemId: string;
    delegationId: string;
    startedAt: number;
    allottedSeconds: number;
    paused: boolean;
    pauseReason: 'chair' | 'point-of-order' | 'disconnected' | null;
    /** When the clock stopped; null while it runs (it may run during a pause, R20). */
    clockStoppedAt: number | null;
    pausedAt?: number;
    /** Time stopped so far, ms. */
    pausedMs: number;
    /** Only while the clock is stopped, ms. */
    elapsedMs?: number;
    /** Seconds-left thresholds already warned (R34). */
    warningsGiven: number[];
    expiredAt: number | null;
    /** R37: the entry whose time this is, when yielded. */
    yieldedFrom?: string;
}
/** A pending procedural motion on an item (R32). */
export interface MotionView {
    kind: MotionKind;
    entryId: string;
    delegationId: string;
    /** How many may speak for / against. */
    limits: {
        for: number;
        against: number;
    };
    for: number;
    against: number;
}
/**
 * One item's list of speakers, in the order they will be heard: rights of reply already
 * granted come first (R25), then speakers on a pending motion, then the ordinary list, then
 * replies granted to be heard at the end of the item.
 */
export interface ListView {
    status: 'open' | 'announced' | 'closed';
    motion: MotionView | null;
    replies: EntryView[];
    motionSpeakers: EntryView[];
    speakers: EntryView[];
    laterReplies: EntryView[];
}
/** A delegation's connection (R40, R41). */
export interface PresenceView {
    status: 'connected' | 'dropped' | 'back';
    mode?: Mode;
    at: number;
}
/**
 * The floor as one role sees it (`meeting.snapshot` → `meeting.state`).
 * - everyone: the meeting, agenda, lists, the floor and the clock;
 * - viewers never see a request the chair has not accepted (`pendingRequests` is empty,
 *   `pointsOfOrder` holds only one being heard);
 * - delegates also get `myEntries` and `myPresence`, and see their own pending requests;
 * - chair and secretariat see every pending request and point of order, and `presence`.
 */
export interface FloorSnapshot {
    meetingId: string;
    /** The meeting stream seq this state reflects. */
    seq: number;
    /** False until `POST /meetings` created it (then nothing else is set). */
    created: boolean;
    title?: string;
    status?: 'none' | 'created' | 'open' | 'suspended' | 'adjourned';
    /** The resolved rules profile (preset + overrides). */
    profile?: RulesProfile | null;
    currentItemId?: string | null;
    items?: Array<{
        id: string;
        title: string;
        position: number;
        status: 'pending' | 'open' | 'concluded';
        list: 'open' | 'announced' | 'closed';
    }>;
    delegations?: Array<{
        id: string;
        name: string;
        tier: string;
        groups: string[];
    }>;
    groups?: Array<{
        id: string;
        name: string;
        coordinatorDelegationId?: string;
    }>;
    /** By item id. */
    lists?: Record<string, ListView>;
    /** Points of order raised and not yet settled, in the order raised (viewers: only one being heard). */
    pointsOfOrder?: EntryView[];
    /** Requests awaiting the chair (rights of reply, …): staff all, a delegation its own, viewers none. */
    pendingRequests?: EntryView[];
    /** Given the floor, not yet speaking. */
    called?: EntryView | null;
    /** Speaks next (R42). */
    onDeck?: EntryView | null;
    speech?: (ClockView & {
        speaker: EntryView;
    }) | null;
    /** The speech a point of order interrupted: paused until `speech.resume` after the ruling (R21). */
    interrupted?: ClockView | null;
    /** R22: the last ruling, appealable until the next business. */
    appeal?: {
        entryId: string;
        status: 'appealable' | 'appealed';
    } | null;
    /** Delegates: their delegation's entries, whatever their status. */
    myEntries?: EntryView[];
    myPresence?: PresenceView | null;
    /** Chair and secretariat: every delegation's connection, by delegation id. */
    presence?: Record<string, PresenceView>;
}
