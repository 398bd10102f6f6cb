export * from './layout';
export * from './markdown';
export * from './html';
export * from './json';
export * from './stats';
export * from './pdf';
