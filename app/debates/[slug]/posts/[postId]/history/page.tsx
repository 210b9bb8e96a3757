import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthorName } from "@/components/author-name";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { PostDate } from "@/components/post-date";
import { RichText } from "@/components/rich-text";
import { debatePath, homePath, postPath, subheadingPath } from "@/lib/paths";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { readRevisions } from "@/server/cache/reads";

type Props = PageProps<"/debates/[slug]/posts/[postId]/history">;

// Cached like the permalink (see ../page.tsx): invalidated by the post's thread tag.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM, postId: PLACEHOLDER_PARAM }];
}

export const metadata: Metadata = { title: "Edit history", robots: { index: false } };

/** Every version of a post, with who wrote it and when. */
export default async function PostHistoryPage({ params }: Props) {
  const { slug, postId } = await params;
  const history = await readRevisions(slug, postId);
  if (!history) notFound();
  const { post, debate, subheading, revisions } = history;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: homePath(), label: "Debates" },
          { href: debatePath(debate.slug), label: debate.title },
          { href: subheadingPath(debate.slug, subheading.slug), label: subheading.title },
          { href: postPath(debate.slug, post.id), label: "The post" },
        ]}
      />
      <h1 className="text-xl font-bold tracking-tight sm:text-2xl">
        {post.withheld ? (
          `Edit history of a removed ${post.isReply ? "reply" : "contribution"}`
        ) : (
          <>
            Edit history of the {post.isReply ? "reply" : "contribution"} by <AuthorName author={post.author} />
          </>
        )}
      </h1>
      {revisions.length === 0 ? (
        <p className="mt-4 text-stone-600 dark:text-stone-400">This post has not been edited.</p>
      ) : (
        <ol className="mt-6 space-y-6">
          {[...revisions].reverse().map((revision) => (
            <li key={revision.id}>
              <article
                aria-labelledby={`rev-${revision.id}`}
                className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
              >
                <h2 id={`rev-${revision.id}`} className="text-sm font-semibold">
                  Version {revision.number}
                  {revision.number === 1 ? " (original)" : ""}
                  {revision.number === revisions.length ? " (current)" : ""}
                </h2>
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {revision.number === 1 ? "Written" : "Edited"}
                  {!post.withheld && (
                    <>
                      {" "}
                      by <AuthorName author={revision.editor} />
                    </>
                  )}{" "}
                  · <PostDate date={revision.createdAt} known />
                </p>
                {post.withheld || revision.bodyHtml === null ? (
                  <p className="mt-2 text-sm italic text-stone-500">The content of this version is no longer shown.</p>
                ) : (
                  <>
                    {revision.title && <p className="mt-2 font-semibold">{revision.title}</p>}
                    <RichText html={revision.bodyHtml} className="mt-2" />
                  </>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
