import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader, Section } from "@/components/account/fields";
import { UsageChart, UsageTable } from "@/components/account/usage-chart";
import { requireUser } from "@/lib/auth/page-session";
import { getApp, keyUsage, listKeys } from "@/lib/data/apps";
import { orNotFound } from "../../load";

export const metadata: Metadata = { title: "Key usage", robots: { index: false } };

const DAYS = 30;

export default async function KeyUsagePage({ params }: { params: Promise<{ appId: string; keyId: string }> }) {
  const { appId, keyId } = await params;
  const viewer = await requireUser(`/account/apps/${encodeURIComponent(appId)}/keys/${encodeURIComponent(keyId)}`);
  const app = await orNotFound(getApp(viewer, appId));
  const [keys, rows] = await Promise.all([listKeys(viewer, app.id), orNotFound(keyUsage(viewer, app.id, keyId, DAYS - 1))]);
  const key = keys.find((k) => k.id === keyId);
  if (!key) notFound();
  const total = rows.reduce((a, r) => a + r.calls, 0);

  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <PageHeader title={`Usage of ${key.name}`} back={{ href: `/account/apps/${app.id}#keys`, label: app.name }}>
        <p className="mt-2 text-sm text-fg-muted">
          <code className="font-mono">{key.display}</code> · {total} {total === 1 ? "call" : "calls"} in the last {DAYS} days (UTC days; counted by the gateway every few seconds)
        </p>
      </PageHeader>
      <Section id="chart" title="Calls per day">
        <UsageChart rows={rows} days={DAYS} />
      </Section>
      <Section id="table" title="Calls per operation and day">
        <UsageTable rows={rows} />
      </Section>
    </div>
  );
}
