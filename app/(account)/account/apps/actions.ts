"use server";
// Forms of /account/apps and /account/apps/[appId]: parse → lib/data/apps (which checks access,
// the same functions the REST API calls) → redirect, or for keys the one-time secret as the
// action's answer: it travels in this POST's response only, never in a URL or a later page. Key
// actions do not revalidate the page (that would re-render the list around the secret); the
// secret panel's "Done" link loads the page afresh.
import { redirect } from "next/navigation";
import { invalid } from "@/lib/api/respond";
import { AccessRequestSchema, AppPatchSchema, createApp, createKey, deleteApp, NewAppSchema, NewKeySchema, requestApiAccess, revokeKey, rotateKey, updateApp } from "@/lib/data/apps";
import { field, formAction, type FormState } from "@/lib/http/form-action";

const appPath = (appId: string) => `/account/apps/${encodeURIComponent(appId)}`;

export async function createAppAction(_: FormState, form: FormData): Promise<FormState> {
  return formAction(async ({ viewer }) => {
    const owner = field(form, "owner");
    const input = NewAppSchema.safeParse({
      name: field(form, "name"),
      description: field(form, "description") || undefined,
      environment: field(form, "environment") || "sandbox",
      orgId: owner && owner !== "personal" ? owner : undefined,
    });
    if (!input.success) throw invalid(input.error);
    const app = await createApp(viewer, input.data);
    redirect(appPath(app.id));
  });
}

export async function updateAppAction(appId: string, _: FormState, form: FormData): Promise<FormState> {
  return formAction(async ({ viewer }) => {
    const input = AppPatchSchema.safeParse({ name: field(form, "name"), description: field(form, "description").trim() || null });
    if (!input.success) throw invalid(input.error);
    await updateApp(viewer, appId, input.data);
    redirect(`${appPath(appId)}?saved=1`);
  });
}

export async function deleteAppAction(appId: string, _: FormState): Promise<FormState> {
  return formAction(async ({ viewer }) => {
    await deleteApp(viewer, appId);
    redirect("/account/apps?deleted=1");
  });
}

export async function requestAccessAction(appId: string, apiId: string, _: FormState, form: FormData): Promise<FormState> {
  return formAction(async ({ viewer }) => {
    const input = AccessRequestSchema.safeParse({ apiId, reason: field(form, "reason") || undefined });
    if (!input.success) throw invalid(input.error);
    const result = await requestApiAccess(viewer, appId, input.data);
    redirect(`${appPath(appId)}?access=${result.status}#apis`);
  });
}

/** What the key forms show once: the whole secret, in this answer only. */
export type SecretState = { error?: string; secret?: string; display?: string; name?: string; rotatedFrom?: string } | undefined;

const EXPIRY_DAYS = new Set(["30", "90", "365"]);

export async function createKeyAction(appId: string, _: SecretState, form: FormData): Promise<SecretState> {
  return formAction(async ({ viewer }) => {
    const days = field(form, "expiresInDays");
    const input = NewKeySchema.safeParse({
      name: field(form, "name"),
      scopes: form.getAll("scope").filter((s): s is string => typeof s === "string"),
      expiresAt: EXPIRY_DAYS.has(days) ? new Date(Date.now() + Number(days) * 86_400_000).toISOString() : undefined,
    });
    if (!input.success) throw invalid(input.error);
    const key = await createKey(viewer, appId, input.data);
    return { secret: key.secret, display: key.display, name: key.name };
  });
}

/** Grace periods offered by the form (seconds): none, 1 hour, 24 hours, 7 days. */
const GRACE = new Set(["0", "3600", "86400", "604800"]);

export async function rotateKeyAction(appId: string, keyId: string, _: SecretState, form: FormData): Promise<SecretState> {
  return formAction(async ({ viewer }) => {
    const grace = field(form, "grace");
    if (!GRACE.has(grace)) return { error: "Choose how long the old key keeps working." };
    const key = await rotateKey(viewer, appId, keyId, { gracePeriodSeconds: Number(grace) });
    return { secret: key.secret, display: key.display, name: key.name, rotatedFrom: keyId };
  });
}

export async function revokeKeyAction(appId: string, keyId: string, _: FormState): Promise<FormState> {
  return formAction(async ({ viewer }) => {
    await revokeKey(viewer, appId, keyId);
    redirect(`${appPath(appId)}?revoked=1#keys`);
  });
}
