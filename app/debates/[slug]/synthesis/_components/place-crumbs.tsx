import { Breadcrumbs } from "@/components/breadcrumbs";
import { debatePath, homePath, subheadingPath } from "@/lib/paths";
import { synthesisPath } from "@/lib/synthesis";

type Place = { debate: { slug: string; title: string }; subheading: { slug: string; title: string } | null };

/** The breadcrumbs of a synthesis's pages: the debate, the subheading, and (below its own page) the synthesis. */
export function SynthesisCrumbs({ place, inner = false }: { place: Place; inner?: boolean }) {
  const { debate, subheading } = place;
  return (
    <Breadcrumbs
      items={[
        { href: homePath(), label: "Debates" },
        { href: debatePath(debate.slug), label: debate.title },
        ...(subheading ? [{ href: subheadingPath(debate.slug, subheading.slug), label: subheading.title }] : []),
        ...(inner ? [{ href: synthesisPath(debate.slug, subheading?.slug ?? null), label: "Synthesis" }] : []),
      ]}
    />
  );
}

/** "“The role of the state”" or "this debate": what a synthesis speaks for. */
export const placeName = (place: Place) =>
  place.subheading ? `“${place.subheading.title}”` : `“${place.debate.title}”`;
