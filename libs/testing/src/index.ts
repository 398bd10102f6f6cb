export * from './system';
export * from './client';
export * from './fixtures';
export * from './tokens';
