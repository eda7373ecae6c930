// Partner and internal APIs' deprecation page (proxy.ts rewrites /apis/<api>/deprecations here for
// them): the same page as the public one, rendered per request so it reads the session and
// answers 404 to anyone without access, exactly like an unknown API. Never cached, never listed.
export { default, generateMetadata } from "@/app/(docs)/apis/[api]/deprecations/page";
export const dynamic = "force-dynamic";
