import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'participants' })
export class ParticipantEntity {
  @PrimaryColumn({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  /** Unique within its meeting; tokens bind (meeting, participant). */
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) title!: string | null;
  @Column({ type: 'text' }) level!: string;
  @Column({ type: 'text' }) role!: string;
  @Column({ type: 'text', name: 'delegation_id', nullable: true }) delegationId!: string | null;
  /** The access link last issued (its claims, never the token itself): see migration AccessLinks. */
  @Column({ type: 'text', name: 'access_token_id', nullable: true }) accessTokenId!: string | null;
  @Column({ type: 'int', name: 'access_version', nullable: true }) accessVersion!: number | null;
  @Column({ type: 'timestamptz', name: 'access_issued_at', nullable: true }) accessIssuedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'access_expires_at', nullable: true }) accessExpiresAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
