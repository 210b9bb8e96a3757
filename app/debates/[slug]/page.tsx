import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthorName } from "@/components/author-name";
import { PostDate } from "@/components/post-date";
import { RichText } from "@/components/rich-text";
import { ViewBeacon } from "@/components/view-beacon";
import { pluralize } from "@/lib/text";
import { readDebatePage } from "@/server/cache/reads";
import { Outline } from "./_components/outline";
import { SubheadingSection } from "./_components/subheading-section";

// Renders on demand for each URL, from the tagged cache in server/cache/reads.ts. The layout
// is a prerendered shell that streams first, so an unknown URL gets the not-found page with
// noindex but HTTP 200 (see ARCHITECTURE.md, "Not found").
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/debates/[slug]">): Promise<Metadata> {
  const page = await readDebatePage((await params).slug);
  return page ? { title: page.debate.title } : { title: "Debate not found" };
}

export default async function DebatePage({ params }: PageProps<"/debates/[slug]">) {
  const { slug } = await params;
  const page = await readDebatePage(slug);
  if (!page) notFound();
  const { debate, sections } = page;

  return (
    <>
      <ViewBeacon url={`/api/debates/${encodeURIComponent(debate.slug)}/views`} />
      <article aria-labelledby="debate-title">
        <h1 id="debate-title" className="text-2xl font-bold tracking-tight sm:text-3xl">
          {debate.title}
        </h1>
        <p className="mt-2 flex flex-wrap gap-x-2 text-sm text-stone-600 dark:text-stone-400">
          <span>
            Opened by <AuthorName author={debate.author} />
          </span>
          <span aria-hidden="true">·</span>
          <PostDate date={debate.createdAt} known={debate.dateKnown} />
          <span aria-hidden="true">·</span>
          <span>{pluralize(debate.viewCount, "view")}</span>
          <span aria-hidden="true">·</span>
          <span>
            {pluralize(debate.contributionCount, "contribution")}, {pluralize(debate.replyCount, "reply", "replies")}
          </span>
        </p>
        {debate.attributionNote && <p className="mt-1 text-xs italic text-stone-500">Note: {debate.attributionNote}</p>}
        <RichText html={debate.bodyHtml} className="mt-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6 dark:border-stone-800 dark:bg-stone-900" />
      </article>

      <Outline debateSlug={debate.slug} sections={sections} />

      <div className="mt-10 space-y-12">
        {sections.map((section) => (
          <SubheadingSection key={section.id} debateSlug={debate.slug} section={section} />
        ))}
      </div>
      <p className="mt-10 text-sm">
        <Link href="/" className="hover:underline">
          ← All debates
        </Link>
      </p>
    </>
  );
}
