import { z } from 'zod';
import { LEVELS, QnaSettingsSchema, SittingSchema, ROLES, RulesProfileSchema, type ResolvedMeetingSetup, type RulesProfile } from '@rostrum/contracts';
import { err, PUBLIC, type Draft, type Handler } from './draft';
import { findItem, isError, requireOpen } from './guards';
import { floorFree, itemNotConcluded, itemNotTakenUp, meetingOpenable, meetingSuspended, noPointOfOrder, noVote, notAdjourned } from './rules';
import { bands } from './ordering';
import { carriedOver } from './decisions.evolve';
import { own } from './own';

const str = z.string().min(1).max(200);
/** The resolved setup carried by meeting.created (core/setup.ts ResolvedMeetingSetup). */
const ResolvedSetupSchema = z.object({
  meetingId: str, title: str, body: z.string().optional(), venue: z.string().optional(), date: z.string().optional(), timeZone: z.string().optional(),
  // Summary record masthead (issue 12).
  symbol: z.string().optional(), session: z.string().optional(), meetingNumber: z.number().int().optional(),
  public: z.boolean(),
  /** Who may follow: anonymous viewers too, or verified ones only (the gateway reads it when Postgres is away). */
  viewers: z.enum(['anyone', 'verified']).optional(),
  profile: z.unknown(),
  items: z.array(z.object({ id: str, title: str, position: z.number().int() })).min(1),
  groups: z.array(z.object({ id: str, name: str, coordinatorDelegationId: str.optional() })),
  delegations: z.array(z.object({ id: str, name: str, tier: str, groups: z.array(str), category: str.optional() })),
  // gender and language: statistics and the language of delivery (issue 12).
  participants: z.array(z.object({
    id: str, name: str, title: z.string().optional(), level: z.enum(LEVELS), role: z.enum(ROLES), delegationId: str.optional(),
    gender: str.optional(), language: str.optional(),
  })),
  qna: QnaSettingsSchema,
  sittings: z.array(SittingSchema).max(200).optional(),
});

/**
 * A participant added after the meeting was created (R3: an entry's speaker defaults to the
 * participant who asks, with the name, title and level the secretariat registered).
 */
export const addParticipant: Handler = (d, raw) => {
  const p = raw as { id: string; name: string; title?: string; level: (typeof LEVELS)[number]; role: string; delegationId?: string; gender?: 'female' | 'male' | 'other'; language?: string };
  if (own(d.state.participants, p.id)) return err('VALIDATION_FAILED', `participant ${p.id} already exists`);
  if (p.delegationId && !own(d.state.delegations, p.delegationId)) return err('NO_SUCH_DELEGATION', `no delegation ${p.delegationId}`);
  d.emit('participant.added', { ...p }, p.delegationId ? { scope: 'staff', delegationId: p.delegationId } : { scope: 'staff' });
};

export const createMeeting: Handler = (d, raw) => {
  if (d.state.created) return err('MEETING_ALREADY_CREATED', 'the meeting already exists');
  const parsed = ResolvedSetupSchema.safeParse(raw);
  if (!parsed.success) return err('VALIDATION_FAILED', parsed.error.issues[0]!.message, { issues: parsed.error.issues });
  const setup = parsed.data as ResolvedMeetingSetup<unknown>;
  if (setup.meetingId !== d.state.meetingId) return err('VALIDATION_FAILED', 'meetingId does not match the meeting');
  const profile = RulesProfileSchema.safeParse(setup.profile);
  if (!profile.success) {
    const issue = profile.error.issues[0]!;
    return err('PROFILE_INVALID', `profile field "${issue.path.join('.')}": ${issue.message}`, { field: issue.path.join('.') });
  }
  const tiers = profile.data.tiers;
  const badTier = setup.delegations.find((x) => !tiers.includes(x.tier));
  if (badTier) return err('VALIDATION_FAILED', `delegation ${badTier.id}: tier "${badTier.tier}" is not in the profile`);
  const ids = new Set(setup.delegations.map((x) => x.id));
  const badCoord = setup.groups.find((g) => g.coordinatorDelegationId && !ids.has(g.coordinatorDelegationId));
  if (badCoord) return err('VALIDATION_FAILED', `group ${badCoord.id}: coordinator is not a delegation`);
  d.emit('meeting.created', { ...setup, profile: profile.data as RulesProfile }, PUBLIC);
};

