import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { ActionForm } from "@/components/action-form";
import { AuthorName } from "@/components/author-name";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { PostDate } from "@/components/post-date";
import { RichText } from "@/components/rich-text";
import { catchUpPath, debatePath, homePath, postPath, signInPath, subheadingPath } from "@/lib/paths";
import { getCurrentUser } from "@/server/auth/session";
import { markDebateReadAction } from "@/server/actions/unread";
import { decodeCatchUpCursor, listNewPosts, type CatchUpPost } from "@/server/unread/list-new-posts";

type Props = PageProps<"/debates/[slug]/new">;

export const metadata: Metadata = { title: "What's new", robots: { index: false } };

/**
 * Catch up: the posts of a debate added since the member last read each subheading, grouped by
 * subheading in outline order, each with the post it answers. Per member, so per request.
 * ("new" is a reserved subheading slug: no subheading can take this address.)
 */
export default function CatchUpPage({ params, searchParams }: Props) {
  return (
    <Suspense fallback={<p role="status">Loading what is new…</p>}>
      <CatchUp params={params} searchParams={searchParams} />
    </Suspense>
  );
}

async function CatchUp({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="py-8">
        <h1 className="text-2xl font-bold tracking-tight">What&apos;s new</h1>
        <p className="mt-3 text-stone-600 dark:text-stone-400">
          <Link
            href={signInPath(catchUpPath(slug))}
            className="font-medium text-amber-800 underline dark:text-amber-300"
          >
            Sign in
          </Link>{" "}
          to see what was posted in this debate since your last visit.
        </p>
      </div>
    );
  }
  const after = (await searchParams).after;
  const cursor = decodeCatchUpCursor(typeof after === "string" ? after : null);
  // "Mark all as read" reaches up to this moment: a post made after the page was shown stays new.
  const renderedAt = new Date();
  const page = await listNewPosts({ member: user, debateSlug: slug, cursor });
  if (!page) notFound();
  const { debate, groups, nextCursor } = page;
  const empty = groups.length === 0;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: homePath(), label: "Debates" },
          { href: debatePath(debate.slug), label: debate.title },
        ]}
      />
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">New since your last visit</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        Posts added to “{debate.title}” since you last read each subheading, oldest first.
      </p>
      {empty && !cursor ? (
        <p className="mt-6">
          Nothing new here.{" "}
          <Link href={debatePath(debate.slug)} className="underline">
            Back to the debate
          </Link>
        </p>
      ) : (
        <ActionForm
          action={markDebateReadAction}
          hidden={{ debateId: debate.id, upTo: renderedAt.toISOString() }}
          submitLabel="Mark all as read"
          pendingLabel="Marking…"
          className="mt-4"
        />
      )}
      {groups.map(({ subheading, posts }) => (
        <section key={subheading.id} aria-labelledby={`new-${subheading.id}`} className="mt-8">
          <h2 id={`new-${subheading.id}`} className="text-xl font-semibold">
            <Link href={subheadingPath(debate.slug, subheading.slug)} className="hover:underline">
              {subheading.title}
            </Link>
          </h2>
          <ol className="mt-3 space-y-4">
            {posts.map((post) => (
              <li key={post.id}>
                <NewPost post={post} debateSlug={debate.slug} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      {(nextCursor || cursor) && (
        <nav aria-label="Pages of new posts" className="mt-8 flex flex-wrap gap-4">
          {cursor && (
            <Link href={catchUpPath(debate.slug)} className={pageLink}>
              ← From the start
            </Link>
          )}
          {nextCursor && (
            <Link href={catchUpPath(debate.slug, nextCursor)} className={pageLink}>
              More new posts →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

const pageLink =
  "rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";

/** One new post, below a one-line quote of the post it answers (a link to it). */
function NewPost({ post, debateSlug }: { post: CatchUpPost; debateSlug: string }) {
  const who = post.author?.name ?? "an unknown author";
  const { answers } = post;
  return (
    <article
      aria-label={`${post.parentId ? "Reply" : "Contribution"} by ${who}`}
      className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      {answers && (
        <p className="mb-2 truncate border-l-2 border-stone-300 pl-2 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
          In reply to{" "}
          <Link href={postPath(debateSlug, answers.id)} className="hover:underline">
            {answers.state === "visible"
              ? `${answers.authorName ?? "an unknown author"}: “${answers.excerpt ?? ""}”`
              : answers.state === "hidden"
                ? "a post hidden by a moderator"
                : "a deleted post"}
          </Link>
        </p>
      )}
      {post.title && <p className="mb-1 font-semibold">{post.title}</p>}
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm text-stone-600 dark:text-stone-400">
        <AuthorName author={post.author} />
        <span aria-hidden="true">·</span>
        <Link href={postPath(debateSlug, post.id)} className="hover:underline">
          <PostDate date={post.createdAt} known={post.dateKnown} />
          <span className="sr-only"> (see it in context)</span>
        </Link>
      </p>
      {post.bodyHtml !== null && <RichText html={post.bodyHtml} className="mt-2" />}
    </article>
  );
}
