export * from './record-event.entity';
export * from './intervention.entity';
export * from './record-entry.entity';
export * from './question.entity';
export * from './record.store';
export * from './record.queries';
export * from './webcast.service';

import { InterventionEntity } from './intervention.entity';
import { QuestionEntity } from './question.entity';
import { RecordCursorEntity, RecordEventEntity } from './record-event.entity';
import { RecordEntryEntity, RecordEntryVersionEntity } from './record-entry.entity';

export const RECORD_ENTITIES = [
  RecordEventEntity, RecordCursorEntity, InterventionEntity, RecordEntryEntity, RecordEntryVersionEntity, QuestionEntity,
];
