import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { PostDate } from "@/components/post-date";
import { ThreadList } from "@/components/thread";
import { debatePath, homePath, subheadingPath } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import { readContributions, readSubheading } from "@/server/cache/reads";

type Props = PageProps<"/debates/[slug]/[subheading]">;

// Renders on demand for each URL, from the tagged cache in server/cache/reads.ts. The layout
// is a prerendered shell that streams first, so an unknown URL gets the not-found page with
// noindex but HTTP 200 (see ARCHITECTURE.md, "Not found").
export const instant = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, subheading } = await params;
  const header = await readSubheading(slug, subheading);
  return header ? { title: `${header.subheading.title} · ${header.debate.title}` } : { title: "Subheading not found" };
}

export default async function SubheadingPage({ params, searchParams }: Props) {
  const { slug, subheading: subheadingSlug } = await params;
  const header = await readSubheading(slug, subheadingSlug);
  if (!header) notFound();
  const { debate, subheading, siblings } = header;
  const index = siblings.findIndex((s) => s.slug === subheading.slug);
  const previous = siblings[index - 1];
  const next = siblings[index + 1];

  return (
    <>
      <Breadcrumbs items={[{ href: homePath(), label: "Debates" }, { href: debatePath(debate.slug), label: debate.title }]} />
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{subheading.title}</h1>
      {subheading.description && <p className="mt-2 text-stone-600 dark:text-stone-400">{subheading.description}</p>}
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        Subheading {index + 1} of {siblings.length} in “{debate.title}” · {pluralize(subheading.contributionCount, "contribution")},{" "}
        {pluralize(subheading.replyCount, "reply", "replies")}
        {subheading.lastActivityAt && (
          <>
            {" "}
            · last activity <PostDate date={subheading.lastActivityAt} known />
          </>
        )}
      </p>

      <Suspense fallback={<p className="mt-6 text-stone-600" role="status">Loading contributions…</p>}>
        <Contributions debateSlug={debate.slug} subheadingSlug={subheading.slug} subheadingId={subheading.id} searchParams={searchParams} />
      </Suspense>

      <nav aria-label="Other subheadings" className="mt-10 flex flex-col gap-2 border-t border-stone-200 pt-4 text-sm sm:flex-row sm:justify-between dark:border-stone-800">
        {previous ? (
          <Link href={subheadingPath(debate.slug, previous.slug)} className="hover:underline">
            ← {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link href={subheadingPath(debate.slug, next.slug)} className="hover:underline sm:text-right">
            {next.title} →
          </Link>
        )}
      </nav>
    </>
  );
}

async function Contributions({
  debateSlug,
  subheadingSlug,
  subheadingId,
  searchParams,
}: {
  debateSlug: string;
  subheadingSlug: string;
  subheadingId: string;
  searchParams: Props["searchParams"];
}) {
  const { after } = await searchParams;
  const cursor = typeof after === "string" ? after : null;
  const page = await readContributions(subheadingId, cursor);
  const nodes = [...page.pinned, ...page.threads];

  return (
    <section aria-labelledby="contributions-h" className="mt-8">
      <h2 id="contributions-h" className="sr-only">
        Contributions
      </h2>
      {nodes.length > 0 ? (
        <ThreadList nodes={nodes} debateSlug={debateSlug} headingLevel={3} />
      ) : (
        <p className="text-stone-600 italic dark:text-stone-400">{cursor ? "No more contributions." : "No contributions under this subheading yet."}</p>
      )}
      {(page.nextCursor || cursor) && (
        <nav aria-label="Pages of contributions" className="mt-6 flex flex-wrap gap-4">
          {cursor && (
            <Link href={subheadingPath(debateSlug, subheadingSlug)} className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
              ← First page
            </Link>
          )}
          {page.nextCursor && (
            <Link
              href={subheadingPath(debateSlug, subheadingSlug, page.nextCursor)}
              className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
            >
              Next contributions →
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
