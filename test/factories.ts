import { db } from "@/server/db";
import { insertPost } from "@/server/posts/insert-post";
import { write } from "@/server/write";

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
      subheadings: {
        create: Array.from({ length: subheadings }, (_, i) => ({
          slug: `part-${i + 1}`,
          title: `Part ${i + 1}`,
          position: i + 1,
        })),
      },
    },
    include: { subheadings: { orderBy: { position: "asc" } } },
  });
}

export async function addPost(input: {
  subheadingId: string;
  parentId?: string | null;
  authorId?: string | null;
  body?: string;
  createdAt?: Date;
  title?: string;
}) {
  return write((w) => insertPost(w, { authorId: null, body: "A contribution.", ...input }));
}

import { hashPassword } from "@/server/auth/password";
import type { SessionUser } from "@/server/auth/session";

/** A signed-up member as the server sees them after checking the session. */
export async function createMember(
  options: { createdAt?: Date; suspendedUntil?: Date; bannedAt?: Date; name?: string; password?: string } = {},
): Promise<SessionUser> {
  const name = options.name ?? unique("member");
  const user = await db.user.create({
    data: {
      name,
      email: `${name}@example.test`,
      passwordHash: options.password ? await hashPassword(options.password) : null,
      createdAt: options.createdAt ?? new Date(Date.now() - 7 * 24 * 3600 * 1000),
      suspendedUntil: options.suspendedUntil,
      bannedAt: options.bannedAt,
      suspendReason: options.suspendedUntil || options.bannedAt ? "testing" : null,
    },
  });
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt,
    suspendedUntil: user.suspendedUntil,
    bannedAt: user.bannedAt,
    suspendReason: user.suspendReason,
  };
}
