import type { EventEnvelope, RecordEntryKind } from '@rostrum/contracts';
import { clockTime, duration, plural } from './format';
import type { InterventionRecord } from './types';
import { DECISION_DERIVERS, ordinal } from './decisions';
import { own } from '../floor/own';

/** Names the entry texts need; the recorder fills it from the meeting setup. */
export interface DerivationContext {
  timeZone?: string;
  delegationName(id: string | undefined): string | undefined;
  groupName(id: string | undefined): string | undefined;
  itemTitle(id: string | undefined): string | undefined;
  /** An intervention known to the record, by the floor's entry id (rights of reply, rulings). */
  intervention(id: string | undefined): InterventionRecord | undefined;
}

/** A record entry derived from one event, before it is numbered and versioned. */
export interface DerivedEntry {
  /** Several entries from one event are told apart by ordinal (0, 1, …). */
  ordinal: number;
  kind: RecordEntryKind;
  itemId?: string;
  at: number;
  text: string;
  interventionId?: string;
}

type Payload = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const TYPE_PHRASE: Record<string, string> = {
  'point-of-order': 'rose to a point of order',
  'right-of-reply': 'spoke in exercise of the right of reply',
  question: 'asked a question',
  'procedural-motion': 'spoke on a procedural motion',
};

/** "Ghana (Mr. Kwame Mensah, Minister)" — the delegation with its speaker (R44). */
export function speakerLabel(i: Pick<InterventionRecord, 'delegationName' | 'speakerName' | 'speakerTitle'>): string {
  const who = [i.speakerName, i.speakerTitle].filter(Boolean).join(', ');
  return who ? `${i.delegationName} (${who})` : i.delegationName;
}

/**
 * The formal sentence for a delivered intervention, e.g. "Ghana (Mr. X, Minister) took the
 * floor at 10:42:10 and spoke 4 min 45 s of 5 min." Overrun, warnings and pauses are stated
 * because the record must show them (R35, R44).
 */
export function interventionText(i: InterventionRecord, ctx: Pick<DerivationContext, 'timeZone' | 'intervention'>): string {
  const onBehalf = i.capacity === 'group' && i.groupName ? `, on behalf of the ${i.groupName},` : '';
  let action = own(TYPE_PHRASE, i.type) ?? 'took the floor';
  if (i.type === 'right-of-reply' && i.replyToInterventionId) {
    const answered = ctx.intervention(i.replyToInterventionId);
    action += answered ? ` to ${answered.delegationName} (intervention ${answered.number})` : '';
  }
  let text = `${speakerLabel(i)}${onBehalf} ${action} at ${clockTime(i.startedAt, ctx.timeZone)}`
    + ` and spoke ${duration(i.netSeconds)} of ${duration(i.allottedSeconds)}`;
  const notes: string[] = [];
  if (i.mode === 'remote') notes.push('remotely');
  if (i.overrunSeconds > 0) notes.push(`overran by ${duration(i.overrunSeconds)}`);
  if (i.warningsGiven > 0) notes.push(plural(i.warningsGiven, 'warning') + ' given');
  if (i.pauses.length > 0) notes.push(`paused ${i.pauses.length === 1 ? 'once' : `${i.pauses.length} times`}`);
  if (i.endReason === 'ruling' && i.type !== 'point-of-order') notes.push('ruled out of order');         // R53
  if (notes.length > 0) text += ` (${notes.join('; ')})`;
  return `${text}.`;
}

type Derived = Omit<DerivedEntry, 'ordinal' | 'at' | 'itemId'> & { at?: number };
type Deriver = (e: EventEnvelope, p: Payload, ctx: DerivationContext) => Derived | undefined;

const at = (e: EventEnvelope, ctx: DerivationContext) => clockTime(e.at, ctx.timeZone);
const item = (e: EventEnvelope, p: Payload, ctx: DerivationContext) => {
  const id = str(p.itemId) ?? e.itemId;
  return ctx.itemTitle(id) ?? id ?? 'the item';
};
const delegation = (p: Payload, ctx: DerivationContext, key = 'delegationId') =>
  ctx.delegationName(str(p[key])) ?? str(p[key]) ?? 'a delegation';

const votes = (v: unknown): string => {
  const t = (v ?? {}) as Payload;
  return num(t.for) === undefined ? '' : ` by ${num(t.for)} votes to ${num(t.against) ?? 0}, with ${plural(num(t.abstain) ?? 0, 'abstention')}`;
};
const MOTION: Record<string, string> = { 'adjourn-debate': 'the adjournment of the debate', 'closure-of-debate': 'the closure of the debate' };
const motion = (p: Payload) => MOTION[str(p.kind) ?? ''] ?? 'a procedural motion';

