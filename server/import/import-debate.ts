import "server-only";
import { RENDER_VERSION, renderMarkdown } from "@/lib/markdown";
import { slugify } from "@/lib/slug";
import { cacheTags, debateTags } from "@/lib/cache-tags";
import { recordOutsideInvalidation } from "../cache/outside-invalidations";
import type { Db, DbTx } from "../db";
import { insertPost, type InsertPostInput } from "../posts/insert-post";
import { archiveAuthorNameKey } from "../users/display-name";
import { freeHandle } from "../users/handle";
import { debateFileSchema, type DebateFile } from "./debate-file";
import { restoreProposals, restoreSynthesis } from "./restore-deliberation";

/**
 * The archive keeps no dates for the debate itself or its replies. Such rows get a stand-in
 * timestamp from here on, a minute apart in file order, so that they sort as the archive lists
 * them, and `dateKnown: false` so that no page presents it as a date.
 */
const UNDATED_BASE = Date.UTC(2011, 0, 1);

export type ImportSummary = {
  debateCreated: boolean;
  subheadingsCreated: number;
  postsCreated: number;
  authorsCreated: number;
};

/**
 * A transaction ends after this many posts or this long, whichever comes first: the site's own
 * writes wait for the write lock meanwhile, so it is never held for long, however slow a machine.
 */
export const IMPORT_BATCH = 500;
export const IMPORT_BATCH_MS = 250;

/**
 * Imports an archived debate. Idempotent and resumable: what exists (matched by slug and import
 * key) is kept as it is and only what is missing is added, so an import that stopped half-way
 * carries on where it stopped. The debate, subheadings and authors are written first, then the
 * posts, parents before replies, in short transactions (IMPORT_BATCH), so that the site keeps serving
 * (and posting) while a large archive goes in. The counters commit with each batch.
 */
