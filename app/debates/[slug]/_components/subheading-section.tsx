import Link from "next/link";
import { ThreadList } from "@/components/thread";
import { subheadingAnchor, subheadingPath } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import type { SubheadingSummary, ThreadNode } from "@/lib/views";

type Section = SubheadingSummary & { pinned: ThreadNode[]; threads: ThreadNode[]; hasMore: boolean };

export function SubheadingSection({ debateSlug, section }: { debateSlug: string; section: Section }) {
  const id = subheadingAnchor(section.slug);
  const nodes = [...section.pinned, ...section.threads];
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="scroll-mt-4">
      <h2 id={`${id}-h`} className="border-b border-stone-300 pb-2 text-xl font-semibold dark:border-stone-700">
        <Link href={subheadingPath(debateSlug, section.slug)} className="hover:underline">
          {section.title}
        </Link>
      </h2>
      {section.description && <p className="mt-2 text-stone-600 dark:text-stone-400">{section.description}</p>}
      <div className="mt-4">
        {nodes.length > 0 ? (
          <ThreadList nodes={nodes} debateSlug={debateSlug} headingLevel={3} />
        ) : (
          <p className="text-stone-600 italic dark:text-stone-400">No contributions under this subheading yet.</p>
        )}
      </div>
      {section.hasMore && (
        <p className="mt-4">
          <Link
            href={subheadingPath(debateSlug, section.slug)}
            className="font-medium text-amber-800 hover:underline dark:text-amber-300"
          >
            See all {pluralize(section.contributionCount, "contribution")} under “{section.title}” →
          </Link>
        </p>
      )}
    </section>
  );
}
