import { once } from "node:events";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER as APP_HEADER } from "@/lib/client-address-header";
import { CLIENT_ADDRESS_HEADER, parseTrustProxy, stampClientAddress } from "./client-address.mjs";
import { applyContentSecurityPolicy, contentSecurityPolicy, createReplacer, noncePlaceholder } from "./csp.mjs";
import { MAX_BODY_BYTES, refuseMalformed, withActionMarks } from "./requests.mjs";

// The pieces of server.mjs, each behind a real node:http server on a random port.

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

type Answer = { status: number; headers: IncomingMessage["headers"]; body: string };

function send(
  port: number,
  {
    method = "GET",
    path = "/",
    headers = {},
    body,
  }: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the client address", () => {
  const echo = (trust: string | undefined) => {
    const trustProxy = parseTrustProxy(trust);
    return serve((req, res) => {
      stampClientAddress(req, trustProxy);
      res.end(
        JSON.stringify({
          address: req.headers[CLIENT_ADDRESS_HEADER],
          forwarded: req.headers["x-forwarded-for"] ?? null,
        }),
      );
    });
  };

  it("is the header name the app reads", () => {
    expect(CLIENT_ADDRESS_HEADER).toBe(APP_HEADER);
  });

  it("is the socket's, whatever X-Forwarded-For, X-Real-IP or the header itself claim, when no proxy is trusted", async () => {
    const port = await echo(undefined);
    const claims: Record<string, string>[] = [
      { "x-forwarded-for": "203.0.113.7" },
      { "x-forwarded-for": "198.51.100.1, 203.0.113.8" },
      { "x-real-ip": "203.0.113.9" },
      { [CLIENT_ADDRESS_HEADER]: "203.0.113.10" },
      {},
    ];
    for (const headers of claims) {
      const answer = JSON.parse((await send(port, { headers })).body);
      expect(answer).toEqual({ address: "127.0.0.1", forwarded: null });
    }
  });

  it("with TRUST_PROXY=1, is the address our one proxy saw: the right-most X-Forwarded-For entry", async () => {
    const port = await echo("1");
    const answer = JSON.parse((await send(port, { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.7" } })).body);
    expect(answer.address).toBe("203.0.113.7");
    expect(JSON.parse((await send(port)).body).address).toBe("127.0.0.1");
  });

  it("with a list of proxies, is the right-most address that is not one of them", async () => {
    const port = await echo("loopback, 10.0.0.0/8");
    const forged = "6.6.6.6, 203.0.113.7, 10.1.2.3";
    expect(JSON.parse((await send(port, { headers: { "x-forwarded-for": forged } })).body).address).toBe("203.0.113.7");
  });

  it("refuses a TRUST_PROXY it cannot read", () => {
    expect(() => parseTrustProxy("not-an-address")).toThrow(/TRUST_PROXY/);
    expect(parseTrustProxy("false").trust).toBeNull();
    expect(parseTrustProxy("0").trust).toBeNull();
  });
});

describe("the script nonce", () => {
  const placeholder = noncePlaceholder("a secret");

  it("is replaced wherever a chunk boundary cuts the placeholder, and nowhere else changes", () => {
    const page = `<script nonce="${placeholder}">a</script><p>text</p><script nonce="${placeholder}">b</script>`;
    const nonce = "N".repeat(placeholder.length);
    const expected = page.replaceAll(placeholder, nonce);
    for (let cut = 0; cut <= page.length; cut++) {
      const replacer = createReplacer(placeholder, nonce);
      const out = Buffer.concat([
        replacer.push(Buffer.from(page.slice(0, cut))),
        replacer.push(Buffer.from(page.slice(cut))),
        replacer.flush(),
      ]);
      expect(out.toString()).toBe(expected);
    }
  });

  it("never writes into the buffer it is given (Next may hand out its cached page)", () => {
    const cached = Buffer.from(`<script nonce="${placeholder}"></script>`);
    const copy = Buffer.from(cached);
    createReplacer(placeholder, "x".repeat(placeholder.length)).push(cached);
    expect(cached.equals(copy)).toBe(true);
  });

  it("holds back nothing that cannot begin the placeholder", () => {
    const replacer = createReplacer(placeholder, "x".repeat(placeholder.length));
    expect(replacer.push(Buffer.from("<p>streamed</p>")).toString()).toBe("<p>streamed</p>");
  });

  it("is fresh on every answer, the one its policy names, on a page rendered once with the placeholder", async () => {
    const cachedPage = Buffer.from(
      `<html><script nonce="${placeholder}">go()</script><p>${"x".repeat(5000)}</p></html>`,
    );
    const port = await serve((req, res) => {
      applyContentSecurityPolicy(req, res, { placeholder });
      // What Next reads its nonce from: our placeholder, never what the client sent.
      expect(req.headers["content-security-policy"]).toBe(`script-src 'nonce-${placeholder}'`);
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Length", cachedPage.length);
      res.write(cachedPage.subarray(0, 20));
      res.end(cachedPage.subarray(20));
    });
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const answer = await send(port, {
        headers: { "content-security-policy": "script-src 'nonce-chosen-by-client'" },
      });
      const policy = String(answer.headers["content-security-policy"]);
      const nonce = /'nonce-([\w-]+)'/.exec(policy)![1]!;
      expect(answer.body).toContain(`<script nonce="${nonce}">go()</script>`);
      expect(answer.body).not.toContain(placeholder);
      expect(Buffer.byteLength(answer.body)).toBe(cachedPage.length);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  it("allows no inline script, eval or other site's script, and no framing", () => {
    const policy = contentSecurityPolicy("abc");
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src"))!;
    expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval|\*|https:/);
    expect(scripts).toContain("'nonce-abc'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(contentSecurityPolicy("abc", { https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("malformed requests", () => {
  const guarded = (status: number, { guardRuns }: { guardRuns: boolean }) =>
    serve((req, res) => {
      if (refuseMalformed(req, res)) return;
      withActionMarks(req, res, async () => {
        if (guardRuns) {
          const { markActionGuardRan } = await import("@/server/http/request-marks");
          markActionGuardRan();
        }
        req.resume();
        await once(req, "end");
        res.statusCode = status;
        res.end("flight");
      });
    });

  it("answers 413 to a body over the limit, and the client uploading it sees that answer", async () => {
    const port = await guarded(200, { guardRuns: true });
    const answer = await send(port, { method: "POST", body: Buffer.alloc(5 * MAX_BODY_BYTES, 97) });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/larger than 1 MB/);
  });

  it("answers 411 to a chunked body, which could dodge the limit", async () => {
    const port = await guarded(200, { guardRuns: true });
    const answer = await send(port, { method: "POST", headers: { "transfer-encoding": "chunked" }, body: "x" });
    expect(answer.status).toBe(411);
  });

  it("turns a 500 on an action request no guard saw (Next could not decode it) into 400", async () => {
    const port = await guarded(500, { guardRuns: false });
    const answer = await send(port, { method: "POST", headers: { "next-action": "abc" }, body: "garbage" });
    expect(answer.status).toBe(400);
  });

  it("leaves a 500 alone once the guard ran, and on requests that are not actions", async () => {
    expect(
      (
        await send(await guarded(500, { guardRuns: true }), {
          method: "POST",
          headers: { "next-action": "abc" },
          body: "{}",
        })
      ).status,
    ).toBe(500);
    expect((await send(await guarded(500, { guardRuns: false }), { method: "POST", body: "{}" })).status).toBe(500);
  });
});
