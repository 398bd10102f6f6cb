// @rostrum/client: the one client implementation of the Rostrum real-time protocol, for Node
// and browsers. The consoles, the demo, the bench's load generator and the end-to-end helpers
// all run on it. See docs/integrating.md.
export { RostrumClient, newCommandId, type ClientOptions, type IoFactory, type SendOptions } from './client.js';
export { ServerClock } from './clock.js';
export { StreamTracker, STREAM_NAMES } from './streams.js';
export type * from './protocol.js';
