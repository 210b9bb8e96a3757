import "server-only";
import { RENDER_VERSION } from "@/lib/markdown";
import { slugify } from "@/lib/slug";
import { debateTags } from "@/lib/cache-tags";
import { moderateRefusal } from "@/lib/permissions";
import { viewerOf, type SessionUser } from "../auth/session";
import type { DbTx } from "../db";
import { enforce } from "../errors";
import { renderUserMarkdown } from "../markdown/render-markdown";
import { logModeration } from "../moderation/log";
import { write } from "../write";
import { uniqueSubheadingSlug } from "../subheadings/manage-subheadings";

const RESERVED_DEBATE_SLUGS = ["new", "_"];

async function uniqueDebateSlug(tx: DbTx, title: string): Promise<string> {
  const base = slugify(title);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (RESERVED_DEBATE_SLUGS.includes(slug)) continue;
    if (!(await tx.debate.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** A moderator or admin opens a debate: title, opening post and its ordered subheadings. */
export async function createDebate({
  actor,
  title,
  body,
  subheadings,
}: {
  actor: SessionUser;
  title: string;
  body: string;
  subheadings: string[];
}) {
  enforce(moderateRefusal(viewerOf(actor)));
  const bodyHtml = await renderUserMarkdown(body, actor.id);
  return write(async (w) => {
    const { tx } = w;
    const debate = await tx.debate.create({
      data: {
        slug: await uniqueDebateSlug(tx, title),
        title,
        body,
        bodyHtml,
        renderVersion: RENDER_VERSION,
        authorId: actor.id,
      },
      select: { id: true, slug: true },
    });
    const taken: string[] = [];
    for (const [index, subheadingTitle] of subheadings.entries()) {
      const slug = uniqueSubheadingSlug(subheadingTitle, taken);
      taken.push(slug);
      await tx.subheading.create({ data: { debateId: debate.id, slug, title: subheadingTitle, position: index + 1 } });
    }
    w.touch(...debateTags(debate.id));
    await logModeration(w, {
      actorId: actor.id,
      action: "create_debate",
      debateId: debate.id,
      detail: `${subheadings.length} subheadings`,
    });
    return debate;
  });
}
