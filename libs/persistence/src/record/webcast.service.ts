import type { DataSource } from 'typeorm';

/**
 * Video timecode: the meeting records when its webcast started; every record entry then carries
 * its offset from that moment (computed when published and when exported).
 */
export class WebcastService {
  constructor(private readonly db: DataSource) {}

  /** Returns false when the meeting does not exist. */
  async setStartedAt(meetingId: string, startedAt: Date): Promise<boolean> {
    const [, affected] = await this.db.query(`UPDATE meetings SET webcast_started_at = $2 WHERE id = $1`, [meetingId, startedAt.toISOString()]);
    return Number(affected) > 0;
  }

  async startedAt(meetingId: string): Promise<Date | null> {
    const rows: Array<{ webcast_started_at: Date | null }> = await this.db.query(`SELECT webcast_started_at FROM meetings WHERE id = $1`, [meetingId]);
    return rows[0]?.webcast_started_at ?? null;
  }
}
