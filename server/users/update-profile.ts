import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import { writeRefusal } from "@/lib/permissions";
import type { UpdateProfileInput } from "@/lib/schemas/account";
import { viewerOf, type SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError, enforce } from "../errors";
import { renderUserMarkdown } from "../markdown/render-markdown";
import { write } from "../write";
import { claimDisplayName } from "./display-name";
import { claimHandle, HANDLE_TAKEN, isHandleClash } from "./handle";

/** What the account page's profile form starts from. */
export async function getOwnProfile(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { name: true, handle: true, bio: true } });
}

/**
 * Changes a member's display name, handle and bio (Markdown, rendered by the sanitizing pipeline
 * in a worker before the transaction). Each is claimed and checked only when it changed: a name no
 * one else's looks like (server/users/display-name.ts), a handle no one has (./handle.ts). Every
 * post shows the name and links to the handle, so the author's tag is touched with the profile's.
 * A suspended or banned member changes nothing (what they could write there is what they cannot post).
 */
export async function updateProfile({ actor, name, handle, bio }: UpdateProfileInput & { actor: SessionUser }) {
  enforce(writeRefusal(viewerOf(actor)));
  const current = await getOwnProfile(actor.id);
  if (!current) throw new AppError("NOT_FOUND", "Your account no longer exists.");
  const bioChanged = bio !== (current.bio ?? "");
  const bioHtml = bioChanged && bio ? await renderUserMarkdown(bio, actor.id) : null;
  try {
    return await write(async (w) => {
      const except = { exceptUserId: actor.id };
      const data = {
        ...(name !== current.name && (await claimDisplayName(w.tx, name, except))),
        ...(handle !== current.handle && { handle: await claimHandle(w.tx, handle, except) }),
        ...(bioChanged && { bio: bio || null, bioHtml }),
      };
      if (Object.keys(data).length === 0) return { changed: false, handle };
      await w.tx.user.update({ where: { id: actor.id }, data });
      w.touch(cacheTags.author(actor.id), cacheTags.person(actor.id));
      // The new handle's profile was "not found" until now.
      if ("handle" in data) w.touch(cacheTags.handles());
      return { changed: true, handle };
    });
  } catch (error) {
    // Someone took the handle between the check and the write, past the lock: the unique index decides.
    if (isHandleClash(error)) throw new AppError("CONFLICT", HANDLE_TAKEN, "handle");
    throw error;
  }
}
