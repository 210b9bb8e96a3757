import Link from "@/components/link";
import { notFound, permanentRedirect } from "next/navigation";
import { AddContribution } from "@/components/add-contribution";
import { LockedNotice } from "@/components/locked-notice";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { DebateProvider } from "@/components/debate-context";
import { FollowButton, PlaceModeration } from "@/components/place-tools";
import { PostDate } from "@/components/post-date";
import { ThreadList } from "@/components/thread";
import { loadRepliesAction } from "./load-replies";
import { SortPicker } from "./sort-picker";
import { ReadingModePicker } from "@/components/reading-mode-picker";
import { flatSubheadingPath } from "@/lib/reading-mode";
import { JumpToFirstNew, UnreadPosts } from "@/components/unread/unread-posts";
import { NewPostsBar } from "@/components/live/new-posts-bar";
import { subheadingTopic } from "@/lib/live-events";
import { decodeContributionCursor } from "@/lib/contribution-cursor";
import {
  debatePath,
  homePath,
  searchPath,
  sortedSubheadingPath,
  subheadingFeedPath,
  subheadingPath,
} from "@/lib/paths";
import { DEFAULT_POST_SORT, isPostSort } from "@/lib/post-sort";
import { FeedLink } from "@/components/feed-link";
import { pluralize } from "@/lib/text";
import { readContributions, readMovesFrom, readRenamedSubheading, readSubheading } from "@/server/cache/reads";
import { MovedContributionNotes } from "@/components/moved-notes";
import { SynthesisSummary } from "../../synthesis/_components/synthesis-summary";
import { SubheadingDecisions, SubheadingProposals } from "../proposals/_components/subheading-proposals";
import { ReplyTypeFilter, WhereWeStand } from "./where-we-stand";

/**
 * A subheading and one page of its contributions: the first (cursor null) under the order the URL
 * names (`sortParam`; none: oldest first, and a signed-in member is moved to their saved order), or a
 * later one (the cursor carries its order).
 */
