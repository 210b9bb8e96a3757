// `npm run user:role -- <email> <member|moderator|admin>`: sets an account's role from the
// command line (the first admin, or a recovery). Changes the database at DATABASE_URL.
import { createDb } from "@/server/db";
import { setRoleByEmail } from "@/server/moderation/set-role-by-email";

const ROLES = { member: "MEMBER", moderator: "MODERATOR", admin: "ADMIN" } as const;

async function main([email, role]: string[]) {
  const wanted = role ? ROLES[role.toLowerCase() as keyof typeof ROLES] : undefined;
  if (!email || !wanted) throw new Error("usage: npm run user:role -- <email> <member|moderator|admin>");
  const db = createDb(undefined, { mode: "cli" });
  try {
    // A running server learns of the change (the log, the staff badge) from the database.
    const user = await setRoleByEmail(db, email, wanted);
    console.log(`user:role: ${user.name} <${email}> is now ${wanted.toLowerCase()}`);
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
