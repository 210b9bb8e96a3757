import "server-only";
import { Worker } from "node:worker_threads";

/** How a render in the pool ended. */
export type RenderOutcome =
  | { kind: "html"; html: string }
  | { kind: "nested" } // the parser overflowed its stack
  | { kind: "over-budget" } // still running when its time was up: its worker was ended
  | { kind: "crashed"; reason: string } // its worker died under it (out of memory)
  | { kind: "busy" }; // every worker taken and the queue full: not even tried

/**
 * Thrown by the caller (render-markdown.ts) for a "busy" outcome: nothing was rendered, and the
 * answer is "the site is busy". The pool itself throws nothing across module copies.
 */
export class RenderBusy extends Error {
  name = "RenderBusy";
}

type Answer =
  { ready: true } | { id: number; html: string } | { id: number; nested: true } | { id: number; error: string };
type Job = {
  id: number;
  markdown: string;
  budgetMs: number;
  resolve: (outcome: RenderOutcome) => void;
  reject: (error: unknown) => void;
};
type Slot = { worker: Worker; ready: boolean; job: Job | null; timer: NodeJS.Timeout | null };

export type RenderPoolOptions = {
  /** The worker's file (server/markdown/render-worker.mjs), an absolute path. */
  file: string;
  /** Workers at most; each is started when there is work for it and kept while it behaves. */
  size: number;
  /** Renders that may wait for a worker; one more is answered "busy" at once. */
  maxQueue: number;
  /** How long a worker may take to load the pipeline before it counts as broken. */
  startupMs: number;
  /** Heap a worker may use (MB): a render that needs more ends its worker, not the server. */
  heapMb: number;
};

/**
 * A few worker threads that render Markdown, each render under a time budget. A worker still busy
 * when its render's budget runs out is terminated (a synchronous parser cannot be interrupted any
 * other way) and replaced when there is work again. The budget's clock starts when the worker
 * receives the text, so neither a worker's start nor the queue counts against the writer.
 */
export class RenderPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 0;

  constructor(private readonly options: RenderPoolOptions) {}

  render(markdown: string, budgetMs: number): Promise<RenderOutcome> {
    if (this.queue.length >= this.options.maxQueue) return Promise.resolve({ kind: "busy" });
    return new Promise((resolve, reject) => {
      this.queue.push({ id: ++this.nextId, markdown, budgetMs, resolve, reject });
      this.pump();
    });
  }

  /** Workers alive now (tests). */
  get workers(): number {
    return this.slots.size;
  }

  /** Workers started and waiting for work (tests). */
  get idleWorkers(): number {
    return [...this.slots].filter((slot) => slot.ready && !slot.job).length;
  }

  private pump(): void {
    for (const slot of this.slots) {
      const job = slot.ready && !slot.job ? this.queue.shift() : undefined;
      if (job) this.dispatch(slot, job);
    }
    let starting = [...this.slots].filter((slot) => !slot.ready).length;
    while (this.slots.size < this.options.size && this.queue.length > starting) {
      this.spawn();
      starting++;
    }
  }

  private spawn(): void {
    const worker = new Worker(this.options.file, { resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } });
    // An idle worker must not keep a script (the seed, a test run) alive; a running render's timer does.
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    slot.timer = setTimeout(
      () => this.lost(slot, new Error(`The render worker did not start within ${this.options.startupMs} ms.`)),
      this.options.startupMs,
    );
    worker.on("message", (answer: Answer) => this.answered(slot, answer));
    worker.on("error", (error) => this.lost(slot, error));
    worker.on("exit", (code) => this.lost(slot, new Error(`The render worker exited (code ${code}).`)));
    this.slots.add(slot);
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.timer = setTimeout(() => {
      this.retire(slot);
      job.resolve({ kind: "over-budget" });
      this.pump();
    }, job.budgetMs);
    slot.worker.postMessage({ id: job.id, markdown: job.markdown });
  }

  private answered(slot: Slot, answer: Answer): void {
    if (!this.slots.has(slot)) return;
    if ("ready" in answer) {
      clearTimeout(slot.timer ?? undefined);
      slot.ready = true;
    } else {
      const job = slot.job;
      if (!job || job.id !== answer.id) return;
      clearTimeout(slot.timer ?? undefined);
      slot.job = null;
      if ("html" in answer) job.resolve({ kind: "html", html: answer.html });
      else if ("nested" in answer) job.resolve({ kind: "nested" });
      else job.reject(new Error(`Rendering failed in the worker: ${answer.error}`));
    }
    this.pump();
  }

  /** A worker that failed or exited on its own: its render (if any) is told, and it is replaced. */
  private lost(slot: Slot, error: Error): void {
    if (!this.slots.has(slot)) return;
    const { job, ready } = slot;
    this.retire(slot);
    if (job) job.resolve({ kind: "crashed", reason: error.message });
    // A worker that never started (a missing file, a broken install) would fail the same way again:
    // fail what waits rather than start workers in a loop, unless another worker is still there.
    if (!ready && this.slots.size === 0) for (const waiting of this.queue.splice(0)) waiting.reject(error);
    this.pump();
  }

  private retire(slot: Slot): void {
    this.slots.delete(slot);
    clearTimeout(slot.timer ?? undefined);
    slot.job = null;
    void slot.worker.terminate();
  }
}
