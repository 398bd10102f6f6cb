// The running record follows new entries while the reader is at its end, and stays put once
// they scrolled back to read (issue 11: on a phone the newest entries hid at the bottom of an
// inner scroll box). The page itself scrolls; this decides, the page only measures and scrolls.

/** What the page measures of its scrolling element, px. */
export interface ScrollMetrics { scrollTop: number; scrollHeight: number; clientHeight: number }

/** Within `slackPx` of the end counts as at the end (a finger never stops exactly there). */
export const FOLLOW_SLACK_PX = 64;

export const atEnd = (m: ScrollMetrics, slackPx = FOLLOW_SLACK_PX): boolean => m.scrollHeight - m.scrollTop - m.clientHeight <= slackPx;

/**
 * Following or not, and how many entries arrived unseen while not. `scrolled` is called on every
 * scroll, `arrived` when entries are appended (before the page scrolls); `arrived` answers
 * whether to scroll to the end now.
 */
export class RecordFollow {
  following = true;
  unseen = 0;

  scrolled(m: ScrollMetrics): void {
    this.following = atEnd(m);
    if (this.following) this.unseen = 0;
  }

  arrived(count: number): { scrollToEnd: boolean; unseen: number } {
    if (count <= 0) return { scrollToEnd: false, unseen: this.unseen };
    if (this.following) return { scrollToEnd: true, unseen: 0 };
    this.unseen += count;
    return { scrollToEnd: false, unseen: this.unseen };
  }

  /** The reader asked to jump to the newest entries. */
  jumped(): void { this.following = true; this.unseen = 0; }
}
