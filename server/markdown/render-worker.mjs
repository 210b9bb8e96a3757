// @ts-check
// A render worker (server/markdown/render-markdown.ts runs a few). Node loads this file from disk,
// outside Next's bundle, in a thread of its own, so a render that runs away costs this thread,
// which is ended and replaced, and never the server's event loop. It imports the same pipeline
// file the bundle does. No `server-only` here: that package throws outside React's server build.

import { parentPort } from "node:worker_threads";
import { markdownToHtml } from "../../lib/markdown-pipeline.mjs";

/**
 * @typedef {{ id: number, markdown: string }} RenderTask
 * @typedef {{ ready: true } | { id: number, html: string } | { id: number, nested: true } | { id: number, error: string }} RenderAnswer
 */

const port = parentPort;
if (!port) throw new Error("render-worker.mjs runs as a worker thread only");

port.on("message", (/** @type {RenderTask} */ { id, markdown }) => {
  /** @type {RenderAnswer} */
  let answer;
  try {
    answer = { id, html: markdownToHtml(markdown) };
  } catch (error) {
    // A stack overflow is the text's fault (a shape nobody foresaw); anything else is a bug.
    answer =
      error instanceof RangeError
        ? { id, nested: true }
        : { id, error: error instanceof Error ? String(error.stack) : String(error) };
  }
  port.postMessage(answer);
});

// Loading the pipeline takes a moment: the pool starts a task's clock only once this arrives.
port.postMessage(/** @type {RenderAnswer} */ ({ ready: true }));