const voteOpen = (d: Draft) => noVote(d.state);
const floorBusy = (d: Draft) => floorFree(d.state);

/** Opens the first meeting of the session, or the next one after the last rose (R45). */
export const openMeeting: Handler = (d) => {
  const e = meetingOpenable(d.state);
  if (e) return e;
  d.emit('meeting.opened', { sitting: d.state.sitting + 1 }, PUBLIC);
};

export const suspendMeeting: Handler = (d) => {
  const e = requireOpen(d) ?? floorBusy(d) ?? voteOpen(d);
  if (e) return e;
  d.emit('meeting.suspended', {}, PUBLIC);
};

export const resumeMeeting: Handler = (d) => {
  const e = meetingSuspended(d.state);
  if (e) return e;
  d.emit('meeting.resumed', {}, PUBLIC);
};

export const adjournMeeting: Handler = (d) => {
  const e = notAdjourned(d.state) ?? floorBusy(d) ?? voteOpen(d);
  if (e) return e;
  d.emit('meeting.adjourned', {}, PUBLIC);
};

/**
 * R45: the meeting rises; the session goes on. Every waiting speaker keeps its place, at the
 * head of its list, for the next meeting (meeting.open). Refused while someone holds the floor,
 * a point of order or appeal awaits its outcome, or a vote is open.
 */
export const riseMeeting: Handler = (d) => {
  const e = requireOpen(d) ?? floorBusy(d) ?? voteOpen(d)
    ?? noPointOfOrder(d.state);
  if (e) return e;
  d.emit('meeting.rose', { sitting: d.state.sitting, carriedOver: carriedOver(d.state) }, PUBLIC);
};

export const takeUpItem: Handler<{ itemId: string }> = (d, p) => {
  const e = requireOpen(d) ?? floorBusy(d) ?? voteOpen(d);
  if (e) return e;
  const item = findItem(d, p.itemId);
  if (isError(item)) return item;
  const refused = itemNotConcluded(item) ?? itemNotTakenUp(d.state, item);
  if (refused) return refused;
  d.emit('item.takenUp', { itemId: item.id, title: item.title }, PUBLIC, item.id);
};

export const concludeItem: Handler<{ itemId?: string }> = (d, p) => {
  const e = requireOpen(d) ?? voteOpen(d);                                        // R50: not while the meeting votes
  if (e) return e;
  const item = findItem(d, p.itemId);
  if (isError(item)) return item;
  const done = itemNotConcluded(item, true);
  if (done) return done;
  if (d.state.speech?.itemId === item.id || (d.state.called && own(d.state.entries, d.state.called)!.itemId === item.id)) return floorBusy(d);
  d.emit('item.concluded', { itemId: item.id, automatic: false }, PUBLIC, item.id);
};

/** R31: a closed list exhausted with no reply pending concludes the debate when the profile says so. */
export function maybeConclude(d: Draft, itemId: string): void {
  const s = d.state;
  const item = own(s.items, itemId);
  if (!item || !s.profile!.closing.autoConclude || item.list !== 'closed' || item.status !== 'open') return;
  if (s.speech?.itemId === itemId || s.interrupted || (s.called && own(s.entries, s.called)!.itemId === itemId)) return;
  const b = bands(s, itemId);
  if (b.call.length || b.later.length || b.pointsOfOrder.length) return;
  const requested = Object.values(s.entries).some((x) => x.itemId === itemId && x.status === 'requested');
  if (requested) return;
  d.emit('item.concluded', { itemId, automatic: true, reason: 'list exhausted' }, PUBLIC, itemId);
}
