import type { Metadata } from "next";
import { ApiCard } from "@/components/specs/api-card";
import { getViewer } from "@/lib/access/viewer";
import { catalogMetadata } from "@/lib/discovery/metadata";
import { visibleApis } from "@/lib/access/visibility";
import { getCatalog } from "@/lib/specs";

export function generateMetadata(): Metadata {
  return catalogMetadata();
}
// Depends on who is asking (partner and internal APIs), so rendered per request.
export const dynamic = "force-dynamic";

export default async function ApisPage() {
  const apis = visibleApis(await getViewer(), getCatalog().apis).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <header className="max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">APIs</h1>
        <p className="mt-2 text-fg-muted">
          References for every API you can use, with their versions and where each one stands in its lifecycle.
        </p>
      </header>
      {apis.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-border p-8 text-center text-fg-muted">No APIs are published yet.</p>
      ) : (
        <div className="mt-8 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {apis.map((api) => (
            <ApiCard key={api.id} api={api} />
          ))}
        </div>
      )}
    </div>
  );
}
