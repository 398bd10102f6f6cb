import 'reflect-metadata';
import { migrate } from '@rostrum/persistence';
import { runService } from '@rostrum/platform';
import { RecorderModule } from './recorder.module';

/** The recorder: BullMQ persistence workers, the record publisher and sweeper, and record.* commands. */
runService('recorder', (config) => RecorderModule.forRoot(config), async (config, logger) => {
  const ran = await migrate(config.database);
  if (ran.length) logger.info({ migrations: ran }, 'migrations applied');
});
