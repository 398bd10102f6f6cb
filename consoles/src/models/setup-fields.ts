// The secretariat's setup form as plain fields, and the meeting setup they make. One mapping
// both ways, so that a field the API accepts cannot be forgotten by the form: the spec checks
// that every field of MeetingSetupSchema is mapped (issue 11: a meeting set up from the
// console lost its time zone and body because the form built its own subset of the setup).
import type { MeetingSetupInput } from '@rostrum/contracts';

type Tri = '' | 'on' | 'off';
export const PRESETS = ['ecosoc', 'un-ga', 'informal-panel', 'robert', 'model-un'] as const;
export const LEVEL_NAMES = ['head-of-state', 'head-of-government', 'vice-president', 'minister', 'vice-minister', 'head-of-delegation', 'other'] as const;

/** Every value of the form, as the inputs hold it (text, or booleans for checkboxes). */
export interface SetupFields {
  id: string; title: string; body: string; venue: string; date: string; timeZone: string;
  symbol: string; session: string; meetingNumber: string;
  public: boolean; viewers: 'anyone' | 'verified';
  preset: (typeof PRESETS)[number];
  /** The main profile overrides; empty / '' means "as the preset says". */
  defaultSeconds: string; warningsSeconds: string; overrun: '' | 'alert-chair' | 'end-after-grace'; graceSeconds: string;
  groupsFirst: Tri; levelOrdering: Tri; pointOfOrderAppeal: Tri; rightOfReply: Tri; closingNeedsAnnouncement: Tri;
  /** The chair: named in the record's masthead ("President: …"). */
  presidingName: string; presidingTitle: string; presidingDelegation: string; presidingId: string;
  /** One per line: `id | title`, or just the title. */
  items: string;
  /** `id | name | coordinating delegation` */
  groups: string;
  /** `id | name | tier | groups (comma separated) | category` */
  delegations: string;
  /** `role | name | delegation | title | level | gender | language | id` */
  participants: string;
  /** `starts at | ends at` (ISO date-times), one planned meeting of the session per line. */
  sittings: string;
  qnaEnabled: boolean; qnaModeration: 'pre' | 'open'; qnaAnonymity: 'off' | 'allowed' | 'strict';
  qnaViewersMayAsk: boolean; qnaViewersMayVote: boolean; qnaMaxLength: string; qnaBlockedWords: string;
  qnaRateQuestions: string; qnaRateWindowSeconds: string;
}

/** A problem with one field: the id of the field and a message key with its values. */
export interface FieldProblem { field: keyof SetupFields; message: 'setup.error.number' | 'setup.error.line' | 'setup.error.timeZone' | 'setup.error.required'; line?: number }

const cells = (line: string) => line.split('|').map((c) => c.trim());
const lines = (t: string) => t.split('\n').map((l) => l.trim()).filter(Boolean);
const opt = <K extends string>(key: K, v: string): Partial<Record<K, string>> => (v.trim() ? { [key]: v.trim() } as Record<K, string> : {});
const tri = (v: Tri): boolean | undefined => (v === 'on' ? true : v === 'off' ? false : undefined);
const toTri = (v: unknown): Tri => (v === true ? 'on' : v === false ? 'off' : '');
const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

