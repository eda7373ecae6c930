import { notFound, redirect } from "next/navigation";
import { findVisibleApi } from "@/lib/specs/page-context";

export const dynamic = "force-dynamic";

// /apis/<api> → the version `latest` points to. Unknown and hidden APIs answer the same 404.
export default async function ApiIndex({ params }: { params: Promise<{ api: string }> }) {
  const { api: apiId } = await params;
  const api = await findVisibleApi(apiId);
  if (!api?.latestVersion) notFound();
  redirect(`/apis/${api.id}/${encodeURIComponent(api.latestVersion)}`);
}
