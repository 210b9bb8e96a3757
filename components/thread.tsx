import { FloatingQuote } from "./floating-quote";
import Link from "@/components/link";
import { encodeCursor } from "@/lib/cursor";
import { postPath } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import { continuesBeyond, DISPLAY_DEPTH, hiddenReplies } from "@/lib/thread-tree";
import type { ThreadNode } from "@/lib/views";
import { Marks } from "./marks/marks";
import { MoreReplies, type LoadReplies } from "./more-replies";
import { ThreadTypeSummary } from "./reply-type-label";
import { PostArticle } from "./post-article";

type Props = {
  nodes: ThreadNode[];
  debateSlug: string;
  headingLevel?: 2 | 3;
  /** The post a permalink is about: marked out, whether it was reached by a link or a reload. */
  focusId?: string;
  /** Loads "show N more replies" in place; without it, that is a link to the post's permalink. */
  loadReplies?: LoadReplies;
};

/**
 * Contributions with their nested replies: indented under a thread line, collapsible. Each post
 * shows its first replies (as loaded: lib/thread-tree.ts) and "show N more replies" for the rest.
 */
export function ThreadList({ nodes, debateSlug, headingLevel, focusId, loadReplies }: Props) {
  return (
    <>
      <ol className="space-y-6">
        {nodes.map((node) => (
          <ThreadItem
            key={node.id}
            node={node}
            debateSlug={debateSlug}
            level={0}
            headingLevel={headingLevel}
            focusId={focusId}
            loadReplies={loadReplies}
          />
        ))}
      </ol>
      {/* The floating "Quote" next to text selected in a post: one selection listener for the page,
          and only on pages that list posts (each has one ThreadList), not in every page's script. */}
      <FloatingQuote />
      {/* The page's one agree / disagree / pass controller (components/marks/), for members. */}
      <Marks />
    </>
  );
}

/** Replies shown `level` levels below the top, as list items: a chunk that "show more" appends in place. */
export function ReplyItems({
  nodes,
  debateSlug,
  level,
  loadReplies,
}: {
  nodes: ThreadNode[];
  debateSlug: string;
  level: number;
  loadReplies?: LoadReplies;
}) {
  return nodes.map((node) => (
    <ThreadItem key={node.id} node={node} debateSlug={debateSlug} level={level} loadReplies={loadReplies} />
  ));
}

function ThreadItem({
  node,
  debateSlug,
  level,
  headingLevel,
  focusId,
  loadReplies,
}: Omit<Props, "nodes"> & { node: ThreadNode; level: number }) {
  const more = level < DISPLAY_DEPTH ? hiddenReplies(node) : 0;
  const last = node.replies.at(-1);
  return (
    <li
      className={
        level === 0
          ? "rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4 dark:border-stone-800 dark:bg-stone-900"
          : ""
      }
    >
      {level === 0 && <ThreadTypeSummary counts={node.typeCounts} className="mb-2" />}
      <PostArticle
        post={node}
        debateSlug={debateSlug}
        headingLevel={level === 0 ? headingLevel : undefined}
        focused={node.id === focusId}
      />
      {(node.replies.length > 0 || more > 0) && (
        <details open className="mt-3">
          <summary className="inline-flex cursor-pointer select-none items-center gap-1 rounded px-1 text-sm font-medium text-amber-800 hover:underline dark:text-amber-300">
            <span aria-hidden="true" className="thread-chevron inline-block transition-transform">
              ▸
            </span>
            {pluralize(node.replyCount, "reply", "replies")} to this
          </summary>
          <ol className="mt-3 space-y-5 border-l-2 border-stone-300 pl-3 sm:pl-5 dark:border-stone-700">
            {node.replies.map((reply) => (
              <ThreadItem
                key={reply.id}
                node={reply}
                debateSlug={debateSlug}
                level={level + 1}
                focusId={focusId}
                loadReplies={loadReplies}
              />
            ))}
            {more > 0 && (
              <MoreReplies
                parentId={node.id}
                after={last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null}
                level={level + 1}
                remaining={more}
                href={postPath(debateSlug, node.id)}
                load={loadReplies}
              />
            )}
          </ol>
        </details>
      )}
      {continuesBeyond(node, level) && (
        <p className="mt-2 text-sm">
          <Link
            href={postPath(debateSlug, node.id)}
            className="font-medium text-amber-800 hover:underline dark:text-amber-300"
          >
            Continue this thread ({pluralize(node.replyCount, "reply", "replies")}) →
          </Link>
        </p>
      )}
    </li>
  );
}
