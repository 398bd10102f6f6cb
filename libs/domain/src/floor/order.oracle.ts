// Test oracle, not production code: the speaking order R9–R16 (with R6, R7, R15, R18, R25, R40
// as far as they move places) computed again from the EVENT LOG, written from RULES.md alone.
// It shares nothing with ordering.ts or evolve.ts: its own model of the entries, its own sort,
// its own reading of "the end of its band". The property tests compare bands() with it.
import type { EventEnvelope, RulesProfile } from '@rostrum/contracts';

/** R12, as RULES.md lists the levels, highest first. */
const LEVEL_RANK = ['head-of-state', 'head-of-government', 'vice-president', 'minister', 'vice-minister', 'head-of-delegation', 'other'];

interface OEntry {
  id: string; itemId: string; delegationId: string; tier: string; group: string | null; level: string;
  type: string; position?: string; state: 'requested' | 'waiting' | 'out';
  /** R9: the time that counts, the inscription's or the last time it lost its place (R6, R40). */
  time: number; arrival: number; grantedAt?: number; missedBefore: boolean;
}

export interface OracleBands { pointsOfOrder: string[]; replies: string[]; later: string[]; motion: string[]; speakers: string[]; manual: boolean; waiting: string[] }

const ordinary = (t: string) => t === 'statement' || t === 'question';

export class OrderOracle {
  private profile!: RulesProfile;
  private items: string[] = [];
  private readonly concluded = new Set<string>();
  private readonly entries = new Map<string, OEntry>();
  private readonly pending: string[] = [];                        // R18: points of order, as raised
  private readonly spoke = new Map<string, Set<string>>();         // R13: item → delegations heard
  private readonly lastSide = new Map<string, string>();           // R14: item → last side heard
  private readonly manual = new Map<string, string[]>();           // R15: item → the chair's order
  private arrivals = 0;
  /** R6 as the oracle reads it, per floor.amended seq: did the entry lose its place? */
  readonly movedToEnd = new Map<number, boolean>();

  constructor(log: readonly EventEnvelope[] = []) { for (const e of log) this.apply(e); }

  private add(snap: Record<string, any>, state: OEntry['state']): OEntry {
    const e: OEntry = {
      id: snap.entryId, itemId: snap.itemId, delegationId: snap.delegationId, tier: snap.tier,
      group: snap.capacity?.kind === 'group' ? snap.capacity.groupId : null, level: snap.level, type: snap.type,
      ...(snap.position ? { position: snap.position } : {}), state, time: snap.inscribedAt, arrival: ++this.arrivals, missedBefore: false,
    };
    this.entries.set(e.id, e);
    return e;
  }

  private out(id: string): void {
    const e = this.entries.get(id);
    if (e) e.state = 'out';
    const i = this.pending.indexOf(id);
    if (i >= 0) this.pending.splice(i, 1);
  }

  apply(ev: EventEnvelope): void {
    const p = ev.payload as Record<string, any>;
    switch (ev.type) {
      case 'meeting.created': this.profile = structuredClone(p.profile); this.items = p.items.map((i: { id: string }) => i.id); break;
      case 'limits.changed': break;
      case 'item.concluded': this.concluded.add(p.itemId); break;
      case 'floor.requested': this.add(p.entry, 'waiting'); break;
      case 'reply.requested': this.add(p.entry, 'requested'); break;
      case 'reply.granted': { const e = this.entries.get(p.entry.entryId)!; e.state = 'waiting'; e.grantedAt = ev.seq; break; }
      case 'pointOfOrder.raised': this.add(p.entry, 'waiting'); this.pending.push(p.entry.entryId); break;
      case 'pointOfOrder.ruled': this.out(p.entryId); break;
      case 'floor.withdrawn': case 'floor.declined': case 'reply.declined': this.out(p.entryId); break;
      case 'floor.given': {
        // Called: no longer waiting. A point of order stays pending until its ruling (R21).
        const e = this.entries.get(p.entry.entryId) ?? this.add(p.entry, 'waiting');
        e.state = 'out';
        break;
      }
      case 'entry.missed': {                                                            // R40
        const e = this.entries.get(p.entryId)!;
        const i = this.pending.indexOf(e.id);
        if (i >= 0) this.pending.splice(i, 1);
        if (p.outcome === 'moved-to-end') { e.state = 'waiting'; e.time = ev.at; e.arrival = ++this.arrivals; this.toManualEnd(e); }
        e.missedBefore = true;
        break;
      }
      case 'floor.amended': {                                                           // R6
        const e = this.entries.get(p.entryId)!;
        const c = p.changes as Record<string, any>;
        const group = c.capacity ? (c.capacity.kind === 'group' ? c.capacity.groupId : null) : e.group;
        const loses = (c.capacity !== undefined && group !== e.group) || (c.level !== undefined && c.level !== e.level) || (c.type !== undefined && c.type !== e.type);
        const moved = loses && this.profile.changeLosesPlace;
        this.movedToEnd.set(ev.seq, moved);
        e.group = group; if (c.level) e.level = c.level; if (c.type) e.type = c.type;
        if (moved) { e.time = ev.at; e.arrival = ++this.arrivals; this.toManualEnd(e, true); }
        break;
      }
      case 'floor.reordered': this.manual.set(this.entries.get(p.entryId)!.itemId, [...p.order]); break;   // R15
      case 'motion.decided':                                                            // R32: the motion's short list closes
        for (const e of this.entries.values()) if (e.type === 'procedural-motion' && e.state === 'waiting' && e.itemId === ev.itemId) e.state = 'out';
        break;
      case 'speech.ended': {
        const iv = p.intervention as { entryId: string; itemId: string; delegationId: string; type: string };
        const e = this.entries.get(iv.entryId);
        if (ordinary(iv.type)) { const s = this.spoke.get(iv.itemId) ?? new Set(); s.add(iv.delegationId); this.spoke.set(iv.itemId, s); }
        if (e?.position && e.type !== 'procedural-motion') this.lastSide.set(iv.itemId, e.position);   // R14: the last side taken
        break;
      }
      default: break;
    }
  }

