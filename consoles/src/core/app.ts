// Boots a console page: finds the token (?token= or the login form), checks the role, opens
// the connection and shows its state. Role modules only draw and send commands.
import { Commands } from './commands.js';
import { Connection, type ConnectionHandlers, type LinkStatus } from './connection.js';
import { $, announce, h } from './dom.js';
import type { Claims, Role } from './protocol.js';

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

export function readClaims(token: string): Claims | null {
  try {
    const p = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, string>;
    return { meetingId: p.mid!, participantId: p.sub!, role: p.role as Role, delegationId: p.del, name: p.name };
  } catch { return null; }
}

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
}

/** Public meetings: an anonymous viewer token from the gateway, then the same page with it. */
async function anonymousViewer(meetingId: string, main: HTMLElement, key: string): Promise<void> {
  const res = await fetch(`../meetings/${encodeURIComponent(meetingId)}/viewer-token`, { method: 'POST' }).catch(() => null);
  const body = res?.ok ? await res.json() as { token?: string } : null;
  if (body?.token) location.replace(`?token=${encodeURIComponent(body.token)}${location.hash}`);
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
