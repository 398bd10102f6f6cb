import { z } from 'zod';
import type { CommandSpec } from '../core/command';
export declare const REQUEST_TYPES: readonly ["statement", "point-of-order", "right-of-reply", "question", "procedural-motion"];
export type RequestType = (typeof REQUEST_TYPES)[number];
export declare const MODES: readonly ["in-room", "remote"];
export type Mode = (typeof MODES)[number];
export declare const MOTION_KINDS: readonly ["adjourn-debate", "closure-of-debate"];
export type MotionKind = (typeof MOTION_KINDS)[number];
/** R3, R38: national, or on behalf of a group the delegation coordinates. */
export declare const CapacitySchema: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"national">;
}, z.core.$strict>, z.ZodObject<{
    kind: z.ZodLiteral<"group">;
    groupId: z.ZodString;
}, z.core.$strict>], "kind">;
export type Capacity = z.infer<typeof CapacitySchema>;
export declare const SpeakerSchema: z.ZodObject<{
    name: z.ZodString;
    title: z.ZodOptional<z.ZodString>;
    level: z.ZodDefault<z.ZodEnum<{
        "head-of-state": "head-of-state";
        "head-of-government": "head-of-government";
        "vice-president": "vice-president";
        minister: "minister";
        "vice-minister": "vice-minister";
        "head-of-delegation": "head-of-delegation";
        other: "other";
    }>>;
}, z.core.$strict>;
export declare const FloorRequestSchema: z.ZodObject<{
    type: z.ZodEnum<{
        statement: "statement";
        "point-of-order": "point-of-order";
        "right-of-reply": "right-of-reply";
        question: "question";
        "procedural-motion": "procedural-motion";
    }>;
    delegationId: z.ZodOptional<z.ZodString>;
    itemId: z.ZodOptional<z.ZodString>;
    capacity: z.ZodDefault<z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"national">;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"group">;
        groupId: z.ZodString;
    }, z.core.$strict>], "kind">>;
    speaker: z.ZodOptional<z.ZodObject<{
        name: z.ZodString;
        title: z.ZodOptional<z.ZodString>;
        level: z.ZodDefault<z.ZodEnum<{
            "head-of-state": "head-of-state";
            "head-of-government": "head-of-government";
            "vice-president": "vice-president";
            minister: "minister";
            "vice-minister": "vice-minister";
            "head-of-delegation": "head-of-delegation";
            other: "other";
        }>>;
    }, z.core.$strict>>;
    mode: z.ZodDefault<z.ZodEnum<{
        "in-room": "in-room";
        remote: "remote";
    }>>;
    replyTo: z.ZodOptional<z.ZodString>;
    position: z.ZodOptional<z.ZodEnum<{
        for: "for";
        against: "against";
    }>>;
    motion: z.ZodOptional<z.ZodEnum<{
        "adjourn-debate": "adjourn-debate";
        "closure-of-debate": "closure-of-debate";
    }>>;
    allottedSeconds: z.ZodOptional<z.ZodNumber>;
    text: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export type FloorRequest = z.infer<typeof FloorRequestSchema>;
