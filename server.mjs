// @ts-check
// The HTTP server: Next.js behind the few things only a server that sees the socket can do.
//   node server.mjs [--dev] [-H host] [-p port]
// - the client's address, from the socket and TRUST_PROXY, for per-address limits
//   (http-server/client-address.mjs);
// - a Content-Security-Policy with a fresh script nonce on every answer, cached pages included
//   (http-server/csp.mjs), and HSTS when NEXTAUTH_URL is https;
// - 411/413/400 for malformed requests instead of Next's 500s (http-server/requests.mjs);
// - compression, after the nonce is written in (Next's own is off: next.config.ts).

import { createServer } from "node:http";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import compression from "compression";
import next from "next";
import { parseTrustProxy, stampClientAddress } from "./http-server/client-address.mjs";
import { applyContentSecurityPolicy, noncePlaceholder } from "./http-server/csp.mjs";
import { refuseMalformed, withActionMarks } from "./http-server/requests.mjs";

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

const compress = compression();

const server = createServer((req, res) => {
  stampClientAddress(req, trustProxy);
  if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (refuseMalformed(req, res)) return;
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
});
