import Link from "@/components/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { DebateProvider } from "@/components/debate-context";
import { ThreadList } from "@/components/thread";
import { debatePath, homePath, subheadingPath } from "@/lib/paths";
import { REPLY_TYPE_LABELS, replyTypeFromSlug, typeFilterPath, type FilterOrder } from "@/lib/reply-types";
import { readSubheading, readTypedReplies } from "@/server/cache/reads";
import { readPagedSubheading } from "./read-paged-subheading";
import { ReplyTypeFilter } from "./where-we-stand";

const ORDERS: { value: FilterOrder; label: string }[] = [
  { value: "newest", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
];

const isOrder = (value: string): value is FilterOrder => ORDERS.some((o) => o.value === value);

/**
 * A subheading's replies of one type, flat, newest or oldest first, keyset paged (…/type/<type>,
 * …/type/<type>/<order>, …/after/<cursor>): each a path, so each page is cached whole like the rest.
 */
export async function TypedRepliesView({
  debateSlug,
  subheadingSlug,
  typeSlug,
  orderParam = "newest",
  cursor = null,
}: {
  debateSlug: string;
  subheadingSlug: string;
  typeSlug: string;
  orderParam?: string;
  cursor?: string | null;
}) {
  const type = replyTypeFromSlug(typeSlug);
  if (!type || !isOrder(orderParam)) notFound();
  const order = orderParam;
  // A renamed subheading's old address moves on (308) to the same filter under the new one.
  const header = await readPagedSubheading({ debateSlug, subheadingSlug, cursor }, (debate, renamed, after) =>
    typeFilterPath(debate, renamed, type, order, after),
  );
  const { debate, subheading, siblings } = header;
  const page = await readTypedReplies(subheading.id, type, order, cursor);
  const label = REPLY_TYPE_LABELS[type];

  return (
    <DebateProvider
      value={{
        debateId: debate.id,
        debateSlug: debate.slug,
        locked: debate.locked,
        subheadings: siblings.map(({ id, title, locked }) => ({ id, title, locked })),
      }}
    >
      <Breadcrumbs
        items={[
          { href: homePath(), label: "Debates" },
          { href: debatePath(debate.slug), label: debate.title },
          { href: subheadingPath(debate.slug, subheading.slug), label: subheading.title },
        ]}
      />
      <h1 className="text-2xl font-bold tracking-tight">
        Replies labelled “{label}” in “{subheading.title}”
      </h1>
      <ReplyTypeFilter debateSlug={debate.slug} subheadingSlug={subheading.slug} current={type} />
      <nav aria-label="Order of these replies" className="mt-3 flex gap-3 text-sm">
        {ORDERS.map((o) => (
          <Link
            key={o.value}
            href={typeFilterPath(debate.slug, subheading.slug, type, o.value)}
            aria-current={o.value === order && cursor === null ? "page" : undefined}
            className="hover:underline aria-[current=page]:font-semibold"
          >
            {o.label}
          </Link>
        ))}
      </nav>
      <section aria-label={`Replies labelled ${label}`} className="mt-6">
        {page.nodes.length > 0 ? (
          <ThreadList nodes={page.nodes} debateSlug={debate.slug} />
        ) : (
          <p className="text-stone-600 italic dark:text-stone-400">
            {cursor ? "No more replies of this type." : "No reply here is labelled this way yet."}
          </p>
        )}
        {page.nextCursor && (
          <p className="mt-6">
            <Link
              href={typeFilterPath(debate.slug, subheading.slug, type, order, page.nextCursor)}
              className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
            >
              More replies →
            </Link>
          </p>
        )}
      </section>
      <p className="mt-8 text-sm">
        <Link href={subheadingPath(debate.slug, subheading.slug)} className="hover:underline">
          ← Back to “{subheading.title}”
        </Link>
      </p>
    </DebateProvider>
  );
}

export async function typedRepliesTitle(debateSlug: string, subheadingSlug: string, typeSlug: string) {
  const type = replyTypeFromSlug(typeSlug);
  const header = await readSubheading(debateSlug, subheadingSlug);
  if (!type || !header) return "Not found";
  return `“${REPLY_TYPE_LABELS[type]}” replies · ${header.subheading.title} · ${header.debate.title}`;
}
