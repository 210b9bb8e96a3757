import "server-only";
import type { LiveHub, LiveMessage } from "./hub";

/** A comment every so often, so proxies and browsers see the connection is alive. */
export const PING_MS = 20_000;
/** A stream ends after about this long and the browser reconnects (resuming): the session is checked again. */
export const MAX_STREAM_AGE_MS = 30 * 60_000;
/** Messages a client may leave unread before it is dropped (it reconnects and resyncs). */
const MAX_QUEUED = 200;

export const LIVE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: neither our compression (server.mjs) nor a proxy may buffer it to compress it.
  "Cache-Control": "no-cache, no-transform",
  // nginx: pass each event on at once (README: proxy_buffering off for /api/live).
  "X-Accel-Buffering": "no",
};

export type StreamOptions = {
  hub: LiveHub;
  topics: string[];
  address: string | null;
  lastEventId: string | null;
  signal: AbortSignal;
  pingMs?: number;
  maxAgeMs?: number;
};

const encoder = new TextEncoder();
const frame = (message: LiveMessage) => `id: ${message.id}\ndata: ${JSON.stringify(message.event)}\n\n`;

/**
 * An event stream on `topics`: a first comment, what the client missed since `lastEventId` (or a
 * `resync` event when that is not known here), a `ready` event carrying the id to resume from,
 * then each message as it is published, a ping every `pingMs`. Ends when the client goes away
 * (the signal), on shutdown (the hub), after `maxAgeMs`, or when the client stops reading.
 * Answers 503/429 when the limits are reached.
 */
export function openLiveStream(options: StreamOptions): Response {
  const { hub, topics, address, lastEventId, signal } = options;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let finished = false;
  let close = () => {};
  const timers: NodeJS.Timeout[] = [];

  const write = (text: string) => {
    if (finished) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED) return finish();
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      finish();
    }
  };
  const finish = (last?: string) => {
    if (finished) return;
    if (last) write(last);
    finished = true;
    close();
    for (const timer of timers) clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
    try {
      controller.close();
    } catch {
      // already closed or cancelled by the reader
    }
  };
  const onAbort = () => finish();

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      finish();
    },
  });

  const opened = hub.open(
    topics,
    {
      send: (message) => write(frame(message)),
      resync: () => write(`id: ${hub.lastId}\nevent: resync\ndata: {}\n\n`),
      // Reconnect in 1–5 s, spread out, to whichever instance is still serving.
      end: () => finish(`: the server is restarting\nretry: ${1000 + Math.floor(Math.random() * 4000)}\n\n`),
    },
    { address, lastEventId },
  );
  if (!opened.ok) {
    const status = opened.reason === "address-busy" ? 429 : 503;
    const message =
      opened.reason === "closing"
        ? "This server is restarting."
        : opened.reason === "busy"
          ? "Too many live connections here right now."
          : "Too many live connections from your address.";
    return Response.json({ error: message }, { status, headers: { "Retry-After": "10", "Cache-Control": "no-store" } });
  }
  close = opened.close;

  write(`: live updates for ${topics.length} topic(s)\nretry: 3000\n\n`);
  if (opened.replay === "resync") write(`event: resync\ndata: {}\n\n`);
  else for (const message of opened.replay) write(frame(message));
  write(`id: ${hub.lastId}\nevent: ready\ndata: {}\n\n`);

  const pingMs = options.pingMs ?? PING_MS;
  const ping = setInterval(() => write(": ping\n\n"), pingMs);
  ping.unref();
  timers.push(ping);
  const maxAgeMs = options.maxAgeMs ?? MAX_STREAM_AGE_MS;
  const age = setTimeout(() => finish(), maxAgeMs * (0.9 + Math.random() * 0.2));
  age.unref();
  timers.push(age);
  if (signal.aborted) finish();
  else signal.addEventListener("abort", onAbort);

  return new Response(stream, { headers: LIVE_HEADERS });
}
