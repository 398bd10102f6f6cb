// Actions that follow the rules: a button is live only when `can` (libs/domain, the same rule
// predicates as decideFloor) allows the command now; otherwise it stays in place, marked
// unavailable (aria-disabled, so focus is never lost) with the reason in plain language. A
// refused command (the server has the last word) shows the same catalogue's message.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useRef, useState } from 'preact/hooks';
import type { CommandAck, CommandName, CommandPayload } from '@rostrum/client';
import { can, type Can } from '@rostrum/domain/floor/can';
import { useI18n } from '../i18n/i18n-context';
import { announce } from './announce';
import type { MeetingLive } from './meeting';
import type { Claims } from './session';
import { RefusalText, type Refused } from './refusal';

export interface ConsoleState {
  meeting: MeetingLive;
  claims: Claims;
  /** The last refusal, shown in the page's alert. */
  refused: Refused;
  setRefused(r: Refused): void;
}
const Ctx = createContext<ConsoleState | null>(null);

export function ConsoleProvider({ value, children }: { value: ConsoleState; children: ComponentChildren }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
export function useConsole(): ConsoleState {
  const c = useContext(Ctx);
  if (!c) throw new Error('useConsole outside ConsoleProvider');
  return c;
}

/** `can` for this console's user over the floor it shows. */
export function useCan(): (type: CommandName, payload?: Record<string, unknown>) => Can {
  const { meeting, claims } = useConsole();
  return (type, payload) => (meeting.floor ? can(meeting.floor, { type, payload }, { role: claims.role, delegationId: claims.delegationId }) : { ok: false, code: 'MEETING_NOT_CREATED', message: 'no snapshot yet' });
}

/** Sends a command; a refusal goes to the page's alert (and is spoken), in plain language. */
export function useAct(): <N extends CommandName>(name: N, payload?: CommandPayload<N>) => Promise<CommandAck> {
  const { meeting, setRefused } = useConsole();
  const { error } = useI18n();
  return async (name, payload) => {
    const ack = await meeting.send(name, payload);
    if (ack.ok) setRefused(null);
    else { setRefused({ code: ack.error.code }); announce(error(ack.error.code), true); }
    return ack;
  };
}

export interface ActionProps<N extends CommandName> {
  id: string;
  command: N;
  payload?: CommandPayload<N>;
  label: string;
  /** Accessible name when the visible label is short (e.g. an arrow). */
  ariaLabel?: string;
  primary?: boolean;
  /** Leave it out entirely when unavailable (e.g. per-row actions), instead of explaining. */
  hideWhenUnavailable?: boolean;
  /** Asked before sending (resolve false to cancel; a string is sent as `reason`/`text` by `withAnswer`). */
  before?: () => Promise<CommandPayload<N> | null>;
  onDone?: (ack: CommandAck) => void;
  class?: string;
}

/**
 * A button for one command. Available: sends it (after `before`, e.g. a confirmation). Not
 * available: `aria-disabled` with the reason as its description — still focusable, so a screen
 * reader user learns why, and focus stays where the user acted when a state change makes it
 * unavailable.
 */
export function Action<N extends CommandName>(props: ActionProps<N>) {
  const check = useCan()(props.command, props.payload as Record<string, unknown> | undefined);
  const act = useAct();
  const { error } = useI18n();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  if (!check.ok && props.hideWhenUnavailable) return null;
  const whyId = `${props.id}-why`;
  const onClick = async () => {
    if (!check.ok || busy) return;
    setBusy(true);
    try {
      const payload = props.before ? await props.before() : props.payload;
      if (payload === null) return;
      const ack = await act(props.command, payload);
      props.onDone?.(ack);
    } finally {
      setBusy(false);
      // The page redraws around it: keep focus on the control the user acted on.
      if (ref.current && document.activeElement === document.body) ref.current.focus();
    }
  };
  return (
    <span class="action">
      <button ref={ref} type="button" id={props.id} class={[props.primary ? 'primary' : '', props.class ?? ''].join(' ').trim() || undefined}
        aria-disabled={check.ok ? undefined : 'true'} aria-describedby={check.ok ? undefined : whyId} aria-label={props.ariaLabel} aria-busy={busy || undefined} onClick={() => void onClick()}>
        {props.label}
      </button>
      {check.ok ? null : <span id={whyId} class="why" data-code={check.code}>{error(check.code)}</span>}
    </span>
  );
}

/** The page-level alert of the last refusal. */
export function RefusalRegion() {
  const { refused, setRefused } = useConsole();
  const { t } = useI18n();
  return (
    <div id="errors" class="errors" role="alert">
      {refused ? <p><RefusalText code={refused.code} /> <button type="button" class="link" onClick={() => setRefused(null)}>{t('common.dismiss')}</button></p> : null}
    </div>
  );
}
