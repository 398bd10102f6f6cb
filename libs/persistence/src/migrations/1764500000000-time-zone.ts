import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A meeting's IANA time zone: the record prints clock times in the venue's time. */
export class TimeZone1764500000000 implements MigrationInterface {
  name = 'TimeZone1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings ADD COLUMN time_zone text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings DROP COLUMN time_zone`);
  }
}
