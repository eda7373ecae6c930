import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/access/viewer";
import { canViewApi } from "@/lib/access/visibility";
import { findApi } from "@/lib/specs";

export const dynamic = "force-dynamic";

// /apis/<api> → the version `latest` points to. Unknown and hidden APIs answer the same 404.
export default async function ApiIndex({ params }: { params: Promise<{ api: string }> }) {
  const { api: apiId } = await params;
  const api = findApi(apiId);
  if (!api || !canViewApi(await getViewer(), api) || !api.latestVersion) notFound();
  redirect(`/apis/${api.id}/${encodeURIComponent(api.latestVersion)}`);
}
