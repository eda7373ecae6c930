import type { Metadata } from "next";
import { GlobalChangelog } from "@/components/changes/changelog-page";
import { publicTimeline } from "@/lib/changes/store";
import { changelogMetadata } from "@/lib/discovery/metadata";

// Every public API's changes, whoever asks (like the sitemap): static and cacheable.
export const dynamic = "force-static";
export const revalidate = 3600;

export function generateMetadata(): Metadata {
  return changelogMetadata(null, null);
}

export default async function ChangelogPage() {
  return <GlobalChangelog releases={await publicTimeline()} filter={null} />;
}
