import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A running-record entry; its texts live in versions (R43: corrections are new versions). */
@Entity({ name: 'record_entries' })
export class RecordEntryEntity {
  @PrimaryColumn({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  @PrimaryColumn({ type: 'text', name: 'entry_id' }) entryId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text', name: 'item_id', nullable: true }) itemId!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text', name: 'source_stream' }) sourceStream!: 'meeting' | 'qna';
  @Column({ type: 'int', name: 'source_seq' }) sourceSeq!: number;
  @Column({ type: 'int' }) ordinal!: number;
  @Column({ type: 'text', name: 'intervention_id', nullable: true }) interventionId!: string | null;
  @Column({ type: 'int', name: 'current_version' }) currentVersion!: number;
}

/** One version of an entry. Unpublished while recordSeq is null (the outbox of the record stream). */
@Entity({ name: 'record_entry_versions' })
export class RecordEntryVersionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  @Column({ type: 'text', name: 'entry_id' }) entryId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @Column({ type: 'text' }) change!: 'created' | 'summary' | 'correction';
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'jsonb', nullable: true }) actor!: Record<string, unknown> | null;
  @Column({ type: 'text', name: 'command_id', nullable: true }) commandId!: string | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'int', name: 'record_seq', nullable: true }) recordSeq!: number | null;
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true }) publishedAt!: Date | null;
}
