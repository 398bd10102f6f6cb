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
    // A connection attempt to a Postgres that is away fails in 3 s rather than hanging, so REST
    // answers 503 quickly; the pool opens new connections when it is back (issue 9).
    extra: { max: db.poolSize ?? 10, options: `-c search_path=${db.schema}`, connectionTimeoutMillis: 3000 },
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

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

/**
 * Whether an error means Postgres is unreachable (down, restarting, connection cut) rather than
 * that the request was wrong: those become 503 `UNAVAILABLE` with `Retry-After`, never 500.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown[] };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|the database system is (starting|shutting) up|Client has encountered a connection error/i.test(e.message)) return true;
  return [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])].some((x) => isDatabaseUnavailable(x, depth + 1));
}
