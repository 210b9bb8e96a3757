// @ts-check
// The HTTP server: Next.js behind the few things only a server that sees the socket can do.
//   node server.mjs [--dev] [-H host] [-p port]
// - the client's address, from the socket and TRUST_PROXY, for per-address limits
//   (http-server/client-address.mjs);
// - a Content-Security-Policy with a fresh script nonce on every answer, cached pages included
//   (http-server/csp.mjs), and HSTS when NEXTAUTH_URL is https;
// - 411/413/400 for malformed requests instead of Next's 500s (http-server/requests.mjs);
// - compression, after the nonce is written in (Next's own is off: next.config.ts), never of an
//   event stream (a compressor buffers: live updates would wait); the build's own JavaScript and
//   CSS compressed once, as small as brotli makes them, and served from memory
//   (http-server/static-assets.mjs; not in development);
// - a graceful shutdown on SIGTERM/SIGINT that ends the live event streams first.

import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import next from "next";
import { parseTrustProxy, stampClientAddress } from "./http-server/client-address.mjs";
import { createCompression } from "./http-server/compress.mjs";
import { applyContentSecurityPolicy, noncePlaceholder } from "./http-server/csp.mjs";
import { refuseMalformed, withActionMarks } from "./http-server/requests.mjs";
import { createStaticAssets } from "./http-server/static-assets.mjs";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    hostname: { type: "string", short: "H" },
    port: { type: "string", short: "p" },
  },
});

const dev = args.dev;
const dir = import.meta.dirname;
nextEnv.loadEnvConfig(dir, dev);

// Not $HOSTNAME: shells and containers set it to the machine's name.
const hostname = args.hostname ?? "0.0.0.0";
const port = Number(args.port ?? process.env.PORT ?? 3000);
const secret = process.env.NEXTAUTH_SECRET;
if (!secret) throw new Error("NEXTAUTH_SECRET is not set (npm start and npm run dev generate one into .env.local).");
const https = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
const placeholder = noncePlaceholder(secret);

const app = next({ dev, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const compress = createCompression();
// As next.config.ts's distDir.
const staticAssets = dev
  ? undefined
  : createStaticAssets({ distDir: path.join(dir, process.env.NEXT_DIST_DIR || ".next") });

const server = createServer((req, res) => {
  stampClientAddress(req, trustProxy);
  if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (refuseMalformed(req, res)) return;
  if (staticAssets?.serve(req, res)) return;
  compress(/** @type {never} */ (req), /** @type {never} */ (res), () => {
    applyContentSecurityPolicy(req, res, { placeholder, dev, https });
    withActionMarks(req, res, () =>
      Promise.resolve(handle(req, res)).catch((error) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("Internal error\n");
      }),
    );
  });
});

server.listen(port, hostname, () => {
  console.log(
    `> Debate Commons on http://${hostname}:${port} (${dev ? "development" : "production"}; trusted proxies: ${trustProxy.description})`,
  );
  void staticAssets?.warm().catch((error) => console.error("[static-assets]", error));
});

// Shutdown (SIGTERM, SIGINT): stop taking connections; end every live event stream, which would
// otherwise hold the server open (each browser is told to reconnect, to another instance or to
// this one restarted; server/live/hub.ts); let answers in flight finish, for up to 10 s; then exit
// as the signal would have. A second signal exits at once. (server/debates/pending-views.ts
// flushes its views on the same signal, meanwhile.)
const LIVE_HUB = Symbol.for("debate-commons.live-hub");
const SHUTDOWN_DEADLINE_MS = 10_000;
let stopping = false;
/** @param {NodeJS.Signals} signal */
function shutdown(signal) {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`> ${signal}: ending live streams and finishing answers in flight`);
  server.close();
  const hub = /** @type {{ shutdown?: () => Promise<void> } | undefined} */ (
    /** @type {Record<symbol, unknown>} */ (globalThis)[LIVE_HUB]
  );
  const ended = Promise.resolve(hub?.shutdown?.()).catch((error) => console.error("[live] shutdown:", error));
  // Connections whose answer has ended are closed as they fall idle (server.close only closes those idle now).
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_DEADLINE_MS);
  const closed = new Promise((resolve) => server.once("close", resolve));
  void Promise.all([ended, closed]).then(() => {
    clearInterval(idle);
    clearTimeout(deadline);
    for (const s of EXIT_SIGNALS) process.off(s, shutdown);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}
const EXIT_SIGNALS = /** @type {const} */ (["SIGTERM", "SIGINT"]);
for (const signal of EXIT_SIGNALS) process.on(signal, shutdown);
