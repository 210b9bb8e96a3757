// @ts-check
// A Content-Security-Policy whose scripts need a fresh nonce on every answer, with pages that are
// rendered once and served from cache many times.
//
// Next puts the nonce it finds in the request's Content-Security-Policy header on every script it
// emits. We hand every render the same placeholder, a secret derived from NEXTAUTH_SECRET (so every
// instance and every cached page agrees on it), and replace the placeholder in each HTML answer as
// it streams out with a nonce made for that answer, the one its CSP header names. The placeholder
// and the nonce have the same length, so Content-Length stays true. Markup injected into a post
// cannot carry the placeholder (it is secret) and so can never carry the nonce.

import { createHash, createHmac, randomBytes } from "node:crypto";

/** 16 random bytes, base64url: 22 characters. */
const NONCE_BYTES = 16;

/** @param {string} secret */
export function noncePlaceholder(secret) {
  return createHmac("sha256", secret)
    .update("debate-commons csp nonce placeholder")
    .digest()
    .subarray(0, NONCE_BYTES)
    .toString("base64url");
}

export function freshNonce() {
  return randomBytes(NONCE_BYTES).toString("base64url");
}

/**
 * React writes one inline script of its own without the nonce when it resumes a prerendered shell
 * (its shell-time mark, react-dom-server's `shellTimeRuntimeScript`): allowed by its hash. It only
 * sets a timestamp; a page running it twice loses nothing. The e2e suite fails on any violation,
 * so a React that changes it is noticed.
 */
const REACT_SHELL_TIME_SCRIPT = "requestAnimationFrame(function(){$RT=performance.now()});";
const REACT_SHELL_TIME_HASH = `'sha256-${createHash("sha256").update(REACT_SHELL_TIME_SCRIPT).digest("base64")}'`;

/**
 * The policy. Scripts: inline ones only with this answer's nonce; files only from this origin, where
 * the only scripts are Next's build output (every API answer is JSON sent with nosniff, which a
 * browser refuses to run). Not 'strict-dynamic': React writes Next's bootstrap chunk as a plain
 * <script src> without the nonce, which 'strict-dynamic' would block. Styles allow inline
 * attributes, which React's style props render to. In development React needs eval, and Next's
 * hot reloader a websocket.
 * @param {string} nonce
 * @param {{ dev?: boolean, https?: boolean }} [options]
 */
export function contentSecurityPolicy(nonce, { dev = false, https = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${REACT_SHELL_TIME_HASH}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Replaces `from` with `to` (same length) in a stream of chunks, also where a chunk boundary cuts
 * it. Holds back only a tail that could begin `from`, so streamed HTML is not delayed otherwise.
 * Never writes into a chunk it was given (Next may hand out its cached buffer).
 * @param {string} from
 * @param {string} to
 */
export function createReplacer(from, to) {
  const needle = Buffer.from(from);
  const replacement = Buffer.from(to);
  if (needle.length !== replacement.length) throw new Error("the placeholder and its replacement differ in length");
  let carry = Buffer.alloc(0);
  return {
    /** @param {Buffer} chunk @returns {Buffer} what may be sent now */
    push(chunk) {
      let buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let at = buffer.indexOf(needle);
      if (at !== -1) {
        buffer = Buffer.from(buffer);
        while (at !== -1) {
          replacement.copy(buffer, at);
          at = buffer.indexOf(needle, at + needle.length);
        }
      }
      const keep = partialMatchAtEnd(buffer, needle);
      carry = keep > 0 ? Buffer.from(buffer.subarray(buffer.length - keep)) : Buffer.alloc(0);
      return keep > 0 ? buffer.subarray(0, buffer.length - keep) : buffer;
    },
    /** @returns {Buffer} what was held back */
    flush() {
      const rest = carry;
      carry = Buffer.alloc(0);
      return rest;
    },
  };
}

/** The length of the longest end of `buffer` that is a proper beginning of `needle`. */
function partialMatchAtEnd(/** @type {Buffer} */ buffer, /** @type {Buffer} */ needle) {
  const longest = Math.min(needle.length - 1, buffer.length);
  for (let length = longest; length > 0; length--) {
    if (buffer.compare(needle, 0, length, buffer.length - length, buffer.length) === 0) return length;
  }
  return 0;
}

/**
 * Sends the policy with a fresh nonce on `res`, and rewrites the placeholder to that nonce in the
 * body if it turns out to be HTML. Call before Next writes anything.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ placeholder: string, dev?: boolean, https?: boolean }} options
 */
export function applyContentSecurityPolicy(req, res, { placeholder, dev, https }) {
  // What Next reads its nonce from: every render gets the placeholder, never a client's value.
  req.headers["content-security-policy"] = `script-src 'nonce-${placeholder}'`;
  delete req.headers["content-security-policy-report-only"];

  const nonce = freshNonce();
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, { dev, https }));

  const replacer = createReplacer(placeholder, nonce);
  /** @type {boolean | undefined} */
  let html;
  const isHtml = () => (html ??= /^text\/html\b/i.test(String(res.getHeader("content-type") ?? "")));
  const write = res.write.bind(res);
  const end = res.end.bind(res);

  /** @param {unknown} chunk @param {unknown} encoding */
  const toBuffer = (chunk, encoding) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8")
        : Buffer.from(/** @type {Uint8Array} */ (chunk));

  res.write = /** @type {typeof res.write} */ (
    (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) => {
      if (!isHtml() || chunk == null) return write(chunk, encoding, callback);
      const out = replacer.push(toBuffer(chunk, encoding));
      const cb = typeof encoding === "function" ? encoding : callback;
      return write(out, cb);
    }
  );
  res.end = /** @type {typeof res.end} */ (
    (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) => {
      if (!isHtml()) return end(chunk, encoding, callback);
      const cb = [chunk, encoding, callback].find((arg) => typeof arg === "function");
      const body = chunk != null && typeof chunk !== "function" ? replacer.push(toBuffer(chunk, encoding)) : null;
      const rest = replacer.flush();
      const last = body ? (rest.length > 0 ? Buffer.concat([body, rest]) : body) : rest;
      return last.length > 0 ? end(last, cb) : end(cb);
    }
  );
}
