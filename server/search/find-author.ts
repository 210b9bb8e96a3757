import "server-only";
import { normalizeHandle } from "@/lib/handle";
import { db } from "../db";

/**
 * The member or archive author a search's `author` filter names, by handle ("@" optional), or
 * null. Read per request, outside the cache: a handle that is taken or changed later must be found
 * at once, and no write touches a tag for "who holds this handle" that a cached miss could carry.
 */
export async function findAuthorByHandle(typed: string): Promise<{ id: string; name: string; handle: string } | null> {
  const handle = normalizeHandle(typed);
  if (handle.length === 0 || handle.length > 64) return null;
  const user = await db.user.findUnique({ where: { handle }, select: { id: true, name: true, handle: true } });
  return user?.handle ? { id: user.id, name: user.name, handle: user.handle } : null;
}
