"use client";

import { lazyForMembers } from "../lazy-component";

export type Scope = "home" | { debateId: string };

// What is new to a member (the counts' request, their store, the badges and the catch-up link) is
// loaded only once the session says a member is signed in: a reader never downloads it.
const load = () => import("./member-unread-counts");

/**
 * Asks, each time the page is shown and only for a signed-in member, how many posts are new to
 * them (components/unread/member-unread-counts.tsx). Renders nothing itself.
 */
export const UnreadCounts = lazyForMembers<{ scope: Scope }>(() => load().then((m) => m.UnreadCounts));

/** "N new" beside a subheading or a debate, when it has posts new to the member. */
export const NewCount = lazyForMembers<{ subheadingId: string } | { debateId: string }>(() =>
  load().then((m) => m.NewCount),
);

/**
 * The debate page's way to the catch-up page, for a member with new posts. The page puts it in a
 * live region of its own, there from the start, so that its arrival is announced.
 */
export const CatchUpLink = lazyForMembers<{ debateSlug: string; debateId: string }>(() =>
  load().then((m) => m.CatchUpLink),
);
