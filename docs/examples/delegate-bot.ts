// A delegate bot: asks for the floor, speaks when called, answers refusals by their code.
import { io } from 'socket.io-client';
import { RostrumClient } from '@rostrum/client';

export async function delegateBot(url: string, token: string, speakMs: number, log: (line: string) => void): Promise<RostrumClient> {
  const client = new RostrumClient({ url, io, token });
  const snap = await client.connect();
  const mine = snap?.you.delegationId;

  // One commandId per intent: send() retries a lost answer with the same id, applied once.
  const ack = await client.send('floor.request', { type: 'statement', mode: 'remote' });
  if (!ack.ok) {
    if (ack.error.code === 'LIST_CLOSED') log('the list is closed: no statement today');
    else log(`refused: ${ack.error.code} — ${ack.error.message}`);
    return client;
  }
  log(`inscribed (seq ${ack.seq})`);

  client.on('speaker.onDeck', (e) => { if (e.payload.delegationId === mine) log('on deck'); });
  client.on('floor.given', async (e) => {
    if (e.payload.entry.delegationId !== mine) return;
    const started = await client.send('speech.start', { entryId: e.payload.entry.entryId });
    if (!started.ok) return log(`could not start: ${started.error.code}`);
    log(`speaking for ${e.payload.allottedSeconds} s at most`);
    setTimeout(() => void client.send('speech.end', { entryId: e.payload.entry.entryId }).then((a) => log(a.ok ? 'done' : `end refused: ${a.error.code}`)), speakMs);
  });
  return client;
}
