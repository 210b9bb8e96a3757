import "server-only";
import type { SearchCursor } from "../db-sql";

// A search page's position: the (score, id) of its last result, as an opaque URL-safe string.
// Scores are integers (server/db-sql.ts), exact in JSON, so the next page starts right after that row.

export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.score, i: cursor.id }), "utf8").toString("base64url");
}

/** Null for anything that is not a cursor we wrote: a bad link shows the first page. */
export function decodeSearchCursor(raw: string | null | undefined): SearchCursor | null {
  if (!raw || raw.length > 200) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return null;
    const { s, i } = parsed as { s?: unknown; i?: unknown };
    if (typeof s !== "number" || !Number.isSafeInteger(s)) return null;
    if (typeof i !== "string" || i.length === 0 || i.length > 64) return null;
    return { score: s, id: i };
  } catch {
    return null;
  }
}
