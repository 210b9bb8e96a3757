// The render pool on its own, with the real worker file: at most `size` workers, a worker that
// overruns is ended and replaced, and past the queue's bound a render is refused at once.
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { RenderPool } from "./render-pool";

const file = path.resolve("server/markdown/render-worker.mjs");
// Passes the pre-parse check, yet takes seconds to parse (see stall-while-serving.test.ts).
const slow = "*_\n".repeat(6_666);

describe("RenderPool", () => {
  it("renders in a worker, ends one that overruns its budget, and carries on with a new one", async () => {
    const pool = new RenderPool({ file, size: 1, maxQueue: 4, startupMs: 10_000, heapMb: 128 });
    expect(await pool.render("**bold**", 2_000)).toEqual({ kind: "html", html: "<p><strong>bold</strong></p>" });
    const started = performance.now();
    expect(await pool.render(slow, 100)).toEqual({ kind: "over-budget" });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(pool.workers).toBe(0);
    expect(await pool.render("_again_", 2_000)).toEqual({ kind: "html", html: "<p><em>again</em></p>" });
    expect(pool.workers).toBe(1);
  });

  it("ends a worker whose render runs out of memory, not the process, and carries on", async () => {
    const pool = new RenderPool({ file, size: 1, maxQueue: 4, startupMs: 10_000, heapMb: 64 });
    // Quotes nested far deeper than markdownRefusal allows (the pool has no pre-parse check).
    expect(await pool.render(">".repeat(19_999), 30_000)).toMatchObject({
      kind: "crashed",
      reason: expect.stringMatching(/memory/),
    });
    expect(await pool.render("ok", 2_000)).toEqual({ kind: "html", html: "<p>ok</p>" });
  });

  it("runs at most `size` renders at once and refuses past the queue's bound", async () => {
    const pool = new RenderPool({ file, size: 2, maxQueue: 3, startupMs: 10_000, heapMb: 128 });
    await Promise.all([pool.render("warm", 2_000), pool.render("up", 2_000)]);
    await vi.waitFor(() => expect(pool.idleWorkers).toBe(2), { timeout: 10_000 });
    // Two start at once, three wait: a sixth is refused at once rather than queued without bound.
    const renders = Array.from({ length: 5 }, () => pool.render(slow, 300));
    expect(await pool.render("one too many", 300)).toEqual({ kind: "busy" });
    expect(pool.workers).toBe(2);
    // Two at a time, 300 ms each, each worker replaced after each.
    expect(await Promise.all(renders)).toEqual(Array(5).fill({ kind: "over-budget" }));
    expect(await pool.render("fine", 2_000)).toEqual({ kind: "html", html: "<p>fine</p>" });
  });

  it("fails what waits when the worker cannot start at all", async () => {
    const pool = new RenderPool({
      file: path.resolve("no/such/worker.mjs"),
      size: 1,
      maxQueue: 4,
      startupMs: 5_000,
      heapMb: 128,
    });
    await expect(pool.render("text", 1_000)).rejects.toThrow(/Cannot find module|ERR_MODULE_NOT_FOUND/);
  });
});
