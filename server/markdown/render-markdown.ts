import "server-only";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MarkdownRefused, markdownRefusal, TOO_NESTED } from "@/lib/markdown";
import { RetryLater } from "../errors";
import { RateLimit, waitPhrase } from "../http/rate-limit";
import { RenderBusy, RenderPool } from "./render-pool";

/** How long one render may take before it is refused: ordinary posts take milliseconds. */
export const RENDER_BUDGET_MS = 2_000;
/** Render workers at most: one runaway render never holds up everyone else's. */
export const RENDER_WORKERS = 2;
/** Renders that may wait for a worker; past that, "the site is busy" (worst wait: 16 budgets / 2 workers). */
export const RENDER_QUEUE = 16;

/**
 * Renders of one writer that may overrun their budget (or break their worker) in ten minutes; past
 * that, their texts are refused before rendering until the window ends. Without it, refusals that
 * come after the render (a locked subheading, someone else's post) would let one account keep the
 * workers busy, two seconds at a time, with nothing counted.
 */
export const RENDER_STRIKES = { points: 3, seconds: 10 * 60 };

/**
 * The budget, in milliseconds: MARKDOWN_RENDER_BUDGET_MS when set (read at every call, so that a
 * test, or an operator on slow hardware, can change it), else RENDER_BUDGET_MS.
 */
export function renderBudgetMs(): number {
  const set = Number(process.env.MARKDOWN_RENDER_BUDGET_MS);
  return Number.isFinite(set) && set > 0 ? set : RENDER_BUDGET_MS;
}

// One pool and one count of strikes per process: Next may evaluate this module more than once (a
// copy per bundle layer, and again on every reload in development), and the copies must share the
// same few workers. Only plain objects cross between copies (a class from another copy would fail
// `instanceof`). The pool stays per process on purpose when the app runs as several instances:
// its workers are this machine's CPU, and each instance guards its own. The strikes are counted in
// Redis then (RateLimit), so a writer struck out on one instance is refused on every one.
const SHARED_KEY = Symbol.for("debate-commons.markdown-render");
function shared(): { pool: RenderPool; strikes: RateLimit } {
  const global = globalThis as { [SHARED_KEY]?: { pool: RenderPool; strikes: RateLimit } };
  return (global[SHARED_KEY] ??= { pool: newPool(), strikes: new RateLimit("render-strikes", RENDER_STRIKES) });
}

function newPool(): RenderPool {
  return new RenderPool({
    // Node loads the worker from disk, outside Next's bundle; it imports lib/markdown-pipeline.mjs,
    // the file the bundle was built from. In the bundle, import.meta.url is this file's place in the
    // project (Turbopack resolves it from where the build output lies), as it is in Vitest and tsx.
    file: path.join(path.dirname(fileURLToPath(import.meta.url)), "render-worker.mjs"),
    size: RENDER_WORKERS,
    maxQueue: RENDER_QUEUE,
    startupMs: 10_000,
    heapMb: 128,
  });
}

function duration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/**
 * Markdown a member (`writerId`) wrote → HTML that is safe to inject, rendered in a worker thread
 * within the budget. Throws MarkdownRefused (a field error on forms, 400 on routes) for a shape
 * refused before parsing, a render past its budget, or one that broke its worker; RATE_LIMITED when
 * the writer's renders overran too often lately; RenderBusy when every worker is taken and the
 * queue is full. Whatever it throws, nothing has been written.
 */
export async function renderUserMarkdown(markdown: string, writerId: string): Promise<string> {
  const refusal = markdownRefusal(markdown);
  if (refusal) throw new MarkdownRefused(refusal);
  const { pool, strikes } = shared();
  const struckOut = await strikes.retryAfter(writerId);
  if (struckOut) {
    const words = `Your recent texts took too long to format. Please try again in ${waitPhrase(struckOut)}.`;
    throw new RetryLater(words, struckOut);
  }
  const budgetMs = renderBudgetMs();
  const outcome = await pool.render(markdown, budgetMs);
  if (outcome.kind === "over-budget" || outcome.kind === "crashed") await strikes.consume(writerId);
  switch (outcome.kind) {
    case "html":
      return outcome.html;
    case "nested":
      throw new MarkdownRefused(TOO_NESTED);
    case "over-budget":
      throw new MarkdownRefused(
        `Formatting this text took longer than ${duration(budgetMs)}, so it was refused. Please simplify its formatting.`,
      );
    case "crashed":
      throw new MarkdownRefused("This text is too large to format. Please shorten it or simplify its formatting.");
    case "busy":
      throw new RenderBusy("Every renderer is busy.");
  }
}
