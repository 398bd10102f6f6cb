// Meeting setup for the secretariat: plain labelled fields, one line per agenda item,
// delegation, group or participant (quick to type, easy to paste). Holds the operator key in
// the page only (never stored). Prefilled with the seed conference.
import { announce, h, render } from '../core/dom.js';
import type { MeetingSetupInput } from '@rostrum/contracts';

type Access = Array<{ participantId: string; name: string; role: string; delegationId?: string; token: string }>;
const cells = (line: string) => line.split('|').map((c) => c.trim());
const lines = (t: string) => t.split('\n').map((l) => l.trim()).filter(Boolean);
const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
  h('p', {}, h('label', { for: id }, label), control, hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null);

export function setupForm(host: HTMLElement): void {
  const key = h('input', { id: 'op-key', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'op-key-hint' });
  const title = h('input', { id: 'm-title', type: 'text', required: true });
  const venue = h('input', { id: 'm-venue', type: 'text' });
  const date = h('input', { id: 'm-date', type: 'date' });
  const preset = h('select', { id: 'm-preset' }, ...['ecosoc', 'un-ga', 'informal-panel', 'robert', 'model-un'].map((p) => h('option', { value: p }, p)));
  const overrides = h('textarea', { id: 'm-overrides', rows: 2, 'aria-describedby': 'm-overrides-hint' }, '{}');
  const isPublic = h('input', { id: 'm-public', type: 'checkbox', checked: true });
  const items = h('textarea', { id: 'm-items', rows: 3, 'aria-describedby': 'm-items-hint' });
  const groups = h('textarea', { id: 'm-groups', rows: 2, 'aria-describedby': 'm-groups-hint' });
  const dels = h('textarea', { id: 'm-dels', rows: 6, 'aria-describedby': 'm-dels-hint' });
  const people = h('textarea', { id: 'm-people', rows: 8, 'aria-describedby': 'm-people-hint' });
  const out = h('div', { id: 'access', 'aria-live': 'polite' });

  void fetch('seed-conference.json').then((r) => r.json()).then((seed: { conference: MeetingSetupInput }) => {
    const c = seed.conference;
    title.value = c.title; venue.value = c.venue ?? ''; date.value = c.date ?? ''; preset.value = c.profile.preset;
    items.value = c.items.map((i) => i.title).join('\n');
    groups.value = (c.groups ?? []).map((g) => [g.id, g.name, g.coordinatorDelegationId ?? ''].join(' | ')).join('\n');
    dels.value = (c.delegations ?? []).map((d) => [d.id, d.name, d.tier, (d.groups ?? []).join(',')].join(' | ')).join('\n');
    people.value = (c.participants ?? []).map((p) => [p.role, p.name, p.delegationId ?? '', p.title ?? '', p.level ?? ''].join(' | ')).join('\n');
  }).catch(() => undefined);

  const build = (): MeetingSetupInput => ({
    title: title.value.trim(), venue: venue.value.trim() || undefined, date: date.value || undefined, public: isPublic.checked,
    profile: { preset: preset.value as MeetingSetupInput['profile']['preset'], overrides: JSON.parse(overrides.value || '{}') as Record<string, unknown> },
    items: lines(items.value).map((t) => ({ title: t })),
    groups: lines(groups.value).map(cells).map(([id, name, coord]) => ({ id: id!, name: name!, ...(coord ? { coordinatorDelegationId: coord } : {}) })),
    delegations: lines(dels.value).map(cells).map(([id, name, tier, g]) => ({ id: id!, name: name!, tier: tier!, groups: g ? g.split(',').map((s) => s.trim()).filter(Boolean) : [] })),
    participants: lines(people.value).map(cells).map(([role, name, del, t, level]) => ({
      role: role as 'delegate', name: name!, ...(del ? { delegationId: del } : {}), ...(t ? { title: t } : {}), ...(level ? { level: level as 'other' } : {}),
    })),
  });

  const form = h('form', {
    class: 'card', 'aria-labelledby': 'setup-h',
    onsubmit: ((e: Event) => {
      e.preventDefault();
      let body: MeetingSetupInput;
      try { body = build(); } catch (err) { render(out, h('p', { role: 'alert', class: 'error' }, `Overrides: ${(err as Error).message}`)); return; }
      void fetch('../meetings', { method: 'POST', headers: { 'content-type': 'application/json', 'x-operator-key': key.value }, body: JSON.stringify(body) })
        .then(async (res) => {
          const json = await res.json() as { meetingId?: string; access?: Access; error?: { code: string; message: string }; code?: string; message?: string };
          if (res.status !== 201) { render(out, h('p', { role: 'alert', class: 'error' }, `${json.error?.code ?? json.code ?? res.status}: ${json.error?.message ?? json.message ?? ''}`)); return; }
          render(out, accessTable(json.meetingId!, json.access!));
          announce(`Meeting created with ${json.access!.length} access links.`);
        });
    }) as EventListener,
  },
  h('h2', { id: 'setup-h' }, 'Set up a meeting'),
  field('op-key', 'Operator key', key, 'OPERATOR_KEY from .env; kept in this page only.'),
  field('m-title', 'Title', title), field('m-venue', 'Venue', venue), field('m-date', 'Date', date),
  field('m-preset', 'Rules profile', preset), field('m-overrides', 'Profile overrides (JSON)', overrides, 'e.g. {"time":{"defaultSeconds":180}}'),
  h('p', {}, isPublic, h('label', { for: 'm-public' }, ' Public meeting (anonymous viewers may follow)')),
  field('m-items', 'Agenda', items, 'One item per line.'),
  field('m-groups', 'Groups', groups, 'ID | Name | coordinating delegation'),
  field('m-dels', 'Delegations', dels, 'ID | Name | tier | groups (comma separated)'),
  field('m-people', 'Participants', people, 'role | name | delegation | title | level'),
  h('button', { type: 'submit', id: 'setup-create', class: 'primary' }, 'Create the meeting and issue access'),
  out);
  host.replaceChildren(form);
}

function accessTable(meetingId: string, access: Access): HTMLElement {
  const base = new URL('.', location.href);
  const link = (role: string, token: string) => new URL(`${role}?token=${encodeURIComponent(token)}`, base).toString();
  return h('div', {},
    h('h3', {}, `Access links for ${meetingId}`),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Participant'), h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Link'))),
      h('tbody', {}, ...access.map((a) => h('tr', {}, h('td', {}, a.name, a.delegationId ? ` (${a.delegationId})` : ''), h('td', {}, a.role),
        h('td', {}, h('a', { href: link(a.role, a.token) }, `${a.role} console`)))))),
    h('p', {}, 'Viewers: ', h('a', { href: new URL(`viewer?meeting=${encodeURIComponent(meetingId)}`, base).toString() }, 'public viewer link')));
}
