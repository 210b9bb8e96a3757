import type { Metadata } from "next";
import Link from "@/components/link";
import { Suspense } from "react";
import { debatePath, subheadingPath } from "@/lib/paths";
import { isStaff } from "@/lib/permissions";
import { getCurrentUser, viewerOf } from "@/server/auth/session";
import { getDebateForManagement } from "@/server/subheadings/manage-subheadings";
import { StaffOnly } from "@/components/staff-only";
import { SubheadingControls, AddSubheadingForm } from "./subheading-controls";

export const metadata: Metadata = { title: "Manage subheadings", robots: { index: false } };

export default function ManagePage({ params }: PageProps<"/debates/[slug]/manage">) {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <Manage params={params} />
    </Suspense>
  );
}

async function Manage({ params }: Pick<PageProps<"/debates/[slug]/manage">, "params">) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user || !isStaff(viewerOf(user))) return <StaffOnly signedIn={!!user} what="Manage subheadings" />;
  const debate = await getDebateForManagement({ actor: user, slug });
  if (!debate) return <p className="py-8">There is no debate at this address.</p>;

  return (
    <>
      <p className="text-sm">
        <Link href={debatePath(debate.slug)} className="underline">
          ← {debate.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Manage subheadings</h1>
      <ol className="mt-6 space-y-4">
        {debate.subheadings.map((s, index) => (
          <li key={s.id}>
            <article
              aria-label={s.title}
              className={`rounded-lg border p-4 ${s.archivedAt ? "border-dashed border-stone-300 opacity-80 dark:border-stone-700" : "border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900"}`}
            >
              <h2 className="font-semibold">
                {index + 1}.{" "}
                {s.archivedAt ? (
                  s.title
                ) : (
                  <Link href={subheadingPath(debate.slug, s.slug)} className="underline">
                    {s.title}
                  </Link>
                )}
                {s.archivedAt && <span className="ml-2 text-xs font-normal uppercase">archived</span>}
                {s.locked && <span className="ml-2 text-xs font-normal uppercase">locked</span>}
              </h2>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                /{s.slug} · {s.contributionCount} contributions, {s.replyCount} replies
              </p>
              <SubheadingControls
                subheading={{ id: s.id, title: s.title, archived: !!s.archivedAt }}
                first={index === 0}
                last={index === debate.subheadings.length - 1}
              />
            </article>
          </li>
        ))}
      </ol>
      <h2 className="mt-8 text-lg font-semibold">Add a subheading</h2>
      <AddSubheadingForm debateId={debate.id} />
    </>
  );
}
