import Link from "@/components/link";
import { AuthorName } from "@/components/author-name";
import { PostDate } from "@/components/post-date";
import { postPath } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import type { AncestorView } from "@/server/posts/get-post-context";

/**
 * The posts a permalink's post answers, compact and top down: each one's author, date and first
 * line, the rest of its text behind a native <details> (plain text, up to 1,000 characters) and a
 * link to it in full. However deep the post sits, at most the thread's top post and the nearest
 * few are listed; "N more above" links to the lowest of those left out, whose page goes on up.
 */
export function AncestorContext({
  ancestors,
  skipped,
  debateSlug,
}: {
  ancestors: AncestorView[];
  skipped: { count: number; nearestId: string } | null;
  debateSlug: string;
}) {
  const [top, ...rest] = ancestors;
  if (!top) return null;
  return (
    <section aria-labelledby="context-h" className="mt-4">
      <h2 id="context-h" className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
        In reply to
      </h2>
      <ol className="mt-2 space-y-2 border-l-2 border-stone-300 pl-3 text-sm sm:pl-4 dark:border-stone-700">
        <AncestorLine post={top} debateSlug={debateSlug} />
        {skipped && (
          <li>
            <Link
              href={postPath(debateSlug, skipped.nearestId)}
              className="font-medium text-amber-800 hover:underline dark:text-amber-300"
            >
              {pluralize(skipped.count, "more post", "more posts")} above ↑
            </Link>
          </li>
        )}
        {rest.map((post) => (
          <AncestorLine key={post.id} post={post} debateSlug={debateSlug} />
        ))}
      </ol>
    </section>
  );
}

function AncestorLine({ post, debateSlug }: { post: AncestorView; debateSlug: string }) {
  const removed =
    post.state === "deleted" ? "Deleted by its author." : post.state === "hidden" ? "Hidden by a moderator." : null;
  const firstLine = removed ?? (post.title ? `${post.title} — ${post.firstLine}` : post.firstLine);
  return (
    <li className="text-stone-700 dark:text-stone-300">
      <p className="flex flex-wrap items-baseline gap-x-2 text-stone-600 dark:text-stone-400">
        {post.state === "visible" ? <AuthorName author={post.author} /> : <span className="italic">—</span>}
        <span aria-hidden="true">·</span>
        <Link href={postPath(debateSlug, post.id)} className="hover:underline">
          <PostDate date={post.createdAt} known={post.dateKnown} />
          <span className="sr-only"> (permalink)</span>
        </Link>
      </p>
      {post.more && !removed ? (
        <details className="mt-0.5">
          <summary className="cursor-pointer break-words">{firstLine}</summary>
          <p className="mt-1 whitespace-pre-line break-words">{post.more}</p>
          <Link
            href={postPath(debateSlug, post.id)}
            className="mt-1 inline-block font-medium text-amber-800 hover:underline dark:text-amber-300"
          >
            Read it in full →
          </Link>
        </details>
      ) : (
        <p className={`mt-0.5 break-words ${removed ? "italic" : ""}`}>{firstLine}</p>
      )}
    </li>
  );
}
