import type { Actor } from '@rostrum/contracts';
import { maskActor, qnaCapability } from './qna.capability';
import type { MeetingSettings } from './meetings/meeting-settings';
import { settings } from '../../../libs/domain/src/qna/qna.fixtures';

it('decides an anonymous ask as the real asker while the envelope actor stays masked', () => {
  const real: Actor = { role: 'delegate', participantId: 'gha', delegationId: 'GHA', displayName: 'Mr. Mensah' };
  const realActors = new WeakMap<object, Actor>();
  const cap = qnaCapability({} as MeetingSettings, realActors);
  const payload = { text: 'Who pays for AU operations?', anonymous: true, labels: [] };
  realActors.set(payload, real);
  const d = cap.decide(cap.initial('m1'), { type: 'qna.ask', payload }, { now: 1, actor: maskActor(real), settings: settings(), roster: { itemIds: [] } });
  expect(d.ok && d.events[0]).toMatchObject({
    visibility: { scope: 'moderators', participantId: 'gha' },
    payload: { author: 'anonymous', asker: { participantId: 'gha', name: 'Mr. Mensah' } },
  });
  expect(maskActor(real)).toEqual({ role: 'delegate', participantId: 'anonymous', displayName: 'anonymous' });
});
