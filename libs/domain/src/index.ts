export * from './floor';
export * from './qna';
