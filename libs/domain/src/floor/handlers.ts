import type { Handler } from './draft';
import { adjournMeeting, concludeItem, openMeeting, resumeMeeting, suspendMeeting, takeUpItem } from './meeting.decider';

/** Socket commands → handler. Roles and payload schemas come from FLOOR_COMMANDS. */
export const HANDLERS: Record<string, Handler> = {
  'meeting.open': openMeeting,
  'meeting.suspend': suspendMeeting,
  'meeting.resume': resumeMeeting,
  'meeting.adjourn': adjournMeeting,
  'item.takeUp': takeUpItem,
  'item.conclude': concludeItem,
};
