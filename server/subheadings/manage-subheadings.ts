import "server-only";
import { isValidSubheadingSlug, slugify } from "@/lib/slug";
import { debateTags } from "@/lib/cache-tags";
import { moderateRefusal } from "@/lib/permissions";
import { viewerOf, type SessionUser } from "../auth/session";
import { db, type DbTx } from "../db";
import { AppError, enforce } from "../errors";
import { write } from "../write";
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
async function takenSlugs(tx: DbTx, debateId: string, exceptSubheadingId?: string) {
  const [current, old] = await Promise.all([
    tx.subheading.findMany({ where: { debateId, id: { not: exceptSubheadingId } }, select: { slug: true } }),
    tx.subheadingRedirect.findMany({
      where: { debateId, subheadingId: { not: exceptSubheadingId } },
      select: { oldSlug: true },
    }),
  ]);
  return [...current.map((s) => s.slug), ...old.map((r) => r.oldSlug)];
}

async function findSubheading(tx: DbTx, subheadingId: string) {
  const s = await tx.subheading.findUnique({
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
  enforce(moderateRefusal(viewerOf(actor)));
  return write(async (w) => {
    const { tx } = w;
    const debate = await tx.debate.findUnique({ where: { id: debateId }, select: { id: true } });
    if (!debate) throw new AppError("NOT_FOUND", "That debate does not exist.");
    const slug = uniqueSubheadingSlug(title, await takenSlugs(tx, debateId));
    const last = await tx.subheading.findFirst({
      where: { debateId },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    const subheading = await tx.subheading.create({
      data: { debateId, slug, title, description, position: (last?.position ?? 0) + 1 },
      select: { id: true, debateId: true, slug: true },
    });
    w.touch(...debateTags(debateId));
    const entry = { actorId: actor.id, debateId, subheadingId: subheading.id, detail: title };
    await logModeration(w, { ...entry, action: "add_subheading" });
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
  enforce(moderateRefusal(viewerOf(actor)));
  return write(async (w) => {
    const { tx } = w;
    const s = await findSubheading(tx, subheadingId);
    if (s.title === title) throw new AppError("INVALID", "That is already its title.", "title");
    const taken = await takenSlugs(tx, s.debateId, s.id);
    const slug = slugify(title) === s.slug ? s.slug : uniqueSubheadingSlug(title, taken);
    if (slug !== s.slug) {
      // The old slug points here from now on; if this subheading once had the new slug, that
      // redirect is no longer needed.
      await tx.subheadingRedirect.deleteMany({ where: { debateId: s.debateId, oldSlug: slug } });
      await tx.subheadingRedirect.create({ data: { debateId: s.debateId, oldSlug: s.slug, subheadingId: s.id } });
    }
    await tx.subheading.update({ where: { id: s.id }, data: { title, slug } });
    w.touch(...debateTags(s.debateId));
    await logModeration(w, {
      actorId: actor.id,
      action: "rename_subheading",
      debateId: s.debateId,
      subheadingId: s.id,
      detail: `“${s.title}” → “${title}”`,
    });
    return { id: s.id, slug };
  });
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
  enforce(moderateRefusal(viewerOf(actor)));
  return write(async (w) => {
    const { tx } = w;
    const s = await findSubheading(tx, subheadingId);
    const neighbour = await tx.subheading.findFirst({
      where: { debateId: s.debateId, position: direction === "up" ? { lt: s.position } : { gt: s.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) {
      throw new AppError("INVALID", `It is already the ${direction === "up" ? "first" : "last"} subheading.`);
    }
    await tx.subheading.update({ where: { id: s.id }, data: { position: neighbour.position } });
    await tx.subheading.update({ where: { id: neighbour.id }, data: { position: s.position } });
    w.touch(...debateTags(s.debateId));
    const entry = { actorId: actor.id, debateId: s.debateId, subheadingId: s.id, detail: direction };
    await logModeration(w, { ...entry, action: "reorder_subheading" });
    return { id: s.id };
  });
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
  enforce(moderateRefusal(viewerOf(actor)));
  return write(async (w) => {
    const s = await findSubheading(w.tx, subheadingId);
    await w.tx.subheading.update({ where: { id: s.id }, data: { archivedAt: archived ? new Date() : null } });
    w.touch(...debateTags(s.debateId));
    const entry = { actorId: actor.id, debateId: s.debateId, subheadingId: s.id };
    await logModeration(w, { ...entry, action: archived ? "archive_subheading" : "restore_subheading" });
    return { id: s.id };
  });
}

/** Everything a moderator manages in a debate, archived subheadings included. */
export async function getDebateForManagement({ actor, slug }: { actor: SessionUser; slug: string }) {
  enforce(moderateRefusal(viewerOf(actor)));
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
