import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import QRCode from "qrcode";
import { CodeField } from "@/components/account/code-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { currentSessionHash, requireUser } from "@/lib/auth/page-session";
import { openRecoveryCodes, recoveryDisplayCookie } from "@/lib/auth/recovery-codes-display";
import { secondFactorStatus, sessionSecondFactorAt } from "@/lib/auth/second-factor";
import { isFreshSecondFactor } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Two-factor authentication", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

const ERRORS: Record<string, string> = {
  invalid: "That code is not right. Codes change every 30 seconds and each one works once: enter the code your app shows now.",
  rate_limited: "Too many wrong codes. Wait 15 minutes, then try again.",
  not_enrolled: "Start the setup again: the secret you scanned is no longer waiting for a code.",
  need_setup: "Set up two-factor authentication first; then you can confirm actions with a code.",
  already: "Two-factor authentication is already on for this account.",
};

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function SecurityPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireUser("/account/security");
  const params = await searchParams;
  const user = await db().user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { email: true } });
  const [status, stepUpAt] = await Promise.all([secondFactorStatus(viewer.userId, user.email), sessionSecondFactorAt(viewer.userId, await currentSessionHash())]);
  const cookie = recoveryDisplayCookie(env().portalUrl);
  const codes = status.state === "on" ? openRecoveryCodes((await cookies()).get(cookie.name)?.value, viewer.userId, process.env.NEXTAUTH_SECRET ?? "") : null;
  const error = typeof params.error === "string" ? ERRORS[params.error] : undefined;
  const qr = status.state === "pending" ? await QRCode.toString(status.uri, { type: "svg", margin: 2, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } }) : null;

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href="/account" className="text-accent hover:underline">
          ← Your account
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Two-factor authentication</h1>
      <p className="mt-2 text-fg-muted">
        A code from an authenticator app (Google Authenticator, 1Password, Aegis, …) on top of your sign-in. Optional for developers;{" "}
        {viewer.isAdmin ? "you are a portal admin: approving access, changing roles, disabling users and revoking keys need it." : "portal admins need it for their actions."}
      </p>
      <div className="mt-6 space-y-3">
        {error && (
          <Notice tone="warn" alert>
            {error}
          </Notice>
        )}
        {params.disabled && <Notice tone="ok">Two-factor authentication is off. Your recovery codes no longer work.</Notice>}
      </div>

      {codes && (
        <section aria-labelledby="codes" className="mt-6 rounded-xl border border-warn/40 bg-warn-subtle p-5 sm:p-6">
          <h2 id="codes" className="text-lg font-semibold">
            Save your recovery codes now
          </h2>
          <p className="mt-1 text-sm">
            Two-factor authentication is on. If you lose your authenticator app, each of these codes works once instead of a code from the app. This is the only
            time they are shown: store them in a password manager or print them.
          </p>
          <ul className="mt-4 grid grid-cols-2 gap-2 font-mono text-base sm:grid-cols-5" data-testid="recovery-codes">
            {codes.map((c) => (
              <li key={c} className="rounded-md border border-border bg-bg px-2 py-1 text-center">
                {c}
              </li>
            ))}
          </ul>
          <form method="post" action="/api/account/security/codes-saved" className="mt-4">
            <Button>I have saved them</Button>
          </form>
        </section>
      )}

      <section aria-labelledby="status" className="mt-6 rounded-xl border border-border bg-bg-subtle p-5 sm:p-6">
        <h2 id="status" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          Authenticator app {status.state === "on" ? <Badge tone="ok">On</Badge> : status.state === "pending" ? <Badge tone="warn">Waiting for a code</Badge> : <Badge>Off</Badge>}
        </h2>

        {status.state === "none" && (
          <form method="post" action="/api/account/security/enrol" className="mt-4">
            <p className="mb-4 text-sm text-fg-muted">You will scan a QR code with your app, enter the code it shows, and get ten one-time recovery codes.</p>
            <Button>Set up two-factor authentication</Button>
          </form>
        )}

        {status.state === "pending" && qr && (
          <div id="setup" className="mt-4 grid gap-6 sm:grid-cols-[200px_1fr]">
            <div className="w-[200px] self-start rounded-lg bg-white p-1 [&>svg]:h-auto [&>svg]:w-full" role="img" aria-label="QR code with the secret for your authenticator app" dangerouslySetInnerHTML={{ __html: qr }} />
            <div className="space-y-4 text-sm">
              <ol className="list-decimal space-y-1 pl-5">
                <li>Scan the QR code with your authenticator app.</li>
                <li>Or type this secret into it by hand (time-based, 6 digits, 30 seconds):</li>
              </ol>
              <p className="rounded-md border border-border bg-bg px-3 py-2 font-mono text-base" data-testid="totp-secret">
                {status.secret.match(/.{1,4}/g)!.join(" ")}
              </p>
              <form method="post" action="/api/account/security/confirm" className="space-y-3">
                <CodeField label="Code from your app" />
                <Button>Turn on</Button>
              </form>
              <form method="post" action="/api/account/security/enrol">
                <button className="text-sm text-accent underline underline-offset-2">Start over with a new secret</button>
              </form>
            </div>
          </div>
        )}

        {status.state === "on" && (
          <div className="mt-4 space-y-5 text-sm">
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
              <dt className="text-fg-muted">On since</dt>
              <dd>{dateTime.format(status.confirmedAt)} UTC</dd>
              <dt className="text-fg-muted">Recovery codes left</dt>
              <dd>{status.recoveryCodesLeft} of 10</dd>
              <dt className="text-fg-muted">This session</dt>
              <dd>
                {isFreshSecondFactor(stepUpAt) ? (
                  <>Confirmed {dateTime.format(stepUpAt!)} UTC (admin actions open for 10 minutes from then)</>
                ) : (
                  <Link href="/account/security/verify?next=%2Faccount%2Fsecurity" className="text-accent underline underline-offset-2">
                    Confirm with a code
                  </Link>
                )}
              </dd>
            </dl>
            <form id="disable" method="post" action="/api/account/security/disable" className="space-y-3 border-t border-border pt-5">
              <h3 className="font-semibold">Turn off</h3>
              <p className="text-fg-muted">Enter a current code (or a recovery code) to turn two-factor authentication off.{viewer.isAdmin && " Your admin actions stop working until you set it up again."}</p>
              <CodeField id="disable-code" label="Code" allowRecovery />
              <Button variant="danger">Turn off two-factor authentication</Button>
            </form>
          </div>
        )}
      </section>
    </div>
  );
}
