import "server-only";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { BUSY_DEADLINE_MS, SqliteAdapterFactory, type SqliteMode } from "./sqlite/adapter";

export type Db = PrismaClient;
/** A client or an interactive transaction: what domain functions that compose take. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** `mode`: "server" in the app; "cli" in scripts, which may block while SQLite is busy. */
export function createDb(
  url: string = env.DATABASE_URL,
  { mode = "server" }: { mode?: SqliteMode } = {},
): PrismaClient {
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
