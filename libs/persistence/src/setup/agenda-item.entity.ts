import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agenda_items' })
export class AgendaItemEntity {
  @PrimaryColumn({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'text' }) title!: string;
}
