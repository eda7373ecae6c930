import type { Metadata } from "next";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SecretRevealForm } from "@/components/delivery/secret-reveal-form";
import { PersonalFeedForm } from "@/components/delivery/personal-feed-form";
import { personalFeedStatus } from "@/lib/personal-feed/store";
import { visibleApis } from "@/lib/access/visibility";
import { requireUser } from "@/lib/auth/page-session";
import { ALL_APIS } from "@/lib/delivery/outbox";
import { accountSubscriptions } from "@/lib/delivery/subscriptions";
import { db } from "@/lib/db";
import { getCatalog } from "@/lib/specs/index";
import { suppressionReason } from "@/lib/delivery/suppression-text";
import { changeWebhookEndpoint, createWebhookEndpoint, issueFeedUrl, redeliverWebhook, revokeFeedUrl, rotateWebhookSecret, setEmailSubscription } from "./actions";

export const metadata: Metadata = { title: "Subscriptions", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const field = "block w-full rounded-lg border border-border bg-bg px-3 py-2 text-sm text-fg";
const SAVED: Record<string, string> = {
  email: "Email subscription saved.",
  enable: "Endpoint enabled.",
  disable: "Endpoint disabled.",
  delete: "Endpoint deleted.",
  redeliver: "Redelivery queued.",
  "feed-revoked": "Feed URL revoked: it no longer works.",
};
const STATUS_TONE: Record<string, BadgeTone> = { delivered: "ok", queued: "neutral", retrying: "warn", failed: "danger", skipped: "neutral", suppressed: "danger" };

export default async function SubscriptionsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireUser("/account/subscriptions");
  const params = await searchParams;
  const user = await db().user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { id: true, email: true } });
  const apis = visibleApis(viewer, getCatalog().apis).map((a) => ({ id: a.id, name: a.name }));
  const { emails, endpoints, suppressed } = user.email ? await accountSubscriptions(db(), { id: user.id, email: user.email }) : { emails: [], endpoints: [], suppressed: null };
  const setting = (api: string) => {
    const s = emails.find((e) => e.api === api && e.status === "confirmed");
    return s ? s.severity : "none";
  };
  const apiName = (id: string) => (id === ALL_APIS ? "All APIs" : (apis.find((a) => a.id === id)?.name ?? id));
  const feed = await personalFeedStatus(db(), user.id);
  const saved = typeof params.saved === "string" ? SAVED[params.saved] : undefined;

  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Subscriptions</h1>
      <p className="mt-2 text-fg-muted">Hear about changes and deprecations of the APIs you use, by email or by webhook.</p>
      <div className="mt-6 space-y-4">
        {saved && <Notice tone="ok">{saved}</Notice>}
        {params.error && (
          <Notice tone="warn" alert>
            {params.error === "redeliver" ? "That delivery is already queued or is not yours." : "That did not work; check the form and try again."}
          </Notice>
        )}
      </div>

      <section aria-labelledby="email" className="mt-6 rounded-xl border border-border bg-bg-subtle p-5 sm:p-6">
        <h2 id="email" className="text-lg font-semibold">
          Email
        </h2>
        <p className="mt-1 text-sm text-fg-muted">
          To <strong className="text-fg">{user.email ?? "no address"}</strong>, your sign-in address (already confirmed).
        </p>
        {suppressed && (
          <div className="mt-3">
            <Notice tone="danger">Mail to this address is stopped: {suppressionReason(suppressed.reason)} ({suppressed.reason}{suppressed.detail ? `, ${suppressed.detail}` : ""}).</Notice>
          </div>
        )}
        <ul className="mt-4 divide-y divide-border rounded-lg border border-border bg-bg">
          {[{ id: ALL_APIS, name: "All APIs" }, ...apis].map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <span className="font-medium">{a.name}</span>
              <form action={setEmailSubscription} className="flex items-center gap-2">
                <input type="hidden" name="api" value={a.id} />
                <label className="sr-only" htmlFor={`sev-${a.id}`}>
                  Emails about {a.name}
                </label>
                <select id={`sev-${a.id}`} name="severity" defaultValue={setting(a.id)} className={`${field} w-auto`}>
                  <option value="none">Off</option>
                  <option value="breaking">Breaking changes and deprecations</option>
                  <option value="all">All changes</option>
                </select>
                <Button variant="secondary">Save</Button>
              </form>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="feed" className="mt-6 rounded-xl border border-border bg-bg-subtle p-5 sm:p-6">
        <h2 id="feed" className="text-lg font-semibold">
          Personal feed
        </h2>
        <p className="mt-1 text-sm text-fg-muted">
          One private feed (Atom, RSS or JSON Feed) of the changelog entries and deprecation notices of every API your apps and your organizations&apos; apps use, partner and internal ones included. The
          URL holds a secret: keep it to yourself. Regenerating it stops the old URL at once.
        </p>
        <p className="mt-3 text-sm" data-testid="personal-feed-status">
          {feed ? (
            <>
              A feed URL exists, created {dateTime.format(feed.createdAt)} UTC{feed.lastReadAt ? `, last read ${dateTime.format(feed.lastReadAt)} UTC` : ", not read yet"}.
            </>
          ) : (
            "No feed URL yet."
          )}
        </p>
        <div className="mt-3 flex flex-wrap items-start gap-3">
          <PersonalFeedForm action={issueFeedUrl} exists={!!feed} />
          {feed && (
            <form action={revokeFeedUrl}>
              <Button variant="danger">Revoke URL</Button>
            </form>
          )}
        </div>
      </section>

      <section aria-labelledby="webhooks" className="mt-6 rounded-xl border border-border bg-bg-subtle p-5 sm:p-6">
        <h2 id="webhooks" className="text-lg font-semibold">
          Webhooks
        </h2>
        <p className="mt-1 text-sm text-fg-muted">
          Signed per Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>). Retried for about three days with backoff; an endpoint that
          answers 410 or keeps failing is disabled and you get an email.
        </p>
        <div className="mt-4 rounded-lg border border-border bg-bg p-4">
          <h3 className="text-sm font-semibold">Add an endpoint</h3>
          <SecretRevealForm action={createWebhookEndpoint} label="Signing secret" className="mt-3 grid gap-3 sm:grid-cols-2">
            <label className="block sm:col-span-2">
              <span className="text-sm font-medium">URL</span>
              <input name="url" type="url" required maxLength={2000} placeholder="https://example.com/webhooks/portolan" className={`mt-1 ${field}`} />
            </label>
            <label className="block">
              <span className="text-sm font-medium">APIs</span>
              <select name="apis" multiple size={Math.min(6, apis.length + 1)} defaultValue={[ALL_APIS]} className={`mt-1 ${field}`}>
                <option value={ALL_APIS}>All APIs</option>
                {apis.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="block">
              <span className="text-sm font-medium">Send</span>
              <select name="severity" defaultValue="breaking" className={`mt-1 ${field}`}>
                <option value="breaking">Breaking changes and deprecations</option>
                <option value="all">All changes</option>
              </select>
            </label>
            <div className="sm:col-span-2">
              <Button>Add endpoint</Button>
            </div>
          </SecretRevealForm>
        </div>

        {endpoints.length === 0 ? (
          <p className="mt-4 text-sm text-fg-muted">No endpoints yet.</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {endpoints.map((e) => (
              <li key={e.id} className="rounded-lg border border-border bg-bg p-4" data-endpoint={e.id}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="break-all font-mono text-sm">{e.url}</p>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-fg-muted">
                      {e.disabledAt ? <Badge tone="danger">Disabled{e.disabledReason === "gone" ? " (410 Gone)" : e.disabledReason === "failing" ? " (kept failing)" : ""}</Badge> : <Badge tone="ok">Active</Badge>}
                      <span>
                        {e.apis.length === 0 ? "All APIs" : e.apis.map(apiName).join(", ")} · {e.severity === "all" ? "all changes" : "breaking changes and deprecations"}
                      </span>
                      {e.previousSecretExpiresAt && e.previousSecretExpiresAt > new Date() && <span>· previous secret signs until {dateTime.format(e.previousSecretExpiresAt)} UTC</span>}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <form action={changeWebhookEndpoint}>
                      <input type="hidden" name="endpoint" value={e.id} />
                      <input type="hidden" name="op" value={e.disabledAt ? "enable" : "disable"} />
                      <Button variant="secondary">{e.disabledAt ? "Enable" : "Disable"}</Button>
                    </form>
                    <form action={changeWebhookEndpoint}>
                      <input type="hidden" name="endpoint" value={e.id} />
                      <input type="hidden" name="op" value="delete" />
                      <Button variant="danger">Delete</Button>
                    </form>
                  </div>
                </div>
                <div className="mt-3">
                  <SecretRevealForm action={rotateWebhookSecret} label="New signing secret (the old one also signs for 24 hours)">
                    <input type="hidden" name="endpoint" value={e.id} />
                    <Button variant="secondary">Rotate secret</Button>
                  </SecretRevealForm>
                </div>
                <h3 className="mt-4 text-sm font-semibold">Recent deliveries</h3>
                {e.deliveries.length === 0 ? (
                  <p className="mt-1 text-sm text-fg-muted">Nothing sent yet.</p>
                ) : (
                  <div className="mt-2 overflow-x-auto">
                    <table className="w-full text-left text-sm">
                      <thead className="text-xs text-fg-muted">
                        <tr>
                          <th className="py-1 pr-3 font-medium">Queued (UTC)</th>
                          <th className="py-1 pr-3 font-medium">Message</th>
                          <th className="py-1 pr-3 font-medium">Status</th>
                          <th className="py-1 pr-3 font-medium">Attempts</th>
                          <th className="py-1 pr-3 font-medium">Last result</th>
                          <th className="py-1 font-medium">
                            <span className="sr-only">Actions</span>
                          </th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-border">
                        {e.deliveries.map((d) => (
                          <tr key={d.id}>
                            <td className="py-2 pr-3 whitespace-nowrap">{dateTime.format(d.createdAt)}</td>
                            <td className="py-2 pr-3">
                              <span className="block">{d.subject}</span>
                              <code className="text-xs text-fg-muted">{d.messageId}</code>
                            </td>
                            <td className="py-2 pr-3">
                              <Badge tone={STATUS_TONE[d.status] ?? "neutral"}>{d.status}</Badge>
                            </td>
                            <td className="py-2 pr-3">{d.attempts}</td>
                            <td className="py-2 pr-3 text-xs">
                              {d.lastError ?? (d.status === "delivered" ? "2xx" : "")}
                              {d.nextAttemptAt && d.status === "retrying" && <span className="block text-fg-muted">next {dateTime.format(d.nextAttemptAt)}</span>}
                            </td>
                            <td className="py-2">
                              {d.status !== "queued" && d.status !== "retrying" && (
                                <form action={redeliverWebhook}>
                                  <input type="hidden" name="delivery" value={d.id} />
                                  <Button variant="secondary" className="min-h-8 px-2 py-1 text-xs">
                                    Redeliver
                                  </Button>
                                </form>
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
