// A simulated participant: @rostrum/client (built into dist/ from libs/client) with its token —
// snapshot, gapless streams, commands with acks retried under one commandId — plus waiting for
// the events the demo's script reacts to.
const path = require('node:path');
const { io } = require('socket.io-client');
const { root } = require('../lib/env');
const { buildIfNeeded } = require('../lib/services');

let lib;
/** The client library, compiled with the apps (built first if the sources are newer). */
function rostrumClient() {
  if (!lib) { buildIfNeeded(() => {}); lib = require(path.join(root, 'dist/libs/client/src')); }
  return lib;
}

class Participant {
  constructor(url, token, label) {
    const { RostrumClient } = rostrumClient();
    this.label = label;
    this.events = [];
    this.waiters = [];
    this.client = new RostrumClient({ url, token, io, socket: { transports: ['websocket'] } });
    this.client.on('*', (e) => {
      this.events.push(e);
      this.waiters = this.waiters.filter((w) => (w.test(e) ? (w.resolve(e), false) : true));
    });
  }

  static async join(url, token, label) {
    const p = new Participant(url, token, label);
    await p.client.connect().catch((err) => { throw new Error(`${label}: could not join — ${err.message}`); });
    return p;
  }

  /** Sends a command; a refusal stops the demo with the stable error code. */
  async cmd(name, payload = {}) {
    const ack = await this.client.send(name, payload);
    if (!ack.ok) throw new Error(`${this.label}: ${name} refused — ${ack.error.code}: ${ack.error.message}`);
    return ack;
  }

  /** The first event of this type (already applied or to come) that passes the test. */
  waitFor(type, test = () => true, timeoutMs = 20_000) {
    const hit = this.events.find((e) => e.type === type && test(e));
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${this.label}: no ${type} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test: (e) => e.type === type && test(e), resolve: (e) => { clearTimeout(t); resolve(e); } });
    });
  }

  /** The entry id of a request this participant made (from the event its command appended). */
  async entryOf(ack, type = 'floor.requested') {
    return (await this.waitFor(type, (e) => e.commandId === ack.commandId)).payload.entry.entryId;
  }

  close() { this.client.close(); }
}

module.exports = { Participant };
