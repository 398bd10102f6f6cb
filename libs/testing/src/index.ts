export * from './system';
export * from './client';
