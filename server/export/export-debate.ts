import "server-only";
import type { DebateExportFormat } from "@/lib/debate-export";
import { db as appDb, type DbTx } from "../db";
import { writeArgdown } from "./argdown";
import type { ExportWriter } from "./export-model";
import { writeJson } from "./json";
import { writeMarkdown } from "./markdown";
import { readExportHeader, readThreads } from "./read-export";

export const EXPORT_FORMATS = {
  md: { writer: writeMarkdown, contentType: "text/markdown; charset=utf-8" },
  json: { writer: writeJson, contentType: "application/json; charset=utf-8" },
  argdown: { writer: writeArgdown, contentType: "text/plain; charset=utf-8" },
} satisfies Record<DebateExportFormat, { writer: ExportWriter; contentType: string }>;
export type ExportFormat = DebateExportFormat;

/**
 * A debate in one format, as chunks of text written while its posts are read (subheading by
 * subheading, a page at a time: see readThreads), so a large debate is never held whole. Null for
 * an unknown debate: the header is read before the first chunk, so a 404 can still be answered.
 */
export async function exportDebate(
  tx: DbTx,
  slug: string,
  format: ExportFormat,
): Promise<{ slug: string; chunks: AsyncGenerator<string> } | null> {
  const header = await readExportHeader(tx, slug);
  if (!header) return null;
  return { slug: header.debate.slug, chunks: EXPORT_FORMATS[format].writer(header, (s) => readThreads(tx, s)) };
}

/** The whole export as one string (the script that writes docs/, and tests). */
export async function exportDebateText(tx: DbTx, slug: string, format: ExportFormat): Promise<string | null> {
  const exported = await exportDebate(tx, slug, format);
  if (!exported) return null;
  let text = "";
  for await (const chunk of exported.chunks) text += chunk;
  return text;
}

/** Chunks as a byte stream read as the client takes them; cancelling it stops the reading. */
function toStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * GET /debates/<slug>/export.<format>. Written per request from the database, not cached: an
 * export is asked for rarely, and a cached copy would be the whole document held in the cache
 * (whose entries are bounded in size) under the tags of every author it names.
 */
export async function exportResponse(slug: string, format: ExportFormat, tx: DbTx = appDb): Promise<Response> {
  const exported = await exportDebate(tx, slug, format);
  if (!exported) {
    return new Response("No such debate.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-cache" },
    });
  }
  return new Response(toStream(exported.chunks), {
    headers: {
      "content-type": EXPORT_FORMATS[format].contentType,
      "content-disposition": `inline; filename="${exported.slug}.${format}"`,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    },
  });
}
