import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { PeopleSuggestions, PersonSuggestion } from "@/lib/views";
import { HANDLE_MAX, handleStem, normalizeHandle } from "@/lib/handle";
import type { SessionUser } from "../auth/session";
import { db, provider } from "../db";
import { RetryLater } from "../errors";
import { RateLimit, waitPhrase } from "../http/rate-limit";

/** At most this many suggestions. */
export const PEOPLE_LIMIT = 8;
/** A prefix longer than any handle or name finds nothing worth the query. */
export const PREFIX_MAX = 60;

/** Lookups one member may make: one per keystroke (after a short pause), generously. */
export const PEOPLE_LIMITS = [new RateLimit("people-minute", { points: 120, seconds: 60 })];

const select = { handle: true, name: true, role: true, importKey: true } as const;

/**
 * Members whose handle starts with `prefix` (as typed, or as a handle made from it: "Zoë" finds
 * @zoe-…), then whose display name does: at most 8, handles first. The handle lookup is a range
 * over the unique index (handles are lower case a–z, 0–9, "_", "-", all below "~"); on PostgreSQL,
 * whose collation may not order bytes, a LIKE prefix. The name lookup stops at the few it needs.
 */
export async function findPeople({
  actor,
  prefix: raw,
}: {
  actor: SessionUser;
  prefix: string;
}): Promise<PeopleSuggestions> {
  for (const limit of PEOPLE_LIMITS) {
    const wait = await limit.consume(actor.id);
    if (wait) throw new RetryLater(`Too many lookups. Please try again in ${waitPhrase(wait)}.`, wait);
  }
  const prefix = raw.trim().replace(/^@/, "");
  const handlePrefixes = [
    ...new Set([normalizeHandle(prefix), handleStem(prefix)].map((p) => p.slice(0, HANDLE_MAX))),
  ].filter((p) => /^[a-z0-9_-]+$/.test(p));
  const found = new Map<string, PersonSuggestion>();
  const add = (rows: { handle: string | null; name: string; role: Role; importKey: string | null }[]) => {
    for (const r of rows) {
      if (r.handle && found.size < PEOPLE_LIMIT && !found.has(r.handle)) {
        found.set(r.handle, { handle: r.handle, name: r.name, role: r.role, imported: r.importKey !== null });
      }
    }
  };
  for (const p of handlePrefixes) {
    if (found.size >= PEOPLE_LIMIT) break;
    add(
      await db.user.findMany({
        where: { handle: provider === "postgresql" ? { startsWith: p } : { gte: p, lt: `${p}~` } },
        orderBy: { handle: "asc" },
        take: PEOPLE_LIMIT,
        select,
      }),
    );
  }
  if (found.size < PEOPLE_LIMIT && prefix) {
    add(
      await db.user.findMany({
        where: { name: { startsWith: prefix }, handle: { not: null } },
        take: PEOPLE_LIMIT,
        select,
      }),
    );
  }
  return { people: [...found.values()] };
}
