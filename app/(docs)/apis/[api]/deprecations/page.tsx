import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeprecationsPage } from "@/components/notices/deprecations-page";
import { deprecationsMetadata } from "@/lib/notices/metadata";
import { findPublicApi, publicNotices } from "@/lib/notices/public";

// Public docs, the same for every visitor (no cookies read): partner and internal APIs answer 404
// like unknown ones, as their changelogs do.
export const dynamic = "force-static";
export const revalidate = 60;
type Params = Promise<{ api: string }>;

async function load(params: Params) {
  const api = findPublicApi((await params).api);
  if (!api) notFound();
  return api;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return deprecationsMetadata(await load(params));
}

export default async function ApiDeprecationsPage({ params }: { params: Params }) {
  const api = await load(params);
  const now = new Date();
  return <DeprecationsPage api={api} notices={await publicNotices(api, now)} now={now} />;
}
