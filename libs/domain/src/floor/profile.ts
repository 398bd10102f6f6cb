import { RulesProfileSchema, type ProfilePreset, type RulesProfile } from '@rostrum/contracts';
import type { CommandError } from '@rostrum/contracts';

const UN_TIERS = ['officers', 'groups', 'members', 'observer-states', 'igo-observers', 'un-entities', 'civil-society'];

const UN_GA: RulesProfile = {
  preset: 'un-ga',
  maxWaitingPerDelegation: 1,
  eligibleTiers: ['officers', 'groups', 'members', 'observer-states', 'igo-observers', 'un-entities'],
  changeLosesPlace: true,
  tiers: UN_TIERS,
  groupsFirst: true,
  levelOrdering: false,
  preferFirstTimeSpeakers: false,
  alternateProCon: false,
  reorderNeedsReason: true,
  groupRegistry: {},
  time: {
    defaultSeconds: 300,
    perTypeSeconds: { statement: 300, 'group-statement': 420, 'point-of-order': 120, 'right-of-reply': 600 },
    perTierSeconds: { 'civil-society': 180 },
    warningsSeconds: [30],
    overrun: 'alert-chair',
    graceSeconds: 0,
  },
  clockRunsDuringPointOfOrder: false,
  maxSpeechesPerItem: null,
  pointsOfOrder: { enabled: true, interrupts: true, closingBlocksPointsOfOrder: false, appeal: true, maxPendingPerDelegation: 1 },
  rightOfReply: { enabled: true, timing: 'end-of-item', maxPerDelegation: 2, limitsSeconds: [600, 300] },
  closing: { requiresAnnouncement: true, consent: 'no-objection', autoConclude: false },
  proceduralMotions: { adjournDebate: { for: 2, against: 2 }, closureOfDebate: { against: 2 } },
  yields: { enabled: false },
  absent: { callTimeoutSeconds: 30, policy: 'move-to-end-once' },
  remote: { pauseOnDisconnect: true },
  inscription: { opensAt: null, closesAt: null, slotSeconds: null },                                // R46, R47
  voting: { entitledTiers: ['members'], majority: 'simple', remote: true, recordedByDefault: false }, // R49–R52
};

type Overrides = Record<string, unknown>;

/** The table at the end of RULES.md, as overrides of the GA profile. */
const PRESET_OVERRIDES: Record<ProfilePreset, Overrides> = {
  'un-ga': {},
  // Observers (AU, RECs) after members: already so by tier order; civil society may speak.
  ecosoc: { preset: 'ecosoc', eligibleTiers: UN_TIERS },
  robert: {
    preset: 'robert', eligibleTiers: UN_TIERS, groupsFirst: false, preferFirstTimeSpeakers: true, alternateProCon: true,
    reorderNeedsReason: false, maxSpeechesPerItem: 2,
    time: { defaultSeconds: 600, perTypeSeconds: { statement: 600, 'point-of-order': 120 }, perTierSeconds: {} },
    rightOfReply: { enabled: false },
    closing: { requiresAnnouncement: false, consent: 'vote' },
    voting: { entitledTiers: ['officers', 'members'] },             // all members
  },
  'informal-panel': {
    preset: 'informal-panel', eligibleTiers: UN_TIERS, groupsFirst: false, reorderNeedsReason: false, changeLosesPlace: false,
    time: { perTypeSeconds: { statement: 300, question: 120, 'point-of-order': 120 }, perTierSeconds: {}, overrun: 'end-after-grace', graceSeconds: 30 },
    pointsOfOrder: { appeal: false }, rightOfReply: { enabled: false },
    closing: { requiresAnnouncement: false, consent: 'chair' },
    voting: { entitledTiers: [] },                                  // votes off
  },
  'model-un': {
    preset: 'model-un', eligibleTiers: UN_TIERS, groupsFirst: false, reorderNeedsReason: false,
    time: { defaultSeconds: 90, perTypeSeconds: { statement: 90, 'point-of-order': 60 }, perTierSeconds: {}, warningsSeconds: [10], overrun: 'end-after-grace', graceSeconds: 0 },
    pointsOfOrder: { appeal: false }, rightOfReply: { enabled: false },
    closing: { requiresAnnouncement: false, consent: 'chair' },
    yields: { enabled: true },
  },
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge key by key; arrays and scalars replace (a tier list is a whole). */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = deepMerge(base[k], v);
  }
  return out;
}

/**
 * A preset's time limits per type and per tier are its whole table (the RULES.md table gives
 * model-un 90 s and robert 600 s for every statement): they replace the GA's maps instead of
 * merging into them, or a model-un group statement kept the GA's 420 s (R33). A meeting's own
 * overrides (resolveProfile) still merge type by type into its preset.
 */
function presetOf(over: Overrides): RulesProfile {
  const merged = deepMerge(UN_GA, over) as RulesProfile;
  const time = (over as { time?: { perTypeSeconds?: Record<string, number>; perTierSeconds?: Record<string, number> } }).time;
  if (time?.perTypeSeconds) merged.time.perTypeSeconds = { ...time.perTypeSeconds } as never;
  if (time?.perTierSeconds) merged.time.perTierSeconds = { ...time.perTierSeconds } as never;
  return RulesProfileSchema.parse(merged);
}

export const PRESETS: Readonly<Record<ProfilePreset, RulesProfile>> = Object.fromEntries(
  Object.entries(PRESET_OVERRIDES).map(([name, over]) => [name, presetOf(over)]),
) as Record<ProfilePreset, RulesProfile>;

export type ProfileResult = { ok: true; profile: RulesProfile } | { ok: false; error: CommandError };

export function resolveProfile(choice: { preset: string; overrides?: Record<string, unknown> }): ProfileResult {
  const base = (PRESETS as Record<string, RulesProfile>)[choice.preset];
  if (!base) return { ok: false, error: { code: 'PROFILE_INVALID', message: `unknown preset "${choice.preset}"`, details: { field: 'preset' } } };
  const merged = deepMerge(structuredClone(base), { ...(choice.overrides ?? {}), preset: choice.preset });
  const parsed = RulesProfileSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(root)';
    return { ok: false, error: { code: 'PROFILE_INVALID', message: `profile field "${field}": ${issue.message}`, details: { field, issues: parsed.error.issues } } };
  }
  const profile = parsed.data;
  const unknownTier = profile.eligibleTiers.find((t) => !profile.tiers.includes(t));
  if (unknownTier) return { ok: false, error: { code: 'PROFILE_INVALID', message: `profile field "eligibleTiers": "${unknownTier}" is not one of tiers`, details: { field: 'eligibleTiers' } } };
  return { ok: true, profile };
}