export declare const FloorAmendSchema: z.ZodObject<{
    entryId: z.ZodString;
    capacity: z.ZodOptional<z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"national">;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"group">;
        groupId: z.ZodString;
    }, z.core.$strict>], "kind">>;
    speaker: z.ZodOptional<z.ZodObject<{
        name: z.ZodString;
        title: z.ZodOptional<z.ZodString>;
        level: z.ZodDefault<z.ZodEnum<{
            "head-of-state": "head-of-state";
            "head-of-government": "head-of-government";
            "vice-president": "vice-president";
            minister: "minister";
            "vice-minister": "vice-minister";
            "head-of-delegation": "head-of-delegation";
            other: "other";
        }>>;
    }, z.core.$strict>>;
    type: z.ZodOptional<z.ZodEnum<{
        statement: "statement";
        question: "question";
    }>>;
    mode: z.ZodOptional<z.ZodEnum<{
        "in-room": "in-room";
        remote: "remote";
    }>>;
}, z.core.$strict>;
export declare const ReorderSchema: z.ZodObject<{
    entryId: z.ZodString;
    toIndex: z.ZodNumber;
    reason: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const ExtendSchema: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"time">;
    seconds: z.ZodNumber;
    reason: z.ZodOptional<z.ZodString>;
}, z.core.$strict>, z.ZodObject<{
    kind: z.ZodLiteral<"speeches">;
    delegationId: z.ZodString;
    itemId: z.ZodOptional<z.ZodString>;
    speeches: z.ZodNumber;
    reason: z.ZodOptional<z.ZodString>;
}, z.core.$strict>], "kind">;
export declare const LimitsChangeSchema: z.ZodObject<{
    defaultSeconds: z.ZodOptional<z.ZodNumber>;
    perTypeSeconds: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodNumber>>;
    perTierSeconds: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodNumber>>;
    reason: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const CallToOrderSchema: z.ZodObject<{
    delegationId: z.ZodOptional<z.ZodString>;
    text: z.ZodString;
}, z.core.$strict>;
export declare const SpeechRefSchema: z.ZodObject<{
    entryId: z.ZodOptional<z.ZodString>;
    reason: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const YieldSchema: z.ZodObject<{
    to: z.ZodEnum<{
        chair: "chair";
        questions: "questions";
        delegation: "delegation";
    }>;
    delegationId: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const RuleSchema: z.ZodObject<{
    entryId: z.ZodString;
    decision: z.ZodEnum<{
        upheld: "upheld";
        rejected: "rejected";
    }>;
    text: z.ZodString;
}, z.core.$strict>;
export declare const AppealDecisionSchema: z.ZodObject<{
    entryId: z.ZodString;
    overturned: z.ZodBoolean;
    votes: z.ZodOptional<z.ZodObject<{
        for: z.ZodNumber;
        against: z.ZodNumber;
        abstain: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export declare const MotionDecisionSchema: z.ZodObject<{
    adopted: z.ZodBoolean;
    votes: z.ZodOptional<z.ZodObject<{
        for: z.ZodNumber;
        against: z.ZodNumber;
        abstain: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export declare const ListCloseSchema: z.ZodObject<{
    itemId: z.ZodOptional<z.ZodString>;
    consent: z.ZodDefault<z.ZodEnum<{
        chair: "chair";
        "no-objection": "no-objection";
        vote: "vote";
    }>>;
    votes: z.ZodOptional<z.ZodObject<{
        for: z.ZodNumber;
        against: z.ZodNumber;
        abstain: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export declare const PresenceSchema: z.ZodObject<{
    delegationId: z.ZodOptional<z.ZodString>;
    status: z.ZodEnum<{
        connected: "connected";
        dropped: "dropped";
        back: "back";
    }>;
    mode: z.ZodOptional<z.ZodEnum<{
        "in-room": "in-room";
        remote: "remote";
    }>>;
}, z.core.$strict>;
export declare const TimerFireSchema: z.ZodObject<{
    key: z.ZodString;
}, z.core.$strict>;
/** Every floor command a socket client may send. `meeting.create` (REST) and `timer.fire` (server) are not here. */
export declare const FLOOR_COMMANDS: {
    'meeting.open': CommandSpec;
    'meeting.suspend': CommandSpec;
    'meeting.resume': CommandSpec;
    'meeting.adjourn': CommandSpec;
    'item.takeUp': CommandSpec;
    'item.conclude': CommandSpec;
    'floor.request': CommandSpec;
    'floor.amend': CommandSpec;
    'floor.withdraw': CommandSpec;
    'chair.grant': CommandSpec;
    'chair.decline': CommandSpec;
    'chair.reorder': CommandSpec;
    'chair.next': CommandSpec;
    'chair.callToOrder': CommandSpec;
    'chair.extend': CommandSpec;
    'limits.change': CommandSpec;
    'speech.start': CommandSpec;
    'speech.pause': CommandSpec;
    'speech.resume': CommandSpec;
    'speech.end': CommandSpec;
    'speech.yield': CommandSpec;
    'pointOfOrder.rule': CommandSpec;
    'pointOfOrder.appeal': CommandSpec;
    'pointOfOrder.decideAppeal': CommandSpec;
    'motion.decide': CommandSpec;
    'list.announce': CommandSpec;
    'list.close': CommandSpec;
    'list.reopen': CommandSpec;
    'presence.update': CommandSpec;
};
export type FloorCommandName = keyof typeof FLOOR_COMMANDS;
/** Commands only the server sends to the floor (never accepted from a socket). */
export declare const FLOOR_INTERNAL_COMMANDS: readonly ["meeting.create", "participant.add", "timer.fire"];
/** `participant.add` (REST, operator): a participant added after the meeting was created. */
export declare const ParticipantAddSchema: z.ZodObject<{
    id: z.ZodString;
    name: z.ZodString;
    title: z.ZodOptional<z.ZodString>;
    level: z.ZodEnum<{
        "head-of-state": "head-of-state";
        "head-of-government": "head-of-government";
        "vice-president": "vice-president";
        minister: "minister";
        "vice-minister": "vice-minister";
        "head-of-delegation": "head-of-delegation";
        other: "other";
    }>;
    role: z.ZodString;
    delegationId: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
