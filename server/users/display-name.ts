import "server-only";
import { randomInt } from "node:crypto";
import { displayNameRefusal, DISPLAY_NAME_MAX, normalizeDisplayName } from "@/lib/display-name";
import { nameKey, nameKeyProbes } from "@/lib/name-key";
import { db, type Db, type DbTx } from "../db";
import { lockKeys } from "../db-sql";
import { AppError } from "../errors";

// Every place a member's name is set goes through here: sign-up (createUser), a GitHub sign-in's
// first visit (the OAuth adapter in server/auth/options.ts), and any rename to come. A member may
// not take a name whose look-alike key (lib/name-key.ts) anyone has: another member, the staff, or
// an author imported from an archive. Archive authors themselves are not checked (the importer
// stores their key with archiveAuthorNameKey): the archive is what it is.

export const DISPLAY_NAME_TAKEN =
  "That display name is taken, or looks like the name of someone already here. Choose another.";

/** What a user row stores of a name: as shown, and its key. */
export type NamedColumns = { name: string; nameKey: string };

/**
 * Is this normalised name free for a member? One indexed query. Two look-alikes share a probe (the
 * key of whichever is taken first), so on PostgreSQL their claims wait for each other here until
 * the first has committed (lockKeys); SQLite serialises write transactions anyway.
 */
async function isFree(tx: DbTx, name: string, exceptUserId?: string): Promise<boolean> {
  await lockKeys(
    tx,
    nameKeyProbes(name).map((key) => `name:${key}`),
  );
  const clash = await tx.user.findFirst({
    where: { nameKey: { in: nameKeyProbes(name) }, ...(exceptUserId && { id: { not: exceptUserId } }) },
    select: { id: true },
  });
  return clash === null;
}

/**
 * The columns for a name a member typed, or a field error: refused (hidden characters, no letter,
 * length) or taken. Run it in the transaction that writes the name, so two people cannot take two
 * look-alikes at once (lockKeys serialises the claims).
 */
export async function claimDisplayName(
  tx: DbTx,
  typed: string,
  { exceptUserId }: { exceptUserId?: string } = {},
): Promise<NamedColumns> {
  const name = normalizeDisplayName(typed);
  const refusal = displayNameRefusal(name);
  if (refusal) throw new AppError("INVALID", refusal, "name");
  if (!(await isFree(tx, name, exceptUserId))) throw new AppError("CONFLICT", DISPLAY_NAME_TAKEN, "name");
  return { name, nameKey: nameKey(name) };
}

/** Creates a user under the name typed, claimed in the same transaction (or refused: nothing written). */
export function createWithDisplayName<T>(typed: string, create: (tx: DbTx, named: NamedColumns) => Promise<T>) {
  return db.$transaction(async (tx) => create(tx, await claimDisplayName(tx, typed)));
}

/**
 * Creates a user under the first usable name among `wanted` (a GitHub name, then the email's local
 * part), with a number or a few random characters after it when it is taken, or "Member …" when
 * none is usable. Signing in with GitHub must not fail because of a name.
 */
export function createWithFreeName<T>(
  wanted: (string | null | undefined)[],
  create: (tx: DbTx, named: NamedColumns) => Promise<T>,
) {
  return db.$transaction(async (tx) => create(tx, await freeName(tx, wanted)));
}

/** The first `length` characters (code points, not UTF-16 units) of a name, without a trailing space. */
const clip = (name: string, length: number) => [...name].slice(0, length).join("").trimEnd();

/** Suffixes without the look-alikes of one another (i, l, 1; o, 0). */
const SUFFIX_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
const randomSuffix = () => Array.from({ length: 4 }, () => SUFFIX_LETTERS[randomInt(SUFFIX_LETTERS.length)]).join("");

async function freeName(tx: DbTx, wanted: (string | null | undefined)[]): Promise<NamedColumns> {
  const bases = wanted
    .map((w) => clip(normalizeDisplayName(w ?? ""), DISPLAY_NAME_MAX))
    .filter((name) => displayNameRefusal(name) === null);
  const suffixed = (base: string, suffix: string) => `${clip(base, DISPLAY_NAME_MAX - suffix.length - 1)} ${suffix}`;
  const candidates = [
    ...bases.flatMap((base) => [base, ...[2, 3, 4, 5].map((i) => suffixed(base, String(i)))]),
    ...Array.from({ length: 5 }, () => suffixed(bases[0] ?? "Member", randomSuffix())),
    ...Array.from({ length: 5 }, () => `Member ${randomSuffix()}${randomSuffix()}`),
  ];
  for (const name of candidates) {
    if (displayNameRefusal(name) === null && (await isFree(tx, name))) return { name, nameKey: nameKey(name) };
  }
  throw new Error("No free display name found after many tries.");
}

/** The key stored for an imported archive author: never refused, whatever it clashes with. */
export function archiveAuthorNameKey(name: string): string {
  return nameKey(normalizeDisplayName(name));
}

/**
 * Fills in (or brings up to date) every user's name key: rows older than the column, and rows whose
 * key an older table or rule computed. The seed runs it on every `npm run db:setup`, so it runs
 * before the server starts. Returns how many rows changed.
 */
export async function backfillNameKeys(client: Db, batch = 500): Promise<number> {
  let changed = 0;
  let after: string | undefined;
  for (;;) {
    const users = await client.user.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, name: true, nameKey: true },
    });
    if (users.length === 0) return changed;
    after = users.at(-1)!.id;
    const stale = users
      .map((u) => ({ id: u.id, was: u.nameKey, key: archiveAuthorNameKey(u.name) }))
      .filter((u) => u.was !== u.key);
    if (stale.length > 0) {
      await client.$transaction(
        stale.map((u) => client.user.update({ where: { id: u.id }, data: { nameKey: u.key } })),
      );
      changed += stale.length;
    }
  }
}
