import "server-only";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import { env } from "./env";
import { createPgAdapter, isPostgresUrl } from "./postgres/connection";
import { BUSY_DEADLINE_MS, SqliteAdapterFactory, type SqliteMode } from "./sqlite/adapter";

// Both clients are generated from one set of models (scripts/pg-schema.mjs), so the SQLite
// client's type describes either; the app is typed against it, and uses nothing only one
// database has. The database is chosen at run time: one build serves both.
export type Db = PrismaClient;
/** A client or an interactive transaction: what domain functions that compose take. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export type Provider = "sqlite" | "postgresql";

/** The database DATABASE_URL selects: PostgreSQL for postgresql:// URLs, else SQLite. */
export function providerOf(url: string): Provider {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

/** The app's database. */
export const provider: Provider = providerOf(env.DATABASE_URL);

/** Connections each process keeps to PostgreSQL (DATABASE_POOL_SIZE): mind max_connections × instances. */
const POOL_SIZE = env.DATABASE_POOL_SIZE;

/** `mode`: "server" in the app; "cli" in scripts, which may block while SQLite is busy. */
export function createDb(
  url: string = env.DATABASE_URL,
  { mode = "server" }: { mode?: SqliteMode } = {},
): PrismaClient {
  if (providerOf(url) === "postgresql") {
    const client = new PostgresPrismaClient({
      adapter: createPgAdapter(url, { max: mode === "cli" ? 2 : POOL_SIZE }),
      // maxWait: waiting for a pooled connection; timeout: Prisma's default, stated.
      transactionOptions: { maxWait: 10_000, timeout: 5_000 },
    });
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({
    adapter: new SqliteAdapterFactory({ url, mode }),
    // maxWait above the adapter's own deadline: a busy database then surfaces as its error
    // (isDatabaseBusy), not as Prisma's P2028 start timeout. timeout is Prisma's default, stated.
    transactionOptions: { maxWait: BUSY_DEADLINE_MS + 2_000, timeout: 5_000 },
  });
}

const globalForDb = globalThis as unknown as { db?: PrismaClient };

/** The app's client: one per process (dev reloads reuse it). */
export const db: PrismaClient = globalForDb.db ?? createDb();
// Kept across hot reloads in development only; tests get a fresh client per file.
if (env.NODE_ENV === "development") globalForDb.db = db;
