import { randomUUID } from 'node:crypto';
import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import { ACCESS_ENDED_MESSAGE, fail, type Ack, type AccessEndedMessage } from '@rostrum/contracts';
import type Redis from 'ioredis';
import { createRedis, EventLog } from '@rostrum/messaging';
import { createLogger, metrics, type AppConfig } from '@rostrum/platform';
import { AccessTokenService, actorOf, type AccessClaims } from '../auth/access-token.service';
import { CONFIG, EVENT_LOG, REDIS, SERVICES } from '../tokens';
import { AccessRegistry, type AccessEnded } from '../auth/access-registry';
import { clientAddress, trustProxy, type TrustProxy } from '../auth/client-address';
import { EdgeLimits } from '../auth/edge-limits';
import { CommandDispatcher } from './command-dispatcher';
import { DeliveryLedger, audienceOf, sinceSent, snapshotSent } from './delivery-ledger';
import { routeInbound, type InboundHandlers } from './inbound';
import { MAX_FRAME_BYTES } from './redis-streams.adapter';
import { Fanout } from './fanout';
import { FanoutReader } from './fanout-reader';
import { GatewayLeases } from './gateway-leases';
import { rooms, roomsOf } from './rooms';
import type { ServiceClient } from './service-client';
import { SyncService } from './sync.service';

/** Longest a timer may be armed for in Node (ms); expiry beyond it is caught by the per-command check. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The socket edge: authenticates the handshake, joins rooms, and turns every inbound message
 * into an ack. Thin on purpose: rules live in the services, delivery in the fan-out, access in
 * AccessRegistry (checked on every message), limits in EdgeLimits.
 */
