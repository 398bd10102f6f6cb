// A third-party viewer: who has the floor, the clock on the server's time, the list, the record.
import { io } from 'socket.io-client';
import { RostrumClient, type Snapshot } from '@rostrum/client';

export async function watch(url: string, meetingId: string, print: (line: string) => void): Promise<RostrumClient> {
  const viewerToken = async () => (await (await fetch(`${url}/meetings/${meetingId}/viewer-token`, { method: 'POST' })).json()).token as string;
  const client = new RostrumClient({ url, io, token: await viewerToken(), renewToken: viewerToken });

  const speaker = (s: Snapshot) => s.meeting.state.speech?.speaker.capacityLabel ?? 'nobody';
  client.onSnapshot((s) => print(`joined at seq ${s.meeting.seq}: ${speaker(s)} has the floor`));
  client.on('floor.given', (e) => print(`floor given to ${e.payload.entry.capacityLabel}`));
  client.on('speech.started', (e) => {
    // Draw the countdown from the server's clock, not this device's.
    const left = e.payload.startedAt + e.payload.allottedSeconds * 1000 - client.serverNow();
    print(`speaking: ${Math.round(left / 1000)} s left`);
  });
  client.on('speech.ended', (e) => print(`${e.payload.intervention.delegationName} spoke ${Math.round(e.payload.intervention.netSpeakingMs / 1000)} s`));
  client.on('list.closed', () => print('the list of speakers is closed'));
  client.on('record.entry', (e) => print(`record: ${e.payload.text}`));
  client.onTransient('floor.view', () => { /* the public floor after each change: redraw lists here */ });
  client.onStatus((status, detail) => print(`connection: ${status}${detail ? ` (${detail})` : ''}`));

  await client.connect();   // resolves with the snapshot; reconnects and catch-up are automatic
  return client;
}
