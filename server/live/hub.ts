import "server-only";
import { randomBytes } from "node:crypto";
import type { RedisClient } from "@/cache-handlers/redis-client.mjs";
import { topicsOf, type LiveEvent } from "@/lib/live-events";

/** One event as streams send it: its id (for Last-Event-ID) and what happened. */
export type LiveMessage = { id: string; event: LiveEvent };

/** What an open stream gives the hub: how to send it a message, and how to end it. */
export type LiveSink = {
  send: (message: LiveMessage) => void;
  /** Tells the client to refetch what it shows: messages may have been missed. */
  resync: () => void;
  /** Ends the stream (shutdown): a last word, then the end. */
  end: () => void;
};

export type OpenResult =
  | { ok: true; close: () => void; replay: LiveMessage[] | "resync" }
  | { ok: false; reason: "closing" | "busy" | "address-busy" };

export type LiveHubOptions = {
  /** Redis pub/sub across instances: the client to publish with (its duplicate subscribes), and the channel. */
  redis?: { client: () => Promise<RedisClient | null>; channel: string } | null;
  /** Open streams this process keeps at most, and per client address. */
  maxStreams?: number;
  maxStreamsPerAddress?: number;
  /** How many recent messages are kept so a client that reconnects is sent what it missed. */
  replaySize?: number;
};

/** Matches the shape a message has on the Redis channel. */
type Wire = { origin: string; id: string; event: LiveEvent };

/**
 * The process's live streams and the events they are sent. Streams subscribe to topics; an event
 * published here goes to this process's streams at once and, with Redis, onto one channel every
 * instance's hub listens to over one dedicated connection, so a post made through instance A
 * reaches a reader connected to instance B. Each message keeps the id its publisher gave it on
 * every instance, and the last `replaySize` are kept (in the order this hub saw them), so a client
 * that reconnects with Last-Event-ID to any instance that saw that id is sent what came after.
 */
export class LiveHub {
  readonly origin = randomBytes(6).toString("base64url");
  private sequence = 0;
  private readonly byTopic = new Map<string, Set<LiveSink>>();
  private readonly sinks = new Set<LiveSink>();
  private readonly perAddress = new Map<string, number>();
  private readonly recent: LiveMessage[] = [];
  /** Whether `recent` still holds everything this hub has seen (nothing dropped off its end). */
  private complete = true;
  private closing = false;
  private subscriber: RedisClient | null = null;
  private subscribing: Promise<void> | null = null;
  private subscribeFailureLogged = 0;
  private readonly maxStreams: number;
  private readonly maxPerAddress: number;
  private readonly replaySize: number;

  /** The id a stream is told before any event: "nothing yet, from this hub's beginning". */
  readonly startId = `${this.origin}.start`;

  constructor(private readonly options: LiveHubOptions = {}) {
    this.maxStreams = options.maxStreams ?? 1000;
    this.maxPerAddress = options.maxStreamsPerAddress ?? 20;
    this.replaySize = options.replaySize ?? 500;
  }

  get isClosing(): boolean {
    return this.closing;
  }

  /** How many streams are open (tests, limits). */
  get size(): number {
    return this.sinks.size;
  }

  /** The id of the newest message this hub has seen, which a new stream starts from. */
  get lastId(): string {
    return this.recent.at(-1)?.id ?? this.startId;
  }

