import { db } from "@/server/db";
import { insertPost } from "@/server/posts/insert-post";

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

export async function createUser(name = unique("user")) {
  return db.user.create({ data: { name, email: `${name}@example.test` } });
}

/** A debate with `subheadings` empty subheadings, in order. */
export async function createDebate({ subheadings = 2 }: { subheadings?: number } = {}) {
  const author = await createUser();
  const slug = unique("debate");
  return db.debate.create({
    data: {
      slug,
      title: `Debate ${slug}`,
      body: "Opening",
      bodyHtml: "<p>Opening</p>",
      authorId: author.id,
      subheadings: { create: Array.from({ length: subheadings }, (_, i) => ({ slug: `part-${i + 1}`, title: `Part ${i + 1}`, position: i + 1 })) },
    },
    include: { subheadings: { orderBy: { position: "asc" } } },
  });
}

export async function addPost(input: { subheadingId: string; parentId?: string | null; authorId?: string | null; body?: string; createdAt?: Date; title?: string }) {
  return db.$transaction((tx) => insertPost(tx, { authorId: null, body: "A contribution.", ...input }));
}
