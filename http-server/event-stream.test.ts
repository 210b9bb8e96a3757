import { once } from "node:events";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRoundRobinProxy } from "@/scripts/round-robin-proxy.mjs";
import { createCompression } from "./compress.mjs";
import { applyContentSecurityPolicy, noncePlaceholder } from "./csp.mjs";

// A live event stream goes through server.mjs's compression and CSP replacer, and through the
// round-robin proxy of the cluster leg, without being held back: each event arrives while the
// stream is still open.

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

const placeholder = noncePlaceholder("test-secret");
/** server.mjs's pipeline in front of `handler`. */
function app(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const compress = createCompression();
  return createServer((req, res) =>
    compress(req as never, res as never, () => {
      applyContentSecurityPolicy(req, res, { placeholder });
      handler(req, res);
    }),
  );
}

let closedUpstream = 0;
/** An event stream that sends one event and stays open (as GET /api/live does between events). */
const eventStream = (cacheControl: string) => (req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": cacheControl });
  res.write(": hello\n\n");
  res.write(`id: 1\ndata: ${JSON.stringify({ type: "post" })}\n\n`);
  req.on("close", () => closedUpstream++);
};

/** Resolves with the headers and the text received once `text` has arrived, the answer still open. */
function readUntil(port: number, text: string) {
  return new Promise<{ headers: IncomingMessage["headers"]; body: string; finished: boolean; stop: () => void }>(
    (resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/api/live", headers: { "accept-encoding": "gzip, br" } });
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
          if (body.includes(text))
            resolve({ headers: res.headers, body, finished: res.complete, stop: () => req.destroy() });
        });
      });
      req.on("error", reject);
      req.end();
      setTimeout(() => reject(new Error(`"${text}" did not arrive while the stream was open`)), 2_000).unref();
    },
  );
}

describe("event streams through server.mjs's pipeline", () => {
  it("are neither compressed nor buffered, with or without no-transform", async () => {
    for (const cacheControl of ["no-cache, no-transform", "no-cache"]) {
      const port = await listen(app(eventStream(cacheControl)));
      const answer = await readUntil(port, '"type":"post"');
      expect(answer.headers["content-encoding"], cacheControl).toBeUndefined();
      expect(answer.finished).toBe(false);
      answer.stop();
    }
  });

  it("while an HTML page is still compressed", async () => {
    const port = await listen(
      app((_req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(`<p>${"words ".repeat(500)}</p>`);
      }),
    );
    const [res] = (await once(
      request({ host: "127.0.0.1", port, path: "/", headers: { "accept-encoding": "gzip" } }).end(),
      "response",
    )) as [IncomingMessage];
    expect(res.headers["content-encoding"]).toBe("gzip");
    res.resume();
  });

  it("pass through the round-robin proxy as they come, and end upstream when the reader leaves", async () => {
    const upstream = await listen(app(eventStream("no-cache, no-transform")));
    const proxy = await listen(createRoundRobinProxy({ upstreams: [{ host: "127.0.0.1", port: upstream }] }));
    const before = closedUpstream;
    const answer = await readUntil(proxy, '"type":"post"');
    expect(answer.finished).toBe(false);
    answer.stop();
    await expect.poll(() => closedUpstream).toBe(before + 1);
  });
});

describe("the round-robin proxy (the cluster leg's)", () => {
  /** An instance that drops the connection of the first request it gets without answering, as one does when it closes a kept-alive socket the proxy is reusing. */
  function droppingFirst() {
    let seen = 0;
    return createServer((req, res) => {
      if (seen++ === 0) return req.socket.destroy();
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`${req.method} answered`);
    });
  }
  const send = (port: number, method: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/_next/static/chunks/a.js", method }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.end();
    });

  it("sends a GET once more when its connection dropped before any answer, instead of a 502", async () => {
    const upstream = await listen(droppingFirst());
    const proxy = await listen(createRoundRobinProxy({ upstreams: [{ host: "127.0.0.1", port: upstream }] }));
    expect(await send(proxy, "GET")).toEqual({ status: 200, body: "GET answered" });
  });

  it("never sends a POST twice: its dropped connection is a 502", async () => {
    const upstream = await listen(droppingFirst());
    const proxy = await listen(createRoundRobinProxy({ upstreams: [{ host: "127.0.0.1", port: upstream }] }));
    expect((await send(proxy, "POST")).status).toBe(502);
  });
});
