// A modal question (native <dialog>: focus is trapped inside and returns to the control that
// opened it): a confirmation, optionally with a text answer (a reason, a ruling).
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context';

export interface AskOptions {
  title: string;
  /** What will happen, in a sentence. */
  body?: string;
  confirm: string;
  /** Ask for a text (label); `required` refuses an empty answer. */
  input?: { label: string; required: boolean };
  danger?: boolean;
}

/** `[dialog element, ask]`: `ask(opts)` resolves with the text ('' without input) or null when cancelled. */
export function useAsk(): [preact.JSX.Element, (o: AskOptions) => Promise<string | null>] {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [opts, setOpts] = useState<AskOptions | null>(null);
  const resolver = useRef<((v: string | null) => void) | null>(null);
  const ask = (o: AskOptions) => new Promise<string | null>((resolve) => {
    resolver.current = resolve;
    setOpts(o);
    queueMicrotask(() => setTimeout(() => { if (ref.current && !ref.current.open) ref.current.showModal(); }, 0));
  });
  const done = (v: string | null) => { ref.current?.close(); resolver.current?.(v); resolver.current = null; setOpts(null); };
  const el = (
    <dialog ref={ref} id="ask" aria-labelledby="ask-title" onCancel={(e) => { e.preventDefault(); done(null); }}>
      {opts ? (
        <form method="dialog" onSubmit={(e) => {
          e.preventDefault();
          const v = opts.input ? (e.currentTarget.elements.namedItem('answer') as HTMLInputElement).value.trim() : '';
          if (opts.input?.required && !v) return;
          done(v);
        }}>
          <h2 id="ask-title">{opts.title}</h2>
          {opts.body ? <p>{opts.body}</p> : null}
          {opts.input ? <><label for="ask-answer">{opts.input.label}</label><textarea id="ask-answer" name="answer" rows={2} required={opts.input.required} /></> : null}
          <p class="actions">
            <button type="submit" id="ask-confirm" class={opts.danger ? 'danger' : 'primary'}>{opts.confirm}</button>
            <button type="button" id="ask-cancel" onClick={() => done(null)}>{t('common.cancel')}</button>
          </p>
        </form>
      ) : null}
    </dialog>
  );
  return [el, ask];
}
