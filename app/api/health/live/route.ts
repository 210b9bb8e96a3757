// Liveness for process managers and the benchmarks' baseline: touches neither the database nor
// React, so it answers whenever the process can answer anything.
export function GET() {
  return Response.json({ ok: true });
}
