import type { InterventionRecord } from '../types';

/** Speaking-time statistics of a meeting, from its interventions (R44 fields). */
export const STAT_DIMENSIONS = ['delegation', 'group', 'tier', 'mode', 'type'] as const;
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
  /** Every intervention that overran, longest overrun first. */
  overruns: Array<{ number: number; delegation: string; type: string; overrunSeconds: number }>;
}

const keyOf: Record<StatDimension, (i: InterventionRecord) => string> = {
  delegation: (i) => i.delegationName,
  // National statements are counted under "(national)" so that the group table adds up.
  group: (i) => (i.capacity === 'group' ? (i.groupName ?? i.groupId ?? '') : '(national)'),
  tier: (i) => i.tier ?? '(none)',
  mode: (i) => i.mode,
  type: (i) => i.type,
};

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

export function speakingStats(meetingId: string, interventions: InterventionRecord[]): SpeakingStats {
  const rows: StatRow[] = [];
  for (const dimension of STAT_DIMENSIONS) {
    const groups = new Map<string, InterventionRecord[]>();
    for (const i of interventions) {
      const k = keyOf[dimension](i);
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
  return { meetingId, totals: aggregate(interventions), rows, overruns };
}

const csvCell = (v: string | number): string => {
  const s = String(v);
  // Quote when needed; a leading = + - @ is neutralised so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function renderStatsCsv(stats: SpeakingStats): string {
  const header = ['dimension', 'key', 'interventions', 'net_seconds', 'allotted_seconds', 'average_seconds', 'overruns', 'overrun_seconds'];
  const lines = [header.join(',')];
  const t = stats.totals;
  lines.push(['total', 'all', t.interventions, t.netSeconds, t.allottedSeconds, t.averageSeconds, t.overruns, t.overrunSeconds].map(csvCell).join(','));
  for (const r of stats.rows) {
    lines.push([r.dimension, r.key, r.interventions, r.netSeconds, r.allottedSeconds, r.averageSeconds, r.overruns, r.overrunSeconds].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const renderStatsJson = (stats: SpeakingStats): string => `${JSON.stringify(stats, null, 2)}\n`;
