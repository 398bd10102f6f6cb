// The setup form: labelled fields, grouped, no JSON. The mapping to a setup is
// models/setup-fields.ts (unit-tested to keep every field of the setup).
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { MessageId } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n-context';
import { LEVEL_NAMES, PRESETS, type FieldProblem, type SetupFields } from '../models/setup-fields';

type Result = { problems: FieldProblem[]; refused?: string };
const ZONES: string[] = (() => { try { return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone'); } catch { return []; } })();

export function SetupForm({ initial, onSubmit }: { initial: SetupFields; onSubmit: (f: SetupFields) => Promise<Result> }) {
  const { t } = useI18n();
  const [f, setF] = useState<SetupFields>(initial);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SetupFields>(k: K, v: SetupFields[K]) => setF((x) => ({ ...x, [k]: v }));
  const problemOf = (k: keyof SetupFields) => result?.problems.find((p) => p.field === k);
  const text = (k: keyof SetupFields, label: MessageId, opts: { hint?: MessageId; type?: string; list?: string; rows?: number; required?: boolean } = {}) => {
    const id = `m-${k}`;
    const problem = problemOf(k);
    const describedBy = [opts.hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const common = { id, name: k, value: f[k] as string, required: opts.required, 'aria-invalid': problem ? 'true' as const : undefined, 'aria-describedby': describedBy };
    return (
      <p class="field">
        <label for={id}>{t(label)}</label>
        {opts.rows ? <textarea {...common} rows={opts.rows} onInput={(e) => set(k, e.currentTarget.value as never)} />
          : <input {...common} type={(opts.type ?? 'text') as 'text'} list={opts.list} onInput={(e) => set(k, e.currentTarget.value as never)} />}
        {opts.hint ? <span class="hint" id={`${id}-hint`}>{t(opts.hint)}</span> : null}
        {problem ? <span class="error" id={`${id}-error`}>{t(problem.message, { line: problem.line ?? 0 })}</span> : null}
      </p>
    );
  };
  const select = (k: keyof SetupFields, label: MessageId, options: Array<[string, MessageId | null, string?]>) => (
    <p class="field">
      <label for={`m-${k}`}>{t(label)}</label>
      <select id={`m-${k}`} value={f[k] as string} onChange={(e) => set(k, e.currentTarget.value as never)}>
        {options.map(([v, l, raw]) => <option key={v} value={v}>{l ? t(l) : raw ?? v}</option>)}
      </select>
    </p>
  );
  const tri = (k: keyof SetupFields, label: MessageId) => select(k, label, [['', 'setup.asPreset'], ['on', 'setup.on'], ['off', 'setup.off']]);
  const check = (k: keyof SetupFields, label: MessageId) => (
    <p class="field check"><input id={`m-${k}`} type="checkbox" checked={f[k] as boolean} onChange={(e) => set(k, e.currentTarget.checked as never)} /> <label for={`m-${k}`}>{t(label)}</label></p>
  );
  const group = (legend: MessageId, children: ComponentChildren) => <fieldset><legend>{t(legend)}</legend>{children}</fieldset>;
  return (
    <form class="setup-form" aria-label={t('setup.title')} noValidate onSubmit={async (e) => {
      e.preventDefault();
      setBusy(true);
      const r = await onSubmit(f);
      setBusy(false);
      setResult(r);
      if (r.problems.length) setTimeout(() => document.getElementById(`m-${r.problems[0]!.field}`)?.focus(), 0);
    }}>
      {group('setup.meeting', <>
        {text('title', 'setup.titleField', { required: true })}
        {text('body', 'setup.body', { hint: 'setup.bodyHint' })}
        {text('venue', 'setup.venue')}
        {text('date', 'setup.date', { type: 'date' })}
        {text('timeZone', 'setup.timeZone', { list: 'time-zones', hint: 'setup.timeZoneHint' })}
        <datalist id="time-zones">{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
        {text('symbol', 'setup.symbol')}
        {text('session', 'setup.session')}
        {text('meetingNumber', 'setup.meetingNumber', { type: 'number' })}
        {text('id', 'setup.id', { hint: 'setup.idHint' })}
      </>)}
      {group('setup.presiding', <>
        {text('presidingName', 'setup.presidingName')}
        {text('presidingTitle', 'setup.presidingTitle')}
        {text('presidingDelegation', 'setup.presidingDelegation', { hint: 'setup.presidingDelegationHint' })}
      </>)}
      {group('setup.rules', <>
        {select('preset', 'setup.preset', PRESETS.map((p) => [p, null, p]))}
        {text('defaultSeconds', 'setup.defaultSeconds', { type: 'number', hint: 'setup.asPresetHint' })}
        {text('warningsSeconds', 'setup.warningsSeconds', { hint: 'setup.warningsHint' })}
        {select('overrun', 'setup.overrun', [['', 'setup.asPreset'], ['alert-chair', 'setup.overrunAlert'], ['end-after-grace', 'setup.overrunEnd']])}
        {text('graceSeconds', 'setup.graceSeconds', { type: 'number' })}
        {tri('groupsFirst', 'setup.groupsFirst')}
        {tri('levelOrdering', 'setup.levelOrdering')}
        {tri('pointOfOrderAppeal', 'setup.appeal')}
        {tri('rightOfReply', 'setup.rightOfReply')}
        {tri('closingNeedsAnnouncement', 'setup.closing')}
      </>)}
      {group('setup.access', <>
        {check('public', 'setup.public')}
        {select('viewers', 'setup.viewers', [['anyone', 'setup.viewersAnyone'], ['verified', 'setup.viewersVerified']])}
      </>)}
      {group('setup.qna', <>
        {check('qnaEnabled', 'setup.qnaEnabled')}
        {select('qnaModeration', 'setup.qnaModeration', [['pre', 'setup.qnaPre'], ['open', 'setup.qnaOpen']])}
        {select('qnaAnonymity', 'setup.qnaAnonymity', [['off', 'setup.anonOff'], ['allowed', 'setup.anonAllowed'], ['strict', 'setup.anonStrict']])}
        {check('qnaViewersMayAsk', 'setup.viewersMayAsk')}
        {check('qnaViewersMayVote', 'setup.viewersMayVote')}
        {text('qnaMaxLength', 'setup.maxLength', { type: 'number' })}
        {text('qnaBlockedWords', 'setup.blockedWords', { hint: 'setup.commaHint' })}
        {text('qnaRateQuestions', 'setup.rateQuestions', { type: 'number' })}
        {text('qnaRateWindowSeconds', 'setup.rateWindow', { type: 'number' })}
      </>)}
      {group('setup.people', <>
        {text('items', 'setup.items', { rows: 3, hint: 'setup.itemsHint' })}
        {text('groups', 'setup.groups', { rows: 2, hint: 'setup.groupsHint' })}
        {text('delegations', 'setup.delegations', { rows: 6, hint: 'setup.delegationsHint' })}
        {text('participants', 'setup.participants', { rows: 8, hint: 'setup.participantsHint' })}
        <p class="hint">{t('setup.levels', { levels: LEVEL_NAMES.join(', ') })}</p>
        {text('sittings', 'setup.sittings', { rows: 2, hint: 'setup.sittingsHint' })}
      </>)}
      <div role="alert" class="errors">
        {result?.refused ? <p class="error">{t('setup.refused', { detail: result.refused })}</p> : null}
        {result && result.problems.length ? <p class="error">{t('setup.problems', { count: result.problems.length })}</p> : null}
      </div>
      <button type="submit" id="setup-create" class="primary" aria-busy={busy || undefined}>{t('setup.create')}</button>
    </form>
  );
}
