// Partner and internal APIs' pages (proxy.ts rewrites /apis/<api>/… here for them): the same
// page as the public one, rendered per request so it can read the session and answer 404 to
// anyone without access. Never cached, never listed.
export { default, generateMetadata } from "@/app/(docs)/apis/[api]/[version]/webhooks/page";
export const dynamic = "force-dynamic";
