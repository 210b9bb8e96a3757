// No `import "server-only"`: loaded by Prisma's CLI through prisma.config.ts (see adapter.ts).
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { BUSY_DEADLINE_MS, busyError, retryWhileBusy } from "./busy";
import { Mutex, type Release } from "./mutex";
import { BEGIN_IMMEDIATE, type Connection, ROLLBACK, WriterTransaction } from "./transaction";

// Statement texts are few (Prisma's are generated) but raw queries may vary: bound the memory.
const CLASSIFIED_STATEMENTS_LIMIT = 1_000;

/**
 * Reads outside a transaction go to the reader; everything else to the writer, which one
 * transaction or one autocommit write owns at a time.
 */
export class ReaderWriterAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite";
  readonly adapterName: string;
  readonly #writer: Connection;
  readonly #reader: Connection;
  readonly #mutex = new Mutex();
  readonly #readOnly = new Map<string, boolean>();

  constructor(adapterName: string, writer: Connection, reader: Connection) {
    this.adapterName = adapterName;
    this.#writer = writer;
    this.#reader = reader;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#route(query, (connection) => connection.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#route(query, (connection) => connection.executeRaw(query));
  }

  async executeScript(script: string): Promise<void> {
    // Never retried: a script that fails busy halfway has already run its first statements.
    const release = await this.#acquireWriter(Date.now());
    try {
      await this.#writer.executeScript(script);
    } finally {
      release();
    }
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite transactions are serializable; refuse the rest as the official adapter does.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    }
    const started = Date.now();
    const release = await this.#acquireWriter(started);
    try {
      // IMMEDIATE takes SQLite's write lock here, where we can wait for it without holding any
      // rows, rather than at the first write or at COMMIT.
      await retryWhileBusy(() => this.#writer.executeRaw(BEGIN_IMMEDIATE), started, started + BUSY_DEADLINE_MS);
    } catch (error) {
      release();
      throw error;
    }
    return new WriterTransaction(this.adapterName, this.#writer, release);
  }

  async dispose(): Promise<void> {
    await Promise.all([this.#reader.dispose(), this.#writer.dispose()]);
  }

  async #route<T>(query: SqlQuery, run: (connection: Connection) => Promise<T>): Promise<T> {
    const started = Date.now();
    const deadline = started + BUSY_DEADLINE_MS;
    if (this.#isRead(query.sql)) return retryWhileBusy(() => run(this.#reader), started, deadline);
    const release = await this.#acquireWriter(started);
    try {
      return await retryWhileBusy(() => run(this.#writer), started, deadline);
    } finally {
      release();
    }
  }

  async #acquireWriter(started: number): Promise<Release> {
    const release = await this.#mutex.acquire(started + BUSY_DEADLINE_MS, () =>
      busyError(Date.now() - started, "this process's writer stayed in use by other transactions"),
    );
    // Whoever held the writer is done with it, so it must be outside any transaction; one left
    // open (a ROLLBACK that failed after a failed COMMIT) is undone before anything joins it.
    if (this.#writer.client.inTransaction) {
      try {
        await this.#writer.executeRaw(ROLLBACK);
      } catch (error) {
        release();
        throw error;
      }
    }
    return release;
  }

  /** Whether `sql` may run on the reader: it only reads, and returns rows. */
  #isRead(sql: string): boolean {
    let read = this.#readOnly.get(sql);
    if (read !== undefined) return read;
    try {
      const statement = this.#reader.client.prepare(sql);
      // `reader` as well: BEGIN, COMMIT and `PRAGMA x = y` count as read-only, yet they change the
      // connection they run on, which must then be the writer.
      read = statement.readonly && statement.reader;
    } catch {
      // Several statements, a missing table…: the writer runs it or reports the error properly.
      return false;
    }
    if (this.#readOnly.size >= CLASSIFIED_STATEMENTS_LIMIT) this.#readOnly.clear();
    this.#readOnly.set(sql, read);
    return read;
  }
}
