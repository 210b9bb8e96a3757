import "server-only";
import type { DebateFileInput, DebateFilePost, DebateFileSection } from "../import/debate-file";
import type { ExportPost, ExportSection, ExportWriter } from "./export-model";

// The archive format the importer reads (server/import/debate-file.ts), so an export imports into
// another instance as the same debate. Every post goes into `posts` (contributions have no parent);
// `articles`, the archive extract's other shape, is not used.

function sectionJson(section: ExportSection): DebateFileSection {
  return {
    slug: section.slug,
    title: section.title,
    ...(section.description && { description: section.description }),
    position: section.position,
    ...(section.synthesis && { synthesis: section.synthesis }),
    ...(section.proposals.length > 0 && {
      proposals: section.proposals.map((p) => ({
        statement: p.statement,
        ...(p.author && { author: p.author }),
        createdAt: p.createdAt.toISOString(),
        closesAt: p.closesAt.toISOString(),
        closedAt: p.closedAt.toISOString(),
        outcome: p.outcome,
        counts: p.counts,
      })),
    }),
  };
}

function postJson(post: ExportPost, section: string, parent: string | null): DebateFilePost {
  return {
    id: post.key,
    section,
    parent,
    author: post.author,
    ...(post.authorNote && { authorNote: post.authorNote }),
    ...(post.title && { title: post.title }),
    date: post.createdAt.toISOString(),
    dateKnown: post.dateKnown,
    ...(post.sourceUrl && { sourceUrl: post.sourceUrl }),
    ...(post.replyType && { replyType: post.replyType }),
    ...(post.agreement && { agreement: post.agreement }),
    body: post.body,
  };
}

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/** The debate file, pretty-printed: each post written as its thread is read, parents first. */
export const writeJson: ExportWriter = async function* (header, threads) {
  const { debate, sections } = header;
  const head: Omit<DebateFileInput, "posts" | "articles"> = {
    debate: {
      slug: debate.slug,
      title: debate.title,
      author: debate.author,
      ...(debate.authorNote && { authorNote: debate.authorNote }),
      views: debate.views,
      date: debate.createdAt.toISOString(),
      dateKnown: debate.dateKnown,
      ...(debate.synthesis && { synthesis: debate.synthesis }),
      body: debate.body,
    },
    sections: sections.map(sectionJson),
  };
  // The head's closing brace is replaced by the posts, written as they come.
  yield `${JSON.stringify(head, null, 2).replace(/\n}$/, "")},\n  "posts": [`;
  let first = true;
  for (const section of sections) {
    for await (const thread of threads(section)) {
      const chunk: string[] = [];
      const walk = (post: ExportPost, parent: string | null) => {
        chunk.push(
          `${first ? "" : ","}\n    ${indent(JSON.stringify(postJson(post, section.slug, parent), null, 2), "    ")}`,
        );
        first = false;
        for (const reply of post.replies) walk(reply, post.key);
      };
      walk(thread, null);
      yield chunk.join("");
    }
  }
  yield first ? "]\n}\n" : "\n  ]\n}\n";
};
