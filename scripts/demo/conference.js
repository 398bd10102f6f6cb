// The seed conference, played by simulated participants at accelerated speed: KAIPTC's
// half-day conference in the ECOSOC Chamber, then the WPS working lunch (informal-panel).
const { Participant } = require('./client');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Short allotments so the whole morning plays in a few minutes; warnings at 3 s left. */
const FAST = {
  time: { defaultSeconds: 8, perTypeSeconds: { statement: 8, 'group-statement': 10, 'point-of-order': 5, 'right-of-reply': 6, question: 6 }, perTierSeconds: { 'civil-society': 6 }, warningsSeconds: [3] },
  rightOfReply: { limitsSeconds: [6, 4] },
};
const REMOTE = new Set(['NOR', 'ECOWAS', 'SADC', 'IPI']);

async function joinAll(ctx, meetingId, access) {
  const people = {};
  for (const a of access) people[a.participantId] = await Participant.join(ctx.base, a.token, a.delegationId ?? a.role);
  for (const a of access) if (a.delegationId && REMOTE.has(a.delegationId)) await people[a.participantId].cmd('presence.update', { status: 'connected', mode: 'remote' });
  const viewers = [];
  for (let i = 0; i < 3; i++) viewers.push(await Participant.join(ctx.base, await ctx.viewerToken(meetingId), `viewer-${i + 1}`));
  return { people, viewers };
}

/** One intervention: the chair calls the next speaker, who speaks for `seconds`, and it ends. */
async function speak(ctx, chair, seconds, note) {
  const given = await chair.cmd('chair.next');
  const ev = await chair.waitFor('floor.given', (e) => e.commandId === given.commandId);
  const who = ev.payload.entry.capacityLabel;
  ctx.log(`  ▸ ${who}${note ? ` — ${note}` : ''} (${seconds} s of ${ev.payload.allottedSeconds} s)`);
  await chair.cmd('speech.start');
  await sleep(seconds * 1000);
  await chair.cmd('speech.end');
  return who;
}

/**
 * What the secretariat writes for each delegation's statements (third person, continuing "Ms. X
 * (Ghana) …"), so the summary record and the press summary read as a secretariat issues them.
 */
const SUMMARIES = {
  GHA: ['said that partnership peacekeeping needed predictable financing, including assessed contributions for AU-led peace support operations.', 'said, in reply, that the mandate it had referred to was the one under consideration and that Ghana stood by its statement.'],
  GBR: ['said that the United Kingdom supported the Action for Peacekeeping commitments and called for stronger performance and accountability frameworks.'],
  NOR: ['stressed that missions should plan for transition from the outset so that their impact lasted after they left.'],
  SEN: ['said that the African Group called for a stronger UN–African Union partnership grounded in the complementarity of the two organizations.'],
  ETH: ['said that the speaker was referring to a mandate under another agenda item.'],
  RWA: ['said that troop contributors needed to be consulted before mandates were drafted, and stressed the protection of civilians.'],
  ZAF: ['said that national reconciliation and the rule of law were the measure of a mission’s long-term impact.'],
  AU: ['said that the African Union was ready to deepen its cooperation with the United Nations from early warning to post-conflict reconstruction.'],
  ECOWAS: ['said that the regional economic communities were the first responders to crises in their regions and should be part of mission planning.'],
  SADC: ['stressed the role of the SADC standby force and of regional early-warning mechanisms.'],
  KAIPTC: ['said that training was where partnership became practice, and described KAIPTC’s courses for police, military and civilian personnel.'],
  IPI: ['presented IPI’s research on partnership peacekeeping and on the lessons of the African Union Mission in Somalia.'],
  WP: ['said that frank, informal dialogue between partners had helped build the political momentum the conference sought.'],
};

/** The working lunch on Women, Peace and Security: what each speaker said there. */
const LUNCH_SUMMARIES = {
  NOR: ['said that Norway would fund gender advisers in every mission it supported and called for targets on women in formed police units.'],
  GHA: ['described how Ghana had raised the share of women in its deployed contingents and what had made the difference.'],
  AU: ['said that the African Union’s Continental Results Framework tracked the Women, Peace and Security agenda across its member States.'],
  KAIPTC: ['presented KAIPTC’s courses for women officers and its mentoring network for women peacekeepers.'],
  IPI: ['asked how missions kept gender expertise once their mandates ended.'],
};

