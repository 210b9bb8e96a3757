import "server-only";
import { z } from "zod";

// The archive format of prisma/seed-data/*.json: a debate as it survives in archived pages.

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const name = z.string().trim().min(1).max(200);
const note = z.string().trim().min(1).max(1000).nullable().optional();

const replySchema = z.object({
  id: slug,
  author: name.nullable(),
  authorNote: note,
  section: slug,
  parent: slug.nullable(),
  title: z.string().trim().min(1).max(200).nullable().optional(),
  body: z.string().min(1),
});

const commentSchema = z.object({ id: slug, author: name.nullable(), authorNote: note, body: z.string().min(1) });

const articleSchema = z.object({
  id: slug,
  title: z.string().trim().min(1).max(200),
  author: name.nullable(),
  authorNote: note,
  date: z.iso.datetime().nullable(),
  section: slug,
  body: z.string().min(1),
  sourceUrl: z.url().nullable().optional(),
  comments: z.array(commentSchema).default([]),
});

export const debateFileSchema = z.object({
  debate: z.object({
    slug,
    title: z.string().trim().min(1).max(200),
    author: name,
    authorNote: note,
    views: z.number().int().nonnegative().default(0),
    body: z.string().min(1),
  }),
  sections: z
    .array(
      z.object({
        slug,
        title: z.string().trim().min(1).max(200),
        description: z.string().nullable().optional(),
        position: z.number().int(),
      }),
    )
    .min(1),
  posts: z.array(replySchema).default([]),
  articles: z.array(articleSchema).default([]),
});

export type DebateFile = z.infer<typeof debateFileSchema>;
