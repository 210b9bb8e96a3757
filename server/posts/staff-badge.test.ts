// Staff are known by a badge next to their name on every post and debate they wrote, so a member
// cannot pass for one (issue 8, finding 4). Every cached read that shows an author carries that
// author's tag, and a role change invalidates it (tag-coverage.test.ts checks the same for every
// write; this file names what a reader would see).
import { beforeAll, describe, expect, it } from "vitest";
import { cacheTags } from "@/lib/cache-tags";
import type { AuthorView, ThreadNode } from "@/lib/views";
import { addPost, createDebate, createMember } from "@/test/factories";
import { readModel } from "../cache/read-model";
import { db } from "../db";
import { setRole } from "../moderation/users";

let world: Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const debate = await createDebate();
  const subheading = debate.subheadings[0]!;
  const admin = await createMember();
  await db.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  await db.debate.update({ where: { id: debate.id }, data: { authorId: admin.id } });
  const moderator = await createMember();
  await db.user.update({ where: { id: moderator.id }, data: { role: "MODERATOR" } });
  const member = await createMember();
  const top = await addPost({ subheadingId: subheading.id, authorId: member.id, body: "A member's contribution." });
  const byModerator = await addPost({ subheadingId: subheading.id, authorId: moderator.id, parentId: top.id });
  const byAdmin = await addPost({ subheadingId: subheading.id, authorId: admin.id, parentId: top.id });
  // The debate page names the authors of contributions (not of replies): a moderator's contribution.
  await addPost({ subheadingId: subheading.id, authorId: moderator.id, body: "A moderator's contribution." });
  return {
    debate,
    subheading,
    admin: { ...admin, role: "ADMIN" as const },
    moderator,
    member,
    top,
    byModerator,
    byAdmin,
  };
}

beforeAll(async () => {
  world = await setUp();
});

function authors(nodes: ThreadNode[]): NonNullable<AuthorView>[] {
  return nodes.flatMap((n) => [...(n.author ? [n.author] : []), ...authors(n.replies)]);
}
const roleOf = (list: NonNullable<AuthorView>[], id: string) => list.find((a) => a.id === id)?.role;

describe("the staff badge", () => {
  it("each post's author carries their role, in a subheading's contributions", async () => {
    const page = await readModel.contributions.load(db, world.subheading.id, "oldest", null);
    const seen = authors(page.threads);
    expect(roleOf(seen, world.member.id)).toBe("MEMBER");
    expect(roleOf(seen, world.moderator.id)).toBe("MODERATOR");
    expect(roleOf(seen, world.admin.id)).toBe("ADMIN");
  });

  it("and on the debate page, its opening post, the home page, a permalink and a history", async () => {
    const page = (await readModel.debatePage.load(db, world.debate.slug))!;
    expect(page.debate.author?.role).toBe("ADMIN");
    const named = page.sections.flatMap((s) => s.contributions.flatMap((c) => (c.author ? [c.author] : [])));
    expect(roleOf(named, world.moderator.id)).toBe("MODERATOR");
    expect(roleOf(named, world.member.id)).toBe("MEMBER");
    const list = await readModel.debateList.load(db);
    expect(list.find((d) => d.id === world.debate.id)?.author?.role).toBe("ADMIN");
    const context = (await readModel.postContext.load(db, world.debate.slug, world.byModerator.id))!;
    expect(context.thread.author?.role).toBe("MODERATOR");
    const history = (await readModel.revisions.load(db, world.debate.slug, world.byAdmin.id))!;
    expect(history.post.author?.role).toBe("ADMIN");
  });

  it("every read showing an author is tagged with that author", async () => {
    const tag = cacheTags.author(world.moderator.id);
    const page = await readModel.contributions.load(db, world.subheading.id, "oldest", null);
    expect(readModel.contributions.tags(page, world.subheading.id, "oldest", null)).toContain(tag);
    const debatePage = await readModel.debatePage.load(db, world.debate.slug);
    expect(readModel.debatePage.tags(debatePage, world.debate.slug)).toContain(tag);
    expect(readModel.debatePage.tags(debatePage, world.debate.slug)).toContain(cacheTags.author(world.admin.id));
    const list = await readModel.debateList.load(db);
    expect(readModel.debateList.tags(list)).toContain(cacheTags.author(world.admin.id));
    const context = await readModel.postContext.load(db, world.debate.slug, world.top.id);
    expect(readModel.postContext.tags(context, world.debate.slug, world.top.id)).toContain(tag);
    const history = await readModel.revisions.load(db, world.debate.slug, world.byModerator.id);
    expect(readModel.revisions.tags(history, world.debate.slug, world.byModerator.id)).toContain(tag);
  });

  it("a role change invalidates the author's tag, so every page showing their posts is rebuilt", async () => {
    const result = await setRole({ actor: world.admin, userId: world.member.id, role: "MODERATOR" });
    expect(result.tags).toContain(cacheTags.author(world.member.id));
    const page = await readModel.contributions.load(db, world.subheading.id, "oldest", null);
    expect(roleOf(authors(page.threads), world.member.id)).toBe("MODERATOR");
  });
});
