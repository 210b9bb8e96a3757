import { connection } from "next/server";
import { db } from "@/server/db";
import { createHealthCheck } from "@/server/sqlite/check-health";

const check = createHealthCheck(db);

// Readiness: the database answers a write and a read. 503 (never a 500) when it does not, so a
// load balancer takes this instance out; /api/health/live says only that the process is up.
export async function GET() {
  await connection(); // answered per request, never prerendered at build time
  const health = await check();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
