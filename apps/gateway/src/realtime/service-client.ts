import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { fail, servicePatterns, type Ack, type CommandMessage, type CommandOwner } from '@rostrum/contracts';
import { redisOptions, type AppConfig } from '@rostrum/platform';

/**
 * The gateway's side of the microservice transport: sends a command to the service that owns it
 * and waits (bounded) for its ack. A timeout answers UNAVAILABLE; the client may retry with the
 * same commandId, which the service applies at most once.
 */
export class ServiceClient {
  private readonly proxy: ClientProxy;

  constructor(private readonly config: AppConfig) {
    this.proxy = ClientProxyFactory.create({ transport: Transport.REDIS, options: redisOptions(config.redis.url) });
  }

  async command(owner: CommandOwner, message: CommandMessage): Promise<Ack> {
    return this.request<Ack>(owner, 'command', message).catch((err: Error) =>
      fail('UNAVAILABLE', `the ${owner} service did not answer (${err.name === 'TimeoutError' ? 'timeout' : err.message}); retry with the same commandId`));
  }

  request<T>(owner: CommandOwner, kind: 'command' | 'snapshot', data: unknown, timeoutMs = this.config.commandTimeoutMs): Promise<T> {
    const pattern = servicePatterns(this.config.redis.prefix, owner)[kind];
    return firstValueFrom(this.proxy.send<T>(pattern, data).pipe(timeout(timeoutMs)));
  }

  async close(): Promise<void> { await this.proxy.close(); }
}