/** The setup a form makes, or the problems that keep it from being sent. No JSON is typed by anyone. */
export function setupFromFields(f: SetupFields, isTimeZone: (tz: string) => boolean = () => true): { ok: true; setup: MeetingSetupInput } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const int = (field: keyof SetupFields, v: string): number | undefined => {
    if (!v.trim()) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) { problems.push({ field, message: 'setup.error.number' }); return undefined; }
    return n;
  };
  if (!f.title.trim()) problems.push({ field: 'title', message: 'setup.error.required' });
  if (f.timeZone.trim() && !isTimeZone(f.timeZone.trim())) problems.push({ field: 'timeZone', message: 'setup.error.timeZone' });
  const time = {
    ...(int('defaultSeconds', f.defaultSeconds) !== undefined ? { defaultSeconds: Number(f.defaultSeconds) } : {}),
    ...(f.warningsSeconds.trim() ? { warningsSeconds: list(f.warningsSeconds).map(Number) } : {}),
    ...(f.overrun ? { overrun: f.overrun } : {}),
    ...(int('graceSeconds', f.graceSeconds) !== undefined ? { graceSeconds: Number(f.graceSeconds) } : {}),
  };
  if (time.warningsSeconds?.some((n) => !Number.isInteger(n) || n < 0)) problems.push({ field: 'warningsSeconds', message: 'setup.error.number' });
  const overrides: Record<string, unknown> = {
    ...(Object.keys(time).length ? { time } : {}),
    ...(tri(f.groupsFirst) !== undefined ? { groupsFirst: tri(f.groupsFirst) } : {}),
    ...(tri(f.levelOrdering) !== undefined ? { levelOrdering: tri(f.levelOrdering) } : {}),
    ...(tri(f.pointOfOrderAppeal) !== undefined ? { pointsOfOrder: { appeal: tri(f.pointOfOrderAppeal) } } : {}),
    ...(tri(f.rightOfReply) !== undefined ? { rightOfReply: { enabled: tri(f.rightOfReply) } } : {}),
    ...(tri(f.closingNeedsAnnouncement) !== undefined ? { closing: { requiresAnnouncement: tri(f.closingNeedsAnnouncement) } } : {}),
  };
  const presiding = f.presidingName.trim()
    ? [{ ...opt('id', f.presidingId), role: 'chair' as const, name: f.presidingName.trim(), ...opt('delegationId', f.presidingDelegation), ...opt('title', f.presidingTitle) }]
    : [];
  const participants = lines(f.participants).map(cells).map(([role, name, del, title, level, gender, language, id], i) => {
    if (!role || !name) problems.push({ field: 'participants', message: 'setup.error.line', line: i + 1 });
    return {
      ...opt('id', id ?? ''), role: role as 'delegate', name: name ?? '', ...opt('delegationId', del ?? ''), ...opt('title', title ?? ''),
      ...(level ? { level: level as 'other' } : {}), ...(gender ? { gender: gender as 'female' } : {}), ...opt('language', language ?? ''),
    };
  });
  const meetingNumber = int('meetingNumber', f.meetingNumber);
  const maxLength = int('qnaMaxLength', f.qnaMaxLength);
  const rateQ = int('qnaRateQuestions', f.qnaRateQuestions);
  const rateW = int('qnaRateWindowSeconds', f.qnaRateWindowSeconds);
  const setup: MeetingSetupInput = {
    ...opt('id', f.id), title: f.title.trim(), ...opt('body', f.body), ...opt('venue', f.venue), ...opt('date', f.date), ...opt('timeZone', f.timeZone),
    ...opt('symbol', f.symbol), ...opt('session', f.session), ...(meetingNumber !== undefined ? { meetingNumber } : {}),
    public: f.public, viewers: f.viewers,
    profile: { preset: f.preset, overrides },
    items: lines(f.items).map((l) => { const c = cells(l); return c.length > 1 ? { id: c[0]!, title: c.slice(1).join(' | ') } : { title: l }; }),
    groups: lines(f.groups).map(cells).map(([id, name, coord]) => ({ id: id!, name: name ?? '', ...opt('coordinatorDelegationId', coord ?? '') })),
    delegations: lines(f.delegations).map(cells).map(([id, name, tier, groups, category]) => ({
      id: id!, name: name ?? '', tier: tier ?? '', groups: list(groups ?? ''), ...(category ? { category: category as 'member-state' } : {}),
    })),
    participants: [...presiding, ...participants],
    qna: {
      enabled: f.qnaEnabled, moderation: f.qnaModeration, anonymity: f.qnaAnonymity, viewersMayAsk: f.qnaViewersMayAsk, viewersMayVote: f.qnaViewersMayVote,
      ...(maxLength !== undefined ? { maxLength } : {}), blockedWords: list(f.qnaBlockedWords),
      ...(rateQ !== undefined && rateW !== undefined ? { rateLimit: { questions: rateQ, windowSeconds: rateW } } : {}),
    },
    sittings: lines(f.sittings).map(cells).map(([startsAt, endsAt]) => ({ startsAt: startsAt ?? '', endsAt: endsAt ?? '' })),
  };
  return problems.length ? { ok: false, problems } : { ok: true, setup };
}

