// A few DOM helpers: build elements without innerHTML (no injection from names or questions),
// and speak through the page's aria-live regions.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'object' ? c : String(c));
  return el;
}

export const $ = <T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = document): T => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`missing ${sel}`);
  return el;
};

/** Replaces the children of `el`, keeping focus on an element with the same id when it is redrawn. */
export function render(el: HTMLElement, ...children: Child[]): void {
  const focusedId = document.activeElement instanceof HTMLElement && el.contains(document.activeElement) ? document.activeElement.id : '';
  el.replaceChildren(...children.filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false).map((c) => (typeof c === 'object' ? c : String(c))));
  if (focusedId) document.getElementById(focusedId)?.focus();
}

/** Speaks through the page's aria-live regions (one implementation, shared with the Preact consoles). */
export { announce } from '../shell/announce.js';

export const fmtTime = (ms: number): string => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
export const fmtClock = (s: number): string => {
  const neg = s < 0;
  const a = Math.abs(Math.trunc(s));
  return `${neg ? '−' : ''}${Math.floor(a / 60)}:${String(a % 60).padStart(2, '0')}`;
};
