// @ts-check
// Malformed requests get a 4xx, never a 500 or a stack trace.
//
// - A body over MAX_BODY_BYTES is refused with 413 before Next reads it (the upload is drained, up
//   to 16 MB, so the client sees the answer); a POST, PUT or PATCH
//   without Content-Length (a chunked upload: browsers always send the length of what they post)
//   with 411, so the limit cannot be dodged.
// - A Server Action request Next cannot decode (garbage multipart, bad JSON, too many arguments)
//   makes Next answer 500 before our guard runs. Every action's guard (server/http/action.ts)
//   catches its own errors and marks the request, so a 500 on an action request the guard never
//   saw is the client's fault and is sent as 400.

import { AsyncLocalStorage } from "node:async_hooks";

/** Posts are capped at 20,000 characters; nothing legitimate comes near this. Next's own action limit. */
export const MAX_BODY_BYTES = 1024 * 1024;

const STORE = Symbol.for("debate-commons.request-marks");

/**
 * @typedef {{ actionGuardRan: boolean }} RequestMarks
 * @type {AsyncLocalStorage<RequestMarks>}
 */
const marks = /** @type {any} */ (globalThis)[STORE] ?? new AsyncLocalStorage();
/** @type {any} */ (globalThis)[STORE] = marks;

/**
 * Answers the request itself when it is malformed at the HTTP level; returns true if it did.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function refuseMalformed(req, res) {
  const method = req.method ?? "GET";
  if (!["POST", "PUT", "PATCH", "DELETE"].includes(method)) return false;
  const length = req.headers["content-length"];
  if (length === undefined) {
    if (method === "DELETE" || req.headers["transfer-encoding"] === undefined) return false;
    refuse(req, res, 411, "A request body needs a Content-Length.");
    return true;
  }
  if (!/^\d+$/.test(length)) {
    refuse(req, res, 400, "The Content-Length is not a number.");
    return true;
  }
  if (Number(length) > MAX_BODY_BYTES) {
    refuse(req, res, 413, `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
    return true;
  }
  return false;
}

/**
 * Runs `handle` with a mark the action guard can set, and turns a 500 on a Server Action request
 * the guard never saw into a 400.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {() => unknown} handle
 */
export function withActionMarks(req, res, handle) {
  if (!req.headers["next-action"]) return handle();
  /** @type {RequestMarks} */
  const mark = { actionGuardRan: false };
  const writeHead = res.writeHead.bind(res);
  const correct = () => {
    if (res.statusCode === 500 && !mark.actionGuardRan) res.statusCode = 400;
  };
  res.writeHead = /** @type {typeof res.writeHead} */ (
    (/** @type {number} */ status, /** @type {any[]} */ ...rest) => {
      res.statusCode = status;
      correct();
      return writeHead(res.statusCode, ...rest);
    }
  );
  for (const name of /** @type {const} */ (["write", "end", "flushHeaders"])) {
    const original = /** @type {(...args: any[]) => any} */ (res[name]).bind(res);
    res[name] = /** @type {any} */ (
      (/** @type {any[]} */ ...args) => {
        if (!res.headersSent) correct();
        return original(...args);
      }
    );
  }
  return marks.run(mark, handle);
}

/** How much of a refused body is read and thrown away so the client can see the answer; past it, the connection is cut. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Answers once the client has finished sending: cutting the connection mid-upload makes clients
 * report a broken pipe instead of the status. A body too large to be worth draining is cut.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function refuse(req, res, status, message) {
  let drained = 0;
  req.on("data", (/** @type {Buffer} */ chunk) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.destroy();
  });
  req.on("end", () => {
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
    res.end(`${message}\n`);
  });
}
