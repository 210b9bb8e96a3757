import type { ReactNode } from "react";
import Link from "@/components/link";
import { AuthorBadges } from "@/components/author-name";
import { PostDate } from "@/components/post-date";
import { postPagePath, subheadingAnchor, subheadingPath } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import type { ContributionSummary, OverviewSection } from "@/lib/views";

/**
 * The sections' container: their looks are set once, in app/globals.css (`debate-sections`), as
 * every section is in the HTML and again in the page's inline React payload, so each holds little
 * more than its words and links.
 */
export const SECTIONS_STYLE = "debate-sections";

/**
 * A subheading on the debate page: its description and a few lines naming its contributions, each
 * a link to its permalink. The bodies are read on the subheading page, linked below.
 */
export function SubheadingSection({
  debateSlug,
  section,
  synthesis,
}: {
  debateSlug: string;
  section: OverviewSection;
  /**
   * Its synthesis's first words, when it has one (app/debates/[slug]/synthesis/_components/synthesis-excerpt.tsx),
   * shown instead of its description.
   */
  synthesis?: ReactNode;
}) {
  const id = subheadingAnchor(section.slug);
  const href = subheadingPath(debateSlug, section.slug);
  const more = section.contributionCount > section.contributions.length;
  return (
    <section id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        <Link href={href}>{section.title}</Link>
      </h2>
      {section.locked && (
        <p className="mt-2 text-sm font-medium">Locked: this subheading can be read, but no longer added to.</p>
      )}
      {/* Where the discussion stands, once written, says more than what the subheading was for. */}
      {synthesis ??
        (section.description && <p className="mt-2 text-stone-600 dark:text-stone-400">{section.description}</p>)}
      {section.contributions.length > 0 ? (
        <ul>
          {section.contributions.map((c) => (
            <ContributionLine key={c.id} debateSlug={debateSlug} contribution={c} />
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-stone-600 italic dark:text-stone-400">No contributions under this subheading yet.</p>
      )}
      <p className="mt-3 text-sm">
        <Link href={href} className="link-accent">
          {more
            ? `See all ${pluralize(section.contributionCount, "contribution")} under “${section.title}” →`
            : `Read “${section.title}” with its replies →`}
        </Link>
      </p>
    </section>
  );
}

/**
 * One contribution: its title (or first words), then who wrote it, its replies and its date. The
 * author's name is plain text here (their profile is a click away on the post), with the staff
 * badge a member's look-alike name cannot copy.
 */
function ContributionLine({ debateSlug, contribution: c }: { debateSlug: string; contribution: ContributionSummary }) {
  return (
    <li>
      <Link href={postPagePath(debateSlug, c.id)} className={c.titled ? "font-medium" : undefined}>
        {c.pinned && "Pinned: "}
        {c.headline}
      </Link>
      <small>
        {c.author?.name ?? "Unknown author"}
        {c.author && <AuthorBadges role={c.author.role} imported={false} />}
        {`, ${pluralize(c.replyCount, "reply", "replies")}, `}
        <PostDate date={c.createdAt} known={c.dateKnown} />
      </small>
    </li>
  );
}
