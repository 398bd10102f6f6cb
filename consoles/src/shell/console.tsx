// The frame of every Preact console: language (?lang= or the browser's), the access token
// (?token= or the tab's; the sign-in form otherwise), the header with the link status, the live
// regions, and the role's page rendered with the live meeting.
import { render, type ComponentChildren, type VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Role } from '@rostrum/contracts/core/roles';
import type { LinkStatus } from '@rostrum/client';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import { pickLanguage, type MessageId } from '../i18n/i18n';
import { announce } from './announce';
import { anonymousViewer, keepRenewed, readClaims, tokenKey, type Claims } from './session';
import { useMeeting, type MeetingLive, type MeetingOptions } from './meeting';
import { ConsoleProvider, RefusalRegion } from './actions';
import type { Refused } from './refusal';

export interface ConsoleSpec {
  /** Roles whose token opens this console (the first names the tab's token key). */
  roles: Role[];
  /** Message id of the console's name (title, header). */
  name: MessageId;
  /** The role's page. */
  page: (props: { claims: Claims; meeting: MeetingLive }) => VNode | null;
  options?: (claims: Claims) => MeetingOptions;
}

/** Mounts a console into `#root`. */
export function bootConsole(spec: ConsoleSpec): void {
  const lang = pickLanguage(location.search, navigator.languages ?? [navigator.language]);
  render(<I18nProvider lang={lang}><Frame spec={spec} /></I18nProvider>, document.getElementById('root')!);
}

function Frame({ spec }: { spec: ConsoleSpec }) {
  const { t } = useI18n();
  const params = new URLSearchParams(location.search);
  const key = tokenKey(spec.roles[0]!);
  const token = params.get('token') ?? sessionStorage.getItem(key);
  const meetingParam = params.get('meeting');
  const claims = token ? readClaims(token) : null;
  useEffect(() => { document.title = `${t(spec.name)} — Rostrum`; }, [spec.name]);
  if (!token && meetingParam && spec.roles.includes('viewer')) return <Page spec={spec}><AnonymousViewer meetingId={meetingParam} storageKey={key} /></Page>;
  if (!token) return <Page spec={spec}><Login storageKey={key} /></Page>;
  if (!claims) return <Page spec={spec}><Login storageKey={key} problem={t('login.notAToken')} /></Page>;
  if (!spec.roles.includes(claims.role)) {
    return <Page spec={spec}><p class="notice">{t('login.otherConsole', { role: claims.role })} <a href={`${claims.role}?token=${encodeURIComponent(token)}`}>{t('login.openOther', { role: claims.role })}</a></p></Page>;
  }
  sessionStorage.setItem(key, token);
  return <Live spec={spec} token={token} claims={claims} storageKey={key} />;
}

function Live({ spec, token, claims, storageKey }: { spec: ConsoleSpec; token: string; claims: Claims; storageKey: string }) {
  const { t } = useI18n();
  const meeting = useMeeting(token, spec.options?.(claims));
  const [refused, setRefused] = useState<Refused>(null);
  useEffect(() => keepRenewed(meeting.client as never, storageKey, claims), [meeting.client]);
  useLinkAnnouncements(meeting.status);
  if (meeting.status === 'refused') return <Page spec={spec} status={meeting.status} detail={meeting.detail}><Login storageKey={storageKey} problem={t('link.refused.detail', { detail: meeting.detail ?? '' })} /></Page>;
  return (
    <Page spec={spec} status={meeting.status} detail={meeting.detail} who={[claims.name, claims.delegationId].filter(Boolean).join(' · ')}>
      <ConsoleProvider value={{ meeting, claims, refused, setRefused }}>
        <RefusalRegion />
        {meeting.floor ? spec.page({ claims, meeting }) : <p class="muted">{t('link.connecting')}</p>}
      </ConsoleProvider>
    </Page>
  );
}

/** Says when the link drops and when it is back (not every flicker). */
function useLinkAnnouncements(status: LinkStatus) {
  const { t } = useI18n();
  const was = useRef<LinkStatus>(status);
  useEffect(() => {
    const before = was.current;
    was.current = status;
    if (before !== status && (status === 'offline' || (status === 'live' && before === 'offline'))) announce(t(`link.${status}`));
  }, [status]);
}

function Page({ spec, status, detail, who, children }: { spec: ConsoleSpec; status?: LinkStatus; detail?: string; who?: string; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <>
      <a class="skip" href="#main">{t('shell.skip')}</a>
      <header class="bar">
        <p class="brand"><a href="./">Rostrum</a> · <strong>{t(spec.name)}</strong> {who ? <span id="who">{who}</span> : null}</p>
        <LanguageLinks />
        <p id="link-status" role="status" data-state={status ?? 'connecting'}>
          {t(`link.${status ?? 'connecting'}`)}{detail && status && status !== 'live' ? ` (${detail})` : ''}
        </p>
      </header>
      <LiveRegions />
      <main id="main" tabIndex={-1}>
        <h1 class="sr-only">{t(spec.name)}</h1>
        {children}
      </main>
    </>
  );
}

/** The same page in another language (keeps the token and every other parameter). */
function LanguageLinks() {
  const { t, lang } = useI18n();
  const href = (l: string) => { const p = new URLSearchParams(location.search); p.set('lang', l); return `?${p.toString()}`; };
  return (
    <nav class="langs" aria-label={t('shell.language')}>
      {(['en', 'fr', 'ar'] as const).map((l) => l === lang ? <span key={l} aria-current="true" lang={l}>{LANG_NAMES[l]}</span> : <a key={l} href={href(l)} lang={l} hrefLang={l}>{LANG_NAMES[l]}</a>)}
    </nav>
  );
}
const LANG_NAMES = { en: 'English', fr: 'Français', ar: 'العربية' } as const;

function Login({ storageKey, problem }: { storageKey: string; problem?: string }) {
  const { t } = useI18n();
  useEffect(() => { sessionStorage.removeItem(storageKey); }, []);
  return (
    <form class="card login" aria-labelledby="login-title" onSubmit={(e) => {
      e.preventDefault();
      const value = (e.currentTarget.elements.namedItem('token') as HTMLInputElement).value.trim();
      const p = new URLSearchParams(location.search); p.set('token', value); location.search = `?${p.toString()}`;
    }}>
      <h2 id="login-title">{t('login.title')}</h2>
      {problem ? <p class="error" role="alert">{problem}</p> : null}
      <label for="login-token">{t('login.token')}</label>
      <input id="login-token" name="token" type="password" autoComplete="off" required aria-describedby="login-help" />
      <p id="login-help" class="hint">{t('login.help')}</p>
      <button type="submit">{t('login.join')}</button>
    </form>
  );
}

function AnonymousViewer({ meetingId, storageKey }: { meetingId: string; storageKey: string }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => { void anonymousViewer(meetingId).then((why) => setProblem(t(why === 'too-many' ? 'login.tooManyViewers' : 'login.notPublic'))); }, [meetingId]);
  return problem ? <Login storageKey={storageKey} problem={problem} /> : <p class="muted">{t('link.connecting')}</p>;
}

/** The two live regions (drawn once; only announce() writes into them). */
function LiveRegions() {
  return (
    <>
      <div id="announce-polite" class="sr-only" aria-live="polite" />
      <div id="announce-assertive" class="sr-only" aria-live="assertive" />
    </>
  );
}
