import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { decodeCursor } from "@/lib/cursor";
import { db } from "../db";
import { getDebatePage } from "../debates/get-debate-page";
import { listDebates } from "../debates/list-debates";
import { getPostContext } from "../posts/get-post-context";
import { listRevisions } from "../posts/list-revisions";
import { findRenamedSubheading, getSubheading } from "../subheadings/get-subheading";
import { listModerationLog } from "../moderation/list-log";
import { listContributions } from "../subheadings/list-contributions";

// The anonymous read path. Each function is cached by Next ('use cache') under the tags of what
// it shows; every write invalidates those tags (server/cache/invalidate.ts), so a cached page is
// never staler than the last write, and cacheLife only bounds how long an untouched one lives.
// A miss is tagged with the debate list, which changes when a debate is created or renamed.

export async function readDebateList() {
  "use cache";
  cacheLife("minutes"); // view counts move without a write that invalidates
  cacheTag(cacheTags.debateList());
  return listDebates(db);
}

export async function readDebatePage(slug: string) {
  "use cache";
  cacheLife("hours");
  const page = await getDebatePage(db, slug);
  cacheTag(page ? cacheTags.debate(page.debate.id) : cacheTags.debateList());
  return page;
}

export async function readSubheading(debateSlug: string, subheadingSlug: string) {
  "use cache";
  cacheLife("hours");
  const header = await getSubheading(db, debateSlug, subheadingSlug);
  if (header) cacheTag(cacheTags.debate(header.debate.id), cacheTags.subheading(header.subheading.id));
  else cacheTag(cacheTags.debateList());
  return header;
}

export async function readContributions(subheadingId: string, after: string | null) {
  "use cache";
  cacheLife("hours");
  cacheTag(cacheTags.subheading(subheadingId));
  return listContributions(db, subheadingId, decodeCursor(after));
}

export async function readPostContext(debateSlug: string, postId: string) {
  "use cache";
  cacheLife("hours");
  const context = await getPostContext(db, debateSlug, postId);
  if (context) cacheTag(cacheTags.subheading(context.subheading.id), cacheTags.thread(context.rootId));
  else cacheTag(cacheTags.debateList());
  return context;
}

export async function readRevisions(debateSlug: string, postId: string) {
  "use cache";
  cacheLife("hours");
  const history = await listRevisions(db, debateSlug, postId);
  if (history) cacheTag(cacheTags.subheading(history.post.subheadingId), cacheTags.thread(history.post.rootId));
  else cacheTag(cacheTags.debateList());
  return history;
}

export async function readRenamedSubheading(debateSlug: string, oldSlug: string) {
  "use cache";
  cacheLife("hours");
  cacheTag(cacheTags.debateList());
  return findRenamedSubheading(db, debateSlug, oldSlug);
}

export async function readModerationLog(before: string | null) {
  "use cache";
  cacheLife("hours");
  cacheTag(cacheTags.moderationLog());
  return listModerationLog(db, decodeCursor(before));
}
