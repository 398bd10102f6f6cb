// Sends commands through @rostrum/client (one commandId per intent; no answer → the SAME id
// again, so a retried "Next speaker" can never skip a speaker) and shows a refusal in the
// page's error region (role=alert) with its stable code, so a person can act on it.
import type { CommandAck, RostrumClient } from '@rostrum/client';
import { announce } from './dom.js';
import type { CommandName, PayloadOf } from './protocol.js';

export class Commands {
  constructor(private readonly client: Pick<RostrumClient, 'send'>, private readonly errorEl: HTMLElement) {}

  async send<N extends CommandName>(name: N, payload: PayloadOf<N> = {} as PayloadOf<N>): Promise<CommandAck> {
    const ack = await this.client.send(name, payload as never);
    if (ack.ok) this.errorEl.textContent = '';
    else {
      this.errorEl.textContent = `${name} refused — ${ack.error.code}: ${ack.error.message}`;
      announce(`Refused: ${ack.error.message}`, true);
    }
    return ack;
  }
}
