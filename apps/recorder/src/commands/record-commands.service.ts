import { Inject, Injectable } from '@nestjs/common';
import {
  RECORD_COMMANDS, fail, type Ack, type CommandMessage, type RecordCorrectPayload, type RecordSummarizePayload,
} from '@rostrum/contracts';
import { RecordStore } from '@rostrum/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { Publisher } from '../publish/publisher';
import { DATA_SOURCE } from '../tokens';

type Change = { kind: 'summary'; payload: RecordSummarizePayload } | { kind: 'correction'; payload: RecordCorrectPayload };
type Ok = { ok: true; entryId: string; version: number };

/**
 * record.summarize and record.correct. A change is a new version of the entry (R43: nothing is
 * edited in place), committed first and then published on the record stream like any entry.
 * The same commandId twice makes one version and returns the same answer.
 */
@Injectable()
export class RecordCommandsService {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource, private readonly publisher: Publisher) {}

  async handle(message: CommandMessage): Promise<Ack> {
    // Own names only: `toString` is not a record command.
    const spec = Object.hasOwn(RECORD_COMMANDS, message.type) ? (RECORD_COMMANDS as Record<string, (typeof RECORD_COMMANDS)[keyof typeof RECORD_COMMANDS]>)[message.type] : undefined;
    if (!spec) return fail('UNKNOWN_COMMAND', `${message.type} is not a record command`);
    // The gateway checks roles too; checking here keeps the service safe on its own.
    if (!(spec.roles as readonly string[]).includes(message.actor.role)) return fail('FORBIDDEN', `${message.actor.role} may not ${message.type}`);
    const parsed = spec.schema.safeParse(message.payload);
    if (!parsed.success) return fail('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const change: Change = message.type === 'record.summarize'
      ? { kind: 'summary', payload: parsed.data as RecordSummarizePayload }
      : { kind: 'correction', payload: parsed.data as RecordCorrectPayload };
    const ack = await this.db.transaction((m) => this.apply(m, message, change));
    if (ack.ok) void this.publisher.kick(message.meetingId);
    return ack;
  }

  private async apply(m: EntityManager, message: CommandMessage, change: Change): Promise<Ack<Omit<Ok, 'ok'>>> {
    const { meetingId, commandId } = message;
    await RecordStore.lockMeeting(m, meetingId);
    const [again] = await m.query(`SELECT entry_id, version FROM record_entry_versions WHERE meeting_id = $1 AND command_id = $2`, [meetingId, commandId]);
    if (again) return { ok: true, entryId: again.entry_id, version: again.version };
    const { entryId, expectedVersion } = change.payload;
    // Only an entry viewers have seen (version 1 published) can be summarised or corrected.
    const [current] = await m.query(`SELECT v.version, v.text, v.summary FROM record_entries e
      JOIN record_entry_versions v ON v.meeting_id = e.meeting_id AND v.entry_id = e.entry_id AND v.version = e.current_version
      WHERE e.meeting_id = $1 AND e.entry_id = $2
        AND EXISTS (SELECT 1 FROM record_entry_versions f WHERE f.meeting_id = e.meeting_id AND f.entry_id = e.entry_id AND f.version = 1 AND f.record_seq IS NOT NULL)`,
    [meetingId, entryId]);
    if (!current) return fail('RECORD_ENTRY_NOT_FOUND', `no published record entry ${entryId}`);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      return fail('RECORD_VERSION_CONFLICT', `entry ${entryId} is at version ${current.version}, not ${expectedVersion}`, { version: current.version });
    }
    const version = current.version + 1;
    const text = change.kind === 'correction' ? change.payload.text : current.text;
    const summary = change.kind === 'summary' ? change.payload.summary : current.summary;
    const reason = change.kind === 'correction' ? change.payload.reason : null;
    await m.query(`INSERT INTO record_entry_versions (meeting_id, entry_id, version, text, summary, change, reason, actor, command_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [meetingId, entryId, version, text, summary, change.kind, reason, JSON.stringify(message.actor), commandId]);
    await m.query(`UPDATE record_entries SET current_version = $3 WHERE meeting_id = $1 AND entry_id = $2`, [meetingId, entryId, version]);
    return { ok: true, entryId, version };
  }
}
