export * from './qna.state';
export * from './qna.policy';
export * from './qna.access';
export * from './qna.decider';
export * from './qna.projection';
