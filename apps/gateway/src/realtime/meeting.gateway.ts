import { randomUUID } from 'node:crypto';
import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import { COMMANDS, fail, type Ack } from '@rostrum/contracts';
import type Redis from 'ioredis';
import { createRedis, EventLog } from '@rostrum/messaging';
import { createLogger, metrics, type AppConfig } from '@rostrum/platform';
import { AccessTokenService, actorOf, type AccessClaims } from '../auth/access-token.service';
import { CONFIG, EVENT_LOG, REDIS, SERVICES } from '../tokens';
import { CommandDispatcher } from './command-dispatcher';
import { DeliveryLedger, sinceSent, snapshotSent } from './delivery-ledger';
import { Fanout } from './fanout';
import { GatewayLeases } from './gateway-leases';
import { RateLimiter } from './rate-limiter';
import { roomsOf } from './rooms';
import type { ServiceClient } from './service-client';
import { SyncService } from './sync.service';

type AckFn = (ack: Ack) => void;

/**
 * The socket edge: authenticates the handshake, joins rooms, and turns every inbound message
 * into an ack. Thin on purpose: rules live in the services, delivery in the fan-out.
 */
@WebSocketGateway({ cors: { origin: true }, maxHttpBufferSize: 64 * 1024 })
export class MeetingGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown {
  @WebSocketServer() server!: Server;
  private readonly logger: Logger = createLogger('gateway');
  private readonly dispatcher: CommandDispatcher;
  private readonly fanout: Fanout;
  private readonly leases: GatewayLeases;
  /** What each socket was sent, so that it gets each event once per connection. */
  private readonly ledger = new DeliveryLedger();

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(SERVICES) private readonly services: ServiceClient,
    @Inject(EVENT_LOG) private readonly log: EventLog,
    private readonly tokens: AccessTokenService,
    private readonly sync: SyncService,
    @Inject(REDIS) redis: Redis,
  ) {
    this.dispatcher = new CommandDispatcher(services, new RateLimiter(10, 30));
    this.fanout = new Fanout(createRedis(config.redis.url), log.keys.fanout, this.logger, this.ledger);
    // Another gateway's crash: its delegates' presence is reported from here (R41).
    this.leases = new GatewayLeases(redis, config.redis.prefix, (claims) => this.droppedElsewhere(claims), this.logger);
  }

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const verdict = this.tokens.verify(socket.handshake.auth?.token);
      if (!verdict.ok) {
        const err = new Error(`${verdict.code}: ${verdict.message}`) as Error & { data: unknown };
        err.data = { code: verdict.code, message: verdict.message };
        return next(err);
      }
      socket.data.claims = verdict.claims;
      next();
    });
    this.fanout.start(server);
    void this.leases.start().catch((err: Error) => this.logger.warn({ err }, 'gateway lease not taken yet; retrying with the next beat'));
  }

  handleConnection(socket: Socket): void {
    const claims = socket.data.claims as AccessClaims | undefined;
    if (!claims) { socket.disconnect(true); return; }
    metrics.connectedSockets.inc();
    void socket.join(roomsOf(claims));
    this.ledger.join(socket.id, claims.meetingId, claims.role);
    // Reads are served while draining (a console catching up before the sockets close); commands are not.
    // The ledger is updated synchronously right before each reply, so no live round slips in between.
    socket.on('meeting.snapshot', (_: unknown, ack?: AckFn) => this.reply(ack, async () => snapshotSent(this.ledger, socket.id, await this.sync.snapshot(claims)), true));
    socket.on('events.since', (req: unknown, ack?: AckFn) => this.reply(ack, async () => sinceSent(this.ledger, socket.id, await this.sync.since(claims, req)), true));
    for (const name of Object.keys(COMMANDS)) {
      socket.on(name, (payload: unknown, ack?: AckFn) => this.reply(ack, () => this.dispatcher.dispatch(claims, name, payload)));
    }
    socket.onAny((name: unknown, ...args: unknown[]) => {
      if (typeof name === 'string' && (COMMANDS[name] || name === 'meeting.snapshot' || name === 'events.since')) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') (ack as AckFn)(fail('UNKNOWN_COMMAND', `unknown command "${String(name).slice(0, 60)}"`));
    });
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
    metrics.connectedSockets.dec();
    if (claims.role === 'delegate') this.inOrder(claims, () => this.droppedIfLastSocket(socket.id, claims));
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
  private readonly inFlight = new Set<Promise<void>>();

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

  private reply(ack: AckFn | undefined, work: () => Promise<Ack>, read = false): void {
    if (this.draining && !read) {
      if (typeof ack === 'function') ack(fail('UNAVAILABLE', 'this gateway is shutting down; retry with the same commandId'));
      return;
    }
    const done = work().catch((err: Error) => {
      this.logger.error({ err }, 'handler failed');
      return fail('INTERNAL', 'the server could not handle this message');
    }).then((result) => { if (typeof ack === 'function') ack(result); });
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }
}

