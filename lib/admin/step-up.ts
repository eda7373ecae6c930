// The rule for admin actions that matter (approve or deny access, grant or revoke the admin role,
// disable a user, revoke someone else's key): the actor is a portal admin, has a confirmed TOTP
// factor, and proved it in this session less than 10 minutes ago (isFreshSecondFactor). An admin
// without a factor can sign in and look, nothing more. Refusals are audited. Every admin data
// function calls requireAdminStepUp before it writes; route handlers only translate the errors.
import "server-only";
import { audit } from "@/lib/audit";
import { hasConfirmedSecondFactor, sessionSecondFactorAt } from "@/lib/auth/second-factor";
import { isFreshSecondFactor } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { ADMIN_ERRORS, type AdminErrorCode } from "./messages";

/** Who is acting in the admin area: the signed-in viewer, this request's session and address. */
export interface AdminActor {
  userId: string;
  isAdmin: boolean;
  /** SHA-256 of the session token of this request (null for token-authenticated calls). */
  sessionHash: string | null;
  ip: string | null;
}

/** Not an admin: the same answer as something that does not exist. */
export class AdminNotFound extends Error {
  constructor() {
    super("not found");
  }
}

/** The action needs a second factor: "enrol" (none set up) or "verify" (no recent step-up). */
export class StepUpRequired extends Error {
  constructor(readonly need: "enrol" | "verify") {
    super(need === "enrol" ? "Admin actions need two-factor authentication: set it up first." : "Confirm with your authenticator app to continue.");
  }
}

export function requireAdmin(actor: AdminActor): void {
  if (!actor.isAdmin) throw new AdminNotFound();
}

/** Throws unless the actor may perform `action` now; refusals are written to the audit log. */
export async function requireAdminStepUp(actor: AdminActor, action: string, now = Date.now()): Promise<void> {
  requireAdmin(actor);
  let need: "enrol" | "verify" | null = null;
  if (!(await hasConfirmedSecondFactor(actor.userId))) need = "enrol";
  else if (!isFreshSecondFactor(await sessionSecondFactorAt(actor.userId, actor.sessionHash), now)) need = "verify";
  if (!need) return;
  await audit(db(), {
    actorUserId: actor.userId,
    actorKind: "user",
    action: "admin.refused",
    targetType: "user",
    targetId: actor.userId,
    ip: actor.ip,
    details: { attempted: action, reason: need === "enrol" ? "no_second_factor" : "step_up_stale" },
  });
  throw new StepUpRequired(need);
}

/** A refusal to show the admin (bad input, already decided): a code from lib/admin/messages.ts. */
export class AdminActionError extends Error {
  constructor(readonly code: AdminErrorCode) {
    super(ADMIN_ERRORS[code]);
  }
}
