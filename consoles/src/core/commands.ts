// Sends commands with a fresh commandId and waits for the ack; a refusal is shown in the
// page's error region (role=alert) with its stable code, so a person can act on it. When no
// answer comes (timeout, UNAVAILABLE) the SAME commandId is sent again: the command may have
// been applied, and the server applies a commandId once and returns its first result — so a
// retried "Next speaker" can never skip a speaker.
import type { Socket } from 'socket.io-client';
import { announce } from './dom.js';
import type { Ack, CommandName, PayloadOf } from './protocol.js';

const commandId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(12)); // randomUUID needs a secure context; this does not
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
};

export class Commands {
  constructor(private readonly socket: Socket, private readonly errorEl: HTMLElement) {}

  async send<N extends CommandName>(name: N, payload: PayloadOf<N> = {} as PayloadOf<N>): Promise<Ack & Record<string, unknown>> {
    const id = commandId();
    let ack: Ack & Record<string, unknown> = { ok: false, error: { code: 'TIMEOUT', message: 'no answer from the server (is the connection up?)' } };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 1000 * attempt));
      try {
        ack = await this.socket.timeout(10_000).emitWithAck(name, { commandId: id, ...payload });
      } catch {
        ack = { ok: false, error: { code: 'TIMEOUT', message: 'no answer from the server (is the connection up?)' } };
      }
      if (ack.ok || (ack.error.code !== 'TIMEOUT' && ack.error.code !== 'UNAVAILABLE')) break;
    }
    if (ack.ok) this.errorEl.textContent = '';
    else {
      this.errorEl.textContent = `${name} refused — ${ack.error.code}: ${ack.error.message}`;
      announce(`Refused: ${ack.error.message}`, true);
    }
    return ack;
  }
}
