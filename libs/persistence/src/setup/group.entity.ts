import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'groups' })
export class GroupEntity {
  @PrimaryColumn({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'coordinator_delegation_id', nullable: true }) coordinatorDelegationId!: string | null;
}
