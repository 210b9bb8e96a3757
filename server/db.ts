import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";

export type Db = PrismaClient;
/** A client or an interactive transaction: what domain functions that compose take. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url: string = env.DATABASE_URL): PrismaClient {
  // timeout: how long a writer waits for SQLite's lock instead of failing at once.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
}

const globalForDb = globalThis as unknown as { db?: PrismaClient };

/** The app's client: one per process (dev reloads reuse it). */
export const db: PrismaClient = globalForDb.db ?? createDb();
// Kept across hot reloads in development only; tests get a fresh client per file.
if (env.NODE_ENV === "development") globalForDb.db = db;
