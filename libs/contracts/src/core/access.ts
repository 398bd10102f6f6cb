/**
 * Socket messages that are not commands (no service decides them; the gateway answers):
 * `meeting.snapshot` (optional `{}`), `events.since` `{ stream, seq, limit? }`, and
 * `auth.renew` (optional `{}`) → `{ ok, token, expiresAt }`, which the consoles send before
 * their token expires so a long meeting logs nobody out.
 */
export const SYNC_MESSAGES = ['meeting.snapshot', 'events.since', 'auth.renew'] as const;
export type SyncMessage = (typeof SYNC_MESSAGES)[number];
export const isSyncMessage = (name: unknown): name is SyncMessage => (SYNC_MESSAGES as readonly unknown[]).includes(name);

/**
 * Server → client, just before the gateway closes a socket whose access ended:
 * `{ code: 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'PARTICIPANT_REMOVED', message }`. The console
 * shows the message and stops reconnecting.
 */
export const ACCESS_ENDED_MESSAGE = 'access.ended';
export interface AccessEndedMessage { code: string; message: string }
