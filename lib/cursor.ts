import { z } from "./schemas/zod";

/** A keyset position in a list ordered by (createdAt, id): the last row of the previous page. */
export type Cursor = { createdAt: Date; id: string };

const cursorSchema = z.object({ t: z.iso.datetime(), i: z.string().min(1).max(64) });

export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify({ t: cursor.createdAt.toISOString(), i: cursor.id });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** Null for anything that is not a cursor we wrote: a bad link shows the first page. */
export function decodeCursor(raw: string | undefined | null): Cursor | null {
  if (!raw || raw.length > 200) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    return { createdAt: new Date(parsed.data.t), id: parsed.data.i };
  } catch {
    return null;
  }
}
