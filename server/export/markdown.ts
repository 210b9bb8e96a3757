import "server-only";
import { REPLY_TYPE_LABELS } from "@/lib/reply-types";
import { statusLabel } from "@/lib/synthesis";
import { containedMarkdown, escapeMarkdown, firstWords, inlineMarkdown, plainText, quoted } from "@/lib/export-text";
import { formatUtc } from "@/lib/utc-format";
import type { ExportPost, ExportProposal, ExportSynthesis, ExportWriter } from "./export-model";

/**
 * Replies nest as blockquotes, one level per step down the thread, up to this many levels: deeper
 * replies stay at this depth and say whom they answer, so a long chain stays readable.
 */
export const MAX_QUOTE_DEPTH = 4;

const authorName = (post: { author: string | null; authorNote: string | null }, strong = false) => {
  const name = post.author ? inlineMarkdown(post.author) : "Unknown author";
  const shown = strong ? `**${name}**` : name;
  return post.authorNote ? `${shown} (${inlineMarkdown(post.authorNote)})` : shown;
};

const when = (post: { createdAt: Date; dateKnown: boolean }) =>
  post.dateKnown ? formatUtc(post.createdAt) : "date not preserved";

function facts(post: ExportPost): string {
  const parts = [when(post)];
  if (post.replyType) parts.push(REPLY_TYPE_LABELS[post.replyType]);
  if (post.agreement) {
    const { agree, disagree, pass } = post.agreement;
    parts.push(`${agree} agree, ${disagree} disagree, ${pass} pass`);
  }
  if (post.sourceUrl) parts.push(`source: <${post.sourceUrl.replace(/[<>\s]/g, encodeURIComponent)}>`);
  return parts.join(" · ");
}

function synthesisBlock(heading: string, synthesis: ExportSynthesis): string {
  return `${heading}\n\n*Status: ${inlineMarkdown(statusLabel(synthesis.status))}*\n\n${containedMarkdown(synthesis.body)}\n\n`;
}

function proposalItem(p: ExportProposal): string {
  const { agree, abstain, disagree, block } = p.counts;
  const outcome = p.outcome ? `Outcome: ${inlineMarkdown(p.outcome)}` : "No outcome recorded";
  const by = p.author ? ` · proposed by ${inlineMarkdown(p.author)}` : "";
  const statement = escapeMarkdown(p.statement).replace(/\n/g, "\n  ");
  return `- **${statement}**  \n  ${outcome} · closed ${formatUtc(p.closedAt)}${by} · ${agree} agree, ${abstain} abstain, ${disagree} disagree, ${block} block\n`;
}

const headingOf = (post: ExportPost) =>
  inlineMarkdown(
    post.title ?? (firstWords(plainText(post.body), 80) || `Contribution by ${post.author ?? "an unknown author"}`),
  );

/** A contribution under its heading, then its replies nested as blockquotes. */
export function threadMarkdown(post: ExportPost): string {
  const out = [`#### ${headingOf(post)}\n\n${authorName(post)} · ${facts(post)}\n\n${containedMarkdown(post.body)}`];
  const walk = (reply: ExportPost, parent: ExportPost, depth: number) => {
    const level = Math.min(depth, MAX_QUOTE_DEPTH);
    const answers =
      depth > MAX_QUOTE_DEPTH
        ? ` in reply to ${parent.author ? inlineMarkdown(parent.author) : "an unknown author"}`
        : "";
    const title = reply.title ? `**${inlineMarkdown(reply.title)}**\n\n` : "";
    const block = `${authorName(reply, true)}${answers} · ${facts(reply)}\n\n${title}${containedMarkdown(reply.body)}`;
    // A blank line ends a quote; a line of ">" (one level up) separates quotes inside one.
    out.push(level === 1 ? "" : quoted("", level - 1), quoted(block, level));
    for (const next of reply.replies) walk(next, reply, depth + 1);
  };
  for (const reply of post.replies) walk(reply, post, 1);
  return `${out.join("\n")}\n\n`;
}

/** The whole debate as one Markdown document. */
export const writeMarkdown: ExportWriter = async function* (header, threads) {
  const { debate, sections } = header;
  const opener = `Opened by ${authorName(debate)} · ${when(debate)} · ${debate.views.toLocaleString("en-GB")} views`;
  yield `# ${inlineMarkdown(debate.title)}\n\n${opener}\n\n${containedMarkdown(debate.body)}\n\n`;
  if (debate.synthesis) yield synthesisBlock("## Where the debate stands", debate.synthesis);
  for (const [index, section] of sections.entries()) {
    let head = `## ${index + 1}. ${inlineMarkdown(section.title)}\n\n`;
    if (section.description) head += `${containedMarkdown(section.description)}\n\n`;
    if (section.synthesis) head += synthesisBlock("### Where the discussion stands", section.synthesis);
    if (section.proposals.length > 0)
      head += `### Closed proposals\n\n${section.proposals.map(proposalItem).join("\n")}\n`;
    yield `${head}### Contributions\n\n`;
    let none = true;
    for await (const thread of threads(section)) {
      none = false;
      yield threadMarkdown(thread);
    }
    if (none) yield "*No contributions yet.*\n\n";
  }
};
