import type { Metadata } from "next";
import { DeprecationsPage } from "@/components/notices/deprecations-page";
import { deprecationsMetadata } from "@/lib/notices/metadata";
import { publicNotices } from "@/lib/notices/public";

// Every public API's notices, whoever asks: static, re-rendered at most a minute after a change
// on another instance (at once on the instance where an admin made it: lib/notices/revalidate.ts).
export const dynamic = "force-static";
export const revalidate = 60;

export function generateMetadata(): Metadata {
  return deprecationsMetadata(null);
}

export default async function GlobalDeprecationsPage() {
  const now = new Date();
  return <DeprecationsPage api={null} notices={await publicNotices(null, now)} now={now} />;
}
