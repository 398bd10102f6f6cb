// "Focus stays where the user acted": a console redraws parts of the page on every event; when
// that takes focus away from the control the user last used (it was replaced, or its row moved),
// focus goes back to the control with the same id, else to its region (`data-focus-home`,
// focusable with tabIndex -1) — never to the top of the page. A user who put focus elsewhere on
// purpose (a click outside any control) keeps it there.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export function useFocusKeeper(): void {
  const last = useRef<{ id: string; home: string | null; left: boolean } | null>(null);
  useEffect(() => {
    const focused = (e: FocusEvent) => {
      const el = e.target;
      if (!(el instanceof HTMLElement) || el === document.body || el.closest('dialog')) return;
      last.current = { id: el.id, home: el.closest<HTMLElement>('[data-focus-home]')?.id ?? null, left: false };
    };
    const pointer = (e: PointerEvent) => {
      const l = last.current;
      const target = e.target instanceof Element ? e.target : null;
      if (l && !target?.closest('button, a, input, select, textarea, label, dialog, [tabindex]')) l.left = true;
    };
    document.addEventListener('focusin', focused);
    document.addEventListener('pointerdown', pointer, true);
    return () => { document.removeEventListener('focusin', focused); document.removeEventListener('pointerdown', pointer, true); };
  }, []);
  useLayoutEffect(() => {
    const l = last.current;
    const now = document.activeElement;
    if (!l || l.left || (now && now !== document.body) || document.querySelector('dialog[open]')) return;
    const again = (l.id && document.getElementById(l.id)) || (l.home && document.getElementById(l.home));
    if (again) again.focus({ preventScroll: true });
  });
}
