import Link from "@/components/link";
import { postAnchor, postPath } from "@/lib/paths";
import type { FlatPostView } from "@/lib/views-flat";
import { FloatingQuote } from "./floating-quote";
import { Marks } from "./marks/marks";
import { PostArticle } from "./post-article";

/**
 * The flat reading mode's list (server/posts/list-flat.ts): every post in time order, each reply
 * under one line naming what it answers ("In reply to Ana: first words…"), linked to it: on this
 * page by its anchor, elsewhere by its permalink.
 */
export function FlatList({ posts, debateSlug }: { posts: FlatPostView[]; debateSlug: string }) {
  const here = new Set(posts.map((p) => p.id));
  return (
    <>
      <ol className="space-y-5">
        {posts.map((post) => (
          <li
            key={post.id}
            className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4 dark:border-stone-800 dark:bg-stone-900"
          >
            {post.inReplyTo && (
              <p className="mb-2 border-l-2 border-stone-300 pl-2 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
                <Link
                  href={
                    here.has(post.inReplyTo.id)
                      ? `#${postAnchor(post.inReplyTo.id)}`
                      : postPath(debateSlug, post.inReplyTo.id)
                  }
                  className="hover:underline"
                >
                  {post.inReplyTo.state === "visible" ? (
                    <>
                      In reply to{" "}
                      <span className="font-medium">{post.inReplyTo.author?.name ?? "an unknown author"}</span>:{" "}
                      {post.inReplyTo.excerpt}
                    </>
                  ) : (
                    "In reply to a removed post"
                  )}
                </Link>
              </p>
            )}
            <PostArticle post={post} debateSlug={debateSlug} headingLevel={3} />
          </li>
        ))}
      </ol>
      <FloatingQuote />
      <Marks />
    </>
  );
}
