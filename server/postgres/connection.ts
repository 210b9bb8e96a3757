// No `import "server-only"`: prisma.config.ts loads this file in Prisma's CLI, where that package
// throws (like server/sqlite/adapter.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolConfig } from "pg";

/** True for a PostgreSQL DATABASE_URL; the SQLite default is a `file:` URL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * node-postgres pool settings from a postgresql:// URL, as separate fields: given a
 * `connectionString`, Prisma's migrate engine sends its shadow-database connection to the main
 * database (../shared/STACK.md). Query parameters other than the schema are not supported.
 */
export function poolConfigOf(url: string, { max = 10 }: { max?: number } = {}): PoolConfig {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname) || parsed.searchParams.get("host") || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
    max,
    // A connection that cannot be had within this is an error, not an endless wait.
    connectionTimeoutMillis: 10_000,
    // Bounded statements: a runaway query must not hold a connection for ever.
    statement_timeout: 30_000,
  };
}

/** Prisma's PostgreSQL driver adapter for `url`, in the database's default schema unless `?schema=` says otherwise. */
export function createPgAdapter(url: string, options?: { max?: number }): PrismaPg {
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  return new PrismaPg(poolConfigOf(url, options), schema ? { schema } : undefined);
}
