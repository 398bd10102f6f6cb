export * from './commands';
export * from './events';
export * from './errors';
export * from './profile';
export * from './view';
export * from './decisions';
export * from './snapshot';
