import type { InterventionRecord } from '../types';

/**
 * Speaking-time statistics of a meeting, from its interventions (R44 fields): by delegation,
 * group, tier (the kind of delegation: member state, observer state, intergovernmental
 * organization, regional economic community, UN entity, civil society), agenda item, mode,
 * type, gender and language of delivery; and the share of women among speakers and of
 * speaking time (Women, Peace and Security reporting).
 */
export const STAT_DIMENSIONS = ['delegation', 'group', 'tier', 'item', 'mode', 'type', 'gender', 'language'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export interface StatRow {
  dimension: StatDimension;
  key: string;
  interventions: number;
  netSeconds: number;
  allottedSeconds: number;
  averageSeconds: number;
  overruns: number;
  overrunSeconds: number;
}

export interface SpeakingStats {
  meetingId: string;
  totals: Omit<StatRow, 'dimension' | 'key'>;
  rows: StatRow[];
  /**
   * Women among speakers (distinct speakers whose gender is known) and their share of speaking
   * time, in per cent with one decimal; null when no speaker's gender is recorded.
   */
  women: { speakers: number; speakersWithGender: number; shareOfSpeakers: number | null; netSeconds: number; shareOfSpeakingTime: number | null };
  /** Every intervention that overran, longest overrun first. */
  overruns: Array<{ number: number; delegation: string; type: string; overrunSeconds: number }>;
}

const STATES = new Set(['member-state', 'observer-state']);

/** How each dimension keys an intervention; `items` gives agenda item titles by id. */
function keyOf(dimension: StatDimension, i: InterventionRecord, items: Map<string, string>): string {
  switch (dimension) {
    case 'delegation': return i.delegationName;
    // A State speaking for itself is "(national)"; an organization speaks in its own capacity.
    // Each statement counts once, so the group table adds up to the total.
    case 'group': return i.capacity === 'group' ? (i.groupName ?? i.groupId ?? '') : i.category && !STATES.has(i.category) ? '(own capacity)' : '(national)';
    case 'tier': return i.category ?? i.tier ?? '(none)';
    case 'item': return items.get(i.itemId) ?? i.itemId;
    case 'mode': return i.mode;
    case 'type': return i.type;
    case 'gender': return i.gender ?? '(not recorded)';
    case 'language': return i.language ?? '(not recorded)';
  }
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

function women(list: InterventionRecord[]): SpeakingStats['women'] {
  const speakers = new Map<string, string | undefined>();
  for (const i of list) speakers.set(`${i.delegationId}\u0000${i.speakerName}`, i.gender);
  const known = [...speakers.values()].filter((g) => g !== undefined);
  const female = known.filter((g) => g === 'female').length;
  const timed = list.filter((i) => i.gender !== undefined);
  const womenSeconds = timed.filter((i) => i.gender === 'female').reduce((s, i) => s + i.netSeconds, 0);
  return {
    speakers: female, speakersWithGender: known.length, shareOfSpeakers: percent(female, known.length),
    netSeconds: womenSeconds, shareOfSpeakingTime: percent(womenSeconds, timed.reduce((s, i) => s + i.netSeconds, 0)),
  };
}


function aggregate(list: InterventionRecord[]): Omit<StatRow, 'dimension' | 'key'> {
  const netSeconds = list.reduce((s, i) => s + i.netSeconds, 0);
  return {
    interventions: list.length,
    netSeconds,
    allottedSeconds: list.reduce((s, i) => s + i.allottedSeconds, 0),
    averageSeconds: list.length === 0 ? 0 : Math.round(netSeconds / list.length),
    overruns: list.filter((i) => i.overrunSeconds > 0).length,
    overrunSeconds: list.reduce((s, i) => s + i.overrunSeconds, 0),
  };
}

/** Statistics of one meeting; `items` (agenda items) name the item rows, else their ids are used. */
export function speakingStats(meetingId: string, interventions: InterventionRecord[], items: Array<{ id: string; title: string; position: number }> = []): SpeakingStats {
  const titles = new Map(items.map((it) => [it.id, `${it.position}. ${it.title}`]));
  const rows: StatRow[] = [];
  for (const dimension of STAT_DIMENSIONS) {
    const groups = new Map<string, InterventionRecord[]>();
    for (const i of interventions) {
      const k = keyOf(dimension, i, titles);
      groups.set(k, [...(groups.get(k) ?? []), i]);
    }
    // Most speaking time first; ties by name so the output is stable.
    const dimRows = [...groups].map(([key, list]) => ({ dimension, key, ...aggregate(list) }))
      .sort((a, b) => b.netSeconds - a.netSeconds || a.key.localeCompare(b.key));
    rows.push(...dimRows);
  }
  const overruns = interventions.filter((i) => i.overrunSeconds > 0)
    .sort((a, b) => b.overrunSeconds - a.overrunSeconds || a.number - b.number)
    .map((i) => ({ number: i.number, delegation: i.delegationName, type: i.type, overrunSeconds: i.overrunSeconds }));
  return { meetingId, totals: aggregate(interventions), rows, women: women(interventions), overruns };
}

/** One CSV cell (RFC 4180), with spreadsheet formula injection neutralised. */
export const csvCell = (v: string | number): string => {
  const s = String(v);
  // Quote when needed; a leading = + - @ is neutralised so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * CSV with CRLF line ends: one row per dimension and key with its share of all speaking time,
 * then the women rows (share of speakers, share of speaking time). `bom` puts a UTF-8
 * byte-order mark first so spreadsheet programs read non-Latin names right.
 */
export function renderStatsCsv(stats: SpeakingStats, options: { bom?: boolean } = {}): string {
  const header = ['dimension', 'key', 'interventions', 'net_seconds', 'allotted_seconds', 'average_seconds', 'overruns', 'overrun_seconds', 'share_percent'];
  const t = stats.totals;
  const share = (v: number | null) => (v === null ? '' : v);
  const line = (dimension: string, key: string, r: Omit<StatRow, 'dimension' | 'key'>) =>
    [dimension, key, r.interventions, r.netSeconds, r.allottedSeconds, r.averageSeconds, r.overruns, r.overrunSeconds, share(percent(r.netSeconds, t.netSeconds))];
  const rows: Array<Array<string | number>> = [header, line('total', 'all', t), ...stats.rows.map((r) => line(r.dimension, r.key, r))];
  const w = stats.women;
  rows.push(['women', 'speakers', w.speakers, '', '', '', '', '', share(w.shareOfSpeakers)]);
  rows.push(['women', 'speaking-time', '', w.netSeconds, '', '', '', '', share(w.shareOfSpeakingTime)]);
  return `${options.bom ? '\ufeff' : ''}${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The statistics as pretty-printed JSON. */
export const renderStatsJson = (stats: SpeakingStats): string => `${JSON.stringify(stats, null, 2)}\n`;
