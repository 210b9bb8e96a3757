// No `import "server-only"`: loaded by Prisma's CLI through prisma.config.ts (see adapter.ts).
import type { SqlDriverAdapter, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";
import { BUSY_DEADLINE_MS, retryWhileBusy } from "./busy";
import type { Release } from "./mutex";

/** One of the official adapter's connections: its conversions, and its better-sqlite3 handle. */
export type Connection = SqlDriverAdapter & { readonly client: Database.Database };

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
export const BEGIN_IMMEDIATE = statement("BEGIN IMMEDIATE");
const COMMIT = statement("COMMIT");
export const ROLLBACK = statement("ROLLBACK");

/**
 * An interactive transaction on the writer, which it owns (through `release`) until it commits or
 * rolls back. `usePhantomQuery: true` makes Prisma call commit()/rollback() instead of sending
 * COMMIT itself: that way a failed COMMIT still rolls back and still releases the writer.
 */
export class WriterTransaction implements Transaction {
  readonly provider = "sqlite";
  readonly adapterName: string;
  readonly options = { usePhantomQuery: true };
  readonly #writer: Connection;
  #release: Release | undefined;

  constructor(adapterName: string, writer: Connection, release: Release) {
    this.adapterName = adapterName;
    this.#writer = writer;
    this.#release = release;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#open().queryRaw(query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    return this.#open().executeRaw(query);
  }

  async commit(): Promise<void> {
    const release = this.#close();
    try {
      const started = Date.now();
      // A COMMIT that fails busy leaves the transaction open and may simply be retried.
      await retryWhileBusy(() => this.#writer.executeRaw(COMMIT), started, started + BUSY_DEADLINE_MS);
    } catch (error) {
      // Anything else (a deferred foreign key, I/O): undo, so the next user gets a clean writer. The
      // COMMIT's error is the one worth reporting; should this ROLLBACK fail too, the writer's next
      // owner rolls back before using it (adapter.ts).
      if (this.#writer.client.inTransaction) await this.#writer.executeRaw(ROLLBACK).catch(() => undefined);
      throw error;
    } finally {
      release();
    }
  }

  async rollback(): Promise<void> {
    const release = this.#close();
    try {
      // SQLite may already have rolled back by itself (after SQLITE_FULL, an I/O error…).
      if (this.#writer.client.inTransaction) await this.#writer.executeRaw(ROLLBACK);
    } finally {
      release();
    }
  }

  /** The writer, while this transaction still owns it: afterwards it may belong to another one. */
  #open(): Connection {
    if (!this.#release) throw closed();
    return this.#writer;
  }

  #close(): Release {
    const release = this.#release;
    if (!release) throw closed();
    this.#release = undefined;
    return release;
  }
}

const closed = () =>
  new DriverAdapterError({
    kind: "TransactionAlreadyClosed",
    cause: "This transaction was already committed or rolled back.",
  });
