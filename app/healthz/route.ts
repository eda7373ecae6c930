// GET /healthz: 200 when the database answers, 503 when it does not. For load balancers and
// uptime checks; it reveals nothing about the configuration.
import { db } from "@/lib/db";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2_000;

export async function GET() {
  const started = Date.now();
  let database: "up" | "down" = "down";
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS)),
    ]);
    database = "up";
  } catch (e) {
    log.warn({ err: (e as Error).message }, "healthz: database unreachable");
  }
  const ok = database === "up";
  return Response.json(
    { status: ok ? "ok" : "unavailable", database, latencyMs: Date.now() - started },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
