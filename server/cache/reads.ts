import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "../db";
import type { PostSort } from "@/lib/post-sort";
import type { SearchInput } from "../search/search-posts";
import type { FilterOrder, ReplyType } from "@/lib/reply-types";
import { readModel, type Read } from "./read-model";

// The anonymous read path. Each function is cached by Next ('use cache') under the tags of what
// its result shows (read-model.ts); every write invalidates the tags it touched, so a cached page
// is never staler than the last write, and cacheLife only bounds how long an untouched one lives.

/** Next keeps at most this many tags from one cacheTag() call and drops the rest (with a warning). */
const TAGS_PER_CALL = 128;

async function tagged<A extends unknown[], R>(read: Read<A, R>, ...args: A): Promise<R> {
  const result = await read.load(db, ...args);
  // A page of posts carries one tag per author shown, which can be more than one call keeps.
  const tags = read.tags(result, ...args);
  for (let i = 0; i < tags.length; i += TAGS_PER_CALL) cacheTag(...tags.slice(i, i + TAGS_PER_CALL));
  return result;
}

export async function readDebateList() {
  "use cache";
  cacheLife("minutes"); // view counts move without a write that invalidates
  return tagged(readModel.debateList);
}

export async function readDebatePage(slug: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.debatePage, slug);
}

export async function readSubheading(debateSlug: string, subheadingSlug: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.subheading, debateSlug, subheadingSlug);
}

export async function readContributions(subheadingId: string, sort: PostSort, after: string | null) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.contributions, subheadingId, sort, after);
}

export async function readFlatSubheading(subheadingId: string, after: string | null) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.flatSubheading, subheadingId, after);
}

export async function readFlatThread(rootId: string, after: string | null) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.flatThread, rootId, after);
}

export async function readReplyChunk(parentId: string, after: string | null, level: number) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.replyChunk, parentId, after, level);
}

export async function readMovesFrom(subheadingId: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.movesFrom, subheadingId);
}

export async function readWhereWeStand(subheadingId: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.whereWeStand, subheadingId);
}

export async function readTypedReplies(
  subheadingId: string,
  type: ReplyType,
  order: FilterOrder,
  after: string | null,
) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.typedReplies, subheadingId, type, order, after);
}

export async function readPostContext(debateSlug: string, postId: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.postContext, debateSlug, postId);
}

export async function readRevisions(debateSlug: string, postId: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.revisions, debateSlug, postId);
}

export async function readRenamedSubheading(debateSlug: string, oldSlug: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.renamedSubheading, debateSlug, oldSlug);
}

export async function readModerationLog(before: string | null) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.moderationLog, before);
}

export async function readDebateFeed(slug: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.debateFeed, slug);
}

export async function readSubheadingFeed(debateSlug: string, subheadingSlug: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.subheadingFeed, debateSlug, subheadingSlug);
}

export async function readThreadFeed(debateSlug: string, postId: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.threadFeed, debateSlug, postId);
}

// Search results live minutes at most: bm25's scores also move with posts outside the scope.
export async function readSearch(input: SearchInput) {
  "use cache";
  cacheLife("minutes");
  return tagged(readModel.search, input);
}

export async function readProfile(handle: string, before: string | null) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.profile, handle, before);
}

// Proposals: open ones stay "open" in a cached page at most one scheduled-close interval (30 s)
// past closesAt, when the close invalidates `proposals:<subheadingId>`; the vote form itself stops
// offering the vote at closesAt by the reader's clock, and the server refuses it from then on.
export async function readSubheadingProposals(subheadingId: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.subheadingProposals, subheadingId);
}

export async function readProposalList(subheadingId: string, after: string | null) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.proposalList, subheadingId, after);
}

export async function readProposal(debateSlug: string, subheadingSlug: string, proposalId: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.proposal, debateSlug, subheadingSlug, proposalId);
}

export async function readSynthesis(debateSlug: string, subheadingSlug: string | null) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.synthesis, debateSlug, subheadingSlug);
}

export async function readSynthesisExcerpts(debateId: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.synthesisExcerpts, debateId);
}

export async function readSynthesisVersions(debateSlug: string, subheadingSlug: string | null, before: number | null) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.synthesisVersions, debateSlug, subheadingSlug, before);
}

export async function readSynthesisProposal(debateSlug: string, subheadingSlug: string | null, proposalId: string) {
  "use cache";
  cacheLife("hours");
  return tagged(readModel.synthesisProposal, debateSlug, subheadingSlug, proposalId);
}
