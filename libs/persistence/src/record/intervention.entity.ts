import { Column, Entity, PrimaryColumn } from 'typeorm';

/** R44: one delivered intervention, every field of the rule. */
@Entity({ name: 'interventions' })
export class InterventionEntity {
  @PrimaryColumn({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  /** R44 sequence number: seq of the speech.ended event. */
  @PrimaryColumn({ type: 'int' }) seq!: number;
  @Column({ type: 'int' }) number!: number;
  @Column({ type: 'text', name: 'entry_id' }) entryId!: string;
  @Column({ type: 'text', name: 'item_id' }) itemId!: string;
  @Column({ type: 'text', name: 'delegation_id' }) delegationId!: string;
  @Column({ type: 'text', name: 'delegation_name' }) delegationName!: string;
  @Column({ type: 'text', nullable: true }) tier!: string | null;
  @Column({ type: 'text', name: 'speaker_name' }) speakerName!: string;
  @Column({ type: 'text', name: 'speaker_title', nullable: true }) speakerTitle!: string | null;
  @Column({ type: 'text', nullable: true }) level!: string | null;
  @Column({ type: 'text' }) capacity!: 'national' | 'group';
  @Column({ type: 'text', name: 'group_id', nullable: true }) groupId!: string | null;
  @Column({ type: 'text', name: 'group_name', nullable: true }) groupName!: string | null;
  @Column({ type: 'text', name: 'capacity_label', nullable: true }) capacityLabel!: string | null;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'text' }) mode!: 'in-room' | 'remote';
  @Column({ type: 'timestamptz', name: 'inscribed_at', nullable: true }) inscribedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'called_at', nullable: true }) calledAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'started_at' }) startedAt!: Date;
  @Column({ type: 'timestamptz', name: 'ended_at' }) endedAt!: Date;
  @Column({ type: 'int', name: 'allotted_seconds' }) allottedSeconds!: number;
  @Column({ type: 'int', name: 'net_seconds' }) netSeconds!: number;
  @Column({ type: 'int', name: 'paused_seconds' }) pausedSeconds!: number;
  @Column({ type: 'jsonb' }) pauses!: Array<{ from: number; to?: number; reason?: string; clockRan?: boolean }>;
  @Column({ type: 'int', name: 'overrun_seconds' }) overrunSeconds!: number;
  @Column({ type: 'int', name: 'warnings_given' }) warningsGiven!: number;
  @Column({ type: 'int', array: true }) warnings!: number[];
  @Column({ type: 'boolean' }) expired!: boolean;
  @Column({ type: 'text', name: 'end_reason', nullable: true }) endReason!: string | null;
  @Column({ type: 'text', name: 'yielded_from', nullable: true }) yieldedFrom!: string | null;
  @Column({ type: 'text', name: 'reply_to', nullable: true }) replyTo!: string | null;
  @Column({ type: 'text', name: 'ruling_decision', nullable: true }) rulingDecision!: string | null;
  @Column({ type: 'text', name: 'ruling_text', nullable: true }) rulingText!: string | null;
  @Column({ type: 'timestamptz', name: 'ruled_at', nullable: true }) ruledAt!: Date | null;
  /** Language of delivery (issue 12): an official language code or another language's name. */
  @Column({ type: 'text', nullable: true }) language!: string | null;
}
