import Link from "@/components/link";
import type { Role } from "@/generated/prisma/enums";
import { personPath } from "@/lib/paths";
import type { AuthorView } from "@/lib/views";

const STAFF_BADGE = {
  MODERATOR: { text: "Moderator", title: "A moderator of this site" },
  ADMIN: { text: "Admin", title: "An administrator of this site" },
} as const;

/**
 * An author's name, a link to their profile (when they have a handle), with a badge in words for
 * the staff ("Moderator", "Admin": what a member's look-alike name cannot copy) and for authors
 * imported from the archive.
 */
export function AuthorName({ author }: { author: AuthorView }) {
  if (!author) return <span className="font-medium italic">Unknown author</span>;
  return (
    <span className="font-medium">
      {author.handle ? (
        <Link
          href={personPath(author.handle)}
          className="underline decoration-stone-300 underline-offset-2 hover:decoration-current dark:decoration-stone-600"
        >
          {author.name}
        </Link>
      ) : (
        author.name
      )}
      <AuthorBadges role={author.role} imported={author.imported} />
    </span>
  );
}

/** The badges that follow a name: "Moderator" or "Admin", and "archive" for an imported author. */
export function AuthorBadges({ role, imported }: { role: Role; imported: boolean }) {
  const staff = role === "MEMBER" ? null : STAFF_BADGE[role];
  return (
    <>
      {staff && (
        <>
          <span className="sr-only">, </span>
          <span
            className="ml-1.5 rounded bg-sky-100 px-1 py-0.5 align-middle text-[0.65rem] font-semibold uppercase tracking-wide text-sky-900 ring-1 ring-sky-700/30 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-300/40"
            title={staff.title}
          >
            {staff.text}
          </span>
        </>
      )}
      {imported && (
        <span
          className="ml-1.5 rounded bg-stone-200 px-1 py-0.5 align-middle text-[0.65rem] font-normal uppercase tracking-wide text-stone-600 dark:bg-stone-800 dark:text-stone-300"
          title="Imported from the archived debate: this author has no account here"
        >
          archive
        </span>
      )}
    </>
  );
}