/** The secretariat summarises each intervention once the record has it (record.summarize). */
async function summarize(ctx, sec, meetingId, summaries = SUMMARIES) {
  const record = await ctx.getJson(`/meetings/${meetingId}/record.json`);
  const byId = new Map(record.interventions.map((i) => [i.interventionId, i]));
  const used = {};
  let n = 0;
  for (const e of record.entries) {
    const i = e.kind === 'intervention' ? byId.get(e.interventionId) : undefined;
    const list = i && summaries[i.delegationId];
    if (!list) continue;
    const k = used[i.delegationId] = (used[i.delegationId] ?? -1) + 1;
    await sec.cmd('record.summarize', { entryId: e.entryId, summary: list[Math.min(k, list.length - 1)] });
    n++;
  }
  ctx.log(`  ✎ The secretariat summarised ${n} interventions`);
}

async function request(p, type = 'statement', extra = {}) {
  const ack = await p.cmd('floor.request', { type, mode: REMOTE.has(p.label) ? 'remote' : 'in-room', ...extra });
  return p.entryOf(ack).catch(() => ack.commandId);
}

async function conference(ctx, setup) {
  const { meetingId, access } = await ctx.createMeeting({ ...setup, profile: { preset: 'ecosoc', overrides: FAST } });
  await ctx.webcastStarted(meetingId);
  ctx.printLinks('Peacekeeping in Africa (ECOSOC Chamber)', meetingId, access);
  await ctx.pause();
  const { people: p, viewers } = await joinAll(ctx, meetingId, access);
  const chair = p.chair;
  try {
    ctx.log('The co-chair opens the conference.');
    await chair.cmd('meeting.open');

    ctx.log('Theme 1: Reinforcing UN–Africa peace and security partnerships');
    await chair.cmd('item.takeUp', { itemId: 'theme-1' });
    const ghaEntry = await request(p.gha);
    // e-Statement: Ghana circulates its text before speaking; interpreters read it ahead (check against delivery).
    await ctx.submitStatement(meetingId, access, 'gha', { entryId: ghaEntry, language: 'en', text: 'Ghana calls for predictable financing of partnership peacekeeping, including assessed contributions for AU-led peace support operations.' });
    ctx.log('  ✉ Ghana submits its statement (e-Statement) before speaking');
    await request(p.gbr);
    await request(p.nor);
    await request(p.sen, 'statement', { capacity: { kind: 'group', groupId: 'AFG' } });
    await request(p.au);
    await speak(ctx, chair, 4, 'a group statement, called first (R11)');
    // Ghana's statement is interrupted by a point of order from Ethiopia.
    const given = await chair.cmd('chair.next');
    const gha = (await chair.waitFor('floor.given', (e) => e.commandId === given.commandId)).payload.entry;
    ctx.log(`  ▸ ${gha.capacityLabel} speaks…`);
    await p.gha.cmd('speech.start');
    await sleep(2500);
    const poo = await p.eth.cmd('floor.request', { type: 'point-of-order', text: 'The speaker refers to a mandate under another agenda item' });
    const pooId = await p.eth.entryOf(poo, 'pointOfOrder.raised');
    ctx.log('  ⚠ Ethiopia raises a point of order; the chair recognises it');
    await chair.cmd('chair.grant', { entryId: pooId });
    await chair.cmd('speech.start');
    await sleep(2000);
    await chair.cmd('pointOfOrder.rule', { entryId: pooId, decision: 'rejected', text: 'The statement bears on partnerships under this theme; the speaker is in order.' });
    ctx.log('  ⚖ Ruling: rejected — Ghana continues');
    await chair.cmd('speech.resume');
    await sleep(2500);
    await chair.cmd('speech.end');
    await speak(ctx, chair, 4);
    await speak(ctx, chair, 9, 'runs over: warning at 3 s, then time is up');
    await speak(ctx, chair, 4);

    ctx.log('Theme 2: Ensuring the long-term impact of peacekeeping missions');
    await chair.cmd('item.takeUp', { itemId: 'theme-2' });
    const gbrEntry = await request(p.gbr);
    await request(p.rwa);
    await request(p.zaf);
    await request(p.ecowas);
    await speak(ctx, chair, 4);
    await p.sec.cmd('list.announce');
    await chair.cmd('list.close', { consent: 'no-objection' });
    ctx.log('  ⊘ The list of speakers is closed (announced, no objection)');
    try { await p.eth.cmd('floor.request', { type: 'statement' }); } catch (e) { ctx.log(`  ⊘ Ethiopia asks to be inscribed: ${e.message.split(' — ')[1]}`); }
    await p.gha.cmd('floor.request', { type: 'right-of-reply', replyTo: gbrEntry }).then(async (ack) => {
      const id = await p.chair.waitFor('reply.requested', (e) => e.commandId === ack.commandId).then((e) => e.payload.entry.entryId);
      await chair.cmd('chair.grant', { entryId: id });
      ctx.log('  ↩ Ghana requests a right of reply to the United Kingdom; granted, it comes after the list (R25)');
    });
    await speak(ctx, chair, 4);
    await speak(ctx, chair, 4);
    await speak(ctx, chair, 4);
    await speak(ctx, chair, 3, 'right of reply');

    ctx.log('Theme 3: Cooperation with African regional and sub-regional security frameworks');
    await chair.cmd('item.takeUp', { itemId: 'theme-3' });
    for (const d of [p.au, p.sadc, p.kaiptc, p.ipi, p.wp]) await request(d);
    await qna(ctx, p.mod, viewers, [
      'How can assessed contributions support AU-led peace support operations?',
      'What role should RECs play in early warning before a mission deploys?',
      'How will partnership missions be held to the same human-rights standards?',
    ]);
    await speak(ctx, chair, 3);
    await appealToTheVote(ctx, p);
    for (let i = 0; i < 3; i++) await speak(ctx, chair, 3);
    await chair.cmd('meeting.adjourn');
    ctx.log('The conference is adjourned.');
    await sleep(2000);
    await summarize(ctx, p.sec, meetingId);
    return meetingId;
  } finally {
    for (const x of [...Object.values(p), ...viewers]) x.close();
  }
}

