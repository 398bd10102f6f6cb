import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Arbitrary but fixed: every Rostrum process takes this advisory lock to migrate. */
const MIGRATION_LOCK_ID = 7_140_221;

export interface DatabaseSettings { url: string; schema: string; poolSize?: number }

/** A TypeORM DataSource on one schema. Never `synchronize`: the schema comes from migrations. */
export function createDataSource(db: DatabaseSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: db.url,
    schema: db.schema,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    extra: { max: db.poolSize ?? 10, options: `-c search_path=${db.schema}` },
  });
}

/**
 * Creates the schema if needed and runs pending migrations under a Postgres advisory lock, so
 * that several processes starting at once migrate exactly once and the others wait.
 */
export async function migrate(db: DatabaseSettings): Promise<string[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${db.schema}"`);
    const ds = createDataSource({ ...db, poolSize: 1 });
    await ds.initialize();
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await ds.destroy();
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
