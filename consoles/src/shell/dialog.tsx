// A modal question (native <dialog>: focus is trapped inside and returns to the control that
// opened it): a confirmation, optionally with fields (a reason, a place on the list).
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context';

export interface AskField { name: string; label: string; required: boolean; type?: 'text' | 'number'; min?: number; max?: number; value?: string }

export interface AskOptions {
  title: string;
  /** What will happen, in a sentence. */
  body?: string;
  confirm: string;
  fields?: AskField[];
  danger?: boolean;
}

/** `[dialog element, ask]`: `ask(opts)` resolves with the fields' values (`{}` without fields), or null when cancelled. */
export function useAsk(): [preact.JSX.Element, (o: AskOptions) => Promise<Record<string, string> | null>] {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [opts, setOpts] = useState<AskOptions | null>(null);
  const resolver = useRef<((v: Record<string, string> | null) => void) | null>(null);
  const ask = (o: AskOptions) => new Promise<Record<string, string> | null>((resolve) => {
    resolver.current = resolve;
    setOpts(o);
    setTimeout(() => { if (ref.current && !ref.current.open) ref.current.showModal(); }, 0);
  });
  const done = (v: Record<string, string> | null) => { ref.current?.close(); resolver.current?.(v); resolver.current = null; setOpts(null); };
  return [(
    <dialog ref={ref} id="ask" aria-labelledby="ask-title" onCancel={(e) => { e.preventDefault(); done(null); }}>
      {opts ? (
        <form method="dialog" onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          if (!form.reportValidity()) return;
          const values: Record<string, string> = {};
          for (const f of opts.fields ?? []) values[f.name] = (form.elements.namedItem(f.name) as HTMLInputElement).value.trim();
          done(values);
        }}>
          <h2 id="ask-title">{opts.title}</h2>
          {opts.body ? <p>{opts.body}</p> : null}
          {(opts.fields ?? []).map((f, i) => (
            <p key={f.name}>
              <label for={`ask-${f.name}`}>{f.label}</label>
              {f.type === 'number'
                ? <input id={`ask-${f.name}`} name={f.name} type="number" inputMode="numeric" min={f.min} max={f.max} required={f.required} value={f.value} autoFocus={i === 0} />
                : <textarea id={`ask-${f.name}`} name={f.name} rows={2} required={f.required} autoFocus={i === 0} value={f.value} />}
            </p>
          ))}
          <p class="actions">
            <button type="submit" id="ask-confirm" class={opts.danger ? 'danger' : 'primary'}>{opts.confirm}</button>
            <button type="button" id="ask-cancel" onClick={() => done(null)}>{t('common.cancel')}</button>
          </p>
        </form>
      ) : null}
    </dialog>
  ), ask];
}
