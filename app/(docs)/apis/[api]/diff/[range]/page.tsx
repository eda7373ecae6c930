import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DiffView } from "@/components/changes/diff-view";
import { findVisibleApi, parseRange } from "@/lib/changes/page-context";
import { getDiff } from "@/lib/changes/store";
import { diffMetadata } from "@/lib/discovery/metadata";
import { getVersionModel } from "@/lib/specs";

// /apis/<api>/diff/<from>...<to>: any two versions. Consecutive pairs are computed at ingest,
// others on their first request (then cached on disk). Static like the reference pages.
export const dynamic = "force-static";
export const revalidate = 3600;
type Params = Promise<{ api: string; range: string }>;

async function load(params: Params) {
  const p = await params;
  const api = await findVisibleApi(p.api);
  const range = api ? parseRange(api, p.range) : undefined;
  if (!api || !range) notFound();
  return { api, ...range };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { api, from, to } = await load(params);
  return diffMetadata(api, from.id, to.id);
}

export default async function DiffPage({ params }: { params: Params }) {
  const { api, from, to } = await load(params);
  const side = (v: typeof from) => ({ apiId: api.id, versionId: v.id, model: v.status === "ok" ? getVersionModel(api.id, v.id) : null });
  return <DiffView api={api} from={side(from)} to={side(to)} diff={getDiff(api, from, to)?.result ?? null} />;
}
