// @ts-check
// Next's build assets (/_next/static/**: content-hashed JavaScript and CSS that never change under
// their name) compressed as hard as brotli goes (quality 11; gzip level 9 for clients without br),
// once per file and encoding, and kept in memory. The general compression (compress.mjs) has to be
// quick, for pages rendered per request, so it runs brotli at quality 4; for the framework
// JavaScript every first visit downloads, quality 11 sends about a sixth less.
//
// Only what can be sent exactly as Next would is answered here: a plain GET or HEAD (no Range, no
// conditional) of a .js or .css file that is a regular file inside <distDir>/static, from a client
// that accepts br or gzip. Anything else (a path that tries to leave the folder, however encoded, a
// file that is not there, another type, a client that wants it uncompressed) goes on to Next,
// which serves or refuses it as ever.
//
// Quality 11 is slow: about 1.4 s for the build's largest chunk (400 KB). No request waits for it:
// until a file's compressed copy is ready, its requests go on to Next (and compress.mjs) as before,
// and the one compression they started (shared: never two at once for the same file and coding)
// runs on the thread pool. warm() compresses every asset as br, one at a time, after startup.
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { LRUCache } from "lru-cache";
import { securityHeaders } from "./security-headers.mjs";

const PREFIX = "/_next/static/";

/** What Next sends these types as (send's mime types); other files are left to Next. */
const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
});

/** The build's files are a fixed set, well under 1 MB compressed; this only keeps a bug from growing. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** @typedef {"br" | "gzip"} Coding */
/** @typedef {{ body: Buffer, lastModified: string }} Entry */

/** @type {Record<Coding, (data: Buffer) => Promise<Buffer>>} */
export const COMPRESS = {
  br: (data) =>
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gzip: (data) => gzipAsync(data, { level: constants.Z_BEST_COMPRESSION }),
};

/**
 * The coding to send for an Accept-Encoding header: br or gzip, whichever has the higher q-value
 * (br on a tie; `*` stands for either when it is not named); none when neither is acceptable or
 * the client ranks identity above both.
 * @param {string | string[] | undefined} header
 * @returns {Coding | undefined}
 */
export function chooseCoding(header) {
  if (Array.isArray(header)) header = header.join(",");
  if (!header) return undefined;
  /** @type {Map<string, number>} */
  const q = new Map();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim());
    if (!name) continue;
    let value = 1;
    for (const param of params) {
      const match = /^q\s*=\s*(\S*)$/i.exec(param);
      if (match) value = Number(match[1]);
    }
    if (!(value >= 0 && value <= 1)) value = 0;
    q.set(name.toLowerCase(), value);
  }
  const any = q.get("*");
  const br = q.get("br") ?? any ?? 0;
  const gz = q.get("gzip") ?? q.get("x-gzip") ?? any ?? 0;
  const identity = q.get("identity") ?? 0;
  const best = Math.max(br, gz);
  if (best <= 0 || identity > best) return undefined;
  return br >= gz ? "br" : "gzip";
}

/**
 * The file a request path names inside `root`; undefined for anything that is not plainly a file
 * below it: not under /_next/static/, undecodable, a NUL, a backslash, an empty, `.` or `..`
 * segment (however encoded), or a path that resolves outside.
 * @param {string} pathname the request's path, without its query
 * @param {string} root an absolute, real path
 */
