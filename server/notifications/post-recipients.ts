import "server-only";
import { randomUUID } from "node:crypto";
import { nameKey } from "@/lib/name-key";
import { db } from "../db";
import { insertNotifications, type NotificationRow } from "../db-sql";
import { forEachFollowerBatch, reachable, type FollowTarget } from "./followers";
import { MAX_MENTIONS, mentionCandidates, quotedPostIds } from "./parse-post";

/** The strongest reason wins: a reply that also quotes and mentions you is one "reply". */
export const POST_KINDS = ["reply", "quote", "mention", "followed"] as const;
export type PostNotificationKind = (typeof POST_KINDS)[number];

export const postDedupeKey = (postId: string) => `post:${postId}`;

/**
 * Notifies whoever a new post concerns, once each: the author of the post it answers (reply), the
 * authors of the posts it links to (quote), the members it @mentions, and the followers of its
 * thread, subheading and debate (for a top-level contribution: its subheading and debate). Never
 * its author, an archive author (no account), a banned member, or anyone muting its thread,
 * subheading or debate (muting wins); nobody at all when the post is no longer there for readers
 * (hidden, deleted, or in an archived subheading or debate) by the time this runs.
 * Idempotent: a second run (or two at once) adds nothing. Resolves to the members newly notified.
 */
export async function notifyAboutPost(postId: string): Promise<string[]> {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      authorId: true,
      parentId: true,
      rootId: true,
      debateId: true,
      subheadingId: true,
      body: true,
      hiddenAt: true,
      deletedAt: true,
      subheading: { select: { archivedAt: true } },
      debate: { select: { archivedAt: true } },
      parent: { select: { authorId: true } },
    },
  });
  if (!post || post.hiddenAt || post.deletedAt || post.subheading.archivedAt || post.debate.archivedAt) return [];

  const targets: FollowTarget[] = [
    ...(post.parentId ? [{ targetType: "thread" as const, targetId: post.rootId ?? post.parentId }] : []),
    { targetType: "subheading", targetId: post.subheadingId },
    { targetType: "debate", targetId: post.debateId },
  ];
  const now = new Date();
  const row = (userId: string, kind: PostNotificationKind): NotificationRow => ({
    id: randomUUID(),
    userId,
    kind,
    dedupeKey: postDedupeKey(post.id),
    postId: post.id,
    actorId: post.authorId,
    debateId: post.debateId,
    subheadingId: post.subheadingId,
    detail: null,
    createdAt: now,
  });

  // Those the post speaks to, each with the strongest reason.
  const direct = new Map<string, PostNotificationKind>();
  const add = (userId: string | null | undefined, kind: PostNotificationKind) => {
    if (userId && !direct.has(userId)) direct.set(userId, kind);
  };
  add(post.parent?.authorId, "reply");
  const quoted = quotedPostIds(post.body);
  if (quoted.length > 0) {
    const quotedPosts = await db.post.findMany({ where: { id: { in: quoted } }, select: { authorId: true } });
    for (const q of quotedPosts) add(q.authorId, "quote");
  }
  for (const userId of await mentionedMembers(post.body)) add(userId, "mention");

  const notified: string[] = [];
  const directIds = [...direct.keys()];
  const allowedDirect = await reachable(directIds, [post.authorId], targets);
  notified.push(
    ...(await insertNotifications(
      db,
      directIds.filter((id) => allowedDirect.has(id)).map((id) => row(id, direct.get(id)!)),
    )),
  );

  // Followers, a batch at a time: a debate followed by thousands is never one query.
  await forEachFollowerBatch(targets, async (followers) => {
    const candidates = followers.filter((id) => !direct.has(id));
    const allowed = await reachable(candidates, [post.authorId], targets);
    notified.push(
      ...(await insertNotifications(
        db,
        candidates.filter((id) => allowed.has(id)).map((id) => row(id, "followed")),
      )),
    );
  });
  return [...new Set(notified)];
}

/**
 * The members a post @mentions, at most MAX_MENTIONS: by handle (`@ana-lopez`, any case) or by
 * display name (`@Ana Lopez`, compared by look-alike key, so case and spacing do not matter). Each
 * "@" takes the longest name of two to four words that is someone's, else the handle, else a
 * one-word name.
 */
export async function mentionedMembers(body: string): Promise<string[]> {
  const candidates = mentionCandidates(body);
  if (candidates.length === 0) return [];
  const handles = [...new Set(candidates.flatMap((c) => (c.handle ? [c.handle] : [])))];
  const keys = [...new Set(candidates.flatMap((c) => c.names.map(nameKey)).filter(Boolean))];
  const [byHandle, byName] = await Promise.all([
    handles.length
      ? db.user.findMany({ where: { handle: { in: handles }, importKey: null }, select: { id: true, handle: true } })
      : [],
    keys.length
      ? db.user.findMany({ where: { nameKey: { in: keys }, importKey: null }, select: { id: true, nameKey: true } })
      : [],
  ]);
  const handleOwner = new Map(byHandle.map((u) => [u.handle!, u.id]));
  const nameOwner = new Map<string, string>();
  for (const u of byName) nameOwner.set(u.nameKey!, u.id);

  const mentioned: string[] = [];
  for (const c of candidates) {
    const multiWord = c.names.filter((n) => /\s/.test(n)).find((n) => nameOwner.has(nameKey(n)));
    const oneWord = c.names.find((n) => !/\s/.test(n) && nameOwner.has(nameKey(n)));
    const id =
      (multiWord && nameOwner.get(nameKey(multiWord))) ??
      (c.handle && handleOwner.get(c.handle)) ??
      (oneWord && nameOwner.get(nameKey(oneWord)));
    if (id && !mentioned.includes(id)) mentioned.push(id);
    if (mentioned.length >= MAX_MENTIONS) break;
  }
  return mentioned;
}
