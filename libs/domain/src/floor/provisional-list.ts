import type { ProvisionalListView, ProvisionalSpeakerView } from '@rostrum/contracts';
import { allottedSeconds } from './intervention';
import { isOrdinary, speakersOrder } from './ordering';
import { own } from './own';
import type { Entry, FloorState } from './state';

/**
 * One line of the provisional list of speakers (R47), as the UN Journal prints it, and the list
 * of one item: the shapes the snapshot and the REST list publish (libs/contracts), so they are
 * declared once there.
 */
export type ProvisionalSpeaker = ProvisionalSpeakerView;
export type ProvisionalList = ProvisionalListView;

const line = (e: Entry, place: number | null, status: ProvisionalSpeaker['status'], sitting: number | null, estimatedAt: number | null, slotSeconds: number): ProvisionalSpeaker => ({
  place, entryId: e.entryId, delegationId: e.delegationId, delegationName: e.delegationName, capacityLabel: e.capacityLabel,
  speakerName: e.speakerName, ...(e.speakerTitle ? { speakerTitle: e.speakerTitle } : {}), level: e.level, inscribedAt: e.inscribedAt,
  status, sitting, estimatedAt, slotSeconds,
});

/**
 * R47: the provisional list of an item's debate. Heard speakers first (with the meeting they
 * spoke in, R45), then the one speaking, then the waiting ones in list order (level then
 * inscription time when the list has time slots, R12). Each waiting speaker fills a slot
 * (`inscription.slotSeconds`, else its time limit) from the running meeting's present moment
 * (the last event) or the next planned meeting's start; a slot that would end after its
 * meeting's planned end moves to the next planned meeting.
 */
export function provisionalList(state: FloorState, itemId: string): ProvisionalList | null {
  const item = own(state.items, itemId);
  if (!item || !state.profile) return null;
  const slotOf = (e: Entry) => state.profile!.inscription.slotSeconds ?? allottedSeconds(state, e.entryId);
  const planned = state.sittings.map((x, i) => ({ number: i + 1, startsAt: x.startsAt, endsAt: x.endsAt }));
  const out: ProvisionalSpeaker[] = [];
  for (const id of item.delivered) {
    const e = own(state.entries, id);
    if (e && isOrdinary(e)) out.push(line(e, null, 'heard', e.heardInSitting ?? null, null, slotOf(e)));
  }
  const running = state.status === 'open' || state.status === 'suspended';
  let sitting = running ? state.sitting : state.sitting + 1;
  const plan = (n: number) => planned[n - 1];
  let cursor: number | null = running ? Math.max(state.lastAt, plan(sitting) ? Date.parse(plan(sitting)!.startsAt) : 0)
    : plan(sitting) ? Date.parse(plan(sitting)!.startsAt) : null;
  const current = state.speech ?? null;
  const speaking = current && current.itemId === itemId ? own(state.entries, current.entryId) : undefined;
  if (current && speaking && isOrdinary(speaking)) {
    const e = speaking;
    out.push(line(e, null, 'speaking', state.sitting, current.startedAt, slotOf(e)));
    if (cursor !== null) cursor = Math.max(cursor, current.startedAt + slotOf(e) * 1000);
  }
  let place = 0;
  for (const e of speakersOrder(state, item)) {
    const slot = slotOf(e);
    let p = plan(sitting);
    if (p && cursor !== null && cursor + slot * 1000 > Date.parse(p.endsAt)) {
      sitting += 1;
      p = plan(sitting);
      cursor = p ? Date.parse(p.startsAt) : null;
    }
    const beyond = planned.length > 0 && !p;
    out.push(line(e, ++place, 'waiting', beyond ? null : sitting, beyond ? null : cursor, slot));
    if (cursor !== null) cursor += slot * 1000;
  }
  return { itemId, title: item.title, currentSitting: state.sitting, sittings: planned, speakers: out };
}