/**
 * R22, R49–R54: SADC is ruled out of order on Ethiopia's point of order; Ghana appeals; the
 * appeal goes to a recorded vote of the member states, the ruling is overturned, SADC gets
 * the floor back, and Norway states afterwards how it had intended to vote.
 */
async function appealToTheVote(ctx, p) {
  const chair = p.chair;
  const given = await chair.cmd('chair.next');
  const sadc = (await chair.waitFor('floor.given', (e) => e.commandId === given.commandId)).payload.entry;
  ctx.log(`  ▸ ${sadc.capacityLabel} speaks…`);
  await chair.cmd('speech.start');
  await sleep(2000);
  const poo = await p.eth.cmd('floor.request', { type: 'point-of-order', text: 'The speaker is addressing the financing item, not regional frameworks' });
  const pooId = await p.eth.entryOf(poo, 'pointOfOrder.raised');
  ctx.log('  ⚠ Ethiopia raises a point of order');
  await chair.cmd('chair.grant', { entryId: pooId });
  await chair.cmd('speech.start');
  await sleep(1500);
  await chair.cmd('pointOfOrder.rule', { entryId: pooId, decision: 'upheld', text: 'The representative of SADC is out of order.', effect: { kind: 'out-of-order', entryId: sadc.entryId } });
  ctx.log('  ⚖ Ruling: the speaker is out of order; Ghana appeals the ruling');
  await p.gha.cmd('pointOfOrder.appeal', { entryId: pooId });
  const opened = await chair.cmd('vote.open', { question: { kind: 'appeal' }, recorded: true });
  const voteId = (await chair.waitFor('vote.opened', (e) => e.commandId === opened.commandId)).payload.voteId;
  ctx.log('  ☐ The appeal is put to a recorded vote of the member states');
  const ballots = { gha: 'yes', sen: 'yes', rwa: 'yes', zaf: 'yes', eth: 'no', gbr: 'no', nor: 'abstain' };
  await Promise.all(Object.entries(ballots).map(([who, choice]) => p[who].cmd('vote.cast', { choice })));
  const closed = await chair.cmd('vote.close');
  const result = (await chair.waitFor('vote.closed', (e) => e.commandId === closed.commandId)).payload;
  ctx.log(`  ☑ ${result.totals.yes} in favour, ${result.totals.no} against, ${result.totals.abstain} abstaining: the ruling is ${result.adopted ? 'overturned, SADC resumes' : 'upheld'}`);
  if (result.adopted) {
    await chair.cmd('speech.start');
    await sleep(2500);
    await chair.cmd('speech.end');
  }
  await p.nor.cmd('vote.explain', { voteId, intended: 'yes' });
  ctx.log('  ✎ Norway states it had intended to vote in favour (recorded; the result stands)');
}

