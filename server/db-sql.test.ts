// Every raw SQL statement of server/db-sql.ts, on whichever database the suite runs (SQLite, and
// PostgreSQL on the second leg: scripts/test-scale.sh).
import { describe, expect, it } from "vitest";
import { addPost, createDebate } from "@/test/factories";
import { db } from "./db";
import { ancestorIds, countNewPost, descendantIds, lockKeys, overviewContributionIds } from "./db-sql";

describe("server/db-sql.ts", () => {
  it("finds ancestors and descendants", async () => {
    const debate = await createDebate({ subheadings: 2 });
    const [first, second] = debate.subheadings;
    const a = await addPost({ subheadingId: first!.id });
    await addPost({ subheadingId: first!.id });
    await addPost({ subheadingId: first!.id });
    await addPost({ subheadingId: second!.id });
    const reply = await addPost({ subheadingId: first!.id, parentId: a.id });
    const deeper = await addPost({ subheadingId: first!.id, parentId: reply.id });

    expect(await ancestorIds(db, deeper.id)).toEqual([a.id, reply.id]);
    expect((await descendantIds(db, a.id, Number.MAX_SAFE_INTEGER)).sort()).toEqual([reply.id, deeper.id].sort());
    expect(await descendantIds(db, a.id, 1)).toEqual([reply.id]);
  });

  it("ranks each subheading's visible contributions for the debate page: pinned, most replied, newest", async () => {
    const debate = await createDebate({ subheadings: 3 });
    const [first, second, third] = debate.subheadings;
    const at = (hour: number) => new Date(Date.UTC(2024, 0, 1, hour));
    const old = await addPost({ subheadingId: first!.id, createdAt: at(1) });
    const replied = await addPost({ subheadingId: first!.id, createdAt: at(2) });
    const hidden = await addPost({ subheadingId: first!.id, createdAt: at(3) });
    const newest = await addPost({ subheadingId: first!.id, createdAt: at(4) });
    await addPost({ subheadingId: first!.id, parentId: replied.id });
    await db.post.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    await db.post.update({ where: { id: old.id }, data: { pinnedAt: new Date() } });
    const other = await addPost({ subheadingId: second!.id });
    await addPost({ subheadingId: third!.id }); // not asked for

    const ranked = await overviewContributionIds(db, [first!.id, second!.id], 3);
    const of = (subheadingId: string) => ranked.filter((r) => r.subheadingId === subheadingId).map((r) => r.id);
    expect(of(first!.id)).toEqual([old.id, replied.id, newest.id]);
    expect(of(second!.id)).toEqual([other.id]);
    expect(ranked).toHaveLength(4); // nothing of the third subheading, nor the hidden post
    expect(await overviewContributionIds(db, [first!.id], 2)).toEqual(
      [old, replied].map((p) => ({ id: p.id, subheadingId: first!.id })),
    );
    expect(await overviewContributionIds(db, [], 2)).toEqual([]);
  });

  it("counts a new post and moves the last activity forward, never back", async () => {
    const debate = await createDebate({ subheadings: 1 });
    const subheading = debate.subheadings[0]!;
    const later = new Date(Date.now() + 60_000);
    await countNewPost(db, { subheadingId: subheading.id, debateId: debate.id, reply: false, at: later });
    await countNewPost(db, { subheadingId: subheading.id, debateId: debate.id, reply: true, at: new Date(0) });
    await countNewPost(db, { subheadingId: subheading.id, debateId: debate.id, reply: true, at: null });
    const row = await db.subheading.findUniqueOrThrow({ where: { id: subheading.id } });
    expect(row).toMatchObject({ contributionCount: 1, replyCount: 2, lastActivityAt: later });
    const parent = await db.debate.findUniqueOrThrow({ where: { id: debate.id } });
    expect(parent).toMatchObject({ contributionCount: 1, replyCount: 2, lastActivityAt: later });
  });

  it("makes transactions holding the same key run one after the other", async () => {
    const order: string[] = [];
    let releaseFirst = () => {};
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstLocked = () => {};
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const debate = await createDebate({ subheadings: 1 });
    // A write in each, as the callers do: SQLite serialises write transactions, PostgreSQL the lock.
    const touch = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) =>
      tx.debate.update({ where: { id: debate.id }, data: { viewCount: { increment: 1 } } });
    const first = db.$transaction(async (tx) => {
      await lockKeys(tx, ["db-sql-test"]);
      await touch(tx);
      firstLocked();
      await firstHolds;
      order.push("first");
    });
    await locked;
    const second = db.$transaction(async (tx) => {
      await lockKeys(tx, ["db-sql-test", "another"]);
      order.push("second");
      await touch(tx);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
  });
});
