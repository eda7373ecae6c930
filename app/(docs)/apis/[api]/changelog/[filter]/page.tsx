import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiChangelog } from "@/components/changes/changelog-page";
import { findVisibleApi, parseFilter } from "@/lib/changes/page-context";
import { releasesFor } from "@/lib/changes/store";
import { changelogMetadata } from "@/lib/discovery/metadata";

// /apis/<api>/changelog/<severity>: the changelog filtered by a link, so it works without
// JavaScript and each filter is a static, cacheable page.
export const dynamic = "force-static";
export const revalidate = 3600;
type Params = Promise<{ api: string; filter: string }>;

async function load(params: Params) {
  const p = await params;
  const api = await findVisibleApi(p.api);
  const filter = parseFilter(p.filter);
  if (!api || !filter) notFound();
  return { api, filter };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { api, filter } = await load(params);
  return changelogMetadata(api, filter);
}

export default async function FilteredChangelogPage({ params }: { params: Params }) {
  const { api, filter } = await load(params);
  return <ApiChangelog api={api} releases={await releasesFor(api)} filter={filter} />;
}
