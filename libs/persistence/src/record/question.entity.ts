import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A Q&A question's final state, as the public may know it (author is a display name or
 * 'anonymous'; the real asker of an anonymous question is never stored here).
 */
@Entity({ name: 'questions' })
export class QuestionEntity {
  @PrimaryColumn({ type: 'text', name: 'meeting_id' }) meetingId!: string;
  @PrimaryColumn({ type: 'text', name: 'question_id' }) questionId!: string;
  @Column({ type: 'text', name: 'item_id', nullable: true }) itemId!: string | null;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text' }) author!: string;
  @Column({ type: 'text', name: 'author_delegation_id', nullable: true }) authorDelegationId!: string | null;
  @Column({ type: 'timestamptz', name: 'asked_at' }) askedAt!: Date;
  @Column({ type: 'text' }) status!: string;
  /** Votes when answered (live tallies are transient and owned by the qna service). */
  @Column({ type: 'int' }) votes!: number;
  @Column({ type: 'text', name: 'answer_mode', nullable: true }) answerMode!: string | null;
  @Column({ type: 'text', name: 'answer_text', nullable: true }) answerText!: string | null;
  @Column({ type: 'timestamptz', name: 'answered_at', nullable: true }) answeredAt!: Date | null;
  @Column({ type: 'jsonb', name: 'answered_by', nullable: true }) answeredBy!: Record<string, unknown> | null;
  /** Seq of the last qna event applied: an older event never overwrites a newer state. */
  @Column({ type: 'int', name: 'last_seq' }) lastSeq!: number;
}
