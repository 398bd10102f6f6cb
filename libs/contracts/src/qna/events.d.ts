/**
 * Q&A events. Question lifecycle events live in the meeting's `qna` stream (gapless seq, so
 * moderation survives reloads and reconnects). Votes are NOT stream events: they are kept as
 * Redis sets and broadcast coalesced as the transient `qna.tallies`.
 */
export declare const QNA_STATUSES: readonly ["pending", "visible", "highlighted", "answered", "dismissed", "archived"];
export type QnaStatus = (typeof QNA_STATUSES)[number];
/** Statuses the public (viewers, delegates) may see. */
export declare const QNA_PUBLIC_STATUSES: readonly QnaStatus[];
export declare const QnaEvent: {
    /** Moderators + the asker: the full question as asked. */
    readonly Asked: "qna.asked";
    /** Public: the question as the public may see it (open moderation: right away; pre: on approval). */
    readonly Published: "qna.published";
    readonly Highlighted: "qna.highlighted";
    /** Public; record-worthy: carries everything the running record needs. */
    readonly Answered: "qna.answered";
    readonly Dismissed: "qna.dismissed";
    readonly Restored: "qna.restored";
    readonly Archived: "qna.archived";
};
export type QnaEventType = (typeof QnaEvent)[keyof typeof QnaEvent];
/** Transient broadcast (not seq'd): changed vote counts, coalesced per meeting. */
export declare const QNA_TALLIES = "qna.tallies";
export interface QnaTalliesPayload {
    /** Increases with every flush of a meeting; a client ignores a version lower than the last it applied. */
    version: number;
    /** questionId → current number of votes (absolute, not a delta: a lost broadcast heals on the next). */
    tallies: Record<string, number>;
}
/** Display name shown for an anonymous asker. */
export declare const ANONYMOUS = "anonymous";
/** What anyone allowed to see a question may know of it. */
export interface QnaPublicQuestion {
    questionId: string;
    text: string;
    /** Asker's display name, or 'anonymous'. */
    author: string;
    authorDelegationId?: string;
    askedAt: number;
    itemId?: string;
    panelistId?: string;
    labels: string[];
    status: QnaStatus;
    /** Present once answered (e.g. an archived answered question restored). */
    answer?: QnaAnswer;
}
export interface QnaAnswer {
    mode: 'live' | 'written';
    text?: string;
    answeredAt: number;
    /** Votes when it was answered. */
    votes: number;
}
/** `qna.asked` — visibility { scope: 'moderators', participantId: asker }. */
export interface QnaAskedPayload extends QnaPublicQuestion {
    anonymous: boolean;
    /**
     * The real asker, for moderators. Absent when the question is anonymous and
     * settings.anonymity is 'strict' (then nobody but the server knows).
     */
    asker?: {
        participantId: string;
        name?: string;
        delegationId?: string;
    };
}
/** `qna.published` — public. */
export type QnaPublishedPayload = QnaPublicQuestion;
/** `qna.highlighted` — public. The previously highlighted question, if any, is visible again. */
export interface QnaHighlightedPayload {
    questionId: string | null;
    previousId: string | null;
}
/** `qna.answered` — public; the event's `itemId` is the question's item, if addressed to one. */
export interface QnaAnsweredPayload extends Pick<QnaPublicQuestion, 'questionId' | 'text' | 'author' | 'authorDelegationId' | 'askedAt' | 'itemId' | 'panelistId' | 'labels'> {
    /** Votes when it was answered. */
    votes: number;
    mode: 'live' | 'written';
    /** The written answer (or a note on a live one). */
    answerText?: string;
    answeredAt: number;
    answeredBy: {
        participantId: string;
        role: string;
        name?: string;
    };
}
/**
 * `qna.dismissed` / `qna.archived` — public when the question was public, else moderators + asker.
 */
export interface QnaSetAsidePayload {
    questionId: string;
    from: QnaStatus;
    reason?: string;
}
/**
 * `qna.restored` — back to the state it was set aside from (highlighted comes back visible).
 * Public when that state is public, with `question` so that clients that dropped it can show it again.
 */
export interface QnaRestoredPayload {
    questionId: string;
    status: QnaStatus;
    question?: QnaPublicQuestion;
}
