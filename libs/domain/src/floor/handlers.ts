import type { Handler } from './draft';
import { grant, nextSpeaker } from './floor-giving.decider';
import { adjournMeeting, concludeItem, openMeeting, resumeMeeting, riseMeeting, suspendMeeting, takeUpItem } from './meeting.decider';
import { decideMotion } from './motions.decider';
import { approveExchange, confirmExchange, proposeExchange } from './debate.decider';
import { castVote, closeVote, explainVote, openVote } from './votes.decider';
import { appeal, decideAppeal, rule } from './points-of-order.decider';
import { updatePresence } from './presence.decider';
import { amendEntry, announceList, closeList, declineEntry, reopenList, reorderEntry, requestFloor, withdrawEntry } from './speakers-list.decider';
import { callToOrder, changeLimits, end, extend, pause, resume, start, yieldTime } from './speech.decider';

/** Socket commands → handler. Roles and payload schemas come from FLOOR_COMMANDS. */
export const HANDLERS: Record<string, Handler> = {
  'meeting.open': openMeeting,
  'meeting.suspend': suspendMeeting,
  'meeting.resume': resumeMeeting,
  'meeting.adjourn': adjournMeeting,
  'item.takeUp': takeUpItem,
  'item.conclude': concludeItem,
  'floor.request': requestFloor,
  'floor.amend': amendEntry,
  'floor.withdraw': withdrawEntry,
  'chair.grant': grant,
  'chair.decline': declineEntry,
  'chair.reorder': reorderEntry,
  'chair.next': nextSpeaker,
  'chair.callToOrder': callToOrder,
  'chair.extend': extend,
  'limits.change': changeLimits,
  'speech.start': start,
  'speech.pause': pause,
  'speech.resume': resume,
  'speech.end': end,
  'speech.yield': yieldTime,
  'pointOfOrder.rule': rule,
  'pointOfOrder.appeal': appeal,
  'pointOfOrder.decideAppeal': decideAppeal,
  'motion.decide': decideMotion,
  'list.announce': announceList,
  'list.close': closeList,
  'list.reopen': reopenList,
  'presence.update': updatePresence,
  'meeting.rise': riseMeeting,                                  // R45
  'place.propose': proposeExchange,                             // R48
  'place.confirm': confirmExchange,
  'place.approve': approveExchange,
  'vote.open': openVote,                                        // R49–R53
  'vote.cast': castVote,
  'vote.close': closeVote,
  'vote.explain': explainVote,                                  // R54
};
