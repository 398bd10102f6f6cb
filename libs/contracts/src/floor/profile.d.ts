import { z } from 'zod';
/** The preset names of RULES.md "Rules profiles". */
export declare const PROFILE_PRESETS: readonly ["un-ga", "ecosoc", "robert", "informal-panel", "model-un"];
export type ProfilePreset = (typeof PROFILE_PRESETS)[number];
/**
 * The rules profile of a meeting (RULES.md, schema at the end). Every field is required here:
 * the domain deep-merges a preset with overrides and validates the result with this schema.
 */
export declare const RulesProfileSchema: z.ZodObject<{
    preset: z.ZodEnum<{
        "un-ga": "un-ga";
        ecosoc: "ecosoc";
        robert: "robert";
        "informal-panel": "informal-panel";
        "model-un": "model-un";
    }>;
    maxWaitingPerDelegation: z.ZodNumber;
    eligibleTiers: z.ZodArray<z.ZodString>;
    changeLosesPlace: z.ZodBoolean;
    tiers: z.ZodArray<z.ZodString>;
    groupsFirst: z.ZodBoolean;
    levelOrdering: z.ZodBoolean;
    preferFirstTimeSpeakers: z.ZodBoolean;
    alternateProCon: z.ZodBoolean;
    reorderNeedsReason: z.ZodBoolean;
    groupRegistry: z.ZodRecord<z.ZodString, z.ZodString>;
    time: z.ZodObject<{
        defaultSeconds: z.ZodNumber;
        perTypeSeconds: z.ZodRecord<z.ZodString, z.ZodNumber>;
        perTierSeconds: z.ZodRecord<z.ZodString, z.ZodNumber>;
        warningsSeconds: z.ZodArray<z.ZodNumber>;
        overrun: z.ZodEnum<{
            "alert-chair": "alert-chair";
            "end-after-grace": "end-after-grace";
        }>;
        graceSeconds: z.ZodNumber;
    }, z.core.$strict>;
    clockRunsDuringPointOfOrder: z.ZodBoolean;
    maxSpeechesPerItem: z.ZodNullable<z.ZodNumber>;
    pointsOfOrder: z.ZodObject<{
        enabled: z.ZodBoolean;
        interrupts: z.ZodBoolean;
        closingBlocksPointsOfOrder: z.ZodBoolean;
        appeal: z.ZodBoolean;
    }, z.core.$strict>;
    rightOfReply: z.ZodObject<{
        enabled: z.ZodBoolean;
        timing: z.ZodEnum<{
            "end-of-item": "end-of-item";
            "end-of-meeting": "end-of-meeting";
            immediate: "immediate";
        }>;
        maxPerDelegation: z.ZodNumber;
        limitsSeconds: z.ZodArray<z.ZodNumber>;
    }, z.core.$strict>;
    closing: z.ZodObject<{
        requiresAnnouncement: z.ZodBoolean;
        consent: z.ZodEnum<{
            chair: "chair";
            "no-objection": "no-objection";
            vote: "vote";
        }>;
        autoConclude: z.ZodBoolean;
    }, z.core.$strict>;
    proceduralMotions: z.ZodObject<{
        adjournDebate: z.ZodObject<{
            for: z.ZodNumber;
            against: z.ZodNumber;
        }, z.core.$strict>;
        closureOfDebate: z.ZodObject<{
            against: z.ZodNumber;
        }, z.core.$strict>;
    }, z.core.$strict>;
    yields: z.ZodObject<{
        enabled: z.ZodBoolean;
    }, z.core.$strict>;
    absent: z.ZodObject<{
        callTimeoutSeconds: z.ZodNumber;
        policy: z.ZodEnum<{
            "move-to-end-once": "move-to-end-once";
            forfeit: "forfeit";
        }>;
    }, z.core.$strict>;
    remote: z.ZodObject<{
        pauseOnDisconnect: z.ZodBoolean;
    }, z.core.$strict>;
}, z.core.$strict>;
export type RulesProfile = z.infer<typeof RulesProfileSchema>;
