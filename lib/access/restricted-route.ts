// Which docs URLs belong to partner or internal APIs, for proxy.ts. Public docs pages are static
// (rendered once for everyone, no cookies); pages of restricted APIs must read the session, so
// their requests are rewritten to a dynamic copy of the same pages under RESTRICTED_PREFIX.
// Routing only: both copies check visibility themselves.
import { cacheDirFor } from "@/lib/specs/cache";
import { createCatalogReader } from "@/lib/specs/catalog-reader";
import { env } from "@/lib/env";
import { isReferencePage } from "@/lib/markdown-export/negotiate";

export const RESTRICTED_PREFIX = "/restricted-apis";

/** Restricted pages that have no Markdown rendering (so not in isReferencePage). */
const DEPRECATIONS_PAGE = /^\/apis\/[^/]+\/deprecations$/;

const reader = createCatalogReader(() => cacheDirFor(env().dataDir));

/** A reference page `/apis/<api>/<version>/…` of an API that is not public (or whose visibility is unknown). */
export function restrictedRewrite(pathname: string): string | null {
  const m = /^\/apis\/([^/]+)\/([^/]+.*)$/.exec(pathname);
  if (!m || !(isReferencePage(pathname) || DEPRECATIONS_PAGE.test(pathname))) return null; // downloads and redirects check access themselves
  const api = reader.getCatalog().apis.find((a) => a.id === decodeURIComponent(m[1]!));
  if (!api || api.visibility === "public") return null;
  return `${RESTRICTED_PREFIX}/${m[1]}/${m[2]}`;
}
