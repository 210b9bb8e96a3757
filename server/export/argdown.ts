import "server-only";
import { argdownTitle, escapeArgdown, plainText } from "@/lib/export-text";
import type { ExportPost, ExportWriter } from "./export-model";

// Argdown (argdown.org): the debate as statements and arguments with their relations, for argument
// maps. A contribution is a statement; a reply that supports or challenges what it answers is an
// argument nested beneath it with + or -; any other reply (a question, evidence, a clarification,
// or one that did not say) has no Argdown relation, so it starts a statement of its own just after,
// tagged with its kind, that mentions what it answers (@[…] or @<…>).

const INDENT = "    ";

const RELATION = { supports: "+", challenges: "-" } as const;
const relationOf = (post: ExportPost) =>
  post.replyType === "supports" || post.replyType === "challenges" ? RELATION[post.replyType] : null;

function statementText(post: { body: string; author: string | null }): string {
  const text = escapeArgdown(plainText(post.body)) || "(no text)";
  return `${text} — ${post.author ? escapeArgdown(post.author) : "unknown author"}`;
}

/** Writes one thread: the contribution's tree of relations, then the blocks of its other replies. */
export function threadArgdown(thread: ExportPost, nextTitle: (post: ExportPost) => string): string {
  const blocks: string[] = [];
  const pending: { post: ExportPost; answers: string }[] = [{ post: thread, answers: "" }];
  while (pending.length > 0) {
    const { post, answers } = pending.shift()!;
    const title = nextTitle(post);
    const tag = post.replyType ? ` #${post.replyType}` : "";
    const lines = [`[${title}]: ${answers}${statementText(post)}${tag}`];
    const later: typeof pending = [];
    const walk = (node: ExportPost, ref: string, level: number) => {
      for (const reply of node.replies) {
        const symbol = relationOf(reply);
        if (!symbol) {
          later.push({ post: reply, answers: `(${reply.replyType ?? "reply"} on @${ref}) ` });
          continue;
        }
        const replyTitle = nextTitle(reply);
        lines.push(`${INDENT.repeat(level)}${symbol} <${replyTitle}>: ${statementText(reply)}`);
        walk(reply, `<${replyTitle}>`, level + 1);
      }
    };
    walk(post, `[${title}]`, 1);
    blocks.push(lines.join("\n"));
    pending.unshift(...later);
  }
  return `${blocks.join("\n\n")}\n\n`;
}

/** The whole debate as one Argdown document. */
export const writeArgdown: ExportWriter = async function* (header, threads) {
  const { debate, sections } = header;
  let count = 0;
  const nextTitle = (post: { title: string | null; body: string }) =>
    `${argdownTitle(post.title ?? plainText(post.body)) || "Post"} (${++count})`;
  yield `# ${escapeArgdown(debate.title)}\n\n[${nextTitle({ title: "Opening post", body: "" })}]: ${statementText(debate)}\n\n`;
  for (const section of sections) {
    yield `## ${escapeArgdown(section.title)}\n\n`;
    for await (const thread of threads(section)) yield threadArgdown(thread, nextTitle);
  }
};
