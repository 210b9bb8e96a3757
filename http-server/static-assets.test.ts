import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { securityHeaders } from "./security-headers.mjs";
import { COMPRESS, chooseCoding, createStaticAssets, resolveInside } from "./static-assets.mjs";

// A build folder of our own: <tmp>/dist/static/… as Next writes it, with files beside and outside
// it that no request may reach, behind a real node:http server whose "Next" answers 404.

let base: string;
let distDir: string;
const js = Buffer.from(
  Array.from(
    { length: 4000 },
    (_, i) => `export function f${i}(a,b){return a*${i % 97}+b.map(x=>x+"${(i * 7919) % 10007}").join(",")}\n`,
  ).join(""),
);
const css = Buffer.from(".a{color:red}\n".repeat(200));

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), "static-assets-"));
  distDir = path.join(base, "dist");
  mkdirSync(path.join(distDir, "static", "chunks", "app", "[slug]"), { recursive: true });
  mkdirSync(path.join(distDir, "static", "media"), { recursive: true });
  mkdirSync(path.join(distDir, "server"), { recursive: true });
  writeFileSync(path.join(distDir, "static", "chunks", "main-abc123.js"), js);
  writeFileSync(path.join(distDir, "static", "chunks", "app", "[slug]", "page-def456.js"), "console.log(1)\n");
  writeFileSync(path.join(distDir, "static", "chunks", "styles-789.css"), css);
  writeFileSync(path.join(distDir, "static", "media", "logo.svg"), "<svg/>");
  writeFileSync(path.join(distDir, "server", "secret.js"), "const secret = 1;\n");
  writeFileSync(path.join(base, "outside.js"), "const outside = 1;\n");
  symlinkSync(path.join(base, "outside.js"), path.join(distDir, "static", "chunks", "link.js"));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

async function serve() {
  const assets = createStaticAssets({ distDir });
  const server = createServer((req, res) => {
    if (assets.serve(req, res)) return;
    res.writeHead(404, { "X-Next": "1" }).end("from Next");
  });
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  await assets.warm();
  return { port: (server.address() as AddressInfo).port, assets };
}

type Answer = { status: number; headers: IncomingMessage["headers"]; body: Buffer; next: boolean };

