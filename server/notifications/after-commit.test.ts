// A failure anywhere in notifying never fails or loses the post: through the real action guard,
// the step that computes recipients throws, then the whole processing throws; each time the member
// is told "Reply posted.", the post is there, and the job is left for the sweep, which notifies.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ACTIONS, callAs, loadActions, makeWorld, toFormData } from "@/test/action-world";
import { db } from "../db";
import { notificationsSettled, processNotificationJobs } from "./jobs";
import type * as PostRecipients from "./post-recipients";

vi.mock("next/headers", () => import("@/test/next-headers"));
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));
const broken = vi.hoisted(() => ({ recipients: false }));
vi.mock("./post-recipients", async (importOriginal) => {
  const real = await importOriginal<typeof PostRecipients>();
  return {
    ...real,
    notifyAboutPost: async (postId: string) => {
      if (broken.recipients) throw new TypeError("a bug in working out who to tell");
      return real.notifyAboutPost(postId);
    },
  };
});

const actions = loadActions();

afterEach(() => {
  broken.recipients = false;
  vi.restoreAllMocks();
});

async function replyAsMember() {
  const world = await makeWorld();
  await callAs("member", world);
  const result = await actions
    .get("createPostAction")!
    .run({ ok: false }, toFormData(ACTIONS.createPostAction!.form(world)));
  // The action answers before notifying finishes (it is not the poster's to wait for).
  await notificationsSettled();
  return { world, result };
}

const unreadOf = (userId: string) => db.notification.count({ where: { userId, readAt: null } });

describe("a failure while notifying never fails the post", () => {
  it("when working out the recipients throws: the post is saved, the job keeps the error, the sweep notifies", async () => {
    broken.recipients = true;
    const { world, result } = await replyAsMember();
    expect(result).toMatchObject({ ok: true, message: "Reply posted." });
    const post = await db.post.findUniqueOrThrow({ where: { id: result.id } });
    expect(post.parentId).toBe(world.postId);
    const job = await db.notificationJob.findFirstOrThrow({ where: { subjectId: post.id } });
    expect(job).toMatchObject({
      processedAt: null,
      attempts: 1,
      lastError: "TypeError: a bug in working out who to tell",
    });
    const before = await unreadOf(world.people.author.id);

    broken.recipients = false;
    await processNotificationJobs({ minAgeMs: 0 });
    expect(await unreadOf(world.people.author.id)).toBe(before + 1);
  });

  it("when the processing itself throws (the database refuses): the same", async () => {
    vi.spyOn(db.notificationJob, "findMany").mockRejectedValueOnce(new Error("database is gone"));
    const { world, result } = await replyAsMember();
    expect(result).toMatchObject({ ok: true, message: "Reply posted." });
    const job = await db.notificationJob.findFirstOrThrow({ where: { subjectId: result.id } });
    expect(job).toMatchObject({ processedAt: null, attempts: 0 });

    await processNotificationJobs({ minAgeMs: 0 });
    const told = await db.notification.findFirst({ where: { userId: world.people.author.id, postId: result.id } });
    expect(told).toMatchObject({ kind: "reply", actorId: world.people.member.id });
  });
});
