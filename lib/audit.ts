// The append-only audit log (the table refuses UPDATE and DELETE). Written in the same
// transaction as the action it records, so an action and its entry commit or fail together.
// Never put secrets in `details`: prefixes and last-four characters only.
import type { Db } from "@/lib/db/create-client";
import { newId } from "@/lib/ids";

type Tx = Pick<Db, "auditEvent">;

export interface AuditInput {
  actorUserId?: string | null;
  actorKind: "user" | "gateway" | "system" | "anonymous";
  action: string;
  targetType?: string;
  targetId?: string;
  orgId?: string | null;
  ip?: string | null;
  details?: Record<string, string | number | boolean | null | string[]>;
}

export async function audit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      id: newId("aud"),
      actorUserId: e.actorUserId ?? null,
      actorKind: e.actorKind,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      orgId: e.orgId ?? null,
      ip: e.ip ?? null,
      details: e.details ?? undefined,
    },
  });
}
