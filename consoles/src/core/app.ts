// Boots a console page: finds the token (?token= or the login form), checks the role, opens
// the connection and shows its state. Role modules only draw and send commands.
import { Commands } from './commands.js';
import { Connection, type ConnectionHandlers, type LinkStatus } from './connection.js';
import { $, announce, h } from './dom.js';
import type { Claims, Role } from './protocol.js';
import { readClaims } from '../shell/session.js';

export interface ConsoleContext {
  claims: Claims;
  token: string;
  conn: Connection;
  cmd: Commands;
  main: HTMLElement;
  /** Takes a fresh snapshot soon (coalesced): when an event changes what only the server orders. */
  refreshSoon(): void;
}
type RoleHandlers = Omit<ConnectionHandlers, 'status'>;

export { readClaims };

const STATUS_TEXT: Record<LinkStatus, string> = {
  connecting: 'Connecting…', live: 'Live', behind: 'Catching up…', offline: 'Offline — reconnecting', refused: 'Access refused',
};

/**
 * `refreshDelay` spreads re-snapshots: staff want them at once, thousands of viewers must
 * not all ask in the same instant.
 */
export function startConsole(roles: Role[], create: (ctx: ConsoleContext) => RoleHandlers, refreshDelay: () => number = () => 150): void {
  const main = $('#app');
  const params = new URLSearchParams(location.search);
  const key = `rostrum.token.${roles[0]}`;
  const token = params.get('token') ?? sessionStorage.getItem(key);
  const meeting = params.get('meeting');
  if (!token && meeting && roles.includes('viewer')) return void anonymousViewer(meeting, main, key);
  if (!token) return showLogin(main, key);
  const claims = readClaims(token);
  if (!claims) return showLogin(main, key, 'That is not an access token.');
  if (!roles.includes(claims.role)) {
    main.replaceChildren(h('p', { class: 'notice' }, `This token is for the ${claims.role} console: `,
      h('a', { href: `${claims.role}?token=${encodeURIComponent(token)}` }, `open the ${claims.role} console`)));
    return;
  }
  sessionStorage.setItem(key, token);
  const statusEl = $('#link-status');
  const who = document.getElementById('who');
  if (who) who.textContent = [claims.name, claims.delegationId].filter(Boolean).join(' · ') || claims.role;

  let handlers: RoleHandlers | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const conn = new Connection(location.origin, token, {
    snapshot: (s) => handlers?.snapshot(s),
    event: (e) => handlers?.event(e),
    transient: (n, d) => handlers?.transient?.(n, d),
    status: (s, detail) => {
      const was = statusEl.dataset.state;
      statusEl.dataset.state = s;
      statusEl.textContent = detail && s !== 'live' ? `${STATUS_TEXT[s]} (${detail})` : STATUS_TEXT[s];
      if (was && was !== s && (s === 'offline' || (s === 'live' && was === 'offline'))) announce(STATUS_TEXT[s]);
      if (s === 'refused') showLogin(main, key, statusEl.textContent);
    },
  });
  const ctx: ConsoleContext = {
    claims, token, conn, main, cmd: new Commands(conn.client, $('#errors')),
    refreshSoon: () => {
      if (timer) return;
      timer = setTimeout(() => { timer = null; void conn.resync(); }, refreshDelay());
    },
  };
  handlers = create(ctx);
  keepRenewed(conn, key, claims);
}

/** An anonymous viewer's identity belongs to the browser (every tab, every visit): one person, one vote. */
const viewerKey = (meetingId: string) => `rostrum.viewer.${meetingId}`;

/**
 * Renews the token well before it expires (`auth.renew` on the socket), so a 10-hour meeting
 * logs nobody out; the new token replaces the old one in the URL, the tab and, for an
 * anonymous viewer, the browser.
 */
function keepRenewed(conn: Connection, key: string, claims: Claims): void {
  if (!claims.expiresAtMs) return;
  const lifetime = claims.expiresAtMs - Date.now();
  const delay = Math.max(5_000, Math.min(lifetime - 10 * 60_000, lifetime * 0.8));
  setTimeout(async () => {
    const res = await conn.socket.timeout(10_000).emitWithAck('auth.renew', {}).catch(() => null) as { ok: boolean; token?: string } | null;
    const next = res?.ok && res.token ? readClaims(res.token) : null;
    if (!res?.token || !next) { setTimeout(() => keepRenewed(conn, key, claims), 0); return; }
    conn.useToken(res.token);
    sessionStorage.setItem(key, res.token);
    if (next.anonymous) localStorage.setItem(viewerKey(next.meetingId), res.token);
    const params = new URLSearchParams(location.search);
    if (params.has('token')) { params.set('token', res.token); history.replaceState(null, '', `?${params.toString()}${location.hash}`); }
    keepRenewed(conn, key, next);
  }, Math.min(delay, 2 ** 31 - 1));
}

/** Public meetings: an anonymous viewer token from the gateway, then the same page with it. */
async function anonymousViewer(meetingId: string, main: HTMLElement, key: string): Promise<void> {
  // The browser's earlier identity, if any (another tab, an earlier visit): presented so the
  // gateway renews the same identity instead of minting a new one.
  const previous = localStorage.getItem(viewerKey(meetingId));
  const res = await fetch(`../meetings/${encodeURIComponent(meetingId)}/viewer-token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(previous ? { token: previous } : {}),
  }).catch(() => null);
  const body = res?.ok ? await res.json() as { token?: string } : null;
  if (body?.token) {
    localStorage.setItem(viewerKey(meetingId), body.token);
    location.replace(`?token=${encodeURIComponent(body.token)}${location.hash}`);
  } else if (res?.status === 429) showLogin(main, key, `Too many new viewers from this network; try again in ${res.headers.get('retry-after') ?? 'a few'} seconds.`);
  else showLogin(main, key, 'This meeting is not public, or does not exist: sign in with your access token.');
}

function showLogin(main: HTMLElement, key: string, problem?: string): void {
  sessionStorage.removeItem(key);
  const input = h('input', { id: 'login-token', name: 'token', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'login-help' });
  main.replaceChildren(h('form', {
    class: 'card login', 'aria-labelledby': 'login-title',
    onsubmit: ((e: Event) => { e.preventDefault(); location.search = `?token=${encodeURIComponent(input.value.trim())}`; }) as EventListener,
  },
  h('h2', { id: 'login-title' }, 'Sign in'),
  problem ? h('p', { class: 'error', role: 'alert' }, problem) : null,
  h('label', { for: 'login-token' }, 'Access token'), input,
  h('p', { id: 'login-help', class: 'hint' }, 'Paste the token from your access link (the secretariat hands them out).'),
  h('button', { type: 'submit' }, 'Join')));
}
