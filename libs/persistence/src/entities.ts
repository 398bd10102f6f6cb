import { AgendaItemEntity } from './setup/agenda-item.entity';
import { DelegationEntity } from './setup/delegation.entity';
import { GroupEntity } from './setup/group.entity';
import { MeetingEntity } from './setup/meeting.entity';
import { ParticipantEntity } from './setup/participant.entity';
import { RECORD_ENTITIES } from './record';

/** Every entity. Add new ones at the end (one line each). */
export const ENTITIES = [
  MeetingEntity,
  AgendaItemEntity,
  GroupEntity,
  DelegationEntity,
  ParticipantEntity,
  ...RECORD_ENTITIES,
];
export * from './record';
