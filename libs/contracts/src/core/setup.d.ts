import { z } from 'zod';
import { ROLES } from './roles';
/** Representation levels, highest first (R12). */
export declare const LEVELS: readonly ["head-of-state", "head-of-government", "vice-president", "minister", "vice-minister", "head-of-delegation", "other"];
export type Level = (typeof LEVELS)[number];
export declare const QnaSettingsSchema: z.ZodObject<{
    enabled: z.ZodDefault<z.ZodBoolean>;
    moderation: z.ZodDefault<z.ZodEnum<{
        pre: "pre";
        open: "open";
    }>>;
    anonymity: z.ZodDefault<z.ZodEnum<{
        off: "off";
        allowed: "allowed";
        strict: "strict";
    }>>;
    viewersMayAsk: z.ZodDefault<z.ZodBoolean>;
    viewersMayVote: z.ZodDefault<z.ZodBoolean>;
    maxLength: z.ZodDefault<z.ZodNumber>;
    blockedWords: z.ZodDefault<z.ZodArray<z.ZodString>>;
    rateLimit: z.ZodDefault<z.ZodObject<{
        questions: z.ZodNumber;
        windowSeconds: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strict>;
export type QnaSettings = z.infer<typeof QnaSettingsSchema>;
export declare const DelegationSetupSchema: z.ZodObject<{
    id: z.ZodString;
    name: z.ZodString;
    tier: z.ZodString;
    groups: z.ZodDefault<z.ZodArray<z.ZodString>>;
}, z.core.$strict>;
export declare const GroupSetupSchema: z.ZodObject<{
    id: z.ZodString;
    name: z.ZodString;
    coordinatorDelegationId: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const ParticipantSetupSchema: z.ZodObject<{
    id: z.ZodOptional<z.ZodString>;
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
    role: z.ZodEnum<{
        chair: "chair";
        secretariat: "secretariat";
        delegate: "delegate";
        moderator: "moderator";
        viewer: "viewer";
    }>;
    delegationId: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const AgendaItemSetupSchema: z.ZodObject<{
    id: z.ZodOptional<z.ZodString>;
    title: z.ZodString;
}, z.core.$strict>;
export declare const ProfileChoiceSchema: z.ZodObject<{
    preset: z.ZodEnum<{
        "un-ga": "un-ga";
        ecosoc: "ecosoc";
        robert: "robert";
        "informal-panel": "informal-panel";
        "model-un": "model-un";
    }>;
    overrides: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
}, z.core.$strict>;
export declare const MeetingSetupSchema: z.ZodObject<{
    id: z.ZodOptional<z.ZodString>;
    title: z.ZodString;
    body: z.ZodOptional<z.ZodString>;
    venue: z.ZodOptional<z.ZodString>;
    date: z.ZodOptional<z.ZodString>;
    timeZone: z.ZodOptional<z.ZodString>;
    public: z.ZodDefault<z.ZodBoolean>;
    profile: z.ZodObject<{
        preset: z.ZodEnum<{
            "un-ga": "un-ga";
            ecosoc: "ecosoc";
            robert: "robert";
            "informal-panel": "informal-panel";
            "model-un": "model-un";
        }>;
        overrides: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    }, z.core.$strict>;
    items: z.ZodArray<z.ZodObject<{
        id: z.ZodOptional<z.ZodString>;
        title: z.ZodString;
    }, z.core.$strict>>;
    groups: z.ZodDefault<z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        name: z.ZodString;
        coordinatorDelegationId: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>>;
    delegations: z.ZodDefault<z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        name: z.ZodString;
        tier: z.ZodString;
        groups: z.ZodDefault<z.ZodArray<z.ZodString>>;
    }, z.core.$strict>>>;
    participants: z.ZodDefault<z.ZodArray<z.ZodObject<{
        id: z.ZodOptional<z.ZodString>;
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
        role: z.ZodEnum<{
            chair: "chair";
            secretariat: "secretariat";
            delegate: "delegate";
            moderator: "moderator";
            viewer: "viewer";
        }>;
        delegationId: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>>;
    qna: z.ZodDefault<z.ZodObject<{
        enabled: z.ZodDefault<z.ZodBoolean>;
        moderation: z.ZodDefault<z.ZodEnum<{
            pre: "pre";
            open: "open";
        }>>;
        anonymity: z.ZodDefault<z.ZodEnum<{
            off: "off";
            allowed: "allowed";
            strict: "strict";
        }>>;
        viewersMayAsk: z.ZodDefault<z.ZodBoolean>;
        viewersMayVote: z.ZodDefault<z.ZodBoolean>;
        maxLength: z.ZodDefault<z.ZodNumber>;
        blockedWords: z.ZodDefault<z.ZodArray<z.ZodString>>;
        rateLimit: z.ZodDefault<z.ZodObject<{
            questions: z.ZodNumber;
            windowSeconds: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type MeetingSetupInput = z.input<typeof MeetingSetupSchema>;
export type MeetingSetup = z.infer<typeof MeetingSetupSchema>;
/**
 * The setup as the domain sees it, carried by the first event of a meeting (`meeting.created`).
 * Ids are filled in, the profile is resolved (preset + overrides), participants carry no secrets.
 */
export interface ResolvedMeetingSetup<Profile = unknown> {
    meetingId: string;
    title: string;
    body?: string;
    venue?: string;
    date?: string;
    timeZone?: string;
    public: boolean;
    profile: Profile;
    items: Array<{
        id: string;
        title: string;
        position: number;
    }>;
    groups: Array<{
        id: string;
        name: string;
        coordinatorDelegationId?: string;
    }>;
    delegations: Array<{
        id: string;
        name: string;
        tier: string;
        groups: string[];
    }>;
    participants: Array<{
        id: string;
        name: string;
        title?: string;
        level: (typeof LEVELS)[number];
        role: (typeof ROLES)[number];
        delegationId?: string;
    }>;
    qna: QnaSettings;
}
