export * from './floor';
export * from './qna';
export * from './record';
export * from './debate';
