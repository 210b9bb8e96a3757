import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { DebateProvider } from "@/components/debate-context";
import { FollowButton } from "@/components/place-tools";
import { ThreadList } from "@/components/thread";
import { NewPostsBar } from "@/components/live/new-posts-bar";
import { threadTopic } from "@/lib/live-events";
import { debatePath, homePath, postPath, subheadingPath, threadFeedPath } from "@/lib/paths";
import { FeedLink } from "@/components/feed-link";
import { feedAlternates } from "@/server/feeds/feed-alternates";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import type { PostView } from "@/lib/views";
import { readMovesFrom, readPostContext } from "@/server/cache/reads";
import { loadRepliesAction } from "../../[subheading]/_components/load-replies";
import { AncestorContext } from "./_components/ancestor-context";
import { ReadingModePicker } from "@/components/reading-mode-picker";
import { flatThreadPath } from "@/lib/reading-mode";
import { ThreadTypeSummary } from "@/components/reply-type-label";
import { WhoMarked } from "@/components/marks/who-marked";

type Props = PageProps<"/debates/[slug]/posts/[postId]">;

function describe(post: PostView): string {
  const who = post.author?.name ?? "an unknown author";
  if (post.title) return post.title;
  return `${post.parentId ? "Reply" : "Contribution"} by ${who}`;
}

// Each URL renders on its first visit (from the tagged data cache in server/cache/reads.ts)
// and is then kept whole in Next's page cache until a write invalidates one of its tags.
// The params are awaited before anything renders, so an unknown URL answers a real 404.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, postId: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, postId } = await params;
  const context = await readPostContext(slug, postId);
  if (!context) return { title: "Post not found" };
  const title = `${describe(context.thread)} · ${context.subheading.title}`;
  return { title, alternates: feedAlternates(threadFeedPath(slug, context.rootId), `This thread · ${title}`) };
}

/**
 * A post's permalink: the post first, under compact lines for the posts it answers (the thread's top
 * and the nearest few), then its first replies and "show N more replies".
 */
export default async function PostPage({ params }: Props) {
  const { slug, postId } = await params;
  const context = await readPostContext(slug, postId);
  if (!context) notFound();
  const { debate, subheading, ancestors, thread, rootId } = context;
  const moves = await readMovesFrom(subheading.id); // replies moved away from these posts (moved-notes.tsx)

  return (
    <DebateProvider
      value={{
        debateId: debate.id,
        debateSlug: debate.slug,
        locked: debate.locked,
        subheadings: debate.subheadings,
        movedAway: moves.moves.filter((m) => m.fromParentId !== null),
      }}
    >
      <Breadcrumbs
        items={[
          { href: homePath(), label: "Debates" },
          { href: debatePath(debate.slug), label: debate.title },
          { href: subheadingPath(debate.slug, subheading.slug), label: subheading.title },
        ]}
      />
      <h1 className="text-xl font-bold tracking-tight sm:text-2xl">{describe(thread)}</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Under “{subheading.title}”
        {ancestors.length > 0 && `, in reply to ${ancestors.at(-1)!.author?.name ?? "an unknown author"}`}
      </p>
      {/* The thread is named by its top-level contribution, whichever of its posts this is. */}
      <FollowButton targetType="thread" targetId={rootId} name="this thread" />

      <AncestorContext ancestors={ancestors} skipped={context.skipped} debateSlug={debate.slug} />

      <NewPostsBar topic={threadTopic(rootId)} />
      <section aria-labelledby="post-h" className="mt-6">
        <h2 id="post-h" className="sr-only">
          The post and its replies
        </h2>
        {/* A member who reads flat is moved from a thread's own page (not from a reply's permalink, which is about that reply). */}
        <ReadingModePicker
          current="nested"
          hrefs={{ nested: postPath(debate.slug, postId), flat: flatThreadPath(debate.slug, postId) }}
          moveToSaved={postId === rootId}
        />
        <ThreadTypeSummary counts={context.typeCounts} className="mb-2" />
        <ThreadList nodes={[thread]} debateSlug={debate.slug} focusId={thread.id} loadReplies={loadRepliesAction} />
        {thread.state === "visible" && <WhoMarked postId={thread.id} />}
      </section>

      <p className="mt-8 flex flex-wrap gap-4 text-sm">
        {ancestors[0] && (
          <Link href={postPath(debate.slug, ancestors[0].id)} className="hover:underline">
            ↑ Whole thread
          </Link>
        )}
        <Link href={subheadingPath(debate.slug, subheading.slug)} className="hover:underline">
          ← Back to “{subheading.title}”
        </Link>
        <FeedLink href={threadFeedPath(debate.slug, context.rootId)} of="this thread" />
      </p>
    </DebateProvider>
  );
}
