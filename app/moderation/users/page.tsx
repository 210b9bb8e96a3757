import type { Metadata } from "next";
import { Suspense } from "react";
import { LocalTime, PostDate } from "@/components/post-date";
import { because, isStaff, restrictionOf, restrictRefusal, roleRefusal } from "@/lib/permissions";
import { membersPath } from "@/lib/paths";
import { getCurrentUser, viewerOf } from "@/server/auth/session";
import { listUsers } from "@/server/moderation/users";
import { StaffOnly } from "@/components/staff-only";
import { UserControls } from "./user-controls";

export const metadata: Metadata = { title: "Members", robots: { index: false } };

export default function UsersPage({ searchParams }: PageProps<"/moderation/users">) {
  return (
    <Suspense fallback={<p role="status">Loading members…</p>}>
      <Users searchParams={searchParams} />
    </Suspense>
  );
}

async function Users({ searchParams }: Pick<PageProps<"/moderation/users">, "searchParams">) {
  const user = await getCurrentUser();
  const viewer = viewerOf(user);
  if (!isStaff(viewer)) return <StaffOnly signedIn={!!user} what="Members" />;
  const q = (await searchParams).q;
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  const users = await listUsers({ actor: user!, query });

  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Members</h1>
      <form role="search" className="mt-3 flex gap-2" action={membersPath()}>
        <label className="sr-only" htmlFor="q">
          Find a member by name or email
        </label>
        <input
          id="q"
          name="q"
          defaultValue={query}
          placeholder="Name or email"
          className="w-72 rounded border border-stone-300 px-2 py-1.5 dark:border-stone-700 dark:bg-stone-950"
        />
        <button className="rounded bg-stone-700 px-3 py-1.5 text-sm font-medium text-white">Find</button>
      </form>
      <ul className="mt-6 space-y-4">
        {users.map((u) => {
          const restriction = restrictionOf(u);
          const canRestrict = !restrictRefusal(viewer, u);
          const canSetRole = !roleRefusal(viewer, u);
          return (
            <li key={u.id}>
              <article
                aria-label={u.name}
                className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
              >
                <h2 className="font-semibold">
                  {u.name} <span className="text-sm font-normal text-stone-500">{u.email}</span>
                </h2>
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {u.role.toLowerCase()} · joined <PostDate date={u.createdAt} known />
                </p>
                {restriction && (
                  <p className="mt-1 text-sm text-red-800 dark:text-red-300">
                    {u.bannedAt ? (
                      "Banned"
                    ) : (
                      <>
                        Suspended until <LocalTime date={u.suspendedUntil!} absolute />
                      </>
                    )}
                    {because(u.suspendReason)}
                  </p>
                )}
                {(canRestrict || canSetRole) && (
                  <UserControls
                    userId={u.id}
                    name={u.name}
                    role={u.role}
                    restricted={!!restriction}
                    canRestrict={canRestrict}
                    canSetRole={canSetRole}
                  />
                )}
              </article>
            </li>
          );
        })}
      </ul>
    </>
  );
}