export async function importDebate(
  db: Db,
  raw: unknown,
  { batchSize = IMPORT_BATCH, batchMs = IMPORT_BATCH_MS }: { batchSize?: number; batchMs?: number } = {},
): Promise<ImportSummary> {
  const file = debateFileSchema.parse(raw);
  checkReferences(file);
  const summary: ImportSummary = { debateCreated: false, subheadingsCreated: 0, postsCreated: 0, authorsCreated: 0 };
  // The cache tags of the syntheses and proposals restored.
  const restored = new Set<string>();
  const { debateId, subheadingIds, authorIds } = await db.$transaction(async (tx) => {
    const authorIds = await upsertAuthors(tx, file, summary);
    const authorId = (name: string | null) => (name ? authorIds.get(name)! : null);
    let debate = await tx.debate.findUnique({ where: { slug: file.debate.slug }, select: { id: true } });
    if (!debate) {
      const opened = file.debate.date ? new Date(file.debate.date) : new Date(UNDATED_BASE);
      debate = await tx.debate.create({
        data: {
          slug: file.debate.slug,
          title: file.debate.title,
          body: file.debate.body,
          bodyHtml: renderMarkdown(file.debate.body),
          renderVersion: RENDER_VERSION,
          authorId: authorId(file.debate.author),
          attributionNote: file.debate.authorNote ?? null,
          viewCount: file.debate.views,
          createdAt: opened,
          lastActivityAt: opened,
          dateKnown: file.debate.date ? (file.debate.dateKnown ?? true) : false,
        },
        select: { id: true },
      });
      summary.debateCreated = true;
    }
    const subheadingIds = new Map<string, string>();
    for (const section of [...file.sections].sort((a, b) => a.position - b.position)) {
      const existing = await tx.subheading.findUnique({
        where: { debateId_slug: { debateId: debate.id, slug: section.slug } },
        select: { id: true },
      });
      const subheading =
        existing ??
        (await tx.subheading.create({
          data: {
            debateId: debate.id,
            slug: section.slug,
            title: section.title,
            description: section.description ?? null,
            position: section.position,
          },
          select: { id: true },
        }));
      if (!existing) summary.subheadingsCreated++;
      subheadingIds.set(section.slug, subheading.id);
      const place = { debateId: debate.id, subheadingId: subheading.id };
      if (section.synthesis) await restoreSynthesis(tx, place, section.synthesis, restored);
      await restoreProposals(tx, place, section.proposals, authorId, restored);
    }
    if (file.debate.synthesis) await restoreSynthesis(tx, { debateId: debate.id }, file.debate.synthesis, restored);
    return { debateId: debate.id, subheadingIds, authorIds };
  });
  if (summary.debateCreated || summary.subheadingsCreated) await recordOutsideInvalidation(db, debateTags(debateId));
  if (restored.size > 0) await recordOutsideInvalidation(db, restored);
  // New authors' profiles were "not found" until now.
  if (summary.authorsCreated) await recordOutsideInvalidation(db, [cacheTags.handles()]);

  const authorId = (name: string | null) => (name ? authorIds.get(name)! : null);
  const imported = new Map(
    (
      await db.post.findMany({
        where: { debateId, importKey: { not: null } },
        select: { id: true, importKey: true },
      })
    ).map((p) => [p.importKey!, p.id]),
  );
  const missing = postsInImportOrder(file, subheadingIds, authorId).filter((p) => !imported.has(p.key));
  const rendered = new Map<string, string>();
  const touched = new Set<string>();
  for (let start = 0; start < missing.length;) {
    // Rendered before the transaction (once each), so the write lock is held for the inserts alone.
    const batch = missing.slice(start, start + batchSize).map((p) => {
      if (!rendered.has(p.key)) rendered.set(p.key, renderMarkdown(p.input.body));
      return { ...p, bodyHtml: rendered.get(p.key)! };
    });
    const created = await db.$transaction(
      async (tx) => {
        // The command line cannot reach a running server's tag store: the tags go to the
        // database's outside log once the batch has committed. An archive is history: importing
        // it notifies nobody and publishes nothing live, so there is no after-work to keep.
        const w = { tx, touch: (...more: string[]) => more.forEach((tag) => touched.add(tag)), after: () => {} };
        const made = new Map<string, string>();
        const until = Date.now() + batchMs;
        for (const { key, parentKey, input, bodyHtml, agreement } of batch) {
          if (made.size > 0 && Date.now() > until) break;
          const parentId = parentKey ? (imported.get(parentKey) ?? made.get(parentKey)) : null;
          const post = await insertPost(w, { ...input, bodyHtml, parentId, importKey: key });
          // Counts as the file gives them: the marks themselves (who marked) are never exported.
          if (agreement) {
            const { agree, disagree, pass } = agreement;
            await tx.post.update({
              where: { id: post.id },
              data: { agreeCount: agree, disagreeCount: disagree, passCount: pass, markCount: agree + disagree + pass },
            });
          }
          made.set(key, post.id);
        }
        return made;
      },
      { timeout: 60_000 },
    );
    await recordOutsideInvalidation(db, touched);
    touched.clear();
    for (const [key, id] of created) {
      imported.set(key, id);
      rendered.delete(key);
    }
    summary.postsCreated += created.size;
    start += created.size;
  }
  return summary;
}

async function upsertAuthors(tx: DbTx, file: DebateFile, summary: ImportSummary): Promise<Map<string, string>> {
  const names = new Set<string>();
  if (file.debate.author) names.add(file.debate.author);
  for (const post of file.posts) if (post.author) names.add(post.author);
  for (const section of file.sections)
    for (const proposal of section.proposals) if (proposal.author) names.add(proposal.author);
  for (const article of file.articles) {
    if (article.author) names.add(article.author);
    for (const comment of article.comments) if (comment.author) names.add(comment.author);
  }
  const ids = new Map<string, string>();
  for (const name of names) {
    const importKey = `archive:${slugify(name)}`;
    const existing = await tx.user.findUnique({ where: { importKey }, select: { id: true } });
    // No email and no password: an imported author can never sign in. Their name's key is stored so
    // that no member can take a look-alike; authors of the archive may share one among themselves.
    // A handle gives them a profile (/people/<handle>), marked as from the archive.
    const user =
      existing ??
      (await tx.user.create({
        data: { name, importKey, nameKey: archiveAuthorNameKey(name), handle: await freeHandle(tx, name) },
        select: { id: true },
      }));
    if (!existing) summary.authorsCreated++;
    ids.set(name, user.id);
  }
  return ids;
}

