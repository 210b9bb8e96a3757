// What the *.redis.test.ts and *.pg.test.ts files share: clients on the test Redis (TEST_REDIS_URL), a key prefix
// of their own so files running in parallel never meet, and servers that are not there, or stop.
import { randomBytes } from "node:crypto";
import net from "node:net";
import { createClient } from "redis";
import { afterAll } from "vitest";
import type { RedisClient } from "./redis-client.mjs";

export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error("*.redis.test.ts files need TEST_REDIS_URL, a Redis server for tests");
  return url;
}

/** A prefix no other test file uses; its keys are deleted after the file. */
export function testPrefix(): string {
  const prefix = `dc-test:${randomBytes(6).toString("hex")}:`;
  afterAll(async () => {
    const client = await createClient({ url: testRedisUrl() }).connect();
    try {
      for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
        if (keys.length > 0) await client.del(keys);
      }
    } finally {
      client.destroy();
    }
  });
  return prefix;
}

/**
 * A client configured as the app's (redis-client.mjs: no offline queue, reconnecting in the
 * background), connected; closed after the file. Each is one app instance's connection.
 */
export async function connect(url = testRedisUrl()): Promise<RedisClient> {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: () => 50 },
  }) as unknown as RedisClient;
  client.on("error", () => {});
  afterAll(() => client.destroy());
  await client.connect();
  return client;
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A client of a Redis that is down: it keeps trying to connect; every command fails at once. */
export async function unreachableClient(): Promise<RedisClient> {
  const client = createClient({
    url: `redis://127.0.0.1:${await closedPort()}`,
    disableOfflineQueue: true,
    socket: { connectTimeout: 500, reconnectStrategy: () => 50 },
  }) as unknown as RedisClient;
  client.on("error", () => {});
  client.connect().catch(() => {});
  afterAll(() => client.destroy());
  return client;
}

/**
 * A TCP relay to a server (the test Redis unless told), so a test can take the server away from a
 * client that was connected to it, as when it stops: `cut()` closes the relay and every connection
 * through it. Its `url` is `target` with the relay's address.
 */
export async function relayTo(target = testRedisUrl()): Promise<{ url: string; cut: () => Promise<void> }> {
  const targetUrl = new URL(target);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(targetUrl.port), targetUrl.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const relayed = new URL(target);
  relayed.hostname = "127.0.0.1";
  relayed.port = String((server.address() as net.AddressInfo).port);
  const cut = async () => {
    const closed = new Promise((resolve) => server.close(resolve));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  afterAll(cut);
  return { url: relayed.toString(), cut };
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
