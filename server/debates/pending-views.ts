import "server-only";
import type { Db } from "../db";
import type { SharedCounts } from "../http/rate-limit";

/** How often a process that has counted views moves the pending ones into the database. */
export const VIEW_FLUSH_INTERVAL_MS = 10_000;

const EXIT_SIGNALS = ["SIGTERM", "SIGINT"] as const;

/**
 * Views counted in Redis, on their way to the database, when the app runs as several instances.
 * A view is one HINCRBY on a hash every instance shares (debate id → views), not an UPDATE of the
 * debate's row: on PostgreSQL, an UPDATE per view turns a popular debate's row into a lock every
 * beacon queues on. Every VIEW_FLUSH_INTERVAL_MS, each process that has counted a view takes the
 * whole hash (every instance's views) and adds each debate's share with one UPDATE.
 *
 * The count shown lags by up to an interval; pages are cached anyway, so nobody watches it tick.
 */
export class PendingViews {
  private readonly key: string;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<number> | null = null;

  constructor(
    private readonly counts: SharedCounts,
    private readonly db: Db,
    private readonly intervalMs = VIEW_FLUSH_INTERVAL_MS,
  ) {
    this.key = `${counts.prefix}views:pending`;
  }

  /** Counts one view of the debate; false when Redis could not take it (the caller then writes it). */
  async add(debateId: string): Promise<boolean> {
    try {
      const client = await this.counts.redis();
      if (!client) return false;
      await client.hIncrBy(this.key, debateId, 1);
    } catch {
      return false;
    }
    this.start();
    return true;
  }

  /** Writes every instance's pending views to the database; resolves to the views written. */
  flush(): Promise<number> {
    // One at a time per process: with a slow database, ticks must not stack up flushes.
    return (this.flushing ??= this.write().finally(() => (this.flushing = null)));
  }

  /** Stops the timer and the exit hooks (tests; a process that flushes by itself). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const signal of EXIT_SIGNALS) process.off(signal, this.onExit);
  }

  private async write(): Promise<number> {
    const client = await this.counts.redis().catch(() => null);
    if (!client) return 0;
    // Taken and deleted in one MULTI: two instances flushing at once never both get a view.
    const [taken] = await client.multi().hGetAll(this.key).del(this.key).exec();
    // From here until its UPDATE commits, a view exists only in this process. If the process dies
    // in between (killed, out of memory), those views are lost: at most one interval's worth, of
    // the whole site. Counting each view exactly once across instances costs that; a re-count
    // after a crash would be worse than a few seconds' views missing.
    // RESP2, the client's protocol: a hash comes back as a plain object of strings.
    const entries = Object.entries(taken as unknown as Record<string, string>).map(
      ([id, n]) => [id, Number(n)] as const,
    );
    let written = 0;
    for (const [index, [id, views]] of entries.entries()) {
      try {
        // updateMany: a debate deleted since its views were counted is skipped, not an error.
        await this.db.debate.updateMany({ where: { id }, data: { viewCount: { increment: views } } });
        written += views;
      } catch (error) {
        // The database is down or busy: what is not written yet goes back for the next flush.
        const rest = entries.slice(index);
        const back = client.multi();
        for (const [restId, restViews] of rest) back.hIncrBy(this.key, restId, restViews);
        await back.exec().catch(() => console.error(`[views] lost the views of ${rest.length} debate(s)`));
        throw error;
      }
    }
    return written;
  }

  private start(): void {
    if (this.timer) return;
    // unref: a pending flush never keeps a process alive that is otherwise done.
    this.timer = setInterval(() => void this.flush().catch(logFailure), this.intervalMs).unref();
    for (const signal of EXIT_SIGNALS) process.once(signal, this.onExit);
  }

  // A stopping instance writes what is pending first. When nothing else listens for the signal,
  // it then exits as the signal would have; when something does (a graceful shutdown), that
  // decides when to exit; if that is at once, the views still in Redis wait there for a later flush
  // by any instance (only views already taken can be lost).
  private readonly onExit = (signal: NodeJS.Signals) => {
    this.stop();
    void this.flush()
      .catch(logFailure)
      .finally(() => {
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
  };
}

function logFailure(error: unknown) {
  console.error("[views] flush failed:", error instanceof Error ? error.message : error);
}