export function resolveInside(pathname, root) {
  if (!pathname.startsWith(PREFIX)) return undefined;
  let relative;
  try {
    relative = decodeURIComponent(pathname.slice(PREFIX.length));
  } catch {
    return undefined;
  }
  if (relative.includes("\0") || relative.includes("\\")) return undefined;
  const segments = relative.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return undefined;
  if (path.posix.normalize(relative) !== relative) return undefined;
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/**
 * What server.mjs asks before Next (not in development: the files change there).
 * `serve(req, res)` answers from memory (true) or leaves the request to Next (false); `warm()`
 * compresses every asset as br, one at a time, and resolves when done.
 * @param {{ distDir: string }} options the build folder (absolute, or relative to the working directory)
 */
export function createStaticAssets({ distDir }) {
  const staticDir = path.resolve(distDir, "static");
  /** The real path of the folder, once known (undefined until then, and when there is no build). */
  const root = realpath(staticDir).catch(() => undefined);

  /** @type {LRUCache<string, Entry>} by `coding:file` */
  const cache = new LRUCache({ maxSize: MAX_CACHED_BYTES, sizeCalculation: (entry) => entry.body.length || 1 });
  /** Compressions under way, so that concurrent requests for a file start only one. */
  /** @type {Map<string, Promise<Entry | undefined>>} */
  const pending = new Map();

  /**
   * The compressed copy of `file`, made once: from the cache, or the compression under way, or a
   * new one. Undefined when it is not a regular file inside the folder (a link out of it included).
   * @param {Coding} coding
   * @param {string} file
   * @returns {Promise<Entry | undefined>}
   */
  function compressed(coding, file) {
    const key = `${coding}:${file}`;
    const cached = cache.get(key);
    if (cached) return Promise.resolve(cached);
    let promise = pending.get(key);
    if (!promise) {
      promise = (async () => {
        const inside = await root;
        const real = await realpath(file).catch(() => undefined);
        if (!inside || !real?.startsWith(inside + path.sep)) return undefined;
        const info = await stat(real).catch(() => undefined);
        if (!info?.isFile()) return undefined;
        const body = await COMPRESS[coding](await readFile(real));
        const entry = { body, lastModified: info.mtime.toUTCString() };
        cache.set(key, entry);
        return entry;
      })().finally(() => pending.delete(key));
      pending.set(key, promise);
    }
    return promise;
  }

  /** @type {string | undefined} the folder's real path, once `root` has settled */
  let rootPath;
  void root.then((r) => (rootPath = r));

  /**
   * Answers the request from memory and returns true, or returns false and leaves it untouched.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   */
  function serve(req, res) {
    if (!rootPath || (req.method !== "GET" && req.method !== "HEAD")) return false;
    const url = req.url ?? "";
    const query = url.indexOf("?");
    const pathname = query === -1 ? url : url.slice(0, query);
    if (!pathname.startsWith(PREFIX)) return false;
    const contentType = CONTENT_TYPES[path.posix.extname(pathname).toLowerCase()];
    if (!contentType) return false;
    // Ranges and revalidation (rare for immutable files) are Next's to answer, as ever.
    const h = req.headers;
    if (h.range || h["if-none-match"] || h["if-modified-since"] || h["if-match"] || h["if-unmodified-since"]) {
      return false;
    }
    const coding = chooseCoding(h["accept-encoding"]);
    if (!coding) return false;
    const file = resolveInside(pathname, rootPath);
    if (!file) return false;

    const entry = cache.get(`${coding}:${file}`);
    if (!entry) {
      compressed(coding, file).catch((error) => console.error("[static-assets]", error));
      return false;
    }
    for (const { key, value } of securityHeaders) res.setHeader(key, value);
    res.writeHead(200, {
      "Cache-Control": "public, max-age=31536000, immutable",
      "Accept-Ranges": "bytes",
      "Last-Modified": entry.lastModified,
      "Content-Type": contentType,
      "Content-Encoding": coding,
      "Content-Length": entry.body.length,
      Vary: "Accept-Encoding",
    });
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  }

  /** Compresses every .js and .css file of the build as br, largest first, one at a time. */
  async function warm() {
    const inside = await root;
    if (!inside) return;
    const names = await readdir(inside, { recursive: true });
    const files = [];
    for (const name of names) {
      if (!CONTENT_TYPES[path.extname(name).toLowerCase()]) continue;
      const file = path.join(inside, name);
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) files.push({ file, size: info.size });
    }
    files.sort((a, b) => b.size - a.size);
    for (const { file } of files) {
      await compressed("br", file).catch((error) => console.error("[static-assets]", error));
    }
  }

  return { serve, warm };
}
