import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell } from "@/components/admin/admin-shell";
import { Notice } from "@/components/ui/notice";
import { requireAdminPage } from "@/lib/admin/page";
import { hasConfirmedSecondFactor, sessionSecondFactorAt } from "@/lib/auth/second-factor";
import { isFreshSecondFactor } from "@/lib/auth/totp";
import { adminCounts } from "@/lib/data/admin/directory";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminOverview({ searchParams }: { searchParams: Search }) {
  const actor = await requireAdminPage("/admin");
  const [counts, enrolled, stepUpAt] = await Promise.all([adminCounts(actor), hasConfirmedSecondFactor(actor.userId), sessionSecondFactorAt(actor.userId, actor.sessionHash)]);
  const tiles = [
    { label: "Pending access requests", value: counts.pending, href: "/admin/access-requests", strong: counts.pending > 0 },
    { label: "Users", value: counts.users, href: "/admin/users" },
    { label: "Portal admins", value: counts.admins, href: "/admin/users?role=admin" },
    { label: "Disabled users", value: counts.disabled, href: "/admin/users?disabled=yes" },
    { label: "Organizations", value: counts.orgs, href: "/admin/orgs" },
    { label: "Apps", value: counts.apps, href: "/admin/apps" },
    { label: "Active keys", value: counts.activeKeys, href: "/admin/apps" },
    { label: "Audit events, last 24 h", value: counts.events24h, href: "/admin/audit" },
  ];
  return (
    <AdminShell title="Admin" current="/admin" params={await searchParams}>
      <div className="mb-6">
        {!enrolled ? (
          <Notice tone="warn">
            You can look around, but admin actions need two-factor authentication.{" "}
            <Link href="/account/security" className="font-medium text-accent underline underline-offset-2">
              Set it up
            </Link>
          </Notice>
        ) : isFreshSecondFactor(stepUpAt) ? (
          <Notice tone="ok">Second factor confirmed in this session: admin actions are open until 10 minutes after the confirmation.</Notice>
        ) : (
          <Notice>Admin actions will ask for a code from your authenticator app (valid 10 minutes).</Notice>
        )}
      </div>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {tiles.map((t) => (
          <li key={t.label}>
            <Link href={t.href} className={`block rounded-xl border p-4 hover:bg-bg-muted ${t.strong ? "border-accent bg-accent-subtle" : "border-border bg-bg-subtle"}`}>
              <span className="block text-2xl font-bold tabular-nums">{t.value.toLocaleString("en")}</span>
              <span className="text-sm text-fg-muted">{t.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </AdminShell>
  );
}
