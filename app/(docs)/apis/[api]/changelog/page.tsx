import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiChangelog } from "@/components/changes/changelog-page";
import { findVisibleApi } from "@/lib/changes/page-context";
import { releasesFor } from "@/lib/changes/store";
import { changelogMetadata } from "@/lib/discovery/metadata";

// Public docs: the same for every visitor, rendered once and cached like the reference pages. No
// cookies are read; partner and internal APIs answer 404 like unknown ones.
export const dynamic = "force-static";
export const revalidate = 3600;
type Params = Promise<{ api: string }>;

async function load(params: Params) {
  const api = await findVisibleApi((await params).api);
  if (!api) notFound();
  return api;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return changelogMetadata(await load(params), null);
}

export default async function ApiChangelogPage({ params }: { params: Params }) {
  const api = await load(params);
  return <ApiChangelog api={api} releases={await releasesFor(api)} filter={null} />;
}
