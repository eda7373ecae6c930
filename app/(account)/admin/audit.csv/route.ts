// GET /admin/audit.csv?actor=&action=&target=&from=&to=: the audit entries the audit page's filter
// selects (all pages, newest first, up to AUDIT_EXPORT_MAX), as CSV safe to open in a spreadsheet
// (lib/admin/csv.ts). Portal admins only; everyone else gets the same 404 as an unknown path.
import { getViewer } from "@/lib/access/viewer";
import { csvRow } from "@/lib/admin/csv";
import { notFoundResponse } from "@/lib/admin/form-route";
import { audit } from "@/lib/audit";
import { AUDIT_CSV_HEADER, AuditFilterSchema, auditCsvCells, exportAuditEvents } from "@/lib/data/admin/audit-log";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const viewer = await getViewer();
  if (viewer.kind !== "user" || !viewer.isAdmin) return notFoundResponse();
  const f = AuditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const actor = { userId: viewer.userId, isAdmin: true, sessionHash: null, ip: clientIp(request.headers, env().TRUSTED_PROXY_HOPS) };
  // Exporting the log is itself worth a line in it.
  await audit(db(), { actorUserId: viewer.userId, actorKind: "user", action: "audit.exported", ip: actor.ip, details: { filter: JSON.stringify({ ...f, page: undefined }) } });
  const encoder = new TextEncoder();
  const rows = exportAuditEvents(actor, f);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(AUDIT_CSV_HEADER)));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((r) => csvRow(auditCsvCells(r))).join("")));
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="portolan-audit-${stamp}.csv"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
