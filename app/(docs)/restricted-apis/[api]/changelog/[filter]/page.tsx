// Partner and internal APIs' changelog pages (proxy.ts rewrites /apis/<api>/… here for them): the
// same page as the public one, rendered per request so it reads the session and answers 404 to
// anyone without access. Never cached, never listed.
export { default, generateMetadata } from "@/app/(docs)/apis/[api]/changelog/[filter]/page";
export const dynamic = "force-dynamic";
