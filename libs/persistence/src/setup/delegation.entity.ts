import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'delegations' })
export class DelegationEntity {
  @PrimaryColumn({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) tier!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) groups!: string[];
}
