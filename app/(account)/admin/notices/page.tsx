import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { STATUS_TONE } from "@/components/notices/status-tone";
import { Badge } from "@/components/ui/badge";
import { NewDraftForm } from "@/components/admin/new-draft-form";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/page-session";
import { db } from "@/lib/db";
import { getCatalog } from "@/lib/specs/index";

export const metadata: Metadata = { title: "Deprecation notices · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** Every notice, admin-written and spec-derived, for portal admins; 404 for everyone else. */
export default async function AdminNoticesPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireUser("/admin/notices");
  if (!viewer.isAdmin) notFound();
  const params = await searchParams;
  const notices = await db().deprecationNotice.findMany({ orderBy: [{ source: "asc" }, { updatedAt: "desc" }], take: 500 });
  const apis = getCatalog().apis;
  const name = new Map(apis.map((a) => [a.id, a.name]));
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Deprecation notices</h1>
      <p className="mt-2 text-fg-muted">
        Announcements you write, and the notices the specs state (<code>deprecated: true</code>, <code>x-sunset</code>, version lifecycles in <code>api.yaml</code>). Public ones appear on{" "}
        <Link href="/deprecations" className="text-accent hover:underline">/deprecations</Link>, in the feeds and in the key-verification answers.
      </p>
      {typeof params.error === "string" && (
        <div className="mt-4">
          <Notice tone="danger" alert>{params.error}</Notice>
        </div>
      )}
      <NewDraftForm heading="New notice" action="/api/admin/notices" apis={apis} titlePlaceholder="GET /current goes away on 30 June 2027" />
      <table className="mt-8 w-full text-left text-sm">
        <thead className="text-fg-muted">
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-3 font-medium">Notice</th>
            <th scope="col" className="py-2 pr-3 font-medium">API</th>
            <th scope="col" className="py-2 pr-3 font-medium">Status</th>
            <th scope="col" className="py-2 font-medium">Sunset</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {notices.map((n) => (
            <tr key={n.id}>
              <td className="py-2 pr-3">
                <Link href={`/admin/notices/${n.id}`} className="text-accent hover:underline">{n.title}</Link>
                {n.source === "spec" && <span className="ml-2"><Badge>from spec</Badge></span>}
              </td>
              <td className="py-2 pr-3">{name.get(n.apiId) ?? n.apiId}</td>
              <td className="py-2 pr-3"><Badge tone={STATUS_TONE[n.status]}>{n.status}</Badge>{n.status === "scheduled" && n.publishAt && <span className="ml-1 text-xs text-fg-muted">{n.publishAt.toISOString().slice(0, 16).replace("T", " ")} UTC</span>}</td>
              <td className="py-2 tabular-nums">{n.sunsetAt ? date.format(n.sunsetAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
