import Link from "@/components/link";
import { AddContribution } from "@/components/add-contribution";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { DebateProvider } from "@/components/debate-context";
import { FlatList } from "@/components/flat-list";
import { NewPostsBar } from "@/components/live/new-posts-bar";
import { LockedNotice } from "@/components/locked-notice";
import { ReadingModePicker } from "@/components/reading-mode-picker";
import { subheadingTopic } from "@/lib/live-events";
import { debatePath, homePath, sortedSubheadingPath } from "@/lib/paths";
import { DEFAULT_POST_SORT } from "@/lib/post-sort";
import { flatSubheadingPath } from "@/lib/reading-mode";
import { pluralize } from "@/lib/text";
import { lockNotice } from "./subheading-view";
import { readFlatSubheading } from "@/server/cache/reads";
import { readPagedSubheading, type PagedSubheadingProps } from "./read-paged-subheading";

/**
 * A subheading read flat: every post, contributions and replies alike, in the order they were
 * written, each reply naming what it answers; a page at a time (`cursor`: after that post).
 */
export async function FlatSubheadingView(props: PagedSubheadingProps) {
  const { cursor } = props;
  const { debate, subheading, siblings } = await readPagedSubheading(props, flatSubheadingPath);
  const page = await readFlatSubheading(subheading.id, cursor);
  const notice = lockNotice(debate.locked, subheading.locked);
  const pageButton =
    "rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";

  return (
    <DebateProvider
      value={{
        debateId: debate.id,
        debateSlug: debate.slug,
        locked: debate.locked,
        subheadings: siblings.map(({ id, title, locked }) => ({ id, title, locked })),
        movedAway: [],
      }}
    >
      <Breadcrumbs
        items={[
          { href: homePath(), label: "Debates" },
          { href: debatePath(debate.slug), label: debate.title },
        ]}
      />
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{subheading.title}</h1>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        {pluralize(subheading.contributionCount, "contribution")},{" "}
        {pluralize(subheading.replyCount, "reply", "replies")}, in the order they were written.
      </p>
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

      <section aria-labelledby="posts-h" className="mt-8">
        <h2 id="posts-h" className="sr-only">
          Posts in time order
        </h2>
        <ReadingModePicker
          current="flat"
          hrefs={{
            // An explicit order: the plain URL would move a member who reads flat straight back here.
            nested: sortedSubheadingPath(debate.slug, subheading.slug, DEFAULT_POST_SORT),
            flat: flatSubheadingPath(debate.slug, subheading.slug),
          }}
        />
        {/* New posts, replies too, land at the end: the last page shows them. */}
        <NewPostsBar
          topic={subheadingTopic(subheading.id)}
          contributions={!page.nextCursor}
          threadIds={page.nextCursor ? [] : undefined}
        />
        <div className="mt-4">
          {page.posts.length > 0 ? (
            <FlatList posts={page.posts} debateSlug={debate.slug} />
          ) : (
            <p className="text-stone-600 italic dark:text-stone-400">
              {cursor ? "No later posts." : "No contributions under this subheading yet."}
            </p>
          )}
        </div>
        {(page.nextCursor || cursor) && (
          <nav aria-label="Pages of posts" className="mt-6 flex flex-wrap gap-4">
            {cursor && (
              <Link href={flatSubheadingPath(debate.slug, subheading.slug)} className={pageButton}>
                ← First posts
              </Link>
            )}
            {page.nextCursor && (
              <Link href={flatSubheadingPath(debate.slug, subheading.slug, page.nextCursor)} className={pageButton}>
                Later posts →
              </Link>
            )}
          </nav>
        )}
      </section>
    </DebateProvider>
  );
}
