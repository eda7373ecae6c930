import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeprecationsPage } from "@/components/notices/deprecations-page";
import { deprecationsMetadata } from "@/lib/notices/metadata";
import { findVisibleApi } from "@/lib/specs/page-context";
import { publicNotices } from "@/lib/notices/public";

// Public docs, the same for every visitor: force-static hands getViewer no cookies, so partner and
// internal APIs answer 404 here like unknown ones. proxy.ts sends their URLs to the dynamic copy
// (app/(docs)/restricted-apis/[api]/deprecations), which reads the session.
export const dynamic = "force-static";
export const revalidate = 60;
type Params = Promise<{ api: string }>;

async function load(params: Params) {
  const api = await findVisibleApi((await params).api);
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
