import "server-only";
import type { Role } from "@/generated/prisma/client";
import { cacheTags } from "@/lib/cache-tags";
import { recordOutsideInvalidation } from "../cache/outside-invalidations";
import type { Db } from "../db";

/**
 * `npm run user:role`: sets an account's role from the command line (the first admin, or a
 * recovery), with its entry in the public log, then records for a running server what it changed:
 * the log, and the staff badge on every post and debate of that member.
 */
export async function setRoleByEmail(db: Db, email: string, role: Role) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true },
  });
  if (!user) throw new Error(`No account has the email ${email}.`);
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { role } }),
    db.moderationAction.create({
      data: { action: "set_role", targetUserId: user.id, detail: `${role.toLowerCase()} (from the command line)` },
    }),
  ]);
  await recordOutsideInvalidation(db, [cacheTags.moderationLog(), cacheTags.author(user.id)]);
  return user;
}
