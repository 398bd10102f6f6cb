import type { EventEnvelope } from '@rostrum/contracts';
import { clockTime, plural } from './format';
import type { DerivationContext, DerivedEntry } from './derive-entries';

// The record's standard phrasing for the meeting's decisions (R22, R32, R45, R48, R51–R54).
// Figures follow UN practice: those in favour of the question put first, then those against.

type Payload = Record<string, unknown>;
type Derived = Omit<DerivedEntry, 'ordinal' | 'at' | 'itemId'> & { at?: number };
export type DecisionDeriver = (e: EventEnvelope, p: Payload, ctx: DerivationContext) => Derived | undefined;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** "by 45 votes to 30, with 10 abstentions"; "by 120 votes to none"; abstentions only when there were some. */
export function byVotes(yes: number, no: number, abstain: number): string {
  return `by ${plural(yes, 'vote')} to ${no === 0 ? 'none' : no}${abstain > 0 ? `, with ${plural(abstain, 'abstention')}` : ''}`;
}

const figures = (v: unknown) => {
  const t = (v ?? {}) as Payload;
  return { yes: num(t.for ?? t.yes), no: num(t.against ?? t.no), abstain: num(t.abstain) };
};
const equal = (f: { yes: number; no: number; abstain: number }) =>
  `${plural(f.yes, 'vote')} to ${f.no}${f.abstain > 0 ? `, with ${plural(f.abstain, 'abstention')}` : ''}`;

const MOTION = new Map([['adjourn-debate', 'the adjournment of the debate'], ['closure-of-debate', 'the closure of the debate']]);
const motionName = (kind: unknown) => `The motion for ${MOTION.get(String(kind)) ?? 'a procedural motion'}`;

/** R22, R53: "The ruling of the President was overturned by 45 votes to 30, with 10 abstentions." */
export function appealText(overturned: boolean, votes: unknown, equallyDivided = false): string {
  if (votes === undefined) return overturned ? 'The ruling of the President was overturned.' : 'The ruling of the President stands: the appeal was rejected.';
  const f = figures(votes);
  if (overturned) return `The ruling of the President was overturned ${byVotes(f.yes, f.no, f.abstain)}.`;
  if (equallyDivided || f.yes === f.no) return `The ruling of the President stands: the votes on the appeal being equally divided (${equal(f)}), the appeal was rejected.`;
  return `The ruling of the President stands: the appeal was rejected ${byVotes(f.yes, f.no, f.abstain)}.`;
}

/** R32, R51: "The motion for the adjournment of the debate was adopted by 45 votes to 30." */
export function motionText(kind: unknown, adopted: boolean, votes: unknown, equallyDivided = false): string {
  if (votes === undefined) return `${motionName(kind)} was ${adopted ? 'adopted' : 'rejected'}.`;
  const f = figures(votes);
  if (!adopted && (equallyDivided || f.yes === f.no)) return `${motionName(kind)} was rejected, the votes being equally divided (${equal(f)}).`;
  return `${motionName(kind)} was ${adopted ? 'adopted' : 'rejected'} ${byVotes(f.yes, f.no, f.abstain)}.`;
}

const QUESTION = new Map([['appeal', 'the appeal against the ruling of the President'], ['motion', 'the procedural motion']]);
const questionName = (q: Payload) => (q.kind === 'text' ? `"${str(q.text) ?? 'the proposal'}"` : QUESTION.get(String(q.kind)) ?? 'the question');

/** R52: a recorded vote lists each delegation's vote. */
export function rollCall(ballots: unknown): string {
  const list = Array.isArray(ballots) ? (ballots as Payload[]) : [];
  const names = (choice: string) => list.filter((b) => b.choice === choice).map((b) => str(b.delegationName) ?? str(b.delegationId) ?? '?').join(', ') || 'none';
  return `In favour: ${names('yes')}. Against: ${names('no')}. Abstaining: ${names('abstain')}.`;
}

