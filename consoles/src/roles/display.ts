// Room display (the chamber's screens): the speaker and the clock, the list of speakers, and
// the vote board — "voting in progress" while open (no tally, R50), the result once closed.
import { startConsole } from '../core/app.js';
import { h } from '../core/dom.js';
import { FloorPanel, applyLocally, speakerPanel, speakersList } from '../core/floor.js';
import type { FloorViewPayload, Snapshot, VoteResult } from '../core/protocol.js';
import { voteBoard } from '../core/votes.js';

startConsole(['viewer'], (ctx) => {
  const el = h('div', { id: 'floor', class: 'display' });
  ctx.main.replaceChildren(el);
  const panel = new FloorPanel(el, (v) => [voteBoard(v), speakerPanel(v), speakersList(v)], () => ctx.conn.serverOffset);
  return {
    snapshot: (s: Snapshot) => panel.set(s.meeting.state),
    // A closed vote's roll call is in the snapshot only: ask for one when a vote opens or closes.
    event: (e) => { if (e.stream === 'meeting' && !applyLocally(panel.view, e) && e.type.startsWith('vote.')) ctx.refreshSoon(); },
    transient: (name, data) => {
      if (name !== 'floor.view') return;
      // floor.view carries a closed vote's totals only; its roll call came with the snapshot (R52).
      const p = data as FloorViewPayload;
      const next = p.view.lastVote as VoteResult | null | undefined;
      const shown = panel.view.lastVote;
      if (next && shown?.ballots && next.voteId === shown.voteId) p.view.lastVote = { ...next, ballots: shown.ballots };
      panel.merge(p);
    },
  };
}, () => 200 + Math.random() * 800);
