import "server-only";
import type { Db } from "../db";
import { isDatabaseBusy } from "./busy";

export type Health =
  | { ok: true; read: true; write: true; ms: number }
  | { ok: false; read: boolean; write: boolean; ms: number; reason: string };

/** Returns a `check()` for GET /api/health, to create once per process. */
export function createHealthCheck(db: Pick<Db, "healthCheck">, { reuseMs = 1_000 } = {}): () => Promise<Health> {
  // Pollers (load balancers, uptime monitors, the e2e runner) must not turn into a stream of
  // writes: concurrent callers share one check, and a finished one answers for `reuseMs`.
  let running: Promise<Health> | undefined;
  let last: { at: number; health: Health } | undefined;
  return () => {
    if (last && Date.now() - last.at < reuseMs) return Promise.resolve(last.health);
    running ??= checkDatabase(db)
      .then((health) => {
        last = { at: Date.now(), health };
        return health;
      })
      .finally(() => (running = undefined));
    return running;
  };
}

/** Writes the one HealthCheck row, then reads it back (through the reader connection). */
async function checkDatabase(db: Pick<Db, "healthCheck">): Promise<Health> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const checkedAt = new Date();
  let failure: unknown;
  const write = await db.healthCheck
    .upsert({ where: { id: 1 }, create: { id: 1, checkedAt }, update: { checkedAt } })
    .then(() => true)
    .catch((error: unknown) => ((failure = error), false));
  // Read even when the write failed: "reads work, writes are stuck" is worth telling apart.
  const read = await db.healthCheck
    .findUnique({ where: { id: 1 }, select: { checkedAt: true } })
    .then((row) => !write || (row !== null && row.checkedAt >= checkedAt))
    .catch((error: unknown) => ((failure ??= error), false));
  if (read && write) return { ok: true, read, write, ms: ms() };
  // The details go to the log, not to whoever polls a public URL.
  if (failure) console.error("[health] database check failed", failure);
  const reason =
    failure === undefined
      ? "the row written was not read back"
      : isDatabaseBusy(failure)
        ? "database busy"
        : "database error";
  return { ok: false, read, write, ms: ms(), reason };
}
