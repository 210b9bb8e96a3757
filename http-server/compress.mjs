// @ts-check
// Compression of answers, after the CSP nonce is written in (Next's own is off: next.config.ts).
// Never of an event stream (GET /api/live): a compressor holds bytes back until it has enough, so
// live events would arrive late or never. The stream's Cache-Control: no-transform already keeps
// `compression` away; this does not rely on it.
import compression from "compression";

export function createCompression() {
  return compression({
    filter: (req, res) =>
      !/^text\/event-stream\b/i.test(String(res.getHeader("Content-Type") ?? "")) && compression.filter(req, res),
  });
}
