// The app's Prisma driver adapter for SQLite. The official @prisma/adapter-better-sqlite3 still
// converts every value and error; around it this adds what a server with concurrent requests needs
// and it lacks (prisma/orm#29933 and its neighbours):
// - a reader connection for reads outside a transaction, so they never see (or join) another
//   request's uncommitted transaction, and a writer that one transaction or one autocommit write
//   owns at a time, through an async mutex;
// - WAL, so an outside reader (a shell, a backup) never blocks a commit;
// - BEGIN IMMEDIATE and a COMMIT we run ourselves, so a failed COMMIT rolls back and frees the
//   writer instead of leaving it locked inside an open transaction for ever;
// - in the server, waiting for SQLite's lock asynchronously (busy.ts), not in the event loop.
//
// No `import "server-only"` here or in the modules it imports: prisma.config.ts loads this file in
// Prisma's CLI, where that package throws.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { BUSY_DEADLINE_MS, retryWhileBusy } from "./busy";
import { ReaderWriterAdapter } from "./reader-writer";
import type { Connection } from "./transaction";

export { BUSY_DEADLINE_MS, isDatabaseBusy } from "./busy";

/** "server": the Next app, which must never block its event loop. "cli": scripts and Prisma's CLI. */
export type SqliteMode = "server" | "cli";

// Decision: an acknowledged post must survive an OS crash or power loss, which NORMAL does not
// guarantee in WAL mode (it may lose the last commits). Measured cost here: ~0.15 ms per commit
// (6,400 against 23,000 trivial transactions/s).
const SYNCHRONOUS = "FULL";

// better-sqlite3 waits for a lock synchronously, freezing every other request meanwhile: the server
// gives SQLite only a moment and then waits asynchronously (busy.ts); a script has nothing else
// to serve, so it simply lets SQLite wait.
const SQLITE_BUSY_TIMEOUT_MS: Record<SqliteMode, number> = { server: 20, cli: 5_000 };

export class SqliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite";
  readonly adapterName = "debate-commons-sqlite (over @prisma/adapter-better-sqlite3)";
  readonly #official: PrismaBetterSQLite3;

  constructor({ url, mode }: { url: string; mode: SqliteMode }) {
    if (/^(file:)?(:memory:)?$/.test(url))
      throw new Error("SQLite needs a file here: an in-memory database per connection would split reads from writes");
    this.#official = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS[mode] });
  }

  async connect(): Promise<SqlDriverAdapter> {
    // The writer first: it switches the file to WAL before the reader opens it.
    const writer = asConnection(await this.#official.connect());
    try {
      await configure(writer, "writer");
      const reader = asConnection(await this.#official.connect());
      try {
        await configure(reader, "reader");
      } catch (error) {
        reader.client.close();
        throw error;
      }
      return new ReaderWriterAdapter(this.adapterName, writer, reader);
    } catch (error) {
      writer.client.close();
      throw error;
    }
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.#official.connectToShadowDb();
  }
}

function asConnection(adapter: SqlDriverAdapter): Connection {
  // `client` is public on the official adapter but missing from its type declarations.
  const { client } = adapter as Partial<Connection>;
  if (typeof client?.prepare !== "function")
    throw new Error("@prisma/adapter-better-sqlite3 no longer exposes `client`");
  return adapter as Connection;
}

async function configure({ client }: Connection, role: "writer" | "reader"): Promise<void> {
  // Switching to WAL needs the file to itself for a moment (an outside reader may hold it); the
  // mode is stored in the file, so later connections only confirm it.
  const started = Date.now();
  const journal = await retryWhileBusy(
    async () => client.pragma("journal_mode = WAL", { simple: true }),
    started,
    started + BUSY_DEADLINE_MS,
  );
  if (journal !== "wal") throw new Error(`SQLite kept journal_mode = ${String(journal)} instead of WAL`);
  client.pragma(`synchronous = ${SYNCHRONOUS}`);
  // better-sqlite3 is built with them on; the schema's cascades depend on it, so do not rely on that.
  client.pragma("foreign_keys = ON");
  if (role === "reader") client.pragma("query_only = ON");
}
