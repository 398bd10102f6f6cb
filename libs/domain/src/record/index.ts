export * from './types';
export * from './format';
export * from './derive-entries';
export * from './intervention';
export * from './statements';
export * from './export';
