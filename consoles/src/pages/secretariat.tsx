// Secretariat console (the operator's page, /console/secretariat): the meetings set up, a setup
// form without JSON (preset and the main overrides as fields, time zone, body, venue, presiding
// officer), and each meeting's access links with copy, expiry and re-issue, listed from the
// server. The operator key is typed once into a password field and kept for this tab only; it is
// never shown, and no page meant for others (the record editor, any participant's console) has it.
import '../../static/console.css';
import './views.css';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ListedAccess, MeetingSummary } from '@rostrum/contracts/rest';
import type { MeetingSetupInput } from '@rostrum/contracts/core/setup';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import { pickLanguage } from '../i18n/i18n';
import { announce } from '../shell/announce';
import { formatMeetingDateTime } from '../shell/time';
import { fieldsFromSetup, setupFromFields, type FieldProblem, type SetupFields } from '../models/setup-fields';
import { isTimeZone } from '../models/time-zone';
import { SetupForm } from '../ui/setup-form';

const KEY = 'rostrum.operatorKey';
/** Which console a participant's link opens (the secretariat's: the record editor). */
const PAGE_OF: Record<string, string> = { chair: 'chair', delegate: 'delegate', moderator: 'moderator', viewer: 'viewer', interpreter: 'viewer', secretariat: 'record' };
const linkOf = (a: { role: string; token?: string }) => new URL(`${PAGE_OF[a.role] ?? 'viewer'}?token=${encodeURIComponent(a.token ?? '')}`, new URL('.', location.href)).toString();

type Api = <T>(path: string, init?: RequestInit) => Promise<{ ok: true; body: T } | { ok: false; status: number; code: string; message: string; details?: unknown }>;
function api(key: string): Api {
  return async (path, init = {}) => {
    const res = await fetch(`../${path}`, { ...init, headers: { 'content-type': 'application/json', 'x-operator-key': key, ...(init.headers ?? {}) } }).catch(() => null);
    if (!res) return { ok: false, status: 0, code: 'UNAVAILABLE', message: '' };
    const body = await res.json().catch(() => ({})) as { error?: { code: string; message: string; details?: unknown } };
    return res.ok ? { ok: true, body: body as never } : { ok: false, status: res.status, code: body.error?.code ?? String(res.status), message: body.error?.message ?? '', details: body.error?.details };
  };
}

function Secretariat() {
  const { t } = useI18n();
  const [key, setKey] = useState<string | null>(sessionStorage.getItem(KEY));
  useEffect(() => { document.title = `${t('console.secretariat')} — Rostrum`; }, []);
  return (
    <>
      <a class="skip" href="#main">{t('shell.skip')}</a>
      <header class="bar"><p class="brand"><a href="./">Rostrum</a> · <strong>{t('console.secretariat')}</strong></p></header>
      <div id="announce-polite" class="sr-only" aria-live="polite" />
      <div id="announce-assertive" class="sr-only" aria-live="assertive" />
      <main id="main" tabIndex={-1}>
        <h1 class="sr-only">{t('console.secretariat')}</h1>
        {key ? <Desk api={api(key)} forget={() => { sessionStorage.removeItem(KEY); setKey(null); }} /> : <KeyForm onKey={(k) => { sessionStorage.setItem(KEY, k); setKey(k); }} />}
      </main>
    </>
  );
}

function KeyForm({ onKey, problem }: { onKey: (k: string) => void; problem?: string }) {
  const { t } = useI18n();
  return (
    <form class="card login" aria-labelledby="key-h" onSubmit={(e) => { e.preventDefault(); onKey((e.currentTarget.elements.namedItem('key') as HTMLInputElement).value.trim()); }}>
      <h2 id="key-h">{t('secretariat.keyTitle')}</h2>
      {problem ? <p class="error" role="alert">{problem}</p> : null}
      <label for="op-key">{t('secretariat.key')}</label>
      <input id="op-key" name="key" type="password" autoComplete="off" required aria-describedby="op-key-hint" />
      <p id="op-key-hint" class="hint">{t('secretariat.keyHint')}</p>
      <button type="submit" id="op-key-use" class="primary">{t('secretariat.keyUse')}</button>
    </form>
  );
}

