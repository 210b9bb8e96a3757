import Link from "@/components/link";
import { PostDate } from "@/components/post-date";
import { NewCount } from "@/components/unread/unread-counts";
import { subheadingPath } from "@/lib/paths";
import { pluralize } from "@/lib/text";
import type { SubheadingSummary } from "@/lib/views";

/** The debate's subheadings at a glance: the structure Ning's thread could only ask for. */
export function Outline({ debateSlug, sections }: { debateSlug: string; sections: SubheadingSummary[] }) {
  return (
    <nav aria-labelledby="outline-title" className="mt-8">
      <h2 id="outline-title" className="text-xl font-semibold">
        Subheadings
      </h2>
      {/* Each item's looks are set once, in app/globals.css: every item is in the HTML and again in the inline payload. */}
      <ol className="debate-outline">
        {sections.map((s, index) => (
          <li key={s.id}>
            <Link href={subheadingPath(debateSlug, s.slug)}>
              <span>{index + 1}.</span>
              {s.title}
            </Link>
            <NewCount subheadingId={s.id} />
            <small>
              {pluralize(s.contributionCount, "contribution")}, {pluralize(s.replyCount, "reply", "replies")}
              {s.lastActivityAt && (
                <>
                  {" "}
                  · last <PostDate date={s.lastActivityAt} known />
                </>
              )}
            </small>
          </li>
        ))}
      </ol>
    </nav>
  );
}
