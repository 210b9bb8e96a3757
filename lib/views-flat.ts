import type { AuthorView, PostView } from "./views";

/** What a reply answers, as the flat view names it: its author and first words, linked. */
export type InReplyTo = { id: string; author: AuthorView; excerpt: string; state: PostView["state"] };
/** A post of the flat reading mode (server/posts/list-flat.ts). */
export type FlatPostView = PostView & { inReplyTo: InReplyTo | null };
/** One page of the flat reading mode: keyset paged on (createdAt, id). */
export type FlatPage = { posts: FlatPostView[]; nextCursor: string | null };