/** R51, R52: a vote on a text is decided here; on an appeal or a motion, the decision's own entry follows. */
export function voteClosedText(p: Payload): string | undefined {
  const q = (p.question ?? {}) as Payload;
  const t = (p.totals ?? {}) as Payload;
  const f = { yes: num(t.yes), no: num(t.no), abstain: num(t.abstain) };
  const recorded = p.recorded === true ? `A recorded vote was taken on ${questionName(q)}. ${rollCall(p.ballots)}` : '';
  if (q.kind !== 'text') return recorded || undefined;
  const name = `The proposal ${questionName(q)}`;
  const result = p.adopted === true ? `${name} was adopted ${byVotes(f.yes, f.no, f.abstain)}.`
    : f.yes === f.no ? `${name} was rejected, the votes being equally divided (${equal(f)}).`
      : `${name} was rejected ${byVotes(f.yes, f.no, f.abstain)}.`;
  return recorded ? `${recorded} ${result}` : result;
}

const INTENDED = new Map([['yes', 'to vote in favour'], ['no', 'to vote against'], ['abstain', 'to abstain']]);
const ORDINALS = ['th', 'st', 'nd', 'rd'];
/** 1st, 2nd, 3rd, 4th, 11th, 21st… */
export const ordinal = (n: number): string => `${n}${(n % 100 >= 11 && n % 100 <= 13) ? 'th' : ORDINALS[n % 10] ?? 'th'}`;

const delegation = (p: Payload, ctx: DerivationContext, key = 'delegationId') => ctx.delegationName(str(p[key])) ?? str(p[key]) ?? 'a delegation';
const itemOf = (e: EventEnvelope, ctx: DerivationContext) => ctx.itemTitle(e.itemId) ?? e.itemId ?? 'the item';
const approver = (e: EventEnvelope) => (e.actor.role === 'secretariat' ? 'the Secretariat' : 'the President');

/** Record entries of the meeting's decisions and of the general debate, by event type (merged into derive-entries). */
export const DECISION_DERIVERS: Record<string, DecisionDeriver> = {
  'pointOfOrder.appealDecided': (_e, p) => ({ kind: 'pointOfOrder.appealDecided', text: appealText(p.overturned === true, p.votes, p.equallyDivided === true) }),
  'motion.decided': (_e, p) => ({ kind: 'motion.decided', text: motionText(p.kind, p.adopted === true, p.votes, p.equallyDivided === true) }),
  'vote.closed': (_e, p) => { const text = voteClosedText(p); return text ? { kind: 'vote.closed', text } : undefined; },
  'vote.explained': (_e, p, ctx) => ({                                                        // R54
    kind: 'vote.explained',
    text: `After the vote, ${delegation(p, ctx)} stated that it had intended ${INTENDED.get(String(p.intended)) ?? 'to vote otherwise'} on ${questionName((p.question ?? {}) as Payload)}; the result of the vote is unchanged.`,
  }),
  'pointOfOrder.rulingUndone': (_e, p, ctx) => {                                             // R53
    const effect = (p.effect ?? {}) as Payload;
    const who = ctx.delegationName(str(p.delegationId)) ?? ctx.intervention(str(effect.entryId))?.delegationName ?? 'the delegation concerned';
    return {
      kind: 'pointOfOrder.rulingUndone',
      text: effect.kind === 'out-of-order' ? `The ruling having been overturned, ${who} was given the floor again.` : `The ruling having been overturned, the request it had refused was restored.`,
    };
  },
  'meeting.rose': (e, p, ctx) => {                                                            // R45
    const carried = Array.isArray(p.carriedOver) ? (p.carriedOver as Payload[]) : [];
    const n = num(p.sitting);
    const rest = carried.map((c) => `${plural(Array.isArray(c.entryIds) ? c.entryIds.length : 0, 'speaker')} on the list of speakers on ${ctx.itemTitle(str(c.itemId)) ?? str(c.itemId)}`);
    return {
      kind: 'meeting.rose',
      text: `The ${n > 0 ? `${ordinal(n)} ` : ''}meeting rose at ${clockTime(e.at, ctx.timeZone)}.${rest.length ? ` Not reached: ${rest.join('; ')}; they keep their places at the head of the list at the next meeting.` : ''}`,
    };
  },
  'exchange.approved': (e, p, ctx) => ({                                                      // R48
    kind: 'exchange.approved',
    text: `${delegation(p, ctx)} and ${delegation(p, ctx, 'withDelegationId')} exchanged places on the list of speakers on ${itemOf(e, ctx)} (proposed by ${delegation(p, ctx)}, confirmed by ${delegation(p, ctx, 'withDelegationId')}, approved by ${approver(e)}).`,
  }),
};