export async function SubheadingView({
  debateSlug,
  subheadingSlug,
  sortParam = null,
  cursor,
}: {
  debateSlug: string;
  subheadingSlug: string;
  sortParam?: string | null;
  cursor: string | null;
}) {
  const header = await readSubheading(debateSlug, subheadingSlug);
  if (!header) {
    // A renamed subheading: its old URL moves on to the new one.
    const renamed = await readRenamedSubheading(debateSlug, subheadingSlug);
    if (renamed)
      permanentRedirect(
        sortParam && !cursor
          ? sortedSubheadingPath(debateSlug, renamed, sortParam)
          : subheadingPath(debateSlug, renamed, cursor),
      );
    notFound();
  }
  const position = cursor === null ? null : decodeContributionCursor(cursor);
  if (cursor !== null && !position) notFound();
  if (sortParam !== null && !isPostSort(sortParam)) notFound();
  const sort = position?.sort ?? (isPostSort(sortParam) ? sortParam : DEFAULT_POST_SORT);
  const { debate, subheading, siblings } = header;
  const page = await readContributions(subheading.id, sort, cursor);
  const moves = await readMovesFrom(subheading.id); // "a reply was moved to …" notes (moved-notes.tsx)
  const firstPage =
    sortParam === null && sort === DEFAULT_POST_SORT
      ? subheadingPath(debate.slug, subheading.slug)
      : sortedSubheadingPath(debate.slug, subheading.slug, sort);
  const nodes = [...page.pinned, ...page.threads];
  const index = siblings.findIndex((s) => s.slug === subheading.slug);
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  const notice = lockNotice(debate.locked, subheading.locked);

  return (
    <DebateProvider
      value={{
        debateId: debate.id,
        debateSlug: debate.slug,
        locked: debate.locked,
        subheadings: siblings.map(({ id, title, locked }) => ({ id, title, locked })),
        movedAway: moves.moves,
      }}
    >
      <Breadcrumbs
        items={[
          { href: homePath(), label: "Debates" },
          { href: debatePath(debate.slug), label: debate.title },
        ]}
      />
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{subheading.title}</h1>
      {subheading.description && <p className="mt-2 text-stone-600 dark:text-stone-400">{subheading.description}</p>}
      <FollowButton targetType="subheading" targetId={subheading.id} name="this subheading" />
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        Subheading {index + 1} of {siblings.length} in “{debate.title}” ·{" "}
        {pluralize(subheading.contributionCount, "contribution")},{" "}
        {pluralize(subheading.replyCount, "reply", "replies")}
        {subheading.lastActivityAt && (
          <>
            {" "}
            · last activity <PostDate date={subheading.lastActivityAt} known />
          </>
        )}
      </p>

      {/* Decisions (proposals' outcomes, issue 12): in the subheading's synthesis area. */}
      {cursor === null && (
        <SubheadingDecisions debateSlug={debate.slug} subheadingSlug={subheading.slug} subheadingId={subheading.id} />
      )}
      {cursor === null && <WhereWeStand subheadingId={subheading.id} debateSlug={debate.slug} />}
      <ReplyTypeFilter debateSlug={debate.slug} subheadingSlug={subheading.slug} />

      {/* Where the discussion stands (server/synthesis/): on the first page of each order. */}
      {cursor === null && <SynthesisSummary debateSlug={debate.slug} subheadingSlug={subheading.slug} />}
      <PlaceModeration
        place={{ subheadingId: subheading.id }}
        name="this subheading"
        locked={subheading.locked}
        slowModeSeconds={subheading.slowModeSeconds}
      />
      <div className="mt-6">
        {notice ? (
          <LockedNotice>{notice}</LockedNotice>
        ) : (
          <AddContribution
            debateId={debate.id}
            subheadings={siblings.filter((s) => !s.locked)}
            subheadingId={subheading.id}
          />
        )}
      </div>

      <section aria-labelledby="contributions-h" className="mt-8">
        <h2 id="contributions-h" className="sr-only">
          Contributions
        </h2>
        <SortPicker
          debateSlug={debate.slug}
          subheadingSlug={subheading.slug}
          current={sort}
          explicit={sortParam !== null || cursor !== null}
        />
        <ReadingModePicker
          current="nested"
          hrefs={{ nested: firstPage, flat: flatSubheadingPath(debate.slug, subheading.slug) }}
        />
        {/* New contributions land on the last page (the first, newest first); replies show in the threads of this one. */}
        <NewPostsBar
          topic={subheadingTopic(subheading.id)}
          threadIds={nodes.map((node) => node.id)}
          contributions={sort === "newest" ? cursor === null : !page.nextCursor}
        />
        {nodes.length > 0 ? (
          <UnreadPosts subheadingId={subheading.id}>
            <JumpToFirstNew />
            <ThreadList nodes={nodes} debateSlug={debate.slug} headingLevel={3} loadReplies={loadRepliesAction} />
          </UnreadPosts>
        ) : (
          <p className="text-stone-600 italic dark:text-stone-400">
            {cursor ? "No more contributions." : "No contributions under this subheading yet."}
          </p>
        )}
        <MovedContributionNotes />
        {(page.nextCursor || cursor) && (
          <nav aria-label="Pages of contributions" className="mt-6 flex flex-wrap gap-4">
            {cursor && (
              <Link
                href={firstPage}
                className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
              >
                ← First page
              </Link>
            )}
            {page.nextCursor && (
              <Link
                href={subheadingPath(debate.slug, subheading.slug, page.nextCursor)}
                className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
              >
                Next contributions →
              </Link>
            )}
          </nav>
        )}
      </section>

      {cursor === null && (
        <SubheadingProposals
          debateSlug={debate.slug}
          subheadingSlug={subheading.slug}
          subheadingId={subheading.id}
          open={notice === null}
        />
      )}

      <nav
        aria-label="Other subheadings"
        className="mt-10 flex flex-col gap-2 border-t border-stone-200 pt-4 text-sm sm:flex-row sm:justify-between dark:border-stone-800"
      >
        {previous ? (
          <Link href={subheadingPath(debate.slug, previous.slug)} className="hover:underline">
            ← {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link href={subheadingPath(debate.slug, next.slug)} className="hover:underline sm:text-right">
            {next.title} →
          </Link>
        )}
      </nav>
      <p className="mt-4 flex flex-wrap gap-4 text-sm">
        <FeedLink href={subheadingFeedPath(debate.slug, subheading.slug)} of="this subheading" />
        <Link href={searchPath({ debate: debate.slug, subheading: subheading.slug })} className="hover:underline">
          Search this subheading
        </Link>
      </p>
    </DebateProvider>
  );
}

/** What a lock says where the contribution button would be (null: not locked). */
export function lockNotice(debateLocked: boolean, subheadingLocked: boolean): string | null {
  if (debateLocked) return "This debate is locked: it can be read, but no longer added to.";
  if (subheadingLocked) return "This subheading is locked: it can be read, but no longer added to.";
  return null;
}

export async function subheadingTitle(debateSlug: string, subheadingSlug: string): Promise<string> {
  const header = await readSubheading(debateSlug, subheadingSlug);
  return header ? `${header.subheading.title} · ${header.debate.title}` : "Subheading not found";
}
