import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Playwright evaluates this file again in every worker: choose the port and the database once,
// in the main process, and hand them down through the environment.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ])
    .toString()
    .trim();
}
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "debate-commons-e2e-"));
process.env.E2E_SECRET ??= randomBytes(32).toString("base64url");
// Redis keys of this run only (the cluster leg): counts and tags left by other runs never reach it.
process.env.E2E_REDIS_PREFIX ??= `e2e-${randomBytes(4).toString("hex")}:`;

const port = process.env.E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

// Two legs (scripts/test-scale.sh runs the second): one instance on SQLite, the default; or, with
// E2E_INSTANCES=n, E2E_PG_URL and E2E_REDIS_URL, n instances on PostgreSQL + Redis behind a
// round-robin proxy (scripts/cluster.mjs), so consecutive requests of every spec reach different
// instances, and e2e/instances.spec.ts writes through one and reads through another.
const instances = Number(process.env.E2E_INSTANCES ?? 1);
const cluster = instances > 1;
function clusterDatabaseUrl(): string {
  const server = process.env.E2E_PG_URL;
  if (!server || !process.env.E2E_REDIS_URL) throw new Error("E2E_INSTANCES > 1 needs E2E_PG_URL and E2E_REDIS_URL");
  const url = new URL(server);
  url.pathname = "/dc_e2e";
  return url.toString();
}
process.env.E2E_DATABASE_URL ??= cluster
  ? clusterDatabaseUrl()
  : `file:${path.join(process.env.E2E_DATA_DIR, "e2e.db")}`;
const databaseUrl = process.env.E2E_DATABASE_URL;
// Debian's chromium by default (browsers cannot be downloaded here); CHROMIUM_PATH overrides it,
// and with neither, Playwright's own downloaded browser is used.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    // Dates are localised in the browser (components/local-times.tsx): one locale and zone for every run.
    locale: "en-GB",
    timezoneId: "UTC",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // The reading specs assert the seed exactly as imported, so they run before any spec that
  // writes to the seeded debate (the newcomer journey posts under its subheadings).
  projects: [
    { name: "reading", use: { ...devices["Desktop Chrome"] }, testMatch: /reading\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /responsive\.spec\.ts/ },
    {
      name: "staff",
      use: { ...devices["Desktop Chrome"] },
      testMatch: /staff\.setup\.ts/,
      dependencies: ["reading", "phone"],
    },
    {
      name: "writing",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: /(reading|responsive)\.spec\.ts|\.setup\.ts/,
      dependencies: ["staff"],
    },
  ],
  webServer: {
    // A fresh database, migrated and seeded, and a production build of its own (.next-e2e),
    // so a running `npm start` is never disturbed.
    command: cluster
      ? `node scripts/cluster.mjs ${instances} --port ${port} --fresh-database`
      : `npm run db:setup && next build && node server.mjs -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      // Never a Redis the developer's shell happens to export: the single instance keeps its cache in memory.
      REDIS_URL: cluster ? process.env.E2E_REDIS_URL! : "",
      REDIS_PREFIX: process.env.E2E_REDIS_PREFIX,
      NEXT_DIST_DIR: ".next-e2e",
      NEXTAUTH_SECRET: process.env.E2E_SECRET,
      NEXTAUTH_URL: baseURL,
      ADMIN_EMAILS: "admin@e2e.test",
      // The suite plays many visitors from one machine: each browser sends its own X-Forwarded-For
      // (e2e/accounts.ts), which server.mjs believes only from a proxy on loopback, as configured
      // here. Without TRUST_PROXY the header is dropped (http-server/http-server.test.ts).
      TRUST_PROXY: "loopback",
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
});
