import { z } from 'zod';
import type { CommandSpec } from '../core/command';

/**
 * Commands owned by apps/recorder. Corrections never edit in place (R43): each one is a new
 * version of the entry, the history is kept, and viewers get the new version live.
 */
const entryId = z.string().trim().min(1).max(120).regex(/^[A-Za-z0-9_.:-]+$/);
const text = z.string().trim().min(1).max(4000);

export const RecordSummarizeSchema = z.object({
  entryId,
  summary: text,
  /** Optimistic concurrency: the version the secretariat saw; a stale one gets RECORD_VERSION_CONFLICT. */
  expectedVersion: z.number().int().min(1).optional(),
}).strict();
export type RecordSummarizePayload = z.infer<typeof RecordSummarizeSchema>;

export const RecordCorrectSchema = z.object({
  entryId,
  text,
  /** R43: a correction says why. */
  reason: z.string().trim().min(1).max(500),
  expectedVersion: z.number().int().min(1).optional(),
}).strict();
export type RecordCorrectPayload = z.infer<typeof RecordCorrectSchema>;

export const RECORD_COMMANDS = {
  'record.summarize': {
    owner: 'recorder', roles: ['secretariat'], schema: RecordSummarizeSchema,
    summary: 'Attach (or replace) the summary of a record entry, usually an intervention, as a new version.',
  },
  'record.correct': {
    owner: 'recorder', roles: ['secretariat'], schema: RecordCorrectSchema,
    summary: 'Correct the text of a record entry: a new version; earlier versions stay in the history.',
  },
} satisfies Record<string, CommandSpec>;

export const RECORD_ERROR_CODES = ['RECORD_ENTRY_NOT_FOUND', 'RECORD_VERSION_CONFLICT'] as const;
export type RecordErrorCode = (typeof RECORD_ERROR_CODES)[number];

/** Microservice pattern the gateway sends owner 'recorder' commands to. */
export const RECORDER_COMMAND_PATTERN = 'recorder.command';
