import Link from "@/components/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ProposalList } from "@/components/proposals/proposal-summary";
import { encodeCursor } from "@/lib/cursor";
import { debatePath, homePath, subheadingPath } from "@/lib/paths";
import { proposalsPath } from "@/lib/proposals";
import { readProposalList } from "@/server/cache/reads";
import { readPagedSubheading, type PagedSubheadingProps } from "../../_components/read-paged-subheading";

/** All of a subheading's proposals, newest first, PROPOSALS_PER_PAGE a page (keyset: `cursor`). */
export async function ProposalListView(props: PagedSubheadingProps) {
  const { cursor } = props;
  const { debate, subheading } = await readPagedSubheading(props, proposalsPath);
  const { proposals, next } = await readProposalList(subheading.id, cursor);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: homePath(), label: "Debates" },
          { href: debatePath(debate.slug), label: debate.title },
          { href: subheadingPath(debate.slug, subheading.slug), label: subheading.title },
        ]}
      />
      <h1 className="text-2xl font-bold tracking-tight">Proposals: {subheading.title}</h1>
      {proposals.length === 0 ? (
        <p className="mt-4 text-stone-600 italic dark:text-stone-400">
          {cursor ? "No more proposals." : "No proposals under this subheading yet."}
        </p>
      ) : (
        <ProposalList
          proposals={proposals}
          debateSlug={debate.slug}
          subheadingSlug={subheading.slug}
          headingLevel={2}
        />
      )}
      {(next || cursor) && (
        <nav aria-label="Pages of proposals" className="mt-6 flex gap-4 text-sm">
          {cursor && (
            <Link href={proposalsPath(debate.slug, subheading.slug)} className="underline">
              ← Newest
            </Link>
          )}
          {next && (
            <Link href={proposalsPath(debate.slug, subheading.slug, encodeCursor(next))} className="underline">
              Older proposals →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