  /** In a list the chair ordered by hand, an entry that loses its place goes after the others of its band. */
  private toManualEnd(e: OEntry, amended = false): void {
    const order = this.manual.get(e.itemId);
    if (!order || !ordinary(e.type)) return;
    const rest = order.filter((id) => id !== e.id);
    // An amended entry rejoins by the rules (it may now rank in a higher tier); a missed one goes last.
    this.manual.set(e.itemId, amended ? rest : [...rest, e.id]);
  }

  /** Smaller ranks first: R13, then R10 with R11, then R12, then R9 (time, then arrival). */
  private rank(e: OEntry): number[] {
    const p = this.profile;
    const heard = this.spoke.get(e.itemId)?.has(e.delegationId) ?? false;
    const asGroup = p.groupsFirst && e.group !== null;
    const tier = asGroup && p.tiers.includes('groups') ? 'groups' : e.tier;
    const tierRank = p.tiers.includes(tier) ? p.tiers.indexOf(tier) : p.tiers.length;
    return [
      p.preferFirstTimeSpeakers && heard ? 1 : 0,
      tierRank,
      p.groupsFirst ? (e.group !== null ? 0 : 1) : 0,
      p.levelOrdering ? LEVEL_RANK.indexOf(e.level) : 0,
      e.time,
      e.arrival,
    ];
  }

  private byRank = (a: OEntry, b: OEntry): number => {
    const x = this.rank(a); const y = this.rank(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return 0;
  };

  /** The bands of an item as RULES.md orders them (R16). With a manual order, `speakers` is the chair's order of those still waiting. */
  bands(itemId: string): OracleBands {
    const waiting = [...this.entries.values()].filter((e) => e.itemId === itemId && e.state === 'waiting');
    const ord = waiting.filter((e) => ordinary(e.type));
    const manual = this.manual.get(itemId);
    let speakers: string[];
    if (manual) {
      const ids = new Set(ord.map((e) => e.id));
      speakers = manual.filter((id) => ids.has(id));
    } else {
      const sorted = [...ord].sort(this.byRank);
      const last = this.profile.alternateProCon ? this.lastSide.get(itemId) : undefined;        // R14
      if (last) {
        const other = last === 'for' ? 'against' : 'for';
        const i = sorted.findIndex((e) => e.position === other);
        if (i > 0) sorted.unshift(...sorted.splice(i, 1));
      }
      speakers = sorted.map((e) => e.id);
    }
    const motion = waiting.filter((e) => e.type === 'procedural-motion').sort((a, b) => a.arrival - b.arrival).map((e) => e.id);
    const granted = waiting.filter((e) => e.type === 'right-of-reply').sort((a, b) => a.grantedAt! - b.grantedAt!).map((e) => e.id);
    const timing = this.profile.rightOfReply.timing;                                              // R25
    const listDone = ord.length === 0 && motion.length === 0;
    const lastBusiness = this.items.every((id) => id === itemId || this.concluded.has(id));
    const ready = timing === 'immediate' || (listDone && (timing === 'end-of-item' || lastBusiness));
    return {
      pointsOfOrder: [...this.pending], replies: ready ? granted : [], later: ready ? [] : granted, motion, speakers, manual: !!manual,
      waiting: ord.map((e) => e.id).sort(),
    };
  }

  /** Who chair.next must call (R16: replies whose time has come, the motion's list, the ordinary list). */
  next(itemId: string): string | undefined {
    const b = this.bands(itemId);
    return [...b.replies, ...b.motion, ...b.speakers][0];
  }
}
