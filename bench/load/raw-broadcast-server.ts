import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline for fan-out: a bare socket.io server (no Nest, no adapter, no auth) in its own
 * process, broadcasting a timestamped message to every connected socket when asked over IPC.
 */
const http = createServer();
const io = new Server(http, { transports: ['websocket'] });

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as { port: number };
  process.send!({ ready: true, url: `http://127.0.0.1:${port}` });
});

process.on('message', (m: { id: number; cmd: 'broadcast' | 'clients' }) => {
  if (m.cmd === 'broadcast') io.emit('raw.tick', { at: Date.now() });
  process.send!({ id: m.id, clients: io.engine.clientsCount });
});
process.on('disconnect', () => { io.close(); process.exit(0); });
