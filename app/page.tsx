import type { Metadata } from "next";
import Link from "@/components/link";
import { AuthorName } from "@/components/author-name";
import { PostDate } from "@/components/post-date";
import { NewCount, UnreadCounts } from "@/components/unread/unread-counts";
import { debatePath } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import { readDebateList } from "@/server/cache/reads";

export const metadata: Metadata = { title: { absolute: "Debates · Debate Commons" } };

export default async function HomePage() {
  const debates = await readDebateList();
  return (
    <>
      <UnreadCounts scope="home" />
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Debates</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">
        Each debate is split into subheadings; every contribution sits under the one it speaks to.
      </p>
      {debates.length === 0 ? (
        <p className="mt-8">No debates yet.</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {debates.map((debate) => (
            <li
              key={debate.id}
              className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900"
            >
              <article aria-labelledby={`d-${debate.id}`}>
                <h2 id={`d-${debate.id}`} className="text-xl font-semibold">
                  <Link href={debatePath(debate.slug)} className="hover:underline">
                    {debate.title}
                  </Link>
                  <NewCount debateId={debate.id} />
                </h2>
                <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                  Opened by <AuthorName author={debate.author} />
                </p>
                <p className="mt-2 font-serif text-stone-800 [overflow-wrap:anywhere] dark:text-stone-200">
                  {debate.excerpt}
                </p>
                <ul
                  className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600 dark:text-stone-400"
                  aria-label="About this debate"
                >
                  <li>{pluralize(debate.subheadingCount, "subheading")}</li>
                  <li>{pluralize(debate.contributionCount + debate.replyCount, "contribution")}</li>
                  <li>{pluralize(debate.viewCount, "view")}</li>
                  <li>
                    Last activity <PostDate date={debate.lastActivityAt} known />
                  </li>
                </ul>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
