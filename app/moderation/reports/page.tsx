import type { Metadata } from "next";
import Link from "@/components/link";
import { Suspense } from "react";
import { AuthorName } from "@/components/author-name";
import { PostDate } from "@/components/post-date";
import { isStaff } from "@/lib/permissions";
import { getCurrentUser, viewerOf } from "@/server/auth/session";
import { listReportQueue } from "@/server/moderation/reports";
import { StaffOnly } from "@/components/staff-only";
import { ReportDecisions } from "./report-decisions";
import { postPath, reportsPath } from "@/lib/paths";

export const metadata: Metadata = { title: "Reports", robots: { index: false } };

export default function ReportsPage({ searchParams }: PageProps<"/moderation/reports">) {
  return (
    <Suspense fallback={<p role="status">Loading the queue…</p>}>
      <Queue searchParams={searchParams} />
    </Suspense>
  );
}

async function Queue({ searchParams }: Pick<PageProps<"/moderation/reports">, "searchParams">) {
  const user = await getCurrentUser();
  if (!user || !isStaff(viewerOf(user))) return <StaffOnly signedIn={!!user} what="Reports" />;
  const status = (await searchParams).status === "resolved" ? "resolved" : "open";
  const queue = await listReportQueue({ actor: user, status });
  const tab =
    "rounded px-3 py-1.5 text-sm font-medium aria-[current=page]:bg-stone-800 aria-[current=page]:text-white dark:aria-[current=page]:bg-stone-200 dark:aria-[current=page]:text-stone-900";

  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Reports</h1>
      <nav aria-label="Report status" className="mt-3 flex gap-2">
        <Link href={reportsPath()} aria-current={status === "open" ? "page" : undefined} className={tab}>
          Open
        </Link>
        <Link href={reportsPath("resolved")} aria-current={status === "resolved" ? "page" : undefined} className={tab}>
          Resolved
        </Link>
      </nav>
      {queue.length === 0 ? (
        <p className="mt-6 text-stone-600 dark:text-stone-400">
          {status === "open" ? "No open reports. All clear." : "No resolved reports yet."}
        </p>
      ) : (
        <ol className="mt-6 space-y-6">
          {queue.map(({ post, reports }, index) => (
            <li key={post.id}>
              <article
                aria-label={`Reports on a post by ${post.author?.name ?? "an unknown author"}`}
                className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
              >
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  <AuthorName
                    author={
                      post.author && {
                        id: post.author.id,
                        name: post.author.name,
                        imported: false,
                        role: post.author.role,
                        handle: post.author.handle,
                      }
                    }
                  />{" "}
                  in “{post.subheading.title}” ·{" "}
                  <Link href={postPath(post.debate.slug, post.id)} className="underline">
                    see it in context
                  </Link>
                  {post.hiddenAt && (
                    <span className="ml-2 rounded bg-stone-200 px-1 text-xs dark:bg-stone-800">
                      hidden: {post.hiddenReason}
                    </span>
                  )}
                  {post.deletedAt && (
                    <span className="ml-2 rounded bg-stone-200 px-1 text-xs dark:bg-stone-800">
                      deleted by its author
                    </span>
                  )}
                </p>
                {post.title && <p className="mt-1 font-semibold">{post.title}</p>}
                <blockquote className="mt-2 border-l-4 border-stone-300 pl-3 font-serif text-stone-800 dark:border-stone-700 dark:text-stone-200">
                  {post.excerpt}
                </blockquote>
                <h2 className="mt-3 text-sm font-semibold">
                  {reports.length === 1 ? "1 report" : `${reports.length} reports`}
                </h2>
                <ul className="mt-1 space-y-1 text-sm">
                  {reports.map((r) => (
                    <li key={r.id}>
                      <span className="font-medium">{r.reporter.name}</span>: {r.reason}{" "}
                      <span className="text-xs text-stone-500">
                        (<PostDate date={r.createdAt} known />)
                      </span>
                      {r.status !== "OPEN" && (
                        <span className="block text-xs text-stone-600 dark:text-stone-400">
                          {r.resolution} — by {r.resolvedBy?.name ?? "a former moderator"}
                          {r.resolvedAt && (
                            <>
                              , <PostDate date={r.resolvedAt} known />
                            </>
                          )}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
                {status === "open" && (
                  <ReportDecisions
                    postId={post.id}
                    authorId={post.author?.id ?? null}
                    hidden={!!post.hiddenAt}
                    name={`post ${index + 1}, by ${post.author?.name ?? "an unknown author"}`}
                  />
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
