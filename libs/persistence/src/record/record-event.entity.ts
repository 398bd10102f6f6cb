import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One event of a meeting stream as persisted (R43: append-only, never updated). */
@Entity({ name: 'record_events' })
export class RecordEventEntity {
  @PrimaryColumn({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  @PrimaryColumn({ type: 'text' }) stream!: string;
  @PrimaryColumn({ type: 'int' }) seq!: number;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'text', name: 'item_id', nullable: true }) itemId!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'jsonb' }) actor!: Record<string, unknown>;
  @Column({ type: 'text', name: 'command_id' }) commandId!: string;
  @Column({ type: 'jsonb' }) visibility!: Record<string, unknown>;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ type: 'timestamptz', name: 'persisted_at' }) persistedAt!: Date;
}

/** How far a meeting stream is persisted: every seq ≤ persistedSeq is in record_events. */
@Entity({ name: 'record_cursors' })
export class RecordCursorEntity {
  @PrimaryColumn({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  @PrimaryColumn({ type: 'text' }) stream!: string;
  @Column({ type: 'int', name: 'persisted_seq' }) persistedSeq!: number;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}