/** Viewers ask, the moderator approves, viewers vote, the top question is highlighted and answered live. */
async function qna(ctx, mod, viewers, questions) {
  const ids = [];
  for (let i = 0; i < questions.length; i++) {
    const ack = await viewers[i % viewers.length].cmd('qna.ask', { text: questions[i], anonymous: i === 1 });
    const asked = await mod.waitFor('qna.asked', (e) => e.commandId === ack.commandId);
    ids.push(asked.payload.questionId);
    ctx.log(`  ? A viewer asks: “${questions[i]}”`);
  }
  for (const id of ids) { try { await mod.cmd('qna.approve', { questionId: id }); } catch { /* open moderation: already public */ } }
  for (const v of viewers) await v.cmd('qna.vote', { questionId: ids[0] });
  await viewers[0].cmd('qna.vote', { questionId: ids[2] });
  await mod.cmd('qna.highlight', { questionId: ids[0] });
  await sleep(1500);
  await mod.cmd('qna.answer', { questionId: ids[0], mode: 'live' });
  await mod.cmd('qna.dismiss', { questionId: ids[1], reason: 'Taken up in the working lunch' });
  ctx.log(`  ✓ The moderator approved ${ids.length} questions; the most voted was answered live`);
}

async function lunch(ctx, setup) {
  const { meetingId, access } = await ctx.createMeeting({ ...setup, profile: { preset: 'informal-panel', overrides: { time: { defaultSeconds: 8, perTypeSeconds: { statement: 8, question: 5, 'point-of-order': 5 }, warningsSeconds: [3], graceSeconds: 2 } } } });
  await ctx.webcastStarted(meetingId);
  ctx.printLinks('Working lunch: Women, Peace and Security (informal panel)', meetingId, access);
  const { people: p, viewers } = await joinAll(ctx, meetingId, access);
  try {
    await p.chair.cmd('meeting.open');
    await p.chair.cmd('item.takeUp', { itemId: 'wps-1' });
    for (const d of [p.kaiptc, p.nor, p.au, p.gha]) await request(d);
    for (let i = 0; i < 4; i++) await speak(ctx, p.chair, 3, i === 0 ? 'opening the panel' : undefined);
    await p.chair.cmd('item.takeUp', { itemId: 'wps-2' });
    await qna(ctx, p.mod, viewers, [
      'What has worked to raise the share of women in formed police units?',
      'How do missions fund gender advisers once the mandate ends?',
      'Which KAIPTC courses are open to REC staff?',
    ]);
    await request(p.ipi, 'question');
    await speak(ctx, p.chair, 3, 'a question to the panel');
    await p.chair.cmd('meeting.adjourn');
    ctx.log('The working lunch is adjourned.');
    await sleep(2000);
    await summarize(ctx, p.sec, meetingId, LUNCH_SUMMARIES);
    return meetingId;
  } finally {
    for (const x of [...Object.values(p), ...viewers]) x.close();
  }
}

module.exports = { conference, lunch };
