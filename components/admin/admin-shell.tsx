import Link from "next/link";
import type { ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { adminMessage } from "@/lib/admin/messages";

const NAV = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/access-requests", label: "Access requests" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/orgs", label: "Organizations" },
  { href: "/admin/apps", label: "Apps and keys" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/suppressions", label: "Mail suppressions" },
  { href: "/admin/specs", label: "Spec problems" },
  { href: "/admin/notices", label: "Deprecation notices" },
  { href: "/admin/changelog", label: "Changelog entries" },
] as const;

/** Heading, admin navigation and the outcome of the last form post (?done= / ?error= / ?verified=). */
export function AdminShell({ title, current, params, intro, children }: { title: string; current: string; params: Record<string, string | string[] | undefined>; intro?: ReactNode; children: ReactNode }) {
  const message = adminMessage(params);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <nav aria-label="Admin" className="-mx-1 mb-6 flex gap-1 overflow-x-auto border-b border-border pb-2 text-sm">
        {NAV.map((n) => (
          <Link
            key={n.href}
            href={n.href}
            aria-current={n.href === current ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-1.5 ${n.href === current ? "bg-accent-subtle font-semibold text-accent" : "text-fg-muted hover:bg-bg-muted hover:text-fg"}`}
          >
            {n.label}
          </Link>
        ))}
      </nav>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      {intro && <div className="mt-2 text-fg-muted">{intro}</div>}
      <div className="mt-4 space-y-3">
        {typeof params.verified === "string" && <Notice tone="ok">Second factor confirmed: admin actions are open for 10 minutes. Submit your action again.</Notice>}
        {message && (
          <Notice tone={message.tone} alert={message.tone === "warn"}>
            {message.text}{" "}
            {message.enrol && (
              <Link href="/account/security" className="font-medium text-accent underline underline-offset-2">
                Set up two-factor authentication
              </Link>
            )}
          </Notice>
        )}
      </div>
      <div className="mt-6">{children}</div>
    </div>
  );
}
