// Liveness for process managers and the e2e web server: needs no data.
export function GET() {
  return Response.json({ ok: true });
}
