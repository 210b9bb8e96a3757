import { notFound, permanentRedirect } from "next/navigation";
import { decodeCursor } from "@/lib/cursor";
import { readRenamedSubheading, readSubheading } from "@/server/cache/reads";

/** A page of a subheading's list paged by keyset: `cursor` is null on the first page, else "after that one". */
export type PagedSubheadingProps = { debateSlug: string; subheadingSlug: string; cursor: string | null };

/**
 * The header of a paged list under a subheading (its debate, itself, its siblings). A renamed
 * subheading's old slug moves on for good (308) to the same page under the new one, `pathOf(debate,
 * newSlug, cursor)`; an unknown subheading or a malformed cursor is a 404.
 */
export async function readPagedSubheading(
  { debateSlug, subheadingSlug, cursor }: PagedSubheadingProps,
  pathOf: (debateSlug: string, subheadingSlug: string, cursor: string | null) => string,
) {
  const header = await readSubheading(debateSlug, subheadingSlug);
  if (!header) {
    const renamed = await readRenamedSubheading(debateSlug, subheadingSlug);
    if (renamed) permanentRedirect(pathOf(debateSlug, renamed, cursor));
    notFound();
  }
  if (cursor !== null && !decodeCursor(cursor)) notFound();
  return header;
}