function Desk({ api, forget }: { api: Api; forget: () => void }) {
  const { t } = useI18n();
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(new URLSearchParams(location.search).get('meeting'));
  const [seed, setSeed] = useState<SetupFields | null>(null);
  const load = async () => {
    const r = await api<{ meetings: MeetingSummary[] }>('meetings');
    if (r.ok) { setMeetings(r.body.meetings); setProblem(null); } else setProblem(r.status === 401 ? t('secretariat.keyWrong') : t('secretariat.failed', { code: r.code }));
    if (!r.ok && r.status === 401) forget();
  };
  useEffect(() => { void load(); }, []);
  useEffect(() => {
    void fetch('seed-conference.json').then((r) => r.json()).then((s: { conference: MeetingSetupInput }) => setSeed(fieldsFromSetup(s.conference))).catch(() => undefined);
  }, []);
  const choose = (id: string) => {
    setSelected(id);
    const p = new URLSearchParams(location.search); p.set('meeting', id); history.replaceState(null, '', `?${p.toString()}`);
    setTimeout(() => document.getElementById('links-h')?.focus(), 0);
  };
  const current = meetings?.find((m) => m.meetingId === selected);
  return (
    <>
      <p class="key-note">{t('secretariat.keyKept')} <button type="button" class="link" id="op-key-forget" onClick={forget}>{t('secretariat.keyForget')}</button></p>
      {problem ? <p class="error" role="alert">{problem}</p> : null}
      <section class="card" aria-labelledby="meetings-h">
        <h2 id="meetings-h">{t('secretariat.meetings')}</h2>
        {meetings === null ? <p class="muted">{t('link.connecting')}</p> : meetings.length === 0 ? <p class="muted">{t('secretariat.noMeetings')}</p> : (
          <table id="meetings">
            <thead><tr><th scope="col">{t('secretariat.meeting')}</th><th scope="col">{t('setup.date')}</th><th scope="col">{t('setup.timeZone')}</th><th scope="col">{t('secretariat.participants')}</th><th scope="col"><span class="sr-only">{t('secretariat.actions')}</span></th></tr></thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.meetingId} data-meeting={m.meetingId} aria-current={m.meetingId === selected ? 'true' : undefined}>
                  <th scope="row">{m.title}<br /><span class="muted">{[m.body, m.venue].filter(Boolean).join(' · ')}</span></th>
                  <td>{m.date ?? '—'}</td><td class="tz">{m.timeZone ?? 'UTC'}</td><td>{m.participants}</td>
                  <td><button type="button" id={`links-${m.meetingId}`} onClick={() => choose(m.meetingId)} aria-label={t('secretariat.linksOf', { title: m.title })}>{t('secretariat.links')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {selected ? <Links api={api} meetingId={selected} timeZone={current?.timeZone} /> : null}
      <details class="card setup" id="setup">
        <summary id="setup-summary">{t('setup.title')}</summary>
        {seed ? <SetupForm initial={seed} onSubmit={async (fields) => {
          const made = setupFromFields(fields, isTimeZone);
          if (!made.ok) return { problems: made.problems };
          const r = await api<{ meetingId: string }>('meetings', { method: 'POST', body: JSON.stringify(made.setup) });
          if (!r.ok) return { refused: `${r.message} (${r.code})`, problems: [] as FieldProblem[] };
          announce(t('setup.created', { id: r.body.meetingId }));
          await load();
          choose(r.body.meetingId);
          return { problems: [] };
        }} /> : <p class="muted">{t('link.connecting')}</p>}
      </details>
    </>
  );
}

const STATUS = { active: 'links.active', expired: 'links.expired', replaced: 'links.replaced', 'not-issued': 'links.notIssued' } as const;

function Links({ api, meetingId, timeZone }: { api: Api; meetingId: string; timeZone?: string }) {
  const { t, lang } = useI18n();
  const [rows, setRows] = useState<ListedAccess[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = async () => {
    const r = await api<{ access: ListedAccess[] }>(`meetings/${encodeURIComponent(meetingId)}/access`);
    if (r.ok) setRows(r.body.access); else setProblem(t('secretariat.failed', { code: r.code }));
  };
  useEffect(() => { setRows(null); void load(); }, [meetingId]);
  const copy = async (id: string, text: string) => {
    try { await navigator.clipboard.writeText(text); announce(t('links.copied')); }
    catch { (document.getElementById(`link-${id}`) as HTMLInputElement | null)?.select(); announce(t('links.selectToCopy')); }
  };
  const reissue = async (a: ListedAccess) => {
    const r = await api(`meetings/${encodeURIComponent(meetingId)}/participants/${encodeURIComponent(a.participantId)}/token`, { method: 'POST' });
    setConfirming(null);
    if (!r.ok) { setProblem(t('secretariat.failed', { code: r.code })); return; }
    announce(t('links.reissued', { name: a.name }));
    await load();
    document.getElementById(`copy-${a.participantId}`)?.focus();
  };
  const publicLinks = [['viewer', `viewer?meeting=${encodeURIComponent(meetingId)}`], ['display', `display?meeting=${encodeURIComponent(meetingId)}`]] as const;
  return (
    <section class="card" aria-labelledby="links-h">
      <h2 id="links-h" tabIndex={-1}>{t('links.title', { id: meetingId })}</h2>
      {problem ? <p class="error" role="alert">{problem}</p> : null}
      <p class="hint">{t('links.hint', { zone: timeZone ?? 'UTC' })}</p>
      <ul class="plain public-links">
        {publicLinks.map(([k, path]) => <li key={k}>{t(k === 'viewer' ? 'links.publicViewer' : 'links.publicDisplay')}: <a href={path} id={`public-${k}`}>{new URL(path, new URL('.', location.href)).toString()}</a></li>)}
      </ul>
      {rows === null ? <p class="muted">{t('link.connecting')}</p> : (
        <table id="access" class="access">
          <thead><tr><th scope="col">{t('links.participant')}</th><th scope="col">{t('links.role')}</th><th scope="col">{t('links.status')}</th><th scope="col">{t('links.expires')}</th><th scope="col">{t('links.link')}</th></tr></thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.participantId} data-participant={a.participantId} data-status={a.status}>
                <th scope="row">{a.name}{a.delegationId ? <span class="muted"> ({a.delegationId})</span> : null}</th>
                <td>{t(`links.role.${a.role}` as never)}</td>
                <td class={`status-${a.status}`}>{t(STATUS[a.status])}</td>
                <td>{a.expiresAt ? <time dateTime={a.expiresAt} id={`expires-${a.participantId}`}>{formatMeetingDateTime(Date.parse(a.expiresAt), timeZone, lang)}</time> : '—'}</td>
                <td class="link-cell">
                  {a.token && a.status === 'active' ? <>
                    <label class="sr-only" for={`link-${a.participantId}`}>{t('links.linkOf', { name: a.name })}</label>
                    <input id={`link-${a.participantId}`} type="text" readOnly value={linkOf(a)} onFocus={(e) => e.currentTarget.select()} />
                    <button type="button" id={`copy-${a.participantId}`} onClick={() => void copy(a.participantId, linkOf(a))} aria-label={t('links.copyOf', { name: a.name })}>{t('links.copy')}</button>
                  </> : null}
                  {confirming === a.participantId ? <ConfirmReissue id={a.participantId} name={a.name} onYes={() => void reissue(a)} onNo={() => setConfirming(null)} /> : <button type="button" id={`reissue-${a.participantId}`} onClick={() => setConfirming(a.participantId)} aria-label={t('links.reissueOf', { name: a.name })}>{t('links.reissue')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Re-issuing stops the participant's current link at once: asked once more, focus on the question. */
function ConfirmReissue({ id, name, onYes, onNo }: { id: string; name: string; onYes: () => void; onNo: () => void }) {
  const { t } = useI18n();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => { yes.current?.focus(); }, []);
  return (
    <span role="group" aria-label={t('links.reissueQuestion', { name })}>
      <span class="why">{t('links.reissueWarning')}</span>
      <button type="button" class="danger" id={`reissue-confirm-${id}`} ref={yes} onClick={onYes}>{t('links.reissueConfirm')}</button>
      <button type="button" id={`reissue-cancel-${id}`} onClick={() => { onNo(); setTimeout(() => document.getElementById(`reissue-${id}`)?.focus(), 0); }}>{t('common.cancel')}</button>
    </span>
  );
}

// A secretariat participant's link (?token=) opens the record editor: that page is theirs, this one the operator's.
if (new URLSearchParams(location.search).has('token')) location.replace(`record${location.search}`);
else render(<I18nProvider lang={pickLanguage(location.search, navigator.languages ?? [navigator.language])}><Secretariat /></I18nProvider>, document.getElementById('root')!);
