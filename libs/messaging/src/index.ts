export * from './redis/redis';
export * from './event-log/event-log';
export * from './commands/command-processor';
export * from './queues/bullmq';
export * from './nest/messaging.module';
export * from './commands/coalescer';
