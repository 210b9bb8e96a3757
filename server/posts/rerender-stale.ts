import "server-only";
import { RENDER_VERSION, renderMarkdown } from "@/lib/markdown";
import type { Db } from "../db";

/**
 * HTML is rendered once per post version and stored. When the pipeline changes
 * (RENDER_VERSION), this re-renders what was stored by an older one, in small batches.
 */
export async function rerenderStale(db: Db, batchSize = 200): Promise<number> {
  let count = 0;
  for (;;) {
    const posts = await db.post.findMany({
      where: { renderVersion: { lt: RENDER_VERSION } },
      select: { id: true, body: true },
      take: batchSize,
    });
    if (posts.length === 0) break;
    await db.$transaction(
      posts.map((p) =>
        db.post.update({
          where: { id: p.id },
          data: { bodyHtml: renderMarkdown(p.body), renderVersion: RENDER_VERSION },
        }),
      ),
    );
    count += posts.length;
  }
  const debates = await db.debate.findMany({
    where: { renderVersion: { lt: RENDER_VERSION } },
    select: { id: true, body: true },
  });
  for (const d of debates) {
    await db.debate.update({
      where: { id: d.id },
      data: { bodyHtml: renderMarkdown(d.body), renderVersion: RENDER_VERSION },
    });
  }
  return count + debates.length;
}
