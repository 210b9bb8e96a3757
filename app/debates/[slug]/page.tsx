import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { AddContribution } from "@/components/add-contribution";
import { AuthorName } from "@/components/author-name";
import { LockedNotice } from "@/components/locked-notice";
import { FollowButton, PlaceModeration } from "@/components/place-tools";
import { PostDate } from "@/components/post-date";
import { RichText } from "@/components/rich-text";
import { ViewBeacon } from "./_components/debate-page-client";
import { CatchUpLink, UnreadCounts } from "@/components/unread/unread-counts";
import { NewPostsBar } from "@/components/live/new-posts-bar";
import { debateTopic } from "@/lib/live-events";
import { PLACEHOLDER_PARAM } from "@/lib/route-placeholder";
import { pluralize } from "@/lib/text";
import { readDebatePage, readSynthesisExcerpts } from "@/server/cache/reads";
import { SynthesisExcerptLine } from "./synthesis/_components/synthesis-excerpt";
import { Outline } from "./_components/outline";
import { DebateDecisions } from "@/components/proposals/debate-decisions";
import { SECTIONS_STYLE, SubheadingSection } from "./_components/subheading-section";
import { CollapsibleOpening } from "./_components/collapsible-opening";
import { debateFeedPath, debateViewsApi, homePath, manageDebatePath, searchPath } from "@/lib/paths";
import { FeedLink } from "@/components/feed-link";
import { DEBATE_EXPORTS, debateExportPath } from "@/lib/debate-export";
import { feedAlternates } from "@/server/feeds/feed-alternates";

// Each URL renders on its first visit (from the tagged data cache in server/cache/reads.ts)
// and is then kept whole in Next's page cache until a write invalidates one of its tags.
// The params are awaited before anything renders, so an unknown URL answers a real 404.
export const instant = false;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: PageProps<"/debates/[slug]">): Promise<Metadata> {
  const page = await readDebatePage((await params).slug);
  return page
    ? { title: page.debate.title, alternates: feedAlternates(debateFeedPath(page.debate.slug), page.debate.title) }
    : { title: "Debate not found" };
}

export default async function DebatePage({ params }: PageProps<"/debates/[slug]">) {
  const { slug } = await params;
  const page = await readDebatePage(slug);
  if (!page) notFound();
  const { debate, outline, sections, openingIsLong, decisions } = page;
  const opening = <RichText html={debate.bodyHtml} />;
  const syntheses = await readSynthesisExcerpts(debate.id);
  const synthesisOf = (subheading: { id: string; slug: string } | null) => {
    const excerpt = syntheses.find((s) => s.subheadingId === (subheading?.id ?? null));
    return excerpt ? (
      <SynthesisExcerptLine excerpt={excerpt} debateSlug={debate.slug} subheadingSlug={subheading?.slug ?? null} />
    ) : undefined;
  };

  return (
    <>
      <ViewBeacon url={debateViewsApi(debate.slug)} />
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
          <span aria-hidden="true">·</span>
          <span>
            last activity <PostDate date={debate.lastActivityAt} known />
          </span>
        </p>
        {debate.attributionNote && <p className="mt-1 text-xs italic text-stone-500">Note: {debate.attributionNote}</p>}
        <FollowButton targetType="debate" targetId={debate.id} name="this debate" />
        <div className="mt-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6 dark:border-stone-800 dark:bg-stone-900">
          {openingIsLong ? <CollapsibleOpening id="opening-post">{opening}</CollapsibleOpening> : opening}
        </div>
        {synthesisOf(null)}
      </article>
      <PlaceModeration
        place={{ debateId: debate.id }}
        name="this debate"
        locked={debate.locked}
        slowModeSeconds={debate.slowModeSeconds}
        manageHref={manageDebatePath(debate.slug)}
      />

      <UnreadCounts scope={{ debateId: debate.id }} />
      <div role="status" className="empty:hidden">
        <CatchUpLink debateSlug={debate.slug} debateId={debate.id} />
      </div>
      <Outline debateSlug={debate.slug} sections={outline} />
      <DebateDecisions debateSlug={debate.slug} subheadings={outline} decisions={decisions} />

      <div className="mt-6">
        {debate.locked ? (
          <LockedNotice>This debate is locked: it can be read, but no longer added to.</LockedNotice>
        ) : (
          <AddContribution
            debateId={debate.id}
            subheadings={outline.filter((s) => !s.locked).map(({ id, title }) => ({ id, title }))}
          />
        )}
      </div>

      <NewPostsBar topic={debateTopic(debate.id)} />
      <div className={SECTIONS_STYLE}>
        {sections.map((section) => (
          <SubheadingSection
            key={section.id}
            debateSlug={debate.slug}
            section={section}
            synthesis={synthesisOf(section)}
          />
        ))}
      </div>
      {outline.length > sections.length && (
        <p className="mt-6 text-sm text-stone-600 dark:text-stone-400">
          {pluralize(outline.length - sections.length, "more subheading")}: see the outline above.
        </p>
      )}
      {/* Links under the page; their looks are named in app/globals.css (the page's size is bounded). */}
      <p className="page-links">
        <Link href={homePath()}>← All debates</Link>
        <FeedLink href={debateFeedPath(debate.slug)} of="this debate" />
        <Link href={searchPath({ debate: debate.slug })}>Search this debate</Link>
        <span>
          Export:{" "}
          {DEBATE_EXPORTS.map(({ format, label }, i) => (
            <span key={format}>
              {i > 0 && " · "}
              <a href={debateExportPath(debate.slug, format)}>{label}</a>
            </span>
          ))}
        </span>
      </p>
    </>
  );
}