@WebSocketGateway({ maxHttpBufferSize: MAX_FRAME_BYTES })
export class MeetingGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown {
  @WebSocketServer() server!: Server;
  private readonly logger: Logger = createLogger('gateway');
  private readonly dispatcher: CommandDispatcher;
  private readonly fanout: Fanout;
  private readonly leases: GatewayLeases;
  /** What each socket was sent, so that it gets each event once per connection. */
  private readonly ledger = new DeliveryLedger();
  private readonly inbound: InboundHandlers;
  /** Not in socket.data: that is serialized for fetchSockets across gateways. */
  private readonly expiryTimers = new WeakMap<Socket, NodeJS.Timeout>();
  /** Which peers may name the client in X-Forwarded-For (TRUST_PROXY). */
  private readonly trust: TrustProxy;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(SERVICES) private readonly services: ServiceClient,
    @Inject(EVENT_LOG) private readonly log: EventLog,
    private readonly tokens: AccessTokenService,
    private readonly sync: SyncService,
    private readonly access: AccessRegistry,
    private readonly limits: EdgeLimits,
    @Inject(REDIS) redis: Redis,
  ) {
    this.dispatcher = new CommandDispatcher(services, limits);
    this.trust = trustProxy(config.trustProxy);
    this.fanout = new Fanout(new FanoutReader(() => createRedis(config.redis), log, this.logger), this.ledger, config.fanout, Date.now,
      (err) => this.logger.error({ err }, 'a fan-out write failed; the rest of that flush is fetched by clients as a gap'));
    // Another gateway's crash: its delegates' presence is reported from here (R41).
    this.leases = new GatewayLeases(redis, config.redis.prefix, (claims) => this.droppedElsewhere(claims), this.logger);
    this.inbound = {
      access: (socket, claims) => this.checkAccess(socket, claims),
      // While draining (issue 9) commands are answered UNAVAILABLE; reads are still served.
      // The access check is already under way: its refusal (or its failure) still answers first.
      command: (_socket, claims, name, payload, access) => this.track(this.draining
        ? access.then((refused) => refused ?? fail('UNAVAILABLE', 'this gateway is shutting down; retry with the same commandId'))
        : this.dispatcher.dispatch(claims, name, payload, access)),
      sync: (socket, claims, name, payload) => this.track(this.syncMessage(socket, claims, name, payload)),
      failed: (err) => this.logger.error({ err }, 'handler failed'),
    };
  }

  afterInit(server: Server): void {
    server.use((socket, next) => {
      void this.admit(socket).then((refusal) => {
        if (!refusal) return next();
        const err = new Error(`${refusal.code}: ${refusal.message}`) as Error & { data: unknown };
        err.data = refusal;
        next(err);
      }, (err: Error) => next(Object.assign(new Error('UNAVAILABLE: try again'), { data: { code: 'UNAVAILABLE', message: err.message } })));
    });
    void this.access.subscribe((ended) => this.endAccess(ended));
    this.fanout.start(server);
    void this.leases.start().catch((err: Error) => this.logger.warn({ err }, 'gateway lease not taken yet; retrying with the next beat'));
  }

  /**
   * The handshake: a valid, current token (not expired, not revoked), the address's connection
   * rate, and room under the caps on open sockets per participant and per address.
   */
  private async admit(socket: Socket): Promise<{ code: string; message: string } | null> {
    const verdict = this.tokens.verify(socket.handshake.auth?.token);
    if (!verdict.ok) return { code: verdict.code, message: verdict.message };
    const refused = await this.access.check(verdict.claims);
    if (refused) return refused;
    const address = clientAddress(socket.request, this.trust); // behind a balancer: the client's, not the balancer's
    const rate = await this.limits.connect(address);
    if (!rate.ok) return { code: 'RATE_LIMITED', message: `too many new connections from this address; retry in ${Math.ceil(rate.retryAfterMs / 1000)} s` };
    const holder = `${verdict.claims.meetingId}|${verdict.claims.participantId}`;
    if (!this.limits.hold(holder, address)) return { code: 'TOO_MANY_CONNECTIONS', message: 'too many connections open on this access token or from this address' };
    socket.once('disconnect', () => this.limits.release(holder, address));
    socket.data.claims = verdict.claims;
    return null;
  }

  handleConnection(socket: Socket): void {
    const claims = socket.data.claims as AccessClaims | undefined;
    if (!claims) { socket.disconnect(true); return; }
    metrics.connectedSockets.inc();
    // What this connection is sent is kept per socket, so it gets each event once (issue 13).
    // A follower joins between two follower flushes of its meeting, never in the middle of one
    // being written in slices (Fanout.whenFollowersIdle); what it misses meanwhile it fetches
    // with `events.since` like any gap.
    // Its own participant room at once (no broadcast goes there, and a revocation finds the
    // socket by it: endAccess), the rooms of broadcasts with its ledger entry between flushes.
    void socket.join(rooms.participant(claims.meetingId, claims.participantId));
    const join = () => {
      if (!socket.connected) return;
      void socket.join(roomsOf(claims));
      this.ledger.join(socket.id, claims.meetingId, claims.role);
    };
    if (audienceOf(claims.role) === 'followers') void this.fanout.whenFollowersIdle(claims.meetingId, join);
    else join();
    // A client emitting an event named 'error' must not reach EventEmitter's throw-if-unhandled.
    socket.on('error', (err: Error) => this.logger.debug({ err }, 'socket error'));
    socket.onAny((name: unknown, ...args: unknown[]) => routeInbound(socket, this.inbound, name, args));
    this.armExpiry(socket, claims);
    if (claims.role === 'delegate') {
      this.inOrder(claims, async () => {
        await this.leases.connected(socket.id, claims);
        await this.presence(claims, 'connected');
      });
    }
  }

  handleDisconnect(socket: Socket): void {
    const claims = socket.data.claims as AccessClaims | undefined;
    if (!claims) return;
    this.ledger.leave(socket.id);
    clearTimeout(this.expiryTimers.get(socket));
    metrics.connectedSockets.dec();
    if (claims.role === 'delegate') this.inOrder(claims, () => this.droppedIfLastSocket(socket.id, claims));
  }

  /** Every message: the token has not expired and its participant's access was not withdrawn since. */
  private async checkAccess(socket: Socket, claims: AccessClaims): Promise<Ack | null> {
    // Redis away: a fast, retryable answer rather than a check queued until it returns (issue 9).
    // An expired token is answered TOKEN_EXPIRED without Redis (check() tests expiry first).
    if (!this.access.available() && Date.now() < claims.expiresAtMs) return fail('UNAVAILABLE', 'the event log is unreachable for a moment; retry with the same commandId');
    const refused = await this.access.check(claims);
    if (!refused) return null;
    // After the ack is written (it is sent in a microtask): the client learns why its command
    // was refused, then why the socket closes.
    setImmediate(() => this.end(socket, refused));
    return fail(refused.code, refused.message);
  }

  private async syncMessage(socket: Socket, claims: AccessClaims, name: 'meeting.snapshot' | 'events.since' | 'auth.renew', payload: unknown): Promise<Ack> {
    if (name === 'auth.renew') return this.renew(socket, claims, payload);
    const budget = await this.limits.sync(name === 'meeting.snapshot' ? 'snapshot' : 'since', socket.id);
    if (!budget.ok) return fail('RATE_LIMITED', `too many ${name} on this connection; retry in ${Math.ceil(budget.retryAfterMs / 1000)} s`, { retryAfterMs: budget.retryAfterMs });
    if (name === 'meeting.snapshot') {
      if (payload !== undefined && !isEmptyObject(payload)) return fail('VALIDATION_FAILED', 'meeting.snapshot takes no fields');
      // The ledger is updated right before the reply leaves (no I/O in between), so no live round slips in.
      return snapshotSent(this.ledger, socket.id, await this.sync.snapshot(claims));
    }
    const ack = await this.sync.since(claims, payload);
    if (ack.ok && Array.isArray(ack.events)) await this.limits.chargeEvents(socket.id, ack.events.length);
    // For a follower, the ledger is read between two follower flushes of its meeting (see join).
    if (audienceOf(claims.role) === 'followers') return this.fanout.whenFollowersIdle(claims.meetingId, () => sinceSent(this.ledger, socket.id, ack));
    return sinceSent(this.ledger, socket.id, ack);
  }

  /**
   * `auth.renew`: a fresh token for the same participant, role and access version, so a console
   * open for a 10-hour meeting is never logged out; a revoked or expired one was refused before.
   */
  private async renew(socket: Socket, claims: AccessClaims, payload: unknown): Promise<Ack> {
    if (payload !== undefined && !isEmptyObject(payload)) return fail('VALIDATION_FAILED', 'auth.renew takes no fields');
    const { tokenId: _t, expiresAtMs: _e, ...same } = claims;
    const issued = this.tokens.issue(same);
    const verdict = this.tokens.verify(issued.token);
    if (!verdict.ok) return fail('INTERNAL', 'could not renew the token');
    socket.data.claims = verdict.claims;
    this.armExpiry(socket, verdict.claims);
    return { ok: true, token: issued.token, expiresAt: issued.expiresAt };
  }

  /** Closes the socket when its token expires (the console renews before that). */
  private armExpiry(socket: Socket, claims: AccessClaims): void {
    clearTimeout(this.expiryTimers.get(socket));
    const ms = Math.min(MAX_TIMER_MS, Math.max(0, claims.expiresAtMs - Date.now()));
    const timer = setTimeout(() => this.end(socket, { code: 'TOKEN_EXPIRED', message: 'your access token expired' }), ms);
    timer.unref();
    this.expiryTimers.set(socket, timer);
  }

  /** Tells the client why, then closes its connection (it will not get back in with that token). */
  private end(socket: Socket, why: { code: string; message: string }): void {
    if (!socket.connected) return;
    socket.emit(ACCESS_ENDED_MESSAGE, why satisfies AccessEndedMessage);
    socket.disconnect(true);
  }

  /** A participant's access ended somewhere (any gateway): close its sockets on this one. */
  private endAccess(e: AccessEnded): void {
    const room = rooms.participant(e.meetingId, e.participantId);
    const why: AccessEndedMessage = { code: e.code, message: e.message };
    for (const socket of this.server.of('/').adapter.rooms.get(room) ?? []) {
      const s = this.server.of('/').sockets.get(socket);
      if (s) this.end(s, why);
    }
  }

  private readonly presenceChains = new Map<string, Promise<void>>();
  /**
   * A delegation's presence changes reach the floor in the order they happen here: a console
   * that reloads must not have its old socket's "dropped" land after its new "connected" (R41).
   * Presence is per delegation in the floor, so the order is kept per delegation.
   */
  private inOrder(claims: AccessClaims, work: () => Promise<void>): void {
    const key = `${claims.meetingId}|${claims.delegationId ?? claims.participantId}`;
    const next = (this.presenceChains.get(key) ?? Promise.resolve()).then(work)
      .catch((err: Error) => this.logger.warn({ err }, 'presence update failed'));
    this.presenceChains.set(key, next);
    void next.then(() => { if (this.presenceChains.get(key) === next) this.presenceChains.delete(key); });
  }

  /**
   * A delegation is present while any of its delegates has a console open, on any gateway: an
   * adviser closing a laptop must not mark the minister's delegation dropped (R40, R41).
   */
  private async droppedIfLastSocket(socketId: string, claims: AccessClaims): Promise<void> {
    if (!(await this.leases.disconnected(socketId, claims))) return;
    await this.droppedElsewhere(claims);
  }

  /** Reports a delegation dropped (R41), then checks it did not come back meanwhile. */
  private async droppedElsewhere(claims: AccessClaims): Promise<void> {
    await this.presence(claims, 'dropped');
    // A console that came back on another gateway meanwhile may have said "connected" before
    // this "dropped" landed: say it again, so that the floor ends with what is true (R41).
    if (await this.leases.present(claims)) await this.presence(claims, 'connected');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.leases.stop();
    await this.fanout.stop();
    await this.services.close();
  }

  /** Connection state reaches the chair (R40, R41) as a floor command on the delegate's behalf. */
  private async presence(claims: AccessClaims, status: 'connected' | 'dropped'): Promise<void> {
    const message = {
      meetingId: claims.meetingId, commandId: `presence:${claims.participantId}:${status}:${randomUUID()}`,
      type: 'presence.update', payload: { status }, actor: actorOf(claims),
    };
    let ack = await this.services.command('floor', message);
    // The floor or Redis away for a moment: retry with the same commandId (applied once), so a
    // drop during an outage still reaches the chair when it ends (R41).
    for (let attempt = 1; !ack.ok && ack.error.code === 'UNAVAILABLE' && attempt <= 60; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(1000, 100 * attempt)));
      ack = await this.services.command('floor', message);
    }
    if (!ack.ok && ack.error.code !== 'MEETING_NOT_FOUND') this.logger.debug({ code: ack.error.code }, 'presence update not applied');
  }

  private draining = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  /**
   * SIGTERM (issue 9): new commands are answered UNAVAILABLE (the console retries with the same
   * commandId, on this gateway's successor or another one), reads are still served, and the
   * messages in flight get their acks before the sockets close; at most `maxMs`.
   */
  async drain(maxMs = 5000): Promise<void> {
    this.draining = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => { timer = setTimeout(r, maxMs); })]);
    clearTimeout(timer);
  }

  /** Keeps a message's work in flight until it is answered (drain waits for it). */
  private track(work: Promise<Ack>): Promise<Ack> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }
}

const isEmptyObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
