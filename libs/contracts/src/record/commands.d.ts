import { z } from 'zod';
export declare const RecordSummarizeSchema: z.ZodObject<{
    entryId: z.ZodString;
    summary: z.ZodString;
    expectedVersion: z.ZodOptional<z.ZodNumber>;
}, z.core.$strict>;
export type RecordSummarizePayload = z.infer<typeof RecordSummarizeSchema>;
export declare const RecordCorrectSchema: z.ZodObject<{
    entryId: z.ZodString;
    text: z.ZodString;
    reason: z.ZodString;
    expectedVersion: z.ZodOptional<z.ZodNumber>;
}, z.core.$strict>;
export type RecordCorrectPayload = z.infer<typeof RecordCorrectSchema>;
export declare const RECORD_COMMANDS: {
    'record.summarize': {
        owner: "recorder";
        roles: "secretariat"[];
        schema: z.ZodObject<{
            entryId: z.ZodString;
            summary: z.ZodString;
            expectedVersion: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strict>;
        summary: string;
    };
    'record.correct': {
        owner: "recorder";
        roles: "secretariat"[];
        schema: z.ZodObject<{
            entryId: z.ZodString;
            text: z.ZodString;
            reason: z.ZodString;
            expectedVersion: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strict>;
        summary: string;
    };
};
export declare const RECORD_ERROR_CODES: readonly ["RECORD_ENTRY_NOT_FOUND", "RECORD_VERSION_CONFLICT"];
export type RecordErrorCode = (typeof RECORD_ERROR_CODES)[number];
/** Microservice pattern the gateway sends owner 'recorder' commands to. */
export declare const RECORDER_COMMAND_PATTERN = "recorder.command";
