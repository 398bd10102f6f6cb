export * from './config/config';
export * from './logging/logger';
export * from './metrics/metrics';
export * from './shutdown/shutdown';
export * from './metrics/serve-metrics';
export * from './tokens';
export * from './bootstrap/service';
