/**
 * BullMQ queue and job names. DO NOT RENAME: names are stored in Redis with every job, and
 * a rename orphans jobs that are waiting or delayed across a deploy.
 */
export declare const QueueName: {
    /** Durable timers of the floor: warnings, expiry, call timeouts (R34, R35, R40). */
    readonly FloorTimers: "floor-timers";
    /** Record-worthy events to persist in Postgres (apps/recorder). */
    readonly Record: "record";
};
export type QueueName = (typeof QueueName)[keyof typeof QueueName];
export declare const JobName: {
    readonly TimerFire: "timer.fire";
    readonly PersistEvent: "persist.event";
};
/** Job payloads are small id bags; the worker reads the rest from the source of truth. */
export interface TimerFireJob {
    meetingId: string;
    key: string;
    dueAt: number;
}
/** Events [fromSeq, toSeq] of one stream, appended by one command. jobId = `${meetingId}:${stream}:${fromSeq}-${toSeq}`. */
export interface PersistEventJob {
    meetingId: string;
    stream: 'meeting' | 'qna';
    fromSeq: number;
    toSeq: number;
}
