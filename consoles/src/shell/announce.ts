// Speaking to screen readers through two aria-live regions (polite, assertive) the shell draws
// once. A region is emptied and refilled a moment later so the same words said twice are
// announced twice; what is said in one instant is spoken together.
const queued: Record<'announce-assertive' | 'announce-polite', string[]> = { 'announce-assertive': [], 'announce-polite': [] };

/** Says `text`; `assertive` interrupts (a point of order, the floor). */
export function announce(text: string, assertive = false): void {
  const id = assertive ? 'announce-assertive' : 'announce-polite';
  const region = document.getElementById(id);
  if (!region) return;
  const pending = queued[id];
  pending.push(text);
  if (pending.length > 1) return;
  region.textContent = '';
  setTimeout(() => { region.textContent = pending.splice(0).join(' '); }, 50);
}