/** R43/R44: which events make a record entry, and the sentence each makes (payloads: floor/events.ts, qna/events.ts). */
const DERIVERS: Record<string, Deriver> = {
  // R45: from the second meeting of a session on, the record says which meeting it is.
  'meeting.opened': (e, p, ctx) => ({ kind: 'meeting.opened', text: `The ${num(p.sitting) !== undefined && num(p.sitting)! > 1 ? `${ordinal(num(p.sitting)!)} ` : ''}meeting was called to order at ${at(e, ctx)}.` }),
  'meeting.suspended': (e, _p, ctx) => ({ kind: 'meeting.suspended', text: `The meeting was suspended at ${at(e, ctx)}.` }),
  'meeting.resumed': (e, _p, ctx) => ({ kind: 'meeting.resumed', text: `The meeting resumed at ${at(e, ctx)}.` }),
  'meeting.adjourned': (e, _p, ctx) => ({ kind: 'meeting.adjourned', text: `The meeting rose at ${at(e, ctx)}.` }),
  'item.takenUp': (e, p, ctx) => ({ kind: 'item.takenUp', text: `The meeting took up ${str(p.title) ?? item(e, p, ctx)} at ${at(e, ctx)}.` }),
  'item.concluded': (e, p, ctx) => ({ kind: 'item.concluded', text: `The meeting concluded its consideration of ${item(e, p, ctx)}.` }),
  'list.announced': (e, p, ctx) => ({ kind: 'list.announced', text: `The President announced the list of speakers on ${item(e, p, ctx)}.` }),
  'list.closed': (e, p, ctx) => {
    const how = p.consent === 'vote' ? `by a vote${votes(p.votes)}` : p.consent === 'chair' ? 'by decision of the President' : 'there being no objection';
    return { kind: 'list.closed', text: `The list of speakers on ${item(e, p, ctx)} was closed at ${at(e, ctx)}, ${how} (R29).` };
  },
  'list.reopened': (e, p, ctx) => ({
    kind: 'list.reopened', text: `The President reopened the list of speakers on ${item(e, p, ctx)}${str(p.reason) ? ` (${str(p.reason)})` : ''}.`,
  }),
  'reply.granted': (_e, p, ctx) => {
    const entry = (p.entry ?? {}) as Payload;
    const answered = ctx.intervention(str(entry.replyTo));
    return {
      kind: 'reply.granted',
      text: `The President granted ${str(entry.capacityLabel) ?? delegation(entry, ctx)} the right of reply${answered ? ` to ${answered.delegationName}` : ''}.`,
    };
  },
  'speech.ended': (_e, p, ctx) => {
    const id = str((p.intervention as Payload | undefined)?.entryId);
    const i = ctx.intervention(id);
    if (!i) return undefined;
    // Dated when the speaker took the floor: that is where the video timecode should point.
    return { kind: 'intervention', interventionId: i.interventionId, at: i.startedAt, text: interventionText(i, ctx) };
  },
  'pointOfOrder.ruled': (_e, p, ctx) => {
    const raisedBy = ctx.intervention(str(p.entryId))?.delegationName ?? delegation(p, ctx);
    return {
      kind: 'pointOfOrder.ruled',
      text: `The President ruled the point of order raised by ${raisedBy} ${str(p.decision) ?? 'decided'}${str(p.text) ? `: ${str(p.text)}` : ''}.`,
    };
  },
  'pointOfOrder.appealed': (_e, p, ctx) => ({
    kind: 'pointOfOrder.appealed', text: `${delegation(p, ctx)} appealed the ruling of the President; the appeal was put to the meeting (R22).`,
  }),
  'motion.moved': (_e, p, ctx) => ({ kind: 'motion.moved', text: `${delegation(p, ctx)} moved ${motion(p)} (R32).` }),
  'chair.calledToOrder': (_e, p, ctx) => ({
    kind: 'chair.calledToOrder',
    text: `The President called ${str(p.delegationId) ? delegation(p, ctx) : 'the meeting'} to order${str(p.text) ? `: ${str(p.text)}` : ''}.`,
  }),
  'limits.changed': (_e, p) => {
    const time = (p.time ?? {}) as Payload;
    const d = num(time.defaultSeconds);
    return {
      kind: 'timeLimit.changed',
      text: `The President changed the time limits${d !== undefined ? ` (statements: ${duration(d)})` : ''}${str(p.reason) ? `: ${str(p.reason)}` : ''}.`,
    };
  },
  'qna.answered': (e, p, ctx) => {
    const author = str(p.author);
    const by = str((p.answeredBy as Payload | undefined)?.name);
    const q = str(p.text);
    const answer = str(p.answerText);
    const mode = p.mode === 'written' ? ' in writing' : '';
    return {
      kind: 'question.answered',
      text: `A question from ${author && author !== 'anonymous' ? author : 'an anonymous participant'}${q ? ` (“${q}”)` : ''} was answered${mode}${by ? ` by ${by}` : ''} at ${at(e, ctx)}${answer ? `: ${answer}` : ''}.`,
    };
  },
};

Object.assign(DERIVERS, DECISION_DERIVERS);

export const RECORD_WORTHY_EVENTS: readonly string[] = Object.keys(DERIVERS);

/** The record entries one event makes (usually none or one). Pure: same event, same entries. */
/** User-typed texts may end with their own full stop; never print "..". */
const tidy = (text: string): string => text.replace(/([.!?…])\.$/, '$1');

export function deriveEntries(e: EventEnvelope, ctx: DerivationContext): DerivedEntry[] {
  // The running record is public: an event only some may see (a reply refused before the
  // chair accepted it, a pending request) never becomes an entry everyone reads.
  if (e.visibility && e.visibility.scope !== 'public') return [];
  const derive = Object.hasOwn(DERIVERS, e.type) ? own(DERIVERS, e.type) : undefined;
  if (!derive) return [];
  const p = (e.payload ?? {}) as Payload;
  const d = derive(e, p, ctx);
  if (!d) return [];
  const itemId = str(p.itemId) ?? e.itemId ?? (d.interventionId ? ctx.intervention(d.interventionId)?.itemId : undefined);
  return [{ ordinal: 0, ...(itemId ? { itemId } : {}), ...d, text: tidy(d.text), at: d.at ?? e.at }];
}
