// `npm run user:role -- <email> <member|moderator|admin>`: sets an account's role from the
// command line (the first admin, or a recovery). Changes the database at DATABASE_URL.
import { cacheTags } from "@/lib/cache-tags";
import { recordOutsideInvalidation } from "@/server/cache/outside-invalidations";
import { createDb } from "@/server/db";

const ROLES = { member: "MEMBER", moderator: "MODERATOR", admin: "ADMIN" } as const;

async function main([email, role]: string[]) {
  const wanted = role ? ROLES[role.toLowerCase() as keyof typeof ROLES] : undefined;
  if (!email || !wanted) throw new Error("usage: npm run user:role -- <email> <member|moderator|admin>");
  const db = createDb(undefined, { mode: "cli" });
  try {
    const user = await db.user.findUnique({
      where: { email: email.trim().toLowerCase() },
      select: { id: true, name: true },
    });
    if (!user) throw new Error(`No account has the email ${email}.`);
    await db.$transaction([
      db.user.update({ where: { id: user.id }, data: { role: wanted } }),
      db.moderationAction.create({
        data: { action: "set_role", targetUserId: user.id, detail: `${wanted.toLowerCase()} (from the command line)` },
      }),
    ]);
    // The public moderation log gained an entry; a running server learns of it from the database.
    await recordOutsideInvalidation(db, [cacheTags.moderationLog()]);
    console.log(`user:role: ${user.name} <${email}> is now ${wanted.toLowerCase()}`);
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
