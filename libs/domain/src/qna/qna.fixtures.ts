// Test helpers shared by the qna specs (not exported from the lib).
import { expectExplained } from '../refusal.fixtures';
import type { Actor, EventEnvelope, QnaSettings } from '@rostrum/contracts';
import { QnaSettingsSchema } from '@rostrum/contracts';
import { decideQna, type QnaCommand } from './qna.decider';
import { evolveQna, initialQnaState, type QnaContext, type QnaRoster, type QnaState } from './qna.state';

export const MEETING = 'm1';
export const T0 = 1_760_000_000_000;

export const actors = {
  chair: { role: 'chair', participantId: 'p-chair', displayName: 'President' },
  secretariat: { role: 'secretariat', participantId: 'p-sec', displayName: 'Secretary' },
  moderator: { role: 'moderator', participantId: 'p-mod', displayName: 'Moderator' },
  delegate: { role: 'delegate', participantId: 'p-gha', delegationId: 'GHA', displayName: 'Amb. Mensah' },
  viewer: { role: 'viewer', participantId: 'v-1', displayName: 'Ada' },
  viewer2: { role: 'viewer', participantId: 'v-2' },
} satisfies Record<string, Actor>;

export const roster: QnaRoster = {
  itemIds: ['item-1', 'item-2'],
  participants: [
    { id: 'p-chair', role: 'chair', name: 'President' },
    { id: 'p-sec', role: 'secretariat', name: 'Secretary' },
    { id: 'p-mod', role: 'moderator', name: 'Moderator' },
    { id: 'p-gha', role: 'delegate', name: 'Amb. Mensah', delegationId: 'GHA' },
    { id: 'p-panel', role: 'delegate', name: 'Dr. Panelist', delegationId: 'AU' },
  ],
};

export const settings = (over: Partial<QnaSettings> = {}): QnaSettings => ({ ...QnaSettingsSchema.parse({}), ...over });

/** A meeting's Q&A driven through decide → evolve, as the command processor would. */
export class Harness {
  state: QnaState = initialQnaState(MEETING);
  log: EventEnvelope[] = [];
  now = T0;
  constructor(public settings: QnaSettings = settingsDefault(), public roster?: QnaRoster) {}

  ctx(actor: Actor, extra: Partial<QnaContext> = {}): QnaContext {
    return { now: this.now, actor, settings: this.settings, ...(this.roster ? { roster: this.roster } : {}), ...extra };
  }

  run(actor: Actor, type: string, payload: Record<string, unknown>, extra: Partial<QnaContext> = {}) {
    const command: QnaCommand = { type, payload };
    const decision = decideQna(this.state, command, this.ctx(actor, extra));
    if (decision.ok) {
      decision.events.forEach((e, i) => {
        const env: EventEnvelope = {
          ...e, meetingId: MEETING, stream: 'qna', seq: this.state.seq + 1, at: this.now, actor, commandId: `c${this.log.length}-${i}`,
        };
        this.log.push(env);
        this.state = evolveQna(this.state, env);
      });
    } else {
      expectExplained(decision.error); // every refusal: a stable code and a human message beyond it
    }
    return decision;
  }

  /** Asks as `actor` and returns the new question id (throws if refused). */
  ask(actor: Actor = actors.viewer, payload: Record<string, unknown> = {}): string {
    const d = this.run(actor, 'qna.ask', { text: 'What is the AU doing on financing?', anonymous: false, labels: [], ...payload });
    if (!d.ok) throw new Error(`ask refused: ${d.error.code}`);
    return (d.events[0]!.payload as { questionId: string }).questionId;
  }

  status(id: string) { return this.state.questions[id]?.status; }
}

const settingsDefault = () => settings();