type PlannedPost = {
  key: string;
  parentKey: string | null;
  input: Omit<InsertPostInput, "parentId" | "importKey">;
  agreement?: { agree: number; disagree: number; pass: number } | null;
};

/** Every post of the file, parents before their replies, with its stand-in or original date. */
function postsInImportOrder(
  file: DebateFile,
  subheadingIds: Map<string, string>,
  authorId: (name: string | null) => string | null,
): PlannedPost[] {
  const planned: PlannedPost[] = [];
  let undated = 0;
  const standIn = () => new Date(UNDATED_BASE + ++undated * 60_000);

  for (const post of file.posts) {
    planned.push({
      key: post.id,
      parentKey: post.parent,
      input: {
        subheadingId: subheadingIds.get(post.section)!,
        authorId: authorId(post.author),
        title: post.title ?? null,
        body: post.body,
        attributionNote: post.authorNote ?? null,
        sourceUrl: post.sourceUrl ?? null,
        replyType: post.parent ? (post.replyType ?? null) : null,
        // An exported post carries its time (a stand-in when dateKnown is false); an extract's has none.
        createdAt: post.date ? new Date(post.date) : standIn(),
        dateKnown: post.date ? (post.dateKnown ?? true) : false,
      },
      agreement: post.agreement,
    });
  }
  for (const article of file.articles) {
    const createdAt = article.date ? new Date(article.date) : standIn();
    planned.push({
      key: article.id,
      parentKey: null,
      input: {
        subheadingId: subheadingIds.get(article.section)!,
        authorId: authorId(article.author),
        title: article.title,
        body: article.body,
        attributionNote: article.authorNote ?? null,
        sourceUrl: article.sourceUrl ?? null,
        createdAt,
        dateKnown: article.date !== null,
      },
    });
    article.comments.forEach((comment, index) => {
      planned.push({
        key: comment.id,
        parentKey: article.id,
        input: {
          subheadingId: subheadingIds.get(article.section)!,
          authorId: authorId(comment.author),
          body: comment.body,
          attributionNote: comment.authorNote ?? null,
          // Comments follow their article; their own dates were not preserved.
          createdAt: new Date(createdAt.getTime() + (index + 1) * 60_000),
          dateKnown: false,
        },
      });
    });
  }
  return parentsFirst(planned);
}

function parentsFirst(posts: PlannedPost[]): PlannedPost[] {
  const placed = new Set<string>();
  const ordered: PlannedPost[] = [];
  let remaining = posts;
  while (remaining.length > 0) {
    const next = remaining.filter((p) => p.parentKey === null || placed.has(p.parentKey));
    if (next.length === 0)
      throw new Error(`Import: replies whose parent never comes: ${remaining.map((p) => p.key).join(", ")}`);
    for (const post of next) {
      placed.add(post.key);
      ordered.push(post);
    }
    remaining = remaining.filter((p) => !placed.has(p.key));
  }
  return ordered;
}

/** Fails before writing anything when the file points at sections or posts it does not have. */
function checkReferences(file: DebateFile): void {
  const sections = new Set(file.sections.map((s) => s.slug));
  const keys = new Set<string>();
  const problems: string[] = [];
  const all = [
    ...file.posts.map((p) => ({ id: p.id, section: p.section })),
    ...file.articles.flatMap((a) => [
      { id: a.id, section: a.section },
      ...a.comments.map((c) => ({ id: c.id, section: a.section })),
    ]),
  ];
  for (const { id, section } of all) {
    if (keys.has(id)) problems.push(`duplicate post id "${id}"`);
    keys.add(id);
    if (!sections.has(section)) problems.push(`post "${id}" names unknown section "${section}"`);
  }
  const posts = new Map(file.posts.map((p) => [p.id, p]));
  for (const post of file.posts) {
    if (post.parent) {
      const parent = posts.get(post.parent);
      if (!parent) problems.push(`post "${post.id}" answers unknown post "${post.parent}"`);
      else if (parent.section !== post.section) problems.push(`post "${post.id}" is not in its parent's section`);
    }
  }
  if (problems.length > 0) throw new Error(`Import: the debate file is inconsistent: ${problems.join("; ")}`);
}
