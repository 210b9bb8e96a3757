import Link from "@/components/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { DebateProvider } from "@/components/debate-context";
import { FlatList } from "@/components/flat-list";
import { NewPostsBar } from "@/components/live/new-posts-bar";
import { ReadingModePicker } from "@/components/reading-mode-picker";
import { decodeCursor } from "@/lib/cursor";
import { threadTopic } from "@/lib/live-events";
import { debatePath, homePath, postPath, subheadingPath } from "@/lib/paths";
import { flatThreadPath } from "@/lib/reading-mode";
import { readFlatThread, readPostContext } from "@/server/cache/reads";

/**
 * A thread read flat: its contribution and every reply beneath it in the order they were written,
 * each reply naming what it answers; named by any of its posts, a page at a time.
 */
export async function FlatThreadView({
  debateSlug,
  postId,
  cursor,
}: {
  debateSlug: string;
  postId: string;
  cursor: string | null;
}) {
  const context = await readPostContext(debateSlug, postId);
  if (!context) notFound();
  if (cursor !== null && !decodeCursor(cursor)) notFound();
  const { debate, subheading, rootId } = context;
  const page = await readFlatThread(rootId, cursor);
  const root = page.posts[0]?.id === rootId ? page.posts[0] : null;
  const pageButton =
    "rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";

  return (
    <DebateProvider
      value={{
        debateId: debate.id,
        debateSlug: debate.slug,
        locked: debate.locked,
        subheadings: debate.subheadings,
        movedAway: [],
      }}
    >
      <Breadcrumbs
        items={[
          { href: homePath(), label: "Debates" },
          { href: debatePath(debate.slug), label: debate.title },
          { href: subheadingPath(debate.slug, subheading.slug), label: subheading.title },
        ]}
      />
      <h1 className="text-xl font-bold tracking-tight sm:text-2xl">
        {root?.title ?? `A thread under “${subheading.title}”`}, in time order
      </h1>
      <section aria-labelledby="posts-h" className="mt-6">
        <h2 id="posts-h" className="sr-only">
          The thread’s posts in time order
        </h2>
        <ReadingModePicker
          current="flat"
          hrefs={{ nested: postPath(debate.slug, postId), flat: flatThreadPath(debate.slug, postId) }}
        />
        <NewPostsBar topic={threadTopic(rootId)} contributions={false} threadIds={page.nextCursor ? [] : [rootId]} />
        <div className="mt-4">
          <FlatList posts={page.posts} debateSlug={debate.slug} />
        </div>
        {(page.nextCursor || cursor) && (
          <nav aria-label="Pages of posts" className="mt-6 flex flex-wrap gap-4">
            {cursor && (
              <Link href={flatThreadPath(debate.slug, postId)} className={pageButton}>
                ← First posts
              </Link>
            )}
            {page.nextCursor && (
              <Link href={flatThreadPath(debate.slug, postId, page.nextCursor)} className={pageButton}>
                Later posts →
              </Link>
            )}
          </nav>
        )}
      </section>
    </DebateProvider>
  );
}
