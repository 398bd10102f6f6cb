import { z } from 'zod';

/** The preset names of RULES.md "Rules profiles". */
export const PROFILE_PRESETS = ['un-ga', 'ecosoc', 'robert', 'informal-panel', 'model-un'] as const;
export type ProfilePreset = (typeof PROFILE_PRESETS)[number];

const seconds = z.number().int().min(1).max(24 * 3600);
const count = z.number().int().min(0).max(100);
const tierName = z.string().trim().min(1).max(64);
const isoTime = z.string().trim().max(40).refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date-time, e.g. 2026-09-01T09:00:00Z');

/**
 * The rules profile of a meeting (RULES.md, schema at the end). Every field is required here:
 * the domain deep-merges a preset with overrides and validates the result with this schema.
 */
export const RulesProfileSchema = z.object({
  preset: z.enum(PROFILE_PRESETS),
  maxWaitingPerDelegation: z.number().int().min(1).max(20),           // R4
  eligibleTiers: z.array(tierName).max(50),                            // R5
  changeLosesPlace: z.boolean(),                                       // R6
  tiers: z.array(tierName).min(1).max(50),                             // R10
  groupsFirst: z.boolean(),                                            // R11
  levelOrdering: z.boolean(),                                          // R12
  preferFirstTimeSpeakers: z.boolean(),                                // R13
  alternateProCon: z.boolean(),                                        // R14
  reorderNeedsReason: z.boolean(),                                     // R15
  groupRegistry: z.record(z.string(), z.string()),                     // R38: group id or name → delegation id
  time: z.object({                                                     // R33–R35
    defaultSeconds: seconds,
    perTypeSeconds: z.record(z.string(), seconds),
    perTierSeconds: z.record(z.string(), seconds),
    warningsSeconds: z.array(seconds).max(10),
    overrun: z.enum(['alert-chair', 'end-after-grace']),
    graceSeconds: z.number().int().min(0).max(3600),
  }).strict(),
  clockRunsDuringPointOfOrder: z.boolean(),                            // R20
  maxSpeechesPerItem: z.number().int().min(1).max(100).nullable(),     // R36
  pointsOfOrder: z.object({                                            // R17–R22
    enabled: z.boolean(),
    interrupts: z.boolean(),
    closingBlocksPointsOfOrder: z.boolean(),
    appeal: z.boolean(),
    maxPendingPerDelegation: z.number().int().min(1).max(20),         // R55
  }).strict(),
  rightOfReply: z.object({                                             // R24–R27
    enabled: z.boolean(),
    timing: z.enum(['end-of-item', 'end-of-meeting', 'immediate']),
    maxPerDelegation: count,
    limitsSeconds: z.array(seconds).min(1).max(10),
  }).strict(),
  closing: z.object({                                                  // R29–R31
    requiresAnnouncement: z.boolean(),
    consent: z.enum(['no-objection', 'vote', 'chair']),
    autoConclude: z.boolean(),
  }).strict(),
  proceduralMotions: z.object({                                        // R32
    adjournDebate: z.object({ for: count, against: count }).strict(),
    closureOfDebate: z.object({ against: count }).strict(),
  }).strict(),
  yields: z.object({ enabled: z.boolean() }).strict(),                 // R37
  absent: z.object({                                                   // R40
    callTimeoutSeconds: seconds,
    policy: z.enum(['move-to-end-once', 'forfeit']),
  }).strict(),
  remote: z.object({ pauseOnDisconnect: z.boolean() }).strict(),       // R41
  inscription: z.object({                                              // R46, R47
    /** ISO times; null = always open. Delegates inscribe only inside the window. */
    opensAt: isoTime.nullable(),
    closesAt: isoTime.nullable(),
    /** R47: each speaker's slot on the provisional list; null = the speaker's time limit. */
    slotSeconds: seconds.nullable(),
  }).strict(),
  voting: z.object({                                                   // R49–R54
    /** Tiers whose delegations vote; empty = no votes in this meeting. */
    entitledTiers: z.array(tierName).max(50),
    /** R51: of those present and voting (abstentions do not count). */
    majority: z.enum(['simple', 'two-thirds']),
    /** R49: a delegation connected remotely may vote. */
    remote: z.boolean(),
    /** R52: a vote is recorded (each delegation's vote in the record) unless the chair says otherwise. */
    recordedByDefault: z.boolean(),
  }).strict(),
}).strict();

export type RulesProfile = z.infer<typeof RulesProfileSchema>;
