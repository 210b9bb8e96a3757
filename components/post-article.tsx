import Link from "@/components/link";
import { postAnchor, postHistoryPath, postPath } from "@/lib/paths";
import type { PostView } from "@/lib/views";
import { AuthorName } from "./author-name";
import { MovedAwayNotes, MovedHereNote } from "./moved-notes";
import { PostActions } from "./post-actions";
import { PinIcon } from "./icons";
import { PostDate } from "./post-date";
import { PostMarks } from "./marks/post-marks";
import { ReplyTypeLabel } from "./reply-type-label";
import { RichText } from "./rich-text";
import { NewBadge } from "./unread/unread-posts";

type HeadingLevel = 2 | 3;

/**
 * One post. A top-level contribution carries a heading (its title, or who wrote it, for
 * screen-reader navigation); a reply is labelled by its author.
 */
export function PostArticle({
  post,
  debateSlug,
  headingLevel,
  focused = false,
}: {
  post: PostView;
  debateSlug: string;
  headingLevel?: HeadingLevel;
  focused?: boolean;
}) {
  const anchor = postAnchor(post.id);
  const who = post.author?.name ?? (post.state === "visible" ? "an unknown author" : "a removed author");
  const Heading = headingLevel ? (`h${headingLevel}` as const) : null;
  const label = post.parentId ? `Reply by ${who}` : `Contribution by ${who}`;

  return (
    <article
      id={anchor}
      data-created={post.createdAt.toISOString()}
      aria-labelledby={Heading ? `${anchor}-h` : undefined}
      aria-label={Heading ? undefined : label}
      className={`scroll-mt-4 p-1 ${focused ? "rounded-md bg-amber-50 ring-2 ring-amber-500/60 dark:bg-amber-950/40" : ""}`}
    >
      {Heading &&
        (post.title ? (
          <Heading id={`${anchor}-h`} className="mb-1 text-lg font-semibold leading-snug">
            {post.title}
          </Heading>
        ) : (
          <Heading id={`${anchor}-h`} className="sr-only">
            {label}
          </Heading>
        ))}
      {!Heading && post.title && <p className="mb-1 font-semibold">{post.title}</p>}
      {post.pinned && (
        <p className="mb-1 flex items-center gap-1 text-xs font-semibold uppercase tracking-wide text-amber-800 dark:text-amber-300">
          <PinIcon className="h-3.5 w-3.5" /> Pinned
        </p>
      )}
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm text-stone-600 dark:text-stone-400">
        <NewBadge postId={post.id} />
        {post.state === "visible" ? <AuthorName author={post.author} /> : <span className="italic">—</span>}
        {post.parentId && post.replyType && post.state === "visible" && <ReplyTypeLabel type={post.replyType} />}
        <span aria-hidden="true">·</span>
        <Link href={postPath(debateSlug, post.id)} className="hover:underline">
          <PostDate date={post.createdAt} known={post.dateKnown} />
          <span className="sr-only"> (permalink)</span>
        </Link>
        {post.editedAt && (
          <Link href={postHistoryPath(debateSlug, post.id)} className="hover:underline">
            · edited<span className="sr-only"> (see the history)</span>
          </Link>
        )}
      </p>
      {post.movedFromSubheadingId && (
        <MovedHereNote fromSubheadingId={post.movedFromSubheadingId} subheadingId={post.subheadingId} />
      )}
      {post.attributionNote && (
        <p className="mt-0.5 text-xs italic text-stone-500 dark:text-stone-400">Note: {post.attributionNote}</p>
      )}
      {post.state === "visible" && post.bodyHtml !== null ? (
        <RichText html={post.bodyHtml} className="mt-2" />
      ) : (
        <p className="mt-2 rounded bg-stone-100 px-3 py-2 text-sm italic text-stone-600 dark:bg-stone-900 dark:text-stone-400">
          {post.state === "deleted"
            ? "Deleted by its author."
            : `Hidden by a moderator${post.hiddenReason ? `: ${post.hiddenReason}` : "."}`}
        </p>
      )}
      {post.state === "visible" && post.marks && (
        <PostMarks
          postId={post.id}
          authorId={post.author?.id ?? null}
          marks={post.marks}
          label={post.parentId ? `reply by ${who}` : `contribution by ${who}`}
        />
      )}
      {post.state !== "deleted" && (
        <PostActions
          debateSlug={debateSlug}
          post={{
            id: post.id,
            subheadingId: post.subheadingId,
            parentId: post.parentId,
            authorId: post.author?.id ?? null,
            authorName: post.author?.name ?? null,
            pinned: post.pinned,
            state: post.state,
            replyType: post.replyType ?? null,
          }}
        />
      )}
      <MovedAwayNotes parentId={post.id} />
      {post.sourceUrl && (
        <p className="mt-2 text-xs text-stone-500 dark:text-stone-400">
          Originally published at{" "}
          <a href={post.sourceUrl} rel="nofollow ugc noopener" className="break-all underline">
            {post.sourceUrl}
          </a>
        </p>
      )}
    </article>
  );
}
