import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { devMailboxAccess } from "@/lib/mail/dev-mailbox";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

// Mail a local install keeps instead of sending (no SMTP_URL). Every condition of
// lib/mail/dev-mailbox.ts must hold, else this page does not exist (404, like any unknown page).
export default async function DevMailboxPage() {
  if (!devMailboxAccess(env(), await headers()).ok) notFound();
  const mails = await db().devMail.findMany({ orderBy: { createdAt: "desc" }, take: 50 });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Dev mailbox</h1>
      <div className="mt-4">
        <Notice tone="warn">
          This portal has no mail server configured (<code>SMTP_URL</code>), so it keeps the mail it would send here, for a day. This page only
          opens for requests from this machine, to the address in <code>PORTAL_URL</code>; set <code>SMTP_URL</code> and it is gone.
        </Notice>
      </div>
      {mails.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-border p-8 text-center text-fg-muted">No mail yet.</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {mails.map((m) => (
            <li key={m.id}>
              <article aria-label={`${m.subject} to ${m.to}`} className="rounded-xl border border-border bg-bg-subtle p-4 sm:p-5">
                <header className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                  <p>
                    <span className="font-semibold">{m.subject}</span> <span className="text-fg-muted">to</span> <span className="break-all">{m.to}</span>
                  </p>
                  <time className="text-fg-muted" dateTime={m.createdAt.toISOString()}>
                    {time.format(m.createdAt)} UTC
                  </time>
                </header>
                <pre className="mt-3 overflow-x-auto whitespace-pre-wrap break-words font-mono text-xs text-fg">
                  {m.text.split(/(https?:\/\/\S+)/).map((part, i) =>
                    i % 2 ? (
                      <a key={i} href={part} className="text-accent underline underline-offset-2">
                        {part}
                      </a>
                    ) : (
                      part
                    ),
                  )}
                </pre>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
