import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'meetings' })
export class MeetingEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) body!: string | null;
  @Column({ type: 'text', nullable: true }) venue!: string | null;
  @Column({ type: 'text', nullable: true }) date!: string | null;
  @Column({ type: 'text', name: 'time_zone', nullable: true }) timeZone!: string | null;
  @Column({ type: 'boolean', default: true }) public!: boolean;
  /** `anyone`: anonymous viewer tokens are minted for a public meeting; `verified`: only viewers the secretariat registered. */
  @Column({ type: 'text', default: 'anyone' }) viewers!: 'anyone' | 'verified';
  /** The resolved rules profile (preset + overrides), as validated at creation. */
  @Column({ type: 'jsonb' }) profile!: Record<string, unknown>;
  @Column({ type: 'jsonb', name: 'qna_settings' }) qnaSettings!: Record<string, unknown>;
  @Column({ type: 'timestamptz', name: 'webcast_started_at', nullable: true }) webcastStartedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
