import { z } from 'zod';
/** An access token issued for one participant. */
export declare const IssuedAccessSchema: z.ZodObject<{
    participantId: z.ZodString;
    name: z.ZodString;
    role: z.ZodEnum<{
        chair: "chair";
        secretariat: "secretariat";
        delegate: "delegate";
        moderator: "moderator";
        viewer: "viewer";
    }>;
    delegationId: z.ZodOptional<z.ZodString>;
    token: z.ZodString;
    expiresAt: z.ZodISODateTime;
}, z.core.$strict>;
export type IssuedAccess = z.infer<typeof IssuedAccessSchema>;
/** `POST /meetings` → the meeting id and one token per participant. */
export declare const MeetingCreatedSchema: z.ZodObject<{
    meetingId: z.ZodString;
    access: z.ZodArray<z.ZodObject<{
        participantId: z.ZodString;
        name: z.ZodString;
        role: z.ZodEnum<{
            chair: "chair";
            secretariat: "secretariat";
            delegate: "delegate";
            moderator: "moderator";
            viewer: "viewer";
        }>;
        delegationId: z.ZodOptional<z.ZodString>;
        token: z.ZodString;
        expiresAt: z.ZodISODateTime;
    }, z.core.$strict>>;
}, z.core.$strict>;
/** `PUT /meetings/:id/webcast`. */
export declare const WebcastRequestSchema: z.ZodObject<{
    startedAt: z.ZodISODateTime;
}, z.core.$strict>;
export declare const WebcastResultSchema: z.ZodObject<{
    ok: z.ZodLiteral<true>;
    meetingId: z.ZodString;
    startedAt: z.ZodISODateTime;
}, z.core.$strict>;
/** `GET /health`: 200 when every check is up, 503 otherwise. */
export declare const HealthSchema: z.ZodObject<{
    status: z.ZodEnum<{
        ok: "ok";
        degraded: "degraded";
    }>;
    checks: z.ZodRecord<z.ZodString, z.ZodObject<{
        status: z.ZodEnum<{
            up: "up";
            down: "down";
        }>;
        detail: z.ZodOptional<z.ZodUnknown>;
    }, z.core.$strip>>;
}, z.core.$strip>;
/** Every REST error: the same shape as a refused socket ack. */
export declare const ErrorResponseSchema: z.ZodObject<{
    ok: z.ZodLiteral<false>;
    error: z.ZodObject<{
        code: z.ZodString;
        message: z.ZodString;
        details: z.ZodOptional<z.ZodUnknown>;
    }, z.core.$strip>;
}, z.core.$strip>;
