// A modal that asks the chair for a reason (reorder, decline, reopen). Native <dialog>: focus
// is trapped and Escape cancels, which keeps it keyboard-operable without a library.
import { h } from '../core/dom.js';

/** Resolves with the reason ('' when none is needed and none given), or null when cancelled. */
export function askReason(question: string, required = false): Promise<string | null> {
  const input = h('input', { id: 'reason-input', name: 'reason', type: 'text', maxlength: 500, required, autocomplete: 'off' });
  const dialog = h('dialog', { id: 'reason-dialog', 'aria-labelledby': 'reason-q' },
    h('form', { method: 'dialog' },
      h('p', { id: 'reason-q' }, h('label', { for: 'reason-input' }, question)), input,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', value: 'ok', id: 'reason-ok', class: 'primary' }, 'Confirm'),
        h('button', { type: 'button', id: 'reason-cancel', onclick: () => dialog.close('cancel') }, 'Cancel'))));
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => { resolve(dialog.returnValue === 'ok' ? input.value.trim() : null); dialog.remove(); });
    dialog.showModal();
    input.focus();
  });
}
