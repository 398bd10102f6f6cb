// A simulated participant: a socket.io client with its token that sends commands and waits
// for events. The demo only needs acks and a few events, so no snapshot bookkeeping here.
const { randomUUID } = require('node:crypto');
const { io } = require('socket.io-client');

class Participant {
  constructor(url, token, label) {
    this.label = label;
    this.events = [];
    this.waiters = [];
    this.socket = io(url, { auth: { token }, transports: ['websocket'] });
    const onMessage = (name, data) => {
      this.events.push({ name, data });
      this.waiters = this.waiters.filter((w) => (w.test(name, data) ? (w.resolve(data), false) : true));
    };
    // Events come in batches (`events`, one per fan-out round): handle each by its type.
    this.socket.onAny((name, data) => {
      if (name === 'events' && Array.isArray(data)) for (const e of data) onMessage(e.type, e);
      else onMessage(name, data);
    });
  }

  static async join(url, token, label) {
    const p = new Participant(url, token, label);
    await new Promise((res, rej) => { p.socket.once('connect', res); p.socket.once('connect_error', rej); });
    const snap = await p.socket.timeout(10_000).emitWithAck('meeting.snapshot', {});
    if (!snap.ok) throw new Error(`${label}: snapshot refused ${JSON.stringify(snap.error)}`);
    return p;
  }

  /** Sends a command; a refusal stops the demo with the stable error code. */
  async cmd(name, payload = {}) {
    const commandId = `demo-${randomUUID()}`;
    const ack = await this.socket.timeout(15_000).emitWithAck(name, { commandId, ...payload });
    if (!ack.ok) throw new Error(`${this.label}: ${name} refused — ${ack.error.code}: ${ack.error.message}`);
    return { ...ack, commandId };
  }

  waitFor(name, test = () => true, timeoutMs = 20_000) {
    const hit = this.events.find((e) => e.name === name && test(e.data));
    if (hit) return Promise.resolve(hit.data);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${this.label}: no ${name} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test: (n, d) => n === name && test(d), resolve: (d) => { clearTimeout(t); resolve(d); } });
    });
  }

  /** The entry id of a request this participant made (from the event its command appended). */
  async entryOf(ack, type = 'floor.requested') {
    return (await this.waitFor(type, (e) => e.commandId === ack.commandId)).payload.entry.entryId;
  }

  close() { this.socket.disconnect(); }
}

module.exports = { Participant };
