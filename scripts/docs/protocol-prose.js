// The parts of docs/asyncapi.yaml that are explanation rather than schema: who gets what when,
// and how a point of order and a right of reply are heard. Kept beside the generator and checked
// against the running system by test/integrating.e2e-spec.ts and the floor e2e tests.

const DELIVERY = {
  streams: 'Three gapless streams per meeting: `meeting` (floor), `qna` (question lifecycle), `record` (running-record entries, appended only after Postgres committed them). A client keeps one seq per stream.',
  placeholders: 'An event a client may not see (a pending request, a presence change, a question before approval…) reaches it as `{ meetingId, stream, seq, type: "event.redacted" }`, so its sequence stays gapless. The audience of each event is its x-audience.',
  batching: 'Events come in `events` messages: one per fan-out round, an array in seq order. Chair and secretariat get each round at once. Everyone else (delegates, moderators, viewers) gets each round at once too while the meeting is within its fan-out budget (socket writes per second per gateway process, FANOUT_WRITES_PER_SECOND); beyond it — a storm — rounds are held and sent together when the budget allows: every event, in order, in one batch, and of the `floor.view` messages only the newest.',
  transient: '`floor.view` (the public floor after each change, at most ~5/s per meeting, latest seq wins) and `qna.tallies` (coalesced vote counts, at most one every 300 ms) are socket events of their own with `{ meetingId, payload, serverTime }`; they are not in a stream and are sent after the events before them. To delegates, moderators and viewers the newest `floor.view` right after a batch of public events goes inside that `events` message instead (`floorView` in its second argument, the same payload): one socket message per change, not two.',
  once: 'Each event reaches a connection once, whatever the overlap of the snapshot, `events.since` and live delivery: live rounds leave out what a catch-up already sent on that connection, and a catch-up leaves out what live already sent (unless `replay: true`). A snapshot is a state, not a delivery of events: live events at or below its seqs may still arrive right after it, and the client drops them. After a reconnect (a new connection) the client asks `events.since` from its last seq.',
  join: 'Connect with `auth: { token }`; call `meeting.snapshot`; apply buffered and later events above each stream\'s seq; on a gap (an event more than one above your seq) or a reconnect call `events.since { stream, seq }` until your seq reaches `head`.',
  serverTime: 'ms since epoch, in the snapshot, every `events.since` reply, every `events` batch (second argument) and transient message. Offset = serverTime − local receive time (a lower bound for pushes); draw clocks from `speech.started.startedAt` with that offset.',
  commands: 'Every command carries a client-made `commandId` (8–80 of A–Z a–z 0–9 _ . -): one per intent. On no answer (timeout, UNAVAILABLE) send the SAME id again: the server applies an id once and answers a repeat with the first result.',
};

const FLOWS = {
  pointOfOrder: [
    '1. A delegate sends `floor.request { type: "point-of-order", text }` at any time (R17). Refused with POINTS_OF_ORDER_DISABLED, or LIST_CLOSED where the profile\'s closingBlocksPointsOfOrder is set.',
    '2. `pointOfOrder.raised { entry, interrupted? }` goes to the chair, secretariat and the raising delegation (others: event.redacted). If someone is speaking and the profile\'s pointsOfOrder.interrupts is set, `speech.paused { reason: "point-of-order", clockRuns, alertChair: true }` follows (public); the clock stops unless clockRunsDuringPointOfOrder (R19, R20).',
    '3. While a point of order is pending, `chair.next` and `speech.resume` are refused with POINT_OF_ORDER_PENDING (R21). Points of order are heard in the order raised (OUT_OF_TURN otherwise, R18).',
    '4. The chair recognises it: `chair.grant { entryId }` → `floor.given` for the point-of-order entry.',
    '5. The raiser speaks: `speech.start` → `speech.started` (its own short clock, profile timeLimits per type).',
    '6. The chair rules: `pointOfOrder.rule { entryId, decision: "upheld" | "rejected", text }` → `speech.ended` (the point of order\'s intervention, ended by "ruling") and `pointOfOrder.ruled { appealable }` (public). Ending it any other way is refused with RULING_REQUIRED.',
    '7. The interrupted speech stays paused (`interrupted` in the snapshot) until the chair sends `speech.resume` → `speech.resumed`; its time paused is not counted.',
    '8. Appeal (where the profile allows, before the next business, R22): a delegate sends `pointOfOrder.appeal { entryId }` → `pointOfOrder.appealed`; the chair records the meeting\'s decision with `pointOfOrder.decideAppeal { entryId, overturned, votes? }` → `pointOfOrder.appealDecided { rulingStands }`. In `votes`, `for` counts votes for the appeal (to overturn the ruling), `against` votes for the ruling to stand. Until then `chair.next` gets APPEAL_PENDING.',
  ],
  rightOfReply: [
    '1. A delegate sends `floor.request { type: "right-of-reply", replyTo }`, where `replyTo` is the entryId of an intervention already delivered on this item (from `floor.given` / `speech.ended`), not a seq or a delegation (NO_SUCH_INTERVENTION otherwise). Refused with RIGHT_OF_REPLY_DISABLED or REPLY_LIMIT_REACHED (R26); accepted on a closed list (R30).',
    '2. `reply.requested { entry }` goes to the chair, secretariat and that delegation (others: event.redacted); it waits in the chair\'s pendingRequests.',
    '3. The chair grants it (`chair.grant { entryId }` → `reply.granted { replyIndex, allottedSeconds }`, public; each further reply of a delegation on the item is shorter, R27) or declines it (`chair.decline` → `reply.declined`, staff and the delegation).',
    '4. A granted reply is heard at the end of the item\'s list (R25): it appears in `lists[item].replies` (or laterReplies) and is called by `chair.next` like any speaker → `floor.given`, `speech.start` → `speech.started`, `speech.end` → `speech.ended`.',
  ],
};

const PROFILE_MERGE = 'A meeting\'s rules profile is `{ preset, overrides }` in `POST /meetings`. The preset\'s values (below) are the base; `overrides` is deep-merged over it: objects merge key by key, arrays and scalars replace (a tier list is a whole). The result is validated against the profile schema (PROFILE_INVALID names the field) and every `eligibleTiers` entry must be one of `tiers`.';

module.exports = { DELIVERY, FLOWS, PROFILE_MERGE };
