// Following the running record: entries as they are committed, revisions, then the export.
import { io } from 'socket.io-client';
import { RostrumClient } from '@rostrum/client';
import type { RecordJson } from '@rostrum/contracts';

export async function followRecord(url: string, token: string, onEntry: (text: string, version: number) => void) {
  const client = new RostrumClient({ url, io, token });
  const snap = await client.connect();
  for (const e of snap?.record.entries ?? []) onEntry(e.payload.text, e.payload.version);   // what was recorded before we came
  client.on('record.entry', (e) => onEntry(e.payload.text, e.payload.version));             // committed to Postgres, then sent
  client.on('record.revised', (e) => onEntry(e.payload.summary ?? e.payload.text, e.payload.version));
  /** The whole record as data (docs/record.schema.json). */
  const exportJson = async (): Promise<RecordJson> => (await fetch(`${url}/meetings/${snap!.meetingId}/record.json?token=${token}`)).json();
  return { client, exportJson };
}
