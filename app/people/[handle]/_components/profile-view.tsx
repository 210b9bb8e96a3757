import Link from "@/components/link";
import { notFound, permanentRedirect } from "next/navigation";
import { AuthorBadges } from "@/components/author-name";
import { LocalTime, PostDate } from "@/components/post-date";
import { RichText } from "@/components/rich-text";
import { decodeCursor } from "@/lib/cursor";
import { isValidHandle, normalizeHandle } from "@/lib/handle";
import { debatePath, personPath, postPath, subheadingPath } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import { readProfile } from "@/server/cache/reads";

const pagerLink =
  "rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";

/** A profile: who they are, then their contributions and replies, newest first (`cursor`: an older page). */
export async function ProfileView({ handle, cursor }: { handle: string; cursor: string | null }) {
  const wanted = normalizeHandle(safeDecode(handle));
  // /people/Ada or /people/@ada: the one address of that profile.
  if (wanted !== handle && isValidHandle(wanted)) permanentRedirect(personPath(wanted, cursor));
  if (cursor !== null && !decodeCursor(cursor)) notFound();
  const profile = await readProfile(handle, cursor);
  if (!profile) notFound();
  const { person, posts, nextCursor } = profile;

  return (
    <>
      <header>
        <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">
          {person.name}
          <span className="text-base">
            <AuthorBadges role={person.role} imported={person.imported} />
          </span>
        </h1>
        <p className="mt-1 text-stone-600 dark:text-stone-400">
          <span className="font-mono">@{person.handle}</span> ·{" "}
          {person.imported ? (
            <span>from the archived debate: this author has no account here</span>
          ) : (
            <span>
              joined <LocalTime date={person.joinedAt} />
            </span>
          )}
        </p>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {pluralize(person.contributionCount, "contribution")}, {pluralize(person.replyCount, "reply", "replies")}
        </p>
        {person.bioHtml && (
          <section aria-label={`About ${person.name}`} className="mt-4">
            <RichText html={person.bioHtml} />
          </section>
        )}
      </header>

      <section aria-labelledby="posts-h" className="mt-8">
        <h2 id="posts-h" className="text-lg font-semibold">
          Contributions and replies
        </h2>
        {posts.length === 0 ? (
          <p className="mt-3 text-stone-600 italic dark:text-stone-400">
            {cursor ? "No older posts." : `${person.name} has not posted yet.`}
          </p>
        ) : (
          <ol className="mt-3 space-y-3">
            {posts.map((post) => (
              <li key={post.id}>
                <article
                  aria-label={post.title ?? `${post.isReply ? "Reply" : "Contribution"} in ${post.subheading.title}`}
                  className="rounded-lg border border-stone-200 bg-white p-3 sm:p-4 dark:border-stone-800 dark:bg-stone-900"
                >
                  <p className="text-sm text-stone-600 dark:text-stone-400">
                    {post.isReply ? "Reply" : "Contribution"} in{" "}
                    <Link href={subheadingPath(post.debate.slug, post.subheading.slug)} className="underline">
                      {post.subheading.title}
                    </Link>{" "}
                    of{" "}
                    <Link href={debatePath(post.debate.slug)} className="underline">
                      {post.debate.title}
                    </Link>{" "}
                    · <PostDate date={post.createdAt} known={post.dateKnown} />
                  </p>
                  {post.title && <h3 className="mt-1 font-semibold">{post.title}</h3>}
                  <p className="mt-1 font-serif break-words text-stone-800 dark:text-stone-200">{post.excerpt}</p>
                  <p className="mt-2 text-sm">
                    <Link
                      href={postPath(post.debate.slug, post.id)}
                      className="font-medium text-amber-800 hover:underline dark:text-amber-300"
                    >
                      Read it in context<span className="sr-only">: {post.title ?? post.excerpt.slice(0, 60)}</span>
                    </Link>
                  </p>
                </article>
              </li>
            ))}
          </ol>
        )}
        {(nextCursor || cursor) && (
          <nav aria-label="Pages of posts" className="mt-6 flex flex-wrap gap-4">
            {cursor && (
              <Link href={personPath(person.handle)} className={pagerLink}>
                ← Newest
              </Link>
            )}
            {nextCursor && (
              <Link href={personPath(person.handle, nextCursor)} className={pagerLink}>
                Older posts →
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}

/** The page's title: the name and handle, or that nobody has it. */
export async function profileTitle(handle: string, cursor: string | null): Promise<string> {
  const profile = await readProfile(handle, cursor);
  if (!profile) return "Profile not found";
  const title = `${profile.person.name} (@${profile.person.handle})`;
  return cursor ? `${title}, older posts` : title;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
