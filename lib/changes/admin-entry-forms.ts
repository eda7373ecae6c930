// The admin changelog forms' POST side (app/api/admin/changelog/…), in the shape of every admin
// form (lib/admin/form-route.ts): same-origin check, signed-in admin (anyone else: the same 404
// as an unknown path), fields validated, Post/Redirect/Get with `?done=` or `?error=<message>`.
// Saving a draft needs the admin role; publish, unpublish and delete change what every reader
// sees, so they also need a fresh TOTP step-up (lib/admin/step-up.ts), like notice publishing.
import "server-only";
import { formRoute, notFoundResponse, withParam, type FormContext } from "@/lib/admin/form-route";
import { requireAdmin, requireAdminStepUp, StepUpRequired, AdminNotFound } from "@/lib/admin/step-up";
import { db } from "@/lib/db";
import { findApi } from "@/lib/specs/index";
import { AdminEntryInputSchema, createEntry, deleteEntry, EntryConflict, EntryNotFound, publishEntry, unknownVersions, unpublishEntry, updateEntry } from "./admin-entries";
import { revalidateChangelogPages } from "./revalidate";

const LIST = "/admin/changelog";
const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

function parse(form: FormData) {
  const r = AdminEntryInputSchema.safeParse({
    title: field(form, "title"),
    date: field(form, "date"),
    versions: form.getAll("versions").filter((v): v is string => typeof v === "string"),
    severity: field(form, "severity"),
    kind: field(form, "kind"),
    operations: field(form, "operations"),
    body: field(form, "body"),
  });
  return r.success ? { data: r.data } : { error: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
}

const problem = (ctx: FormContext, page: string, message: string) => ctx.to(withParam(page, "error", message.slice(0, 300)));

async function run(ctx: FormContext, page: string, fn: () => Promise<string | Response>): Promise<Response> {
  try {
    const out = await fn();
    return typeof out === "string" ? ctx.to(out) : out;
  } catch (e) {
    if (e instanceof AdminNotFound || e instanceof EntryNotFound) return notFoundResponse();
    if (e instanceof EntryConflict) return problem(ctx, page, e.message);
    if (e instanceof StepUpRequired) return e.need === "enrol" ? problem(ctx, page, e.message) : ctx.to(withParam("/account/security/verify", "next", page));
    throw e;
  }
}

/** POST /api/admin/changelog: a new draft entry. */
export function createEntryForm(req: Request): Promise<Response> {
  return formRoute(req, LIST, (ctx) =>
    run(ctx, LIST, async () => {
      requireAdmin(ctx.actor);
      const api = findApi(field(ctx.form, "api"));
      if (!api) return problem(ctx, LIST, "api: pick an API");
      // The list page asks for the API and a title; the rest starts as today, the latest version
      // and no text, and is filled in on the entry's page.
      if (!ctx.form.has("date")) ctx.form.set("date", new Date().toISOString().slice(0, 10));
      const latest = api.latestVersion ?? api.versions.at(-1)?.id;
      if (!ctx.form.has("versions") && latest) ctx.form.append("versions", latest);
      const input = parse(ctx.form);
      if (!input.data) return problem(ctx, LIST, input.error!);
      const bad = unknownVersions(api, input.data);
      if (bad.length) return problem(ctx, LIST, bad.join("; "));
      const id = await createEntry(db(), ctx.actor, api.id, input.data);
      return `${LIST}/${id}?done=created`;
    }),
  );
}

/** POST /api/admin/changelog/<id> with action = save | publish | unpublish | delete. */
export function entryActionForm(req: Request, id: string): Promise<Response> {
  return formRoute(req, LIST, (ctx) =>
    run(ctx, `${LIST}/${id}`, async () => {
      requireAdmin(ctx.actor);
      if (!/^cle_[0-9A-Za-z]{20}$/.test(id)) return notFoundResponse();
      const page = `${LIST}/${id}`;
      const row = await db().adminChangelogEntry.findUnique({ where: { id }, select: { apiId: true } });
      if (!row) return notFoundResponse();
      const action = field(ctx.form, "action");
      let changed: { apiId: string; wasPublished: boolean };
      switch (action) {
        case "save": {
          const input = parse(ctx.form);
          if (!input.data) return problem(ctx, page, input.error!);
          const api = findApi(row.apiId);
          const bad = api ? unknownVersions(api, input.data) : [];
          if (bad.length) return problem(ctx, page, bad.join("; "));
          changed = await updateEntry(db(), ctx.actor, id, input.data);
          break;
        }
        case "publish":
        case "unpublish":
        case "delete":
          await requireAdminStepUp(ctx.actor, `changelog.${action}`);
          changed = await (action === "publish" ? publishEntry : action === "unpublish" ? unpublishEntry : deleteEntry)(db(), ctx.actor, id);
          break;
        default:
          return problem(ctx, page, "Unknown action.");
      }
      if (changed.wasPublished || action === "publish") revalidateChangelogPages(changed.apiId);
      return action === "delete" ? `${LIST}?done=deleted` : `${page}?done=${action}`;
    }),
  );
}
