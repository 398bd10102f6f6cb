import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { INestApplicationContext } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io over the Redis streams adapter, so that several gateways serve one meeting
 * (cross-gateway rooms, fetchSockets, disconnects). `blockTimeInMs` 1000 so shutdown is quick.
 */
export class RedisStreamsIoAdapter extends IoAdapter {
  constructor(app: INestApplicationContext, private readonly redis: Redis, private readonly streamName: string) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(createAdapter(this.redis, { streamName: this.streamName, blockTimeInMs: 1000 }));
    return server;
  }
}
