import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { SPLIT_SHOWN_AT } from "@/lib/marks";
import { closedTime } from "@/lib/proposals";
import { isReplyType } from "@/lib/reply-types";
import { isSynthesisStatus } from "@/lib/synthesis";
import type { DbTx } from "../db";
import type { ExportHeader, ExportPost, ExportSection, ExportSynthesis } from "./export-model";

/** Rows read per query: contributions per page, and replies per page of a group of threads. */
export const EXPORT_PAGE = 500;

const visible = { hiddenAt: null, deletedAt: null } satisfies Prisma.PostWhereInput;
const oldestFirst = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.PostOrderByWithRelationInput[];

const postSelect = {
  id: true,
  parentId: true,
  importKey: true,
  title: true,
  body: true,
  sourceUrl: true,
  attributionNote: true,
  createdAt: true,
  dateKnown: true,
  replyType: true,
  agreeCount: true,
  disagreeCount: true,
  passCount: true,
  markCount: true,
  author: { select: { name: true } },
} satisfies Prisma.PostSelect;
type PostRow = Prisma.PostGetPayload<{ select: typeof postSelect }>;

const synthesisSelect = { status: true, body: true } satisfies Prisma.SynthesisSelect;

function toSynthesis(row: { status: string; body: string } | null | undefined): ExportSynthesis | null {
  if (!row || row.body.trim() === "") return null;
  return { status: isSynthesisStatus(row.status) ? row.status : "open", body: row.body };
}

/**
 * The debate, its current subheadings in order, their syntheses and closed proposals: what an
 * export writes before the posts. Null for an unknown debate.
 */
export async function readExportHeader(tx: DbTx, slug: string): Promise<ExportHeader | null> {
  const debate = await tx.debate.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      body: true,
      attributionNote: true,
      viewCount: true,
      createdAt: true,
      dateKnown: true,
      author: { select: { name: true } },
      subheadings: {
        where: { archivedAt: null },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          slug: true,
          title: true,
          description: true,
          position: true,
          syntheses: { select: synthesisSelect },
          // Open proposals are still being voted on: only closed ones (closed early, or whose time
          // has come, even before the scheduled step records it: lib/proposals.ts) are written.
          proposals: {
            where: { OR: [{ closedAt: { not: null } }, { closesAt: { lte: new Date() } }] },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: {
              statement: true,
              authorId: true,
              createdAt: true,
              closesAt: true,
              closedAt: true,
              outcome: true,
              agreeCount: true,
              abstainCount: true,
              disagreeCount: true,
              blockCount: true,
            },
          },
        },
      },
    },
  });
  if (!debate) return null;
  // Proposal has no relation to its author in the schema: their names, read in one query.
  const proposers = new Set(debate.subheadings.flatMap((s) => s.proposals.flatMap((p) => p.authorId ?? [])));
  const [debateSynthesis, users] = await Promise.all([
    tx.synthesis.findUnique({ where: { scopeKey: `debate:${debate.id}` }, select: synthesisSelect }),
    tx.user.findMany({ where: { id: { in: [...proposers] } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const sections: ExportSection[] = debate.subheadings.map((s) => ({
    id: s.id,
    slug: s.slug,
    title: s.title,
    description: s.description?.trim() ? s.description : null,
    position: s.position,
    synthesis: toSynthesis(s.syntheses[0]),
    proposals: s.proposals.map((p) => ({
      statement: p.statement,
      author: (p.authorId && names.get(p.authorId)) ?? null,
      createdAt: p.createdAt,
      closesAt: p.closesAt,
      closedAt: closedTime(p),
      outcome: p.outcome,
      counts: { agree: p.agreeCount, abstain: p.abstainCount, disagree: p.disagreeCount, block: p.blockCount },
    })),
  }));
  return {
    debate: {
      id: debate.id,
      slug: debate.slug,
      title: debate.title,
      author: debate.author?.name ?? null,
      authorNote: debate.attributionNote,
      views: debate.viewCount,
      body: debate.body,
      createdAt: debate.createdAt,
      dateKnown: debate.dateKnown,
      synthesis: toSynthesis(debateSynthesis),
    },
    sections,
  };
}

/**
 * A subheading's visible threads, oldest first, each with its visible replies nested (a hidden or
 * deleted post is left out with everything beneath it). Bounded work per step: contributions are
 * read EXPORT_PAGE at a time (keyset), then their replies for groups of threads holding about
 * EXPORT_PAGE replies, also keyset-paged; one thread larger than that is read whole, as its page on
 * the site reads it.
 */
export async function* readThreads(
  tx: DbTx,
  section: { id: string },
  pageSize = EXPORT_PAGE,
): AsyncGenerator<ExportPost> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const roots: PostRow[] = await tx.post.findMany({
      where: { subheadingId: section.id, parentId: null, ...visible, ...keyset(after) },
      orderBy: oldestFirst,
      take: pageSize,
      select: postSelect,
    });
    if (roots.length === 0) return;
    after = roots[roots.length - 1]!;
    const sizes = new Map(
      (
        await tx.post.groupBy({
          by: ["rootId"],
          where: { rootId: { in: roots.map((r) => r.id) } },
          _count: { _all: true },
        })
      ).map((g) => [g.rootId, g._count._all]),
    );
    let group: PostRow[] = [];
    let replies = 0;
    for (const root of roots) {
      const size = sizes.get(root.id) ?? 0;
      if (group.length > 0 && replies + size > pageSize) {
        yield* threadsOf(tx, section.id, group, pageSize);
        group = [];
        replies = 0;
      }
      group.push(root);
      replies += size;
    }
    yield* threadsOf(tx, section.id, group, pageSize);
    if (roots.length < pageSize) return;
  }
}

function keyset(after: { createdAt: Date; id: string } | null): Prisma.PostWhereInput {
  return after
    ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
    : {};
}

async function* threadsOf(
  tx: DbTx,
  subheadingId: string,
  roots: PostRow[],
  pageSize: number,
): AsyncGenerator<ExportPost> {
  const children = new Map<string, PostRow[]>();
  const rootIds = roots.map((r) => r.id);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page: PostRow[] = await tx.post.findMany({
      where: { rootId: { in: rootIds }, subheadingId, ...visible, ...keyset(after) },
      orderBy: oldestFirst,
      take: pageSize,
      select: postSelect,
    });
    for (const reply of page) {
      const siblings = children.get(reply.parentId!);
      if (siblings) siblings.push(reply);
      else children.set(reply.parentId!, [reply]);
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1]!;
  }
  // Only what can be reached from a visible root through visible parents is written.
  const toPost = (row: PostRow, isReply: boolean): ExportPost => ({
    key: row.importKey ?? row.id,
    author: row.author?.name ?? null,
    authorNote: row.attributionNote,
    title: row.title?.trim() ? row.title : null,
    body: row.body,
    sourceUrl: row.sourceUrl,
    createdAt: row.createdAt,
    dateKnown: row.dateKnown,
    replyType: isReply && isReplyType(row.replyType) ? row.replyType : null,
    agreement:
      row.markCount >= SPLIT_SHOWN_AT
        ? { agree: row.agreeCount, disagree: row.disagreeCount, pass: row.passCount }
        : null,
    replies: (children.get(row.id) ?? []).map((child) => toPost(child, true)),
  });
  for (const root of roots) yield toPost(root, false);
}
