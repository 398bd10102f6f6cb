// One live meeting per console, on @rostrum/client: the snapshot (which also sets the server's
// clock), a gapless sequence per stream, `events.since` on a gap or a reconnect. Events whose
// effect the console can apply itself (clock, presence, record) are applied here; any other floor
// or Q&A event asks for a fresh snapshot soon (coalesced), because the server orders the list.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RostrumClient, type CommandAck, type CommandName, type CommandPayload, type IoFactory, type LinkStatus } from '@rostrum/client';
import type { EventEnvelope } from '@rostrum/contracts/core/envelope';
import type { FloorSnapshot } from '@rostrum/contracts/floor/snapshot';
import type { FloorEventPayloads } from '@rostrum/contracts/floor/events';
import type { QnaSnapshot } from '@rostrum/contracts/qna/snapshot';
import type { RecordEntryView } from '@rostrum/contracts/record/events';

declare const io: IoFactory;

/** Any delivered event, as the console's handlers see it. */
export type AnyEvent = EventEnvelope<Record<string, unknown>>;

export interface MeetingLive {
  status: LinkStatus;
  /** Why the link is not live (server's words), when it is not. */
  detail?: string;
  /** The floor as projected for this user; null until the first snapshot. */
  floor: FloorSnapshot | null;
  qna: QnaSnapshot | null;
  /** The running record: each entry at its latest version, in publication order. */
  record: RecordEntryView[];
  /** Now on the server's clock (ms since epoch). */
  serverNow(): number;
  /** Sends a command (one commandId per intent, retried with the same id); never throws. */
  send<N extends CommandName>(name: N, payload?: CommandPayload<N>): Promise<CommandAck>;
  client: RostrumClient<FloorSnapshot, QnaSnapshot>;
}

export interface MeetingOptions {
  /** Called for every event, before it is applied (announcements). */
  onEvent?(e: AnyEvent, floor: FloorSnapshot | null): void;
  /** Delay before a fresh snapshot (ms): staff want it at once; thousands of viewers must not ask in the same instant. */
  refreshDelay?: () => number;
  /** Apply the server's broadcast public view (`floor.view`) instead of re-snapshotting (viewer, display). */
  followFloorView?: boolean;
}

/** Applies a floor event's effect in place when the console can; false: ask the server. */
export function applyLocally(view: FloorSnapshot, e: AnyEvent): boolean {
  const sp = view.speech;
  switch (e.type) {
    case 'clock.warning': { const p = e.payload as unknown as FloorEventPayloads['clock.warning']; if (sp?.entryId === p.entryId) sp.warningsGiven = [...sp.warningsGiven, p.secondsLeft]; return true; }
    case 'clock.expired': { const p = e.payload as unknown as FloorEventPayloads['clock.expired']; if (sp?.entryId === p.entryId) sp.expiredAt = p.at; return true; }
    case 'clock.extended': { const p = e.payload as unknown as FloorEventPayloads['clock.extended']; if (sp?.entryId === p.entryId) { sp.allottedSeconds = p.allottedSeconds; sp.expiredAt = null; } return true; }
    case 'presence.updated': {
      const p = e.payload as unknown as FloorEventPayloads['presence.updated'];
      if (!view.presence) return false;                 // a delegate's own presence: from the server
      const prev = Object.hasOwn(view.presence, p.delegationId) ? view.presence[p.delegationId] : undefined;
      view.presence[p.delegationId] = { status: p.status, mode: p.mode ?? prev?.mode, at: e.at };
      return true;
    }
    default: return false;
  }
}

/** The live meeting of `token` for a Preact console; the client closes with the component. */
export function useMeeting(token: string, opts: MeetingOptions = {}): MeetingLive {
  const [, redraw] = useState(0);
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const data = useRef<{ status: LinkStatus; detail?: string; floor: FloorSnapshot | null; qna: QnaSnapshot | null; record: Map<string, RecordEntryView> }>({ status: 'connecting', floor: null, qna: null, record: new Map() });
  const client = useMemo(() => new RostrumClient<FloorSnapshot, QnaSnapshot>({ url: location.origin, token, io, reconnect: { minDelayMs: 500, maxDelayMs: 5000 } }), [token]);

  useEffect(() => {
    const d = data.current;
    const bump = () => redraw((n) => n + 1);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refreshSoon = () => { if (!timer) timer = setTimeout(() => { timer = null; void client.resync(); }, optsRef.current.refreshDelay?.() ?? 150); };
    // The client delivers every event once, in order, even those a later snapshot already holds
    // (a snapshot taken while live does not move its streams): the newest seen per stream tells
    // whether the snapshot in hand is behind (ask again) or reflects an event (skip it).
    const seen = { meeting: 0, qna: 0 };
    const offs = [
      client.onStatus((s, detail) => { d.status = s; d.detail = detail; bump(); }),
      client.onSnapshot((s) => {
        // Never back to an older floor than the one in hand (a viewer's floor.view may be newer
        // than a snapshot read before it); no Q&A part (Q&A did not answer in time) keeps the
        // Q&A in hand; record entries and versions only grow, so the snapshot's are merged in
        // (an entry delivered live after the snapshot's record was read stays).
        if (!d.floor || s.meeting.seq >= d.floor.seq) d.floor = s.meeting.state;
        if (s.qna) d.qna = s.qna.state;
        for (const e of s.record.entries) keepLatest(d.record, e.payload as RecordEntryView);
        const behind = (!optsRef.current.followFloorView && s.meeting.seq < seen.meeting) || (s.qna !== null && s.qna !== undefined && s.qna.seq < seen.qna);
        if (behind) refreshSoon();
        else if (timer) { clearTimeout(timer); timer = null; }
        bump();
      }),
      client.on('*', (raw) => {
        if (raw.stream !== 'record') seen[raw.stream] = Math.max(seen[raw.stream], raw.seq);
        if (raw.type === 'event.redacted') return;
        const e = raw as unknown as AnyEvent;
        optsRef.current.onEvent?.(e, d.floor);
        const held = e.stream === 'meeting' ? d.floor !== null && e.seq <= d.floor.seq : e.stream === 'qna' && d.qna !== null && e.seq <= d.qna.seq;
        if (e.stream === 'record') keepLatest(d.record, e.payload as unknown as RecordEntryView);
        else if (held) { /* the snapshot in hand already reflects it */ }
        else if (e.stream === 'meeting' && d.floor && applyLocally(d.floor, e)) { /* applied */ }
        else if (!(e.stream === 'meeting' && optsRef.current.followFloorView)) refreshSoon();
        bump();
      }),
      client.onTransient('floor.view', (p) => {
        const v = p as { seq: number; view: Partial<FloorSnapshot> };
        if (!optsRef.current.followFloorView || !d.floor || v.seq < d.floor.seq) return;
        d.floor = { ...d.floor, ...v.view, seq: v.seq };
        bump();
      }),
    ];
    void client.connect().catch(() => undefined); // a refusal is reported through the status
    return () => { offs.forEach((off) => off()); if (timer) clearTimeout(timer); client.close(); };
  }, [client]);

  const d = data.current;
  return {
    status: d.status, detail: d.detail, floor: d.floor, qna: d.qna, record: [...d.record.values()], client,
    serverNow: () => client.serverNow(),
    send: (name, payload) => client.send(name, payload),
  };
}

function keepLatest(store: Map<string, RecordEntryView>, v: RecordEntryView): void {
  const prev = store.get(v.entryId);
  if (!prev || prev.version < v.version) store.set(v.entryId, v);
}
