import "server-only";
import type { SessionUser } from "../auth/session";
import { RetryLater } from "../errors";
import { RateLimit, waitPhrase } from "../http/rate-limit";
import { renderUserMarkdown } from "../markdown/render-markdown";

/** Previews one member may ask for: the Preview tab renders on each click, a few a minute at most. */
export const PREVIEW_LIMITS = [
  new RateLimit("preview-minute", { points: 10, seconds: 60 }),
  new RateLimit("preview-hour", { points: 100, seconds: 60 * 60 }),
];

/**
 * The Preview tab: the Markdown rendered exactly as a saved post would be (in a worker, within the
 * budget). Writes nothing. Counted per member, each request, before rendering.
 */
export async function previewMarkdown({ actor, body }: { actor: SessionUser; body: string }) {
  for (const limit of PREVIEW_LIMITS) {
    const wait = await limit.consume(actor.id);
    if (wait) throw new RetryLater(`You are previewing quickly. Please try again in ${waitPhrase(wait)}.`, wait);
  }
  return { html: await renderUserMarkdown(body, actor.id) };
}
