import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { INestApplicationContext } from '@nestjs/common';
import type { RedisClient } from '@rostrum/messaging';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '@rostrum/platform';
import { allowSocketRequest, originAllowed } from '../auth/origins';

/** Largest socket.io frame; a bigger one closes the connection (docs/security.md). */
export const MAX_FRAME_BYTES = 64 * 1024;

/**
 * socket.io over the Redis streams adapter, so that several gateways serve one meeting
 * (cross-gateway rooms, fetchSockets, disconnects). `blockTimeInMs` 1000 so shutdown is quick.
 * Browser origins are checked here (ALLOWED_ORIGINS): CORS alone does not cover WebSockets.
 */
export class RedisStreamsIoAdapter extends IoAdapter {
  constructor(app: INestApplicationContext, private readonly redis: RedisClient, private readonly streamName: string, private readonly config: AppConfig) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const dev = this.config.env === 'development';
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_FRAME_BYTES,
      allowRequest: allowSocketRequest(this.config.allowedOrigins, dev),
      cors: {
        origin: (origin: string | undefined, cb: (err: Error | null, ok?: boolean) => void) => cb(null, originAllowed(origin, undefined, this.config.allowedOrigins, dev)),
      },
    } as ServerOptions) as Server;
    server.adapter(createAdapter(this.redis, { streamName: this.streamName, blockTimeInMs: 1000 }));
    return server;
  }
}
