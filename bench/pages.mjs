// npm run bench:pages — how heavy each kind of page is for a reader, as figures, not as a pass/fail.
// Starts server.mjs from the current build (run `npm run build` first; NEXT_DIST_DIR picks another
// build folder) on a free port against DATABASE_URL, as `npm start` serves it (compression, CSP),
// and for the home page, the seeded debate, one of its subheadings and a permalink prints:
// - the HTML's bytes, uncompressed and as sent compressed (Accept-Encoding: br, gzip);
// - the page's height in Chromium at 1280 and 390 px wide;
// - the JavaScript a first visit downloads: the sum over its script responses, uncompressed and
//   as sent compressed (each script fetched again with Accept-Encoding: br, gzip);
// - how many requests that first visit makes (until the network has been quiet for a second), and
//   the bytes of Next's prefetches of linked pages among them (uncompressed).
// BENCH_SCRIPTS=1 also lists each page's scripts with their sizes (which code a page pulls in).
// Chromium is Debian's /usr/bin/chromium (CHROMIUM_PATH overrides it), as in playwright.config.ts.
import { existsSync } from "node:fs";
import { request } from "node:http";
import { chromium } from "playwright";
import { startServer } from "./server.mjs";

const DEBATE = "/debates/p2p-and-marxism";
const SUBHEADING = `${DEBATE}/the-state`;
const ACCEPT = "br, gzip";
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const { base, stop } = await startServer({ app: true });

/** The bytes of one answer as they came over the wire (not decoded), and how they were encoded. */
function wire(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "Accept-Encoding": acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk) => (bytes += chunk.length));
      res.on("end", () =>
        resolve({
          status: res.statusCode,
          bytes,
          encoding: res.headers["content-encoding"] ?? "identity",
          // The build's files come from server.mjs's store (brotli 11) with a length; before they
          // are compressed, Next streams them through the general compression without one.
          stored: res.headers["content-length"] !== undefined,
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function html(path) {
  const plain = await wire(base + path, "identity");
  const sent = await wire(base + path, ACCEPT);
  if (plain.status !== 200) throw new Error(`${path}: HTTP ${plain.status}`);
  return { bytes: plain.bytes, sent: sent.bytes, encoding: sent.encoding };
}

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });

/** Resolves once no request has started or ended for `quietMs` (an open event stream does not count). */
function quiet(page, quietMs = 1000, maxMs = 8000) {
  let last = Date.now();
  const touch = () => (last = Date.now());
  page.on("request", touch);
  page.on("requestfinished", touch);
  page.on("requestfailed", touch);
  const started = Date.now();
  return new Promise((resolve) => {
    const check = setInterval(() => {
      if (Date.now() - last >= quietMs || Date.now() - started >= maxMs) {
        clearInterval(check);
        resolve();
      }
    }, 100);
  });
}

/** A first visit in a fresh browser context: its height, its requests and its scripts. */
async function visit(path, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests = [];
  const scripts = new Map();
  const reading = [];
  page.on("request", (r) => requests.push(r.url()));
  let prefetched = 0;
  page.on("response", (response) => {
    // Next's prefetches of the pages linked from this one (RSC payloads), counted apart.
    if (new URL(response.url()).searchParams.has("_rsc")) {
      reading.push(
        response.body().then(
          (body) => (prefetched += body.length),
          () => {},
        ),
      );
      return;
    }
    if (response.request().resourceType() !== "script") return;
    reading.push(
      response.body().then(
        (body) => scripts.set(response.url(), body.length),
        () => scripts.set(response.url(), 0),
      ),
    );
  });
  const settled = quiet(page);
  await page.goto(base + path, { waitUntil: "load" });
  await settled;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await Promise.all(reading);
  await context.close();
  return { height, requests: requests.filter((u) => !u.startsWith("data:")).length, scripts, prefetched };
}

/**
 * A script as served once server.mjs has compressed it (it does so in the background after
 * starting, largest first): asked again for up to 30 s until it comes from that store, so the
 * first figures are not the general compression's.
 */
async function compressedScript(url) {
  for (let tries = 0; ; tries++) {
    const answer = await wire(url, ACCEPT);
    if (answer.stored || answer.encoding === "identity" || tries >= 60) return answer;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function measure(path) {
  const page = await html(path);
  const wide = await visit(path, 1280);
  const narrow = await visit(path, 390);
  let jsSent = 0;
  let js = 0;
  const each = [];
  for (const [url, bytes] of wide.scripts) {
    const sent = (await compressedScript(url)).bytes;
    js += bytes;
    jsSent += sent;
    each.push({ url: new URL(url).pathname, bytes, sent });
  }
  return {
    path,
    ...page,
    wide: wide.height,
    narrow: narrow.height,
    js,
    jsSent,
    scripts: wide.scripts.size,
    requests: wide.requests,
    prefetched: wide.prefetched,
    each,
  };
}

const subheading = await (await fetch(base + SUBHEADING)).text();
const permalink = subheading.match(/href="(\/debates\/p2p-and-marxism\/posts\/[^"#]+)/)?.[1];
const paths = ["/", DEBATE, SUBHEADING, permalink].filter(Boolean);
for (const path of paths) await fetch(base + path); // render each page once: measure the cached page

const kb = (bytes) => (bytes / 1024).toFixed(1);
const rows = [];
for (const path of paths) rows.push(await measure(path));
console.log(`pages: ${base} (${process.env.NEXT_DIST_DIR || ".next"}), Chromium ${browser.version()}`);
console.log(
  "page".padEnd(48),
  "HTML KB".padStart(8),
  "sent KB".padStart(8),
  "px @1280".padStart(9),
  "px @390".padStart(8),
  "JS KB".padStart(7),
  "JS sent".padStart(8),
  "scripts".padStart(8),
  "requests".padStart(9),
  "prefetch KB".padStart(12),
);
for (const r of rows) {
  console.log(
    r.path.padEnd(48),
    kb(r.bytes).padStart(8),
    kb(r.sent).padStart(8),
    String(r.wide).padStart(9),
    String(r.narrow).padStart(8),
    kb(r.js).padStart(7),
    kb(r.jsSent).padStart(8),
    String(r.scripts).padStart(8),
    String(r.requests).padStart(9),
    kb(r.prefetched).padStart(12),
  );
}
if (process.env.BENCH_SCRIPTS) {
  for (const r of rows) {
    console.log(`\n${r.path}`);
    for (const s of r.each.sort((a, b) => b.sent - a.sent)) {
      console.log("  ", s.url.padEnd(48), kb(s.bytes).padStart(7), kb(s.sent).padStart(8));
    }
  }
}
console.log(`(sent: as served with Accept-Encoding: ${ACCEPT}, here ${rows[0]?.encoding}; KB = 1,024 bytes)`);
await browser.close();
stop();
process.exit(0);
