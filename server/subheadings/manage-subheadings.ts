import "server-only";
import { isValidSubheadingSlug, slugify } from "@/lib/slug";
import type { SessionUser } from "../auth/session";
import { assertModerator } from "../auth/roles";
import { db } from "../db";
import { AppError } from "../errors";
import { logModeration } from "../moderation/log";
import { subheadingSummarySelect } from "./subheading-view";

/** A slug for a subheading title that none of `taken` (nor a route) already uses. */
export function uniqueSubheadingSlug(title: string, taken: string[]): string {
  const base = slugify(title);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (isValidSubheadingSlug(slug) && !taken.includes(slug)) return slug;
  }
}

/** Slugs a new or renamed subheading may not take: current ones and old ones that redirect. */
async function takenSlugs(debateId: string, exceptSubheadingId?: string) {
  const [current, old] = await Promise.all([
    db.subheading.findMany({ where: { debateId, id: { not: exceptSubheadingId } }, select: { slug: true } }),
    db.subheadingRedirect.findMany({
      where: { debateId, subheadingId: { not: exceptSubheadingId } },
      select: { oldSlug: true },
    }),
  ]);
  return [...current.map((s) => s.slug), ...old.map((r) => r.oldSlug)];
}

async function findSubheading(subheadingId: string) {
  const s = await db.subheading.findUnique({
    where: { id: subheadingId },
    select: { id: true, debateId: true, slug: true, title: true, position: true, archivedAt: true },
  });
  if (!s) throw new AppError("NOT_FOUND", "That subheading does not exist.");
  return s;
}

export async function addSubheading({
  actor,
  debateId,
  title,
  description,
}: {
  actor: SessionUser;
  debateId: string;
  title: string;
  description: string | null;
}) {
  assertModerator(actor);
  const debate = await db.debate.findUnique({ where: { id: debateId }, select: { id: true } });
  if (!debate) throw new AppError("NOT_FOUND", "That debate does not exist.");
  const slug = uniqueSubheadingSlug(title, await takenSlugs(debateId));
  return db.$transaction(async (tx) => {
    const last = await tx.subheading.findFirst({
      where: { debateId },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    const subheading = await tx.subheading.create({
      data: { debateId, slug, title, description, position: (last?.position ?? 0) + 1 },
      select: { id: true, debateId: true, slug: true },
    });
    await logModeration(tx, {
      actorId: actor.id,
      action: "add_subheading",
      debateId,
      subheadingId: subheading.id,
      detail: title,
    });
    return subheading;
  });
}

/** Renames a subheading; its slug follows the title and the old URL keeps working (redirect). */
export async function renameSubheading({
  actor,
  subheadingId,
  title,
}: {
  actor: SessionUser;
  subheadingId: string;
  title: string;
}) {
  assertModerator(actor);
  const s = await findSubheading(subheadingId);
  if (s.title === title) throw new AppError("INVALID", "That is already its title.", "title");
  const taken = await takenSlugs(s.debateId, s.id);
  const slug = slugify(title) === s.slug ? s.slug : uniqueSubheadingSlug(title, taken);
  await db.$transaction(async (tx) => {
    if (slug !== s.slug) {
      // The old slug points here from now on; if this subheading once had the new slug, that
      // redirect is no longer needed.
      await tx.subheadingRedirect.deleteMany({ where: { debateId: s.debateId, oldSlug: slug } });
      await tx.subheadingRedirect.create({ data: { debateId: s.debateId, oldSlug: s.slug, subheadingId: s.id } });
    }
    await tx.subheading.update({ where: { id: s.id }, data: { title, slug } });
    await logModeration(tx, {
      actorId: actor.id,
      action: "rename_subheading",
      debateId: s.debateId,
      subheadingId: s.id,
      detail: `“${s.title}” → “${title}”`,
    });
  });
  return { id: s.id, debateId: s.debateId, slug };
}

/** Moves a subheading one place up or down among the debate's subheadings. */
export async function reorderSubheading({
  actor,
  subheadingId,
  direction,
}: {
  actor: SessionUser;
  subheadingId: string;
  direction: "up" | "down";
}) {
  assertModerator(actor);
  const s = await findSubheading(subheadingId);
  const neighbour = await db.subheading.findFirst({
    where: { debateId: s.debateId, position: direction === "up" ? { lt: s.position } : { gt: s.position } },
    orderBy: { position: direction === "up" ? "desc" : "asc" },
    select: { id: true, position: true },
  });
  if (!neighbour)
    throw new AppError("INVALID", `It is already the ${direction === "up" ? "first" : "last"} subheading.`);
  await db.$transaction(async (tx) => {
    await tx.subheading.update({ where: { id: s.id }, data: { position: neighbour.position } });
    await tx.subheading.update({ where: { id: neighbour.id }, data: { position: s.position } });
    await logModeration(tx, {
      actorId: actor.id,
      action: "reorder_subheading",
      debateId: s.debateId,
      subheadingId: s.id,
      detail: direction,
    });
  });
  return { id: s.id, debateId: s.debateId };
}

/** Archives a subheading (hidden from the debate, its posts kept) or brings it back. */
export async function setArchived({
  actor,
  subheadingId,
  archived,
}: {
  actor: SessionUser;
  subheadingId: string;
  archived: boolean;
}) {
  assertModerator(actor);
  const s = await findSubheading(subheadingId);
  await db.$transaction(async (tx) => {
    await tx.subheading.update({ where: { id: s.id }, data: { archivedAt: archived ? new Date() : null } });
    await logModeration(tx, {
      actorId: actor.id,
      action: archived ? "archive_subheading" : "restore_subheading",
      debateId: s.debateId,
      subheadingId: s.id,
    });
  });
  return { id: s.id, debateId: s.debateId };
}

/** Everything a moderator manages in a debate, archived subheadings included. */
export async function getDebateForManagement({ actor, slug }: { actor: SessionUser; slug: string }) {
  assertModerator(actor);
  return db.debate.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      locked: true,
      slowModeSeconds: true,
      subheadings: { orderBy: { position: "asc" }, select: { ...subheadingSummarySelect, archivedAt: true } },
    },
  });
}
