import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ACCOUNT_ERRORS } from "@/lib/auth/messages";
import { signInMethods } from "@/lib/auth/options";
import { currentSessionHash, requireUser } from "@/lib/auth/page-session";
import { hasConfirmedSecondFactor } from "@/lib/auth/second-factor";
import { listSessions } from "@/lib/auth/sessions";
import { accessNotifications } from "@/lib/data/access-requests";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export default async function AccountPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireUser("/account");
  const params = await searchParams;
  const [user, sessions, twoFactor, notifications] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: viewer.userId },
      select: { email: true, name: true, role: true, createdAt: true, accounts: { select: { provider: true } } },
    }),
    listSessions(viewer.userId, await currentSessionHash()),
    hasConfirmedSecondFactor(viewer.userId),
    accessNotifications(viewer.userId, viewer.orgIds),
  ]);
  const error = typeof params.error === "string" ? ACCOUNT_ERRORS[params.error] : undefined;
  // Any account can ask for an email link to its address when email sign-in is on.
  const methods = [
    ...(signInMethods().email ? ["Email link"] : []),
    ...user.accounts.map((a) => (a.provider === "github" ? "GitHub" : a.provider === "oidc" ? "Single sign-on" : a.provider)),
  ];

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
      <nav aria-label="Account" className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <Link href="/account/apps" className="font-medium text-accent hover:underline">
          Apps and keys
        </Link>
        <Link href="/account/orgs" className="font-medium text-accent hover:underline">
          Organizations
        </Link>
      </nav>
      <div className="mt-6 space-y-4">
        {error && (
          <Notice tone="warn" alert>
            {error}
          </Notice>
        )}
        {params.ended && <Notice tone="ok">That session has ended.</Notice>}
      </div>

      <section aria-labelledby="profile" className="mt-6 rounded-xl border border-border bg-bg-subtle p-5 sm:p-6">
        <h2 id="profile" className="text-lg font-semibold">
          Profile
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-fg-muted">Email</dt>
          <dd className="break-all font-medium">{user.email}</dd>
          <dt className="text-fg-muted">Name</dt>
          <dd>{user.name ?? <span className="text-fg-muted">Not given</span>}</dd>
          <dt className="text-fg-muted">Role</dt>
          <dd>
            {user.role === "admin" ? (
              <span className="flex flex-wrap items-center gap-3">
                <Badge tone="accent">Portal admin</Badge>
                <Link href="/admin" className="text-sm text-accent hover:underline">
                  Admin area
                </Link>
                <Link href="/admin/specs" className="text-sm text-accent hover:underline">
                  Spec problems
                </Link>
              </span>
            ) : (
              "Developer"
            )}
          </dd>
          <dt className="text-fg-muted">Signs in with</dt>
          <dd>{[...new Set(methods)].join(", ")}</dd>
          <dt className="text-fg-muted">Member since</dt>
          <dd>{date.format(user.createdAt)}</dd>
          <dt className="text-fg-muted">Two-factor</dt>
          <dd className="flex flex-wrap items-center gap-3">
            {twoFactor ? <Badge tone="ok">On</Badge> : <Badge>Off</Badge>}
            <Link href="/account/security" className="text-sm text-accent hover:underline">
              {twoFactor ? "Manage" : user.role === "admin" ? "Set up (needed for admin actions)" : "Set up"}
            </Link>
          </dd>
        </dl>
      </section>

      {notifications.length > 0 && (
        <section aria-labelledby="notifications" className="mt-6 rounded-xl border border-border bg-bg-subtle p-5 sm:p-6">
          <h2 id="notifications" className="text-lg font-semibold">
            Access requests
          </h2>
          <p className="mt-1 text-sm text-fg-muted">Your apps&apos; requests for partner and internal APIs, and what the portal&apos;s admins decided.</p>
          <ul className="mt-4 divide-y divide-border rounded-lg border border-border bg-bg" data-testid="access-notifications">
            {notifications.map((n) => (
              <li key={n.id} className="px-4 py-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={n.status === "approved" ? "ok" : n.status === "denied" ? "danger" : n.status === "pending" ? "warn" : "neutral"}>{n.status}</Badge>
                  <span className="font-medium">
                    {n.appName} → {n.apiName}
                  </span>
                  <span className="ml-auto text-xs text-fg-muted">{dateTime.format(n.at)} UTC</span>
                </p>
                {n.note && <p className="mt-1 whitespace-pre-wrap break-words text-fg-muted">{n.status === "denied" ? "Reason" : "Note"}: {n.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="sessions" className="mt-6 rounded-xl border border-border bg-bg-subtle p-5 sm:p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="sessions" className="text-lg font-semibold">
            Sessions
          </h2>
          <form method="post" action="/api/account/sessions">
            <input type="hidden" name="session" value="all" />
            <Button variant="danger">Sign out everywhere</Button>
          </form>
        </div>
        <p className="mt-1 text-sm text-fg-muted">Every device where you are signed in. Ending a session signs that device out at once.</p>
        <ul className="mt-4 divide-y divide-border rounded-lg border border-border bg-bg">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div>
                <p className="font-medium">
                  Signed in {dateTime.format(s.createdAt)} UTC {s.current && <Badge tone="ok">This device</Badge>}
                </p>
                <p className="text-fg-muted">Expires {date.format(s.expires)} unless used</p>
              </div>
              {s.current ? (
                <Link href="/signout" className="text-accent underline underline-offset-2">
                  Sign out
                </Link>
              ) : (
                <form method="post" action="/api/account/sessions">
                  <input type="hidden" name="session" value={s.id} />
                  <Button variant="secondary">End session</Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
