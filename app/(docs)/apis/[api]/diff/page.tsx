import { notFound, redirect } from "next/navigation";
import { findVisibleApi } from "@/lib/changes/page-context";
import { findVersion } from "@/lib/specs/catalog-reader";
import { diffPath } from "@/lib/discovery/urls";

// /apis/<api>/diff?from=v1&to=v2 (the comparison form, without JavaScript) → the diff's own URL.
export const dynamic = "force-dynamic";

export default async function DiffRedirect({ params, searchParams }: { params: Promise<{ api: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const api = await findVisibleApi((await params).api);
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const from = api && one(q.from) !== undefined ? findVersion(api, one(q.from)!) : undefined;
  const to = api && one(q.to) !== undefined ? findVersion(api, one(q.to)!) : undefined;
  if (!api || !from || !to) notFound();
  redirect(diffPath(api.id, from.id, to.id));
}