  /**
   * Opens a stream on `topics`, if the limits allow. `lastEventId` is what the client saw last:
   * the messages since then on its topics are handed back to replay, or "resync" when this hub
   * no longer knows (or never knew) that id.
   */
  open(
    topics: string[],
    sink: LiveSink,
    { address, lastEventId }: { address: string | null; lastEventId?: string | null },
  ): OpenResult {
    if (this.closing) return { ok: false, reason: "closing" };
    if (this.sinks.size >= this.maxStreams) return { ok: false, reason: "busy" };
    if (address !== null && (this.perAddress.get(address) ?? 0) >= this.maxPerAddress) {
      return { ok: false, reason: "address-busy" };
    }
    this.sinks.add(sink);
    if (address !== null) this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    for (const topic of topics) {
      let set = this.byTopic.get(topic);
      if (!set) this.byTopic.set(topic, (set = new Set()));
      set.add(sink);
    }
    if (this.options.redis) void this.subscribe();

    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      this.sinks.delete(sink);
      if (address !== null) {
        const left = (this.perAddress.get(address) ?? 1) - 1;
        if (left > 0) this.perAddress.set(address, left);
        else this.perAddress.delete(address);
      }
      for (const topic of topics) {
        const set = this.byTopic.get(topic);
        set?.delete(sink);
        if (set?.size === 0) this.byTopic.delete(topic);
      }
    };
    return { ok: true, close, replay: lastEventId ? this.since(lastEventId, new Set(topics)) : [] };
  }

  /** The messages after `id` on these topics, or "resync" when this hub cannot say. */
  private since(id: string, topics: Set<string>): LiveMessage[] | "resync" {
    let from: number;
    if (id === this.startId && this.complete) from = 0;
    else {
      const at = this.recent.findIndex((message) => message.id === id);
      if (at === -1) return "resync";
      from = at + 1;
    }
    return this.recent.slice(from).filter((message) => topicsOf(message.event).some((topic) => topics.has(topic)));
  }

  /**
   * Sends the event to this process's streams and, with Redis, to every other instance's. Throws
   * when Redis refused it (publishLive logs that): this process's streams have it by then.
   */
  async publish(event: LiveEvent): Promise<void> {
    const message = { id: `${this.origin}.${++this.sequence}`, event };
    this.deliver(message);
    const redis = this.options.redis;
    if (!redis) return;
    const client = await redis.client();
    if (!client) return;
    await client.publish(redis.channel, JSON.stringify({ origin: this.origin, ...message } satisfies Wire));
  }

  /** Keeps the message for replay and hands it to every stream on one of its topics. */
  private deliver(message: LiveMessage): void {
    this.recent.push(message);
    if (this.recent.length > this.replaySize) {
      this.recent.shift();
      this.complete = false;
    }
    const reached = new Set<LiveSink>();
    for (const topic of topicsOf(message.event)) {
      for (const sink of this.byTopic.get(topic) ?? []) reached.add(sink);
    }
    for (const sink of reached) {
      try {
        sink.send(message);
      } catch (error) {
        console.error("[live] a stream refused a message:", error);
      }
    }
  }

  /** One dedicated connection in subscribe mode (node-redis needs one), opened with the first stream. */
  private subscribe(): Promise<void> {
    const redis = this.options.redis;
    if (!redis || this.subscriber) return Promise.resolve();
    return (this.subscribing ??= (async () => {
      try {
        const client = await redis.client();
        if (!client || this.closing) return;
        const subscriber = client.duplicate() as RedisClient;
        let lastLogged = 0;
        let lost = false;
        subscriber.on("error", (error: unknown) => {
          lost = true;
          if (Date.now() - lastLogged > 10_000) {
            lastLogged = Date.now();
            console.error("[live] Redis subscriber:", error instanceof Error ? error.message : error);
          }
        });
        // Back after an outage: what was published meanwhile never arrived; every stream refetches.
        subscriber.on("ready", () => {
          if (!lost) return;
          lost = false;
          this.complete = false;
          this.recent.length = 0;
          for (const sink of this.sinks) sink.resync();
        });
        await subscriber.connect();
        await subscriber.subscribe(redis.channel, (raw: string) => this.receive(raw));
        this.subscriber = subscriber;
      } catch (error) {
        if (Date.now() - this.subscribeFailureLogged > 10_000) {
          this.subscribeFailureLogged = Date.now();
          console.error(
            "[live] cannot subscribe to Redis (events from other instances will not arrive):",
            error instanceof Error ? error.message : error,
          );
        }
        // Try again shortly while streams are open; a new stream tries too.
        setTimeout(() => {
          if (this.sinks.size > 0 && !this.closing) void this.subscribe();
        }, 5_000).unref();
      } finally {
        this.subscribing = null;
      }
    })());
  }

  /** A message from the channel: another instance's (this hub delivered its own already). */
  private receive(raw: string): void {
    let wire: Wire;
    try {
      wire = JSON.parse(raw) as Wire;
    } catch {
      return;
    }
    if (wire.origin === this.origin || typeof wire.id !== "string" || !wire.event) return;
    this.deliver({ id: wire.id, event: wire.event });
  }

  /** Waits until the subscriber is listening (tests: a message published before then is not received). */
  async ready(): Promise<void> {
    await this.subscribe();
  }

  /**
   * Shutdown: refuses new streams, ends every open one (each client is told to come back, to
   * another instance or this one restarted), and closes the subscriber connection.
   */
  async shutdown(): Promise<void> {
    this.closing = true;
    for (const sink of [...this.sinks]) {
      try {
        sink.end();
      } catch (error) {
        console.error("[live] could not end a stream:", error);
      }
    }
    await this.subscribing;
    const subscriber = this.subscriber;
    this.subscriber = null;
    if (subscriber) await subscriber.close().catch(() => subscriber.destroy());
  }
}