function send(port: number, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(chunks),
          next: res.headers["x-next"] === "1",
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** Asks until the answer does not come from "Next" (a compression was under way), or gives up. */
async function sendUntilServed(port: number, path: string, headers: Record<string, string>) {
  for (let i = 0; i < 200; i++) {
    const answer = await send(port, path, headers);
    if (!answer.next) return answer;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${path} was never served from memory`);
}

const MAIN = "/_next/static/chunks/main-abc123.js";
const q11 = (data: Buffer) =>
  brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  });

describe("the build's static files", () => {
  it("are sent as brotli at quality 11, with Next's headers", async () => {
    const { port } = await serve();
    const answer = await send(port, MAIN, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(answer.status).toBe(200);
    expect(answer.next).toBe(false);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(answer.body).equals(js)).toBe(true);
    expect(answer.body.length).toBeLessThanOrEqual(q11(js).length);
    expect(answer.body.length).toBeLessThan(js.length / 4);
    expect(answer.headers).toMatchObject({
      "content-type": "application/javascript; charset=UTF-8",
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
      "content-length": String(answer.body.length),
    });
    expect(new Date(answer.headers["last-modified"]!).getTime()).toBeGreaterThan(0);
    for (const { key, value } of securityHeaders) expect(answer.headers[key.toLowerCase()]).toBe(value);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("sends CSS as text/css, and a file under an encoded [segment]", async () => {
    const { port } = await serve();
    const style = await send(port, "/_next/static/chunks/styles-789.css", { "accept-encoding": "br" });
    expect(style.headers["content-type"]).toBe("text/css; charset=UTF-8");
    expect(brotliDecompressSync(style.body).equals(css)).toBe(true);
    const page = await send(port, "/_next/static/chunks/app/%5Bslug%5D/page-def456.js?dpl=x", {
      "accept-encoding": "br",
    });
    expect(page.next).toBe(false);
    expect(brotliDecompressSync(page.body).toString()).toBe("console.log(1)\n");
  });

  it("are sent gzipped (level 9) to a client that takes gzip and not br", async () => {
    const { port } = await serve();
    for (const accept of ["gzip", "br;q=0, gzip", "gzip;q=1, br;q=0.5", "x-gzip"]) {
      const answer = await sendUntilServed(port, MAIN, { "accept-encoding": accept });
      expect(answer.headers["content-encoding"], accept).toBe("gzip");
      expect(gunzipSync(answer.body).equals(js)).toBe(true);
      expect(answer.headers["content-length"]).toBe(String(answer.body.length));
    }
  });

  it("are left to Next when the client takes neither br nor gzip", async () => {
    const { port } = await serve();
    for (const accept of [undefined, "identity", "deflate", "br;q=0, gzip;q=0", "identity;q=1, br;q=0.5", "*;q=0"]) {
      const answer = await send(port, MAIN, accept === undefined ? {} : { "accept-encoding": accept });
      expect(answer.next, String(accept)).toBe(true);
    }
  });

  it("are left to Next for ranges, revalidation, other methods and other types", async () => {
    const { port } = await serve();
    const br = { "accept-encoding": "br" };
    expect((await send(port, MAIN, { ...br, range: "bytes=0-10" })).next).toBe(true);
    expect((await send(port, MAIN, { ...br, "if-modified-since": new Date().toUTCString() })).next).toBe(true);
    expect((await send(port, MAIN, { ...br, "if-none-match": '"x"' })).next).toBe(true);
    expect((await send(port, MAIN, br, "POST")).next).toBe(true);
    expect((await send(port, "/_next/static/media/logo.svg", br)).next).toBe(true);
    expect((await send(port, "/chunks/main-abc123.js", br)).next).toBe(true);
  });

  it("answer HEAD with the headers and no body", async () => {
    const { port } = await serve();
    const get = await send(port, MAIN, { "accept-encoding": "br" });
    const head = await send(port, MAIN, { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.next).toBe(false);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(get.body.length));
    expect(head.headers["content-encoding"]).toBe("br");
  });

  it("leave a missing file to Next, every time", async () => {
    const { port } = await serve();
    for (let i = 0; i < 3; i++) {
      const answer = await send(port, "/_next/static/chunks/missing.js", { "accept-encoding": "br" });
      expect(answer.next).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
    }
  });

  it("never serve anything outside the folder, however the path is written", async () => {
    const { port } = await serve();
    const attempts = [
      "/_next/static/../server/secret.js",
      "/_next/static/../../outside.js",
      "/_next/static/%2e%2e/server/secret.js",
      "/_next/static/%2E%2E/%2e%2e/outside.js",
      "/_next/static/chunks/..%2f..%2fserver%2fsecret.js",
      "/_next/static/chunks%2f..%2f..%2fserver%2fsecret.js",
      "/_next/static/..\\server\\secret.js",
      "/_next/static/chunks%5c..%5c..%5cserver%5csecret.js",
      "/_next/static/chunks/main-abc123.js%00.js",
      "/_next/static/./chunks/main-abc123.js",
      "/_next/static//chunks/main-abc123.js",
      "/_next/static/chunks/link.js",
      "/_next/static/%E0%A4%A.js",
    ];
    for (let round = 0; round < 2; round++) {
      for (const attempt of attempts) {
        const answer = await send(port, attempt, { "accept-encoding": "br" });
        expect(answer.next, attempt).toBe(true);
      }
      await new Promise((r) => setTimeout(r, 50)); // anything started by the first round has ended
    }
    const root = path.join(distDir, "static");
    for (const attempt of attempts.slice(0, -2)) expect(resolveInside(attempt.split("?")[0]!, root)).toBeUndefined();
  });

  it("compress a file once, however many requests ask for it at first", async () => {
    const assets = createStaticAssets({ distDir });
    const server = createServer((req, res) => {
      if (!assets.serve(req, res)) res.writeHead(404, { "X-Next": "1" }).end();
    });
    servers.push(server);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const port = (server.address() as AddressInfo).port;
    await send(port, "/_next/static/chunks/missing.js"); // until the folder is known, everything goes on
    const gzip = vi.spyOn(COMPRESS, "gzip");
    const first = await Promise.all(Array.from({ length: 5 }, () => send(port, MAIN, { "accept-encoding": "gzip" })));
    // No request waits for a compression: the first went on to Next while it ran.
    expect(first.some((a) => a.next)).toBe(true);
    const served = await sendUntilServed(port, MAIN, { "accept-encoding": "gzip" });
    expect(gunzipSync(served.body).equals(js)).toBe(true);
    await send(port, MAIN, { "accept-encoding": "gzip" });
    expect(gzip).toHaveBeenCalledTimes(1);
  });
});

describe("choosing the encoding", () => {
  it("honours q-values, prefers br on a tie, and lets identity or nothing win", () => {
    expect(chooseCoding("gzip, deflate, br")).toBe("br");
    expect(chooseCoding("br;q=0.8, gzip")).toBe("gzip");
    expect(chooseCoding("BR;Q=0.9, gzip;q=0.5")).toBe("br");
    expect(chooseCoding("*")).toBe("br");
    expect(chooseCoding("gzip;q=0.5, *;q=0.1")).toBe("gzip");
    expect(chooseCoding("identity")).toBeUndefined();
    expect(chooseCoding("br;q=0.5, identity")).toBeUndefined();
    expect(chooseCoding("br;q=nonsense")).toBeUndefined();
    expect(chooseCoding("")).toBeUndefined();
    expect(chooseCoding(undefined)).toBeUndefined();
  });
});
