import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { health } from '@rostrum/platform';
import { createDataSource, type DatabaseSettings } from '../data-source';

/** Injection token of the TypeORM DataSource. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');

/** The Postgres connection pool of an app, destroyed on shutdown. */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  static forRoot(db: DatabaseSettings): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [{
        provide: DATA_SOURCE, useFactory: async () => {
          const ds = await createDataSource(db).initialize();
          health.register('postgres', () => ds.query('SELECT 1'));
          return ds;
        },
      }],
      exports: [DATA_SOURCE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy().catch(() => undefined);
  }
}
