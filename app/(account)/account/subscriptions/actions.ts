"use server";
// Server actions of /account/subscriptions. Each one reads the signed-in viewer itself (an
// action is a public endpoint), validates its form with zod and calls lib/delivery, whose
// queries are scoped to that user: another user's endpoint or delivery id matches nothing.
// Next checks the Origin of action requests against the host.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FeedUrlState } from "@/components/delivery/personal-feed-form";
import { getViewer } from "@/lib/access/viewer";
import { ALL_APIS } from "@/lib/delivery/outbox";
import { serverSecret, webhookAllowList } from "@/lib/delivery/server";
import { createEndpoint, deleteEndpoint, redeliver, rotateEndpointSecret, setAccountSubscription, setEndpointEnabled } from "@/lib/delivery/subscriptions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { issuePersonalFeed, revokePersonalFeed } from "@/lib/personal-feed/store";
import { personalFeedPath, type PersonalFeedFormat } from "@/lib/personal-feed/urls";
import { getCatalog } from "@/lib/specs/index";
import { visibleApis } from "@/lib/access/visibility";

const PAGE = "/account/subscriptions";

async function signedIn() {
  const viewer = await getViewer();
  if (viewer.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(PAGE)}`);
  const user = await db().user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { id: true, email: true } });
  if (!user.email) redirect(`${PAGE}?error=no-email`);
  return { viewer, user: { id: user.id, email: user.email } };
}

/** API ids this viewer may subscribe to: the ones they can see. */
async function allowedApis(): Promise<Set<string>> {
  const viewer = await getViewer();
  return new Set(visibleApis(viewer, getCatalog().apis).map((a) => a.id));
}

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[0-9A-Za-z]{20}$`));
const Severity = z.enum(["breaking", "all"]);

export async function setEmailSubscription(form: FormData): Promise<void> {
  const { user } = await signedIn();
  const parsed = z.object({ api: z.string().max(100), severity: z.enum(["breaking", "all", "none"]) }).safeParse({ api: form.get("api"), severity: form.get("severity") });
  if (!parsed.success || (parsed.data.api !== ALL_APIS && !(await allowedApis()).has(parsed.data.api))) redirect(`${PAGE}?error=invalid`);
  await setAccountSubscription(db(), user, parsed.data.api, parsed.data.severity);
  revalidatePath(PAGE);
  redirect(`${PAGE}?saved=email`);
}

export type RevealState = { secret?: string; error?: string; endpointId?: string };

export async function createWebhookEndpoint(_prev: RevealState, form: FormData): Promise<RevealState> {
  const { user } = await signedIn();
  const parsed = z
    .object({ url: z.string().trim().min(1).max(2000), apis: z.array(z.string().max(100)).max(50), severity: Severity })
    .safeParse({ url: form.get("url"), apis: form.getAll("apis").filter((a) => a !== ""), severity: form.get("severity") });
  if (!parsed.success) return { error: "Enter a URL and choose what to send." };
  const allowed = await allowedApis();
  const apis = parsed.data.apis.includes(ALL_APIS) ? [] : parsed.data.apis.filter((a) => allowed.has(a));
  const r = await createEndpoint(db(), serverSecret(), user.id, { url: parsed.data.url, apis, severity: parsed.data.severity }, webhookAllowList());
  if (!r.ok) return { error: r.message };
  revalidatePath(PAGE);
  return { secret: r.secret, endpointId: r.id };
}

export async function rotateWebhookSecret(_prev: RevealState, form: FormData): Promise<RevealState> {
  const { user } = await signedIn();
  const endpointId = id("whe").safeParse(form.get("endpoint"));
  if (!endpointId.success) return { error: "Unknown endpoint." };
  const secret = await rotateEndpointSecret(db(), serverSecret(), user.id, endpointId.data);
  if (!secret) return { error: "Unknown endpoint." };
  revalidatePath(PAGE);
  return { secret, endpointId: endpointId.data };
}

export async function changeWebhookEndpoint(form: FormData): Promise<void> {
  const { user } = await signedIn();
  const parsed = z.object({ endpoint: id("whe"), op: z.enum(["enable", "disable", "delete"]) }).safeParse({ endpoint: form.get("endpoint"), op: form.get("op") });
  if (!parsed.success) redirect(`${PAGE}?error=invalid`);
  const { endpoint, op } = parsed.data;
  if (op === "delete") await deleteEndpoint(db(), user.id, endpoint);
  else await setEndpointEnabled(db(), user.id, endpoint, op === "enable");
  revalidatePath(PAGE);
  redirect(`${PAGE}?saved=${op}`);
}

export async function redeliverWebhook(form: FormData): Promise<void> {
  const { user } = await signedIn();
  const delivery = id("dlv").safeParse(form.get("delivery"));
  if (!delivery.success) redirect(`${PAGE}?error=invalid`);
  const ok = await redeliver(db(), user.id, delivery.data);
  revalidatePath(PAGE);
  redirect(`${PAGE}?${ok ? "saved=redeliver" : "error=redeliver"}`);
}


/** Creates the personal feed URL, or replaces it (the old URL stops working at once). */
export async function issueFeedUrl(_prev: FeedUrlState, _form: FormData): Promise<FeedUrlState> {
  const viewer = await getViewer();
  if (viewer.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(PAGE)}`);
  const token = await issuePersonalFeed(db(), viewer.userId, clientIp(await headers(), env().TRUSTED_PROXY_HOPS));
  revalidatePath(PAGE);
  const url = (format: PersonalFeedFormat) => `${env().portalUrl}${personalFeedPath(token, format)}`;
  return { atom: url("atom"), rss: url("rss"), json: url("json") };
}

export async function revokeFeedUrl(): Promise<void> {
  const viewer = await getViewer();
  if (viewer.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(PAGE)}`);
  await revokePersonalFeed(db(), viewer.userId, clientIp(await headers(), env().TRUSTED_PROXY_HOPS));
  revalidatePath(PAGE);
  redirect(`${PAGE}?saved=feed-revoked`);
}
