import { TestSystem, debateSetup, type AppName } from '@rostrum/testing';

/** What `debateSystem` gives a describe block; read its fields inside tests (set in beforeAll). */
export interface DebateSystem {
  sys: TestSystem;
  meetingId: string;
  access: Array<{ participantId: string; token: string }>;
  /** Closed (in order) after the block's tests, before the system stops. */
  closers: Array<() => void>;
}

/**
 * Registers beforeAll/afterAll in the calling describe block: a system of `apps` (by default
 * floor, Q&A, recorder and gateway, each its own process on a spare port) with one debate
 * (`debateSetup()`); afterwards closes what the tests pushed on `closers` and stops only the
 * processes it started.
 */
export function debateSystem(apps: AppName[] = ['floor', 'qna', 'recorder', 'gateway']): DebateSystem {
  const ctx = { closers: [] } as unknown as DebateSystem;
  beforeAll(async () => {
    ctx.sys = await TestSystem.start(apps);
    ({ meetingId: ctx.meetingId, access: ctx.access } = await ctx.sys.createMeeting(debateSetup()));
  }, 90_000);
  afterAll(async () => { for (const c of ctx.closers) c(); await ctx.sys?.stop(); }, 30_000);
  return ctx;
}
