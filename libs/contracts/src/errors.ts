import { CORE_ERROR_CODES } from './core/errors';
import { FLOOR_ERROR_CODES } from './floor/errors';
import { QNA_ERROR_CODES } from './qna/errors';
import { RECORD_ERROR_CODES } from './record/commands';

/** Refusals of the socket handshake (connect_error data.code) and of REST auth. */
export const TOKEN_ERROR_CODES = ['TOKEN_MISSING', 'TOKEN_EXPIRED', 'TOKEN_INVALID'] as const;

/** REST only: the generic HTTP refusals and the export formats. */
export const REST_ERROR_CODES = ['NOT_FOUND', 'BAD_REQUEST', 'UNKNOWN_FORMAT', 'MEETING_EXISTS', 'MEETING_NOT_PUBLIC', 'NO_SUCH_PARTICIPANT', 'STATEMENT_NOT_FOUND', 'STATEMENT_TOO_LARGE'] as const;

/** Every stable error code a client can get, from every capability. */
export type ErrorCode = (typeof CORE_ERROR_CODES | typeof FLOOR_ERROR_CODES | typeof QNA_ERROR_CODES | typeof RECORD_ERROR_CODES | typeof TOKEN_ERROR_CODES | typeof REST_ERROR_CODES)[number];

/**
 * The error catalogue: what each code means and what a client should do about it. One source
 * for the deciders (their `err`/`fail` take an ErrorCode), the gateway, `docs/asyncapi.yaml`
 * (each command lists the codes it can return, found in the code that decides it) and OpenAPI.
 * A code without a meaning here does not compile; `errors.spec.ts` checks every code is
 * produced by at least one test.
 */
