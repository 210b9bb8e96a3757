// Runs once before the whole suite: on the PostgreSQL leg, builds the template database each test
// file's own database is copied from (test/fresh-database.ts), and drops those copies at the end.
import { ensureTemplate, usesPostgres, withServer } from "./postgres";

export async function setup(): Promise<void> {
  if (usesPostgres()) await ensureTemplate();
}

export async function teardown(): Promise<void> {
  if (!usesPostgres()) return;
  await withServer(async (server) => {
    const { rows } = await server.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'dc_test_file_%'`,
    );
    for (const { datname } of rows) await server.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
