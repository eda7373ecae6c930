import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GlobalChangelog } from "@/components/changes/changelog-page";
import { parseFilter } from "@/lib/changes/page-context";
import { publicTimeline } from "@/lib/changes/store";
import { changelogMetadata } from "@/lib/discovery/metadata";

export const dynamic = "force-static";
export const revalidate = 3600;
type Params = Promise<{ filter: string }>;

async function load(params: Params) {
  const filter = parseFilter((await params).filter);
  if (!filter) notFound();
  return filter;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return changelogMetadata(null, await load(params));
}

export default async function FilteredGlobalChangelogPage({ params }: { params: Params }) {
  const filter = await load(params);
  return <GlobalChangelog releases={await publicTimeline()} filter={filter} />;
}