/** The form filled from a setup (the seed conference, or a meeting to copy). The first chair becomes the presiding officer. */
export function fieldsFromSetup(s: MeetingSetupInput): SetupFields {
  const o = (s.profile.overrides ?? {}) as {
    time?: { defaultSeconds?: number; warningsSeconds?: number[]; overrun?: SetupFields['overrun']; graceSeconds?: number };
    groupsFirst?: boolean; levelOrdering?: boolean; pointsOfOrder?: { appeal?: boolean }; rightOfReply?: { enabled?: boolean }; closing?: { requiresAnnouncement?: boolean };
  };
  const people = s.participants ?? [];
  const chair = people.find((p) => p.role === 'chair');
  const q = s.qna ?? {};
  return {
    id: s.id ?? '', title: s.title, body: s.body ?? '', venue: s.venue ?? '', date: s.date ?? '', timeZone: s.timeZone ?? '',
    symbol: s.symbol ?? '', session: s.session ?? '', meetingNumber: s.meetingNumber !== undefined ? String(s.meetingNumber) : '',
    public: s.public ?? true, viewers: s.viewers ?? 'anyone', preset: s.profile.preset,
    defaultSeconds: o.time?.defaultSeconds !== undefined ? String(o.time.defaultSeconds) : '',
    warningsSeconds: (o.time?.warningsSeconds ?? []).join(', '), overrun: o.time?.overrun ?? '',
    graceSeconds: o.time?.graceSeconds !== undefined ? String(o.time.graceSeconds) : '',
    groupsFirst: toTri(o.groupsFirst), levelOrdering: toTri(o.levelOrdering), pointOfOrderAppeal: toTri(o.pointsOfOrder?.appeal),
    rightOfReply: toTri(o.rightOfReply?.enabled), closingNeedsAnnouncement: toTri(o.closing?.requiresAnnouncement),
    presidingName: chair?.name ?? '', presidingTitle: chair?.title ?? '', presidingDelegation: chair?.delegationId ?? '', presidingId: chair?.id ?? '',
    items: s.items.map((i) => (i.id ? `${i.id} | ${i.title}` : i.title)).join('\n'),
    groups: (s.groups ?? []).map((g) => [g.id, g.name, g.coordinatorDelegationId ?? ''].join(' | ')).join('\n'),
    delegations: (s.delegations ?? []).map((d) => [d.id, d.name, d.tier, (d.groups ?? []).join(', '), d.category ?? ''].join(' | ')).join('\n'),
    participants: people.filter((p) => p !== chair)
      .map((p) => [p.role, p.name, p.delegationId ?? '', p.title ?? '', p.level ?? '', p.gender ?? '', p.language ?? '', p.id ?? ''].join(' | ')).join('\n'),
    sittings: (s.sittings ?? []).map((x) => `${x.startsAt} | ${x.endsAt}`).join('\n'),
    qnaEnabled: q.enabled ?? true, qnaModeration: q.moderation ?? 'pre', qnaAnonymity: q.anonymity ?? 'allowed',
    qnaViewersMayAsk: q.viewersMayAsk ?? true, qnaViewersMayVote: q.viewersMayVote ?? true,
    qnaMaxLength: q.maxLength !== undefined ? String(q.maxLength) : '', qnaBlockedWords: (q.blockedWords ?? []).join(', '),
    qnaRateQuestions: q.rateLimit ? String(q.rateLimit.questions) : '', qnaRateWindowSeconds: q.rateLimit ? String(q.rateLimit.windowSeconds) : '',
  };
}
