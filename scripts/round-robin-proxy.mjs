// @ts-check
// A load balancer for trying several instances on one machine (npm run cluster, the e2e suite's
// cluster leg, npm run bench:cluster): each request goes to the next instance in turn, as nginx's
// default upstream does. It appends the client's address to X-Forwarded-For (the instances trust
// it with TRUST_PROXY=loopback) and keeps the Host header. Not for production: put nginx or
// another real proxy in front of the instances there (README, "Several instances").
//
// A request carrying `x-debate-instance: <n>` goes to instance n (from 0), so a test can write
// through one instance and read through another; every answer says which one served it.
//
// Answers are piped as they come (an event stream from GET /api/live passes through unbuffered),
// and no request is timed out here.
import { Agent, createServer, request } from "node:http";

export const INSTANCE_HEADER = "x-debate-instance";

/**
 * @param {{ upstreams: { host: string, port: number }[] }} options
 * @returns {import("node:http").Server}
 */
export function createRoundRobinProxy({ upstreams }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  return createServer((req, res) => {
    const pinned = Number(req.headers[INSTANCE_HEADER]);
    const index =
      Number.isInteger(pinned) && pinned >= 0 && pinned < upstreams.length ? pinned : next++ % upstreams.length;
    const upstream = /** @type {{ host: string, port: number }} */ (upstreams[index]);
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    // A GET or HEAD whose connection failed before any answer is sent once more, on a new
    // connection: a kept-alive socket the instance closed as the proxy reused it (Node closes idle
    // ones after 5 s) made a page's scripts fail with 502 in the e2e suite. Others get the 502.
    const retriable = req.method === "GET" || req.method === "HEAD";
    /** @param {boolean} again */
    const forward = (again) => {
      const outgoing = request(
        {
          host: upstream.host,
          port: upstream.port,
          method: req.method,
          path: req.url,
          agent: again ? false : agent,
          headers: { ...req.headers, "x-forwarded-for": forwardedFor, "x-forwarded-proto": "http" },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [INSTANCE_HEADER]: String(index) });
          answer.pipe(res);
        },
      );
      // A reader that goes away (a closed tab, an EventSource reopened) ends the upstream request
      // too: a live event stream would otherwise stay open on the instance, counted against its limits.
      const onClose = () => {
        if (!res.writableFinished) outgoing.destroy();
      };
      res.on("close", onClose);
      outgoing.on("error", () => {
        res.off("close", onClose);
        if (!res.headersSent && retriable && !again && !res.destroyed) return forward(true);
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain", [INSTANCE_HEADER]: String(index) });
        res.end("Bad gateway\n");
      });
      if (retriable) outgoing.end();
      else req.pipe(outgoing);
    };
    forward(false);
  });
}
