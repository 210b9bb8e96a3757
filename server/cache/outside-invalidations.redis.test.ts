// Command-line writes (npm run user:role, npm run db:import) while servers that share Redis run:
// the script invalidates the servers' tag store in Redis itself.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { now } from "@/cache-handlers/clock.mjs";
import { closedPort, connect, testPrefix, testRedisUrl } from "@/cache-handlers/test-servers";
import { createRedisTagStore } from "@/cache-handlers/redis-tag-store.mjs";
import { cacheTags } from "@/lib/cache-tags";
import { createMember } from "@/test/factories";
import { db } from "../db";
import { recordOutsideInvalidation } from "./outside-invalidations";

const prefix = testPrefix();
const servers = createRedisTagStore({ client: await connect(), prefix });

describe("outside invalidations with Redis", () => {
  it("npm run user:role expires the servers' cached pages through Redis, then exits", async () => {
    const member = await createMember();
    const cachedAt = now(); // a server cached the member's posts, without a staff badge
    const script = spawn(
      process.execPath,
      [
        path.resolve("node_modules/tsx/dist/cli.mjs"),
        "--conditions=react-server",
        "scripts/user-role.ts",
        `${member.name}@example.test`,
        "moderator",
      ],
      { env: { ...process.env, REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    script.stdout.on("data", (chunk) => (output += chunk));
    script.stderr.on("data", (chunk) => (output += chunk));
    // It exits by itself: no connection is left open behind it.
    expect(await new Promise((resolve) => script.on("exit", resolve)), output).toBe(0);

    expect(await servers.invalidatedAfter([cacheTags.author(member.id)], cachedAt)).toBe(true);
    expect(await servers.invalidatedAfter([cacheTags.moderationLog()], cachedAt)).toBe(true);
    expect(await db.cacheInvalidation.count()).toBe(0); // no server reads the table then
  }, 60_000);

  it("fails the command when Redis cannot be reached, rather than leave the servers' caches stale", async () => {
    vi.stubEnv("REDIS_URL", `redis://127.0.0.1:${await closedPort()}`);
    try {
      await expect(recordOutsideInvalidation(db, [cacheTags.debateList()])).rejects.toThrow();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await db.cacheInvalidation.count()).toBe(0);
  });
});