export const ERROR_CATALOGUE: Readonly<Record<ErrorCode, string>> = {
  // Edge and transport (any command)
  VALIDATION_FAILED: 'The payload does not match the command\'s schema (or commandId is missing/malformed); `message` and `details` name each problem by path. Nothing changed; fix the input.',
  UNKNOWN_COMMAND: 'No command of that name exists. Nothing changed.',
  PAYLOAD_TOO_LARGE: 'The message exceeds 16 KiB. Nothing changed.',
  UNAUTHENTICATED: 'REST: no or a wrong operator key / access token.',
  FORBIDDEN: 'Your role may not send this command (see its roles), or this field (e.g. `allottedSeconds`) is for the chair or secretariat. Nothing changed.',
  MEETING_NOT_FOUND: 'The meeting of your token does not exist (deleted, or a token of another deployment).',
  NOT_A_MEMBER: 'The token does not belong to a participant of this meeting (Q&A, record access).',
  RATE_LIMITED: 'Too many commands from this participant (delegates and viewers: about 10/s, bursts of 30; Q&A also has the meeting\'s question limit). Retry later.',
  CONFLICT: 'The meeting was too busy to apply the command after several compare-and-set retries. Retry with the same commandId.',
  UNAVAILABLE: 'The owning service did not answer in time, or the event log is being restored. The command may or may not be applied: retry with the SAME commandId.',
  REPLICATION_TIMEOUT: 'The deployment requires each change to reach REDIS_MIN_REPLICAS_ACK Redis replicas before it is acknowledged, and they did not confirm it within REDIS_REPLICA_ACK_TIMEOUT_MS. The command is applied on the primary but could be lost if the primary fails now: retry with the SAME commandId (the retry is answered with the first result once the replicas have it).',
  INTERNAL: 'An unexpected server error; it is logged. Retry with the same commandId.',
  TIMER_STALE: 'Internal (server timers): nothing is due for this timer any more. Never returned to clients.',
  TOKEN_MISSING: 'Handshake: no `auth.token`.',
  TOKEN_EXPIRED: 'Handshake: the access token has expired; get a fresh one (`POST /meetings/:id/participants/:pid/token`, or a new viewer token).',
  TOKEN_INVALID: 'Handshake: the token is malformed, signed by another deployment, or revoked.',
  TOKEN_REVOKED: 'The token was superseded (reissued) or revoked by the secretariat: every earlier token of that participant stops at once, and its sockets are closed with `access.ended`. Do not retry with it.',
  PARTICIPANT_REMOVED: 'The secretariat removed this participant from the meeting (`DELETE /meetings/:id/participants/:pid`); its tokens no longer work.',
  TOO_MANY_CONNECTIONS: 'Handshake or viewer-token minting: too many sockets on this token or from this address, or too many new viewer identities; retry after `Retry-After` (REST: 429).',
  VERIFIED_VIEWERS_ONLY: 'The meeting admits only viewers the secretariat registered (`viewers: "verified"`): no anonymous viewer token is issued.',
  SPEAKER_FROM_REGISTRATION: 'A delegate may not name its own speaker or level: they come from its participant record; only the chair or secretariat may set another (recorded with the actor).',
  NOT_FOUND: 'REST: no such route, meeting or file.',
  BAD_REQUEST: 'REST: the request could not be read (e.g. malformed JSON).',
  UNKNOWN_FORMAT: 'REST: an export format that does not exist (record: json, md, html, pdf; stats: json, csv; …).',
  MEETING_EXISTS: 'REST setup: a meeting with this id already exists.',
  MEETING_NOT_PUBLIC: 'REST: anonymous viewer tokens are only for public meetings.',
  NO_SUCH_PARTICIPANT: 'REST: no participant with this id in the meeting.',
  STATEMENT_NOT_FOUND: 'REST: no statement with this id that the caller may read.',
  STATEMENT_TOO_LARGE: 'REST: the statement\'s PDF is larger than the limit (5 MiB).',
  // Floor: meeting and agenda
  MEETING_NOT_CREATED: 'The meeting has no setup yet (never created through `POST /meetings`).',
  MEETING_ALREADY_CREATED: 'Internal (setup): the meeting already exists.',
  MEETING_NOT_OPEN: 'The command needs an open meeting (it is created, suspended or adjourned): the chair sends `meeting.open` / `meeting.resume` first.',
  MEETING_ALREADY_OPEN: '`meeting.open` on a meeting that is already open.',
  MEETING_NOT_SUSPENDED: '`meeting.resume` on a meeting that is not suspended.',
  MEETING_ADJOURNED: 'The meeting is adjourned: nothing more happens on its floor.',
  PROFILE_INVALID: 'Setup: the rules profile (preset + overrides) is not valid; `message` names the field.',
  NO_SUCH_ITEM: '`itemId` is not an agenda item of this meeting.',
  NO_CURRENT_ITEM: 'No agenda item is taken up and the command named none: `item.takeUp` first, or pass `itemId`.',
  ITEM_CONCLUDED: 'The debate on this item is concluded (R31): its list takes no more requests.',
  // Floor: entries and the list of speakers
  NO_SUCH_DELEGATION: '`delegationId` is not a delegation of this meeting.',
  NO_SUCH_GROUP: '`capacity.groupId` is not a group of this meeting.',
  NO_SUCH_ENTRY: '`entryId` is not an entry (request) of this meeting, or not one this command applies to (e.g. `pointOfOrder.rule` on an entry that is not a pending point of order).',
  NO_SUCH_INTERVENTION: 'A right of reply\'s `replyTo` must be the entry id of an intervention already delivered on this item (R24).',
  ENTRY_NOT_WAITING: 'The entry is not waiting (already called, withdrawn, declined or done).',
  NOT_YOUR_DELEGATION: 'A delegate acts only for its own delegation (R8): requesting, withdrawing or amending for another one. Chair and secretariat may act for any.',
  NOT_GROUP_COORDINATOR: 'Only the coordinator delegation of a group may speak on its behalf (R38).',
  TIER_NOT_ELIGIBLE: 'The delegation\'s tier may not take the floor under this profile (R5).',
  ALREADY_WAITING: 'The delegation already holds as many waiting entries as the profile allows (R7).',
  LIST_CLOSED: 'The list of speakers is closed (R28): new statements and questions are refused, rights of reply still come in (R30). Under a profile whose `pointsOfOrder.closingBlocksPointsOfOrder` is set, points of order are refused too.',
  LIST_NOT_ANNOUNCED: 'The profile wants the list announced (`list.announce`) before `list.close` (R29).',
  LIST_ALREADY_CLOSED: '`list.close` on a list that is already closed.',
  LIST_NOT_CLOSED: '`list.reopen` on a list that is not closed.',
  SPEECH_LIMIT_REACHED: 'The delegation has made as many speeches on this item as the profile allows (R36); the chair may extend it (`chair.extend { kind: "speeches" }`).',
  REPLY_LIMIT_REACHED: 'The delegation has used its rights of reply on this item (R26).',
  RIGHT_OF_REPLY_DISABLED: 'The profile does not use rights of reply.',
  POINTS_OF_ORDER_DISABLED: 'The profile does not use points of order.',
  POINT_OF_ORDER_PENDING: 'A point of order awaits the chair\'s ruling (R21): `chair.next` and `speech.resume` wait for `pointOfOrder.rule`.',
  APPEAL_PENDING: 'An appeal against a ruling awaits `pointOfOrder.decideAppeal` (R22).',
  APPEAL_NOT_ALLOWED: 'The profile does not allow appeals against rulings, or this is not the last ruling, still open to appeal (R22).',
  NO_PENDING_APPEAL: '`pointOfOrder.decideAppeal` with no appeal pending on that ruling.',
  OUT_OF_TURN: 'Points of order are heard in the order raised: grant the earliest first.',
  NOT_CALLED: '`speech.start` by an entry the chair has not given the floor to.',
  FLOOR_OCCUPIED: 'Someone holds or has been given the floor: end that speech first.',
  NO_SPEECH: 'Nobody is speaking (pause, resume, end, extend, yield need a speech).',
  SPEECH_NOT_PAUSED: '`speech.resume` on a speech that is not paused.',
  SPEECH_PAUSED: '`speech.pause` on a speech already paused.',
  RULING_REQUIRED: 'A recognised point of order is settled by `pointOfOrder.rule`, not by ending or declining it.',
  REASON_REQUIRED: 'The profile wants a reason for moving an entry (`chair.reorder { reason }`, R15).',
  LIST_EMPTY: '`chair.next` with nobody waiting whose turn has come.',
  YIELDS_DISABLED: 'The profile does not use yields (model-un only, R37).',
  YIELD_NOT_ALLOWED: 'This time cannot be yielded: a point of order, time already yielded, no time left, or a yield to oneself (R37).',
  NO_MOTION: '`motion.decide` with no procedural motion pending.',
  MOTION_PENDING: 'A procedural motion is pending: it is decided before another is moved (R32).',
  MOTION_LIST_FULL: 'The motion already has as many speakers for (or against) as the profile allows (R32).',
  INSCRIPTION_CLOSED: 'Inscription on this list is not open now: before the profile\'s opening time or after its closing time (R46); `message` says when.',
  NO_SUCH_EXCHANGE: '`exchangeId` is not an exchange of places of this meeting (R48).',
  EXCHANGE_NOT_ALLOWED: 'An exchange of places is between two waiting delegations on the same list, and only once (R48).',
  EXCHANGE_NOT_CONFIRMED: 'The other delegation has not confirmed the exchange yet, or it is already approved (R48).',
  VOTING_DISABLED: 'This meeting\'s profile takes no votes.',
  VOTE_IN_PROGRESS: 'A vote is open: close it before other business (R49).',
  NO_OPEN_VOTE: 'No vote is open (casting or closing needs one).',
  NO_SUCH_VOTE: '`voteId` is not the vote open, or not a closed vote of this meeting.',
  VOTE_STILL_OPEN: 'An explanation of vote comes after the close; while the vote is open, vote instead (R53).',
  NOT_ENTITLED_TO_VOTE: 'The delegation\'s tier does not vote under this profile (observers, R49).',
  NOT_PRESENT: 'A delegation votes only when present, and in the room where remote votes are not allowed (R49).',
  POINT_OF_ORDER_LIMIT: 'The delegation already has as many points of order pending as the profile allows: wait for the ruling.',
  // Q&A
  QNA_DISABLED: 'The meeting\'s Q&A is switched off.',
  TEXT_EMPTY: 'The question has no text.',
  TEXT_TOO_LONG: 'Longer than the meeting\'s Q&A `maxLength`; `details: { maxLength, length }`.',
  BLOCKED_WORDS: 'The text contains a word of the meeting\'s blocked list; `details: { words }`.',
  ANONYMITY_NOT_ALLOWED: 'Asked anonymously while the meeting\'s Q&A anonymity is `off`.',
  VIEWERS_MAY_NOT_ASK: 'Viewers may not ask in this meeting.',
  VIEWERS_MAY_NOT_VOTE: 'Viewers may not vote in this meeting.',
  UNKNOWN_TARGET: '`itemId` / `panelistId` is not an agenda item / participant of this meeting.',
  QUESTION_NOT_FOUND: 'No question with this id.',
  INVALID_TRANSITION: 'The moderation command does not apply to the question\'s current state; `details: { questionId, status }`.',
  QUESTION_NOT_VOTABLE: 'Votes are taken on visible or highlighted questions only.',
  // Record
  RECORD_ENTRY_NOT_FOUND: 'No published record entry with this id.',
  RECORD_VERSION_CONFLICT: 'The correction names a version that is no longer the latest: reload the entry and correct that one.',
};

/** Every code of the catalogue. */
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];
