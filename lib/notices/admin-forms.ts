// The admin notice forms' POST side (app/api/admin/notices/…): same-origin check, admins only
// (anyone else gets the same 404 as an unknown path), form fields validated with the store's
// schemas, then Post/Redirect/Get to the notice's page with a message code. TOTP step-up for
// these actions comes with the admin second-factor helper (issue 5); not enforced here yet.
import "server-only";
import { NextResponse } from "next/server";
import { getViewer } from "@/lib/access/viewer";
import { requireAdminStepUp, StepUpRequired } from "@/lib/admin/step-up";
import { withParam } from "@/lib/admin/form-route";
import { currentSessionHash } from "@/lib/auth/page-session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { checkSameOrigin, crossSiteRefused } from "@/lib/http/same-origin";
import { findApi, getVersionModel } from "@/lib/specs/index";
import { revalidateNoticePages } from "./revalidate";
import {
  addBrownout,
  BrownoutInputSchema,
  checkScope,
  createDraft,
  NoticeConflict,
  NoticeInputSchema,
  NoticeNotFound,
  publishNotice,
  removeBrownout,
  scheduleNotice,
  updateNotice,
  withdrawNotice,
  type Actor,
} from "./store";

const notFound = () => new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
const to = (path: string) => NextResponse.redirect(new URL(path, env().portalUrl), 303);
const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

type FormActor = Actor & { sessionHash: string | null };

async function adminActor(req: Request): Promise<FormActor | Response> {
  if (!checkSameOrigin(req, env().portalUrl).ok) return crossSiteRefused();
  const viewer = await getViewer();
  if (viewer.kind !== "user" || !viewer.isAdmin) return notFound();
  return { userId: viewer.userId, isAdmin: true, ip: clientIp(req.headers, env().TRUSTED_PROXY_HOPS), sessionHash: await currentSessionHash() };
}

/** Notice actions that need a fresh second factor, with the name the refusal is audited under. */
const STEP_UP: Record<string, string> = { publish: "notice.publish", schedule: "notice.schedule", withdraw: "notice.withdraw", brownout: "notice.brownout", unbrownout: "notice.unbrownout" };

function noticeFields(form: FormData) {
  return NoticeInputSchema.safeParse({
    title: field(form, "title"),
    body: field(form, "body"),
    migrationGuide: field(form, "migrationGuide"),
    versions: form.getAll("versions").filter((v) => typeof v === "string"),
    operations: form.getAll("operations").filter((v) => typeof v === "string"),
    deprecatedAt: field(form, "deprecatedAt"),
    sunsetAt: field(form, "sunsetAt"),
  });
}

const problem = (path: string, message: string) => to(`${path}?error=${encodeURIComponent(message.slice(0, 300))}`);

/** POST /api/admin/notices: a new draft for one API (API and title; the rest on its page). */
export async function createNoticeForm(req: Request): Promise<Response> {
  const actor = await adminActor(req);
  if (actor instanceof Response) return actor;
  const form = await req.formData().catch(() => new FormData());
  const api = findApi(field(form, "api"));
  if (!api) return problem("/admin/notices", "Pick an API.");
  const input = noticeFields(form);
  if (!input.success) return problem("/admin/notices", input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const id = await createDraft(db(), actor, api.id, input.data);
  return to(`/admin/notices/${id}?done=created`);
}

/** POST /api/admin/notices/<id> with action = save | publish | schedule | withdraw | brownout | unbrownout. */
export async function noticeActionForm(req: Request, id: string): Promise<Response> {
  const actor = await adminActor(req);
  if (actor instanceof Response) return actor;
  if (!/^ntc_[0-9A-Za-z]{20}$/.test(id)) return notFound();
  const page = `/admin/notices/${id}`;
  const form = await req.formData().catch(() => new FormData());
  const notice = await db().deprecationNotice.findUnique({ where: { id }, select: { apiId: true } });
  if (!notice) return notFound();
  const action = field(form, "action");
  try {
    if (STEP_UP[action]) await requireAdminStepUp({ userId: actor.userId, isAdmin: actor.isAdmin, sessionHash: actor.sessionHash, ip: actor.ip ?? null }, STEP_UP[action]);
    switch (action) {
      case "save": {
        const input = noticeFields(form);
        if (!input.success) return problem(page, input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
        const api = findApi(notice.apiId);
        const scope = api ? checkScope(api, getVersionModel, input.data) : [];
        if (scope.length) return problem(page, scope.join("; "));
        await updateNotice(db(), id, actor, input.data);
        break;
      }
      case "publish":
        await publishNotice(db(), id, actor);
        break;
      case "schedule": {
        // datetime-local has no zone: the form says UTC.
        const at = new Date(`${field(form, "publishAt")}:00Z`);
        if (Number.isNaN(at.getTime())) return problem(page, "publishAt: pick a date and time (UTC)");
        await scheduleNotice(db(), id, actor, at);
        break;
      }
      case "withdraw":
        await withdrawNotice(db(), id, actor);
        break;
      case "brownout": {
        const b = BrownoutInputSchema.safeParse({ startsAt: `${field(form, "startsAt")}:00Z`, durationMinutes: field(form, "durationMinutes") });
        if (!b.success) return problem(page, b.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
        await addBrownout(db(), id, actor, b.data);
        break;
      }
      case "unbrownout":
        await removeBrownout(db(), id, field(form, "brownout"), actor);
        break;
      default:
        return problem(page, "Unknown action.");
    }
  } catch (e) {
    if (e instanceof StepUpRequired) return e.need === "enrol" ? problem(page, e.message) : to(withParam("/account/security/verify", "next", page));
    if (e instanceof NoticeNotFound) return notFound();
    if (e instanceof NoticeConflict) return problem(page, e.message);
    throw e;
  }
  revalidateNoticePages(notice.apiId);
  return to(`${page}?done=${encodeURIComponent(action)}`);
}
