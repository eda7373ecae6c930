// Who may use each page and route handler of the portal (SEC-A1, SEC-A2). Every route of the
// `app/` tree must have an entry here (tests/authz/route-tree.test.ts fails otherwise), and
// e2e/authorization.spec.ts tries each entry the way its class says must fail.
//
// Classes:
//   anyone     public content or sign-in flows; no tenant objects behind it
//   docs       API docs: public APIs for anyone; partner/internal only for members
//              (e2e/restricted-docs.spec.ts, e2e/changelog.spec.ts cover the visibility rules)
//   internal   reached only through proxy.ts rewrites; a direct request is a 404
//   signed-in  a signed-in user acting on their own account; anonymous → sign-in or 401
//   tenant     takes ids of objects that belong to a user or an organization: anyone else's
//              request answers 404 exactly like an unknown id, and changes nothing
//   admin      portal admins only: everyone else gets 404 (pages) or 401/403/404 (handlers)
//   gateway    API gateways with their own credential

export type AccessClass = "anyone" | "docs" | "internal" | "signed-in" | "tenant" | "admin" | "gateway";

/** Which object the id in a path segment names. */
export type ObjectKind = "app" | "key" | "org" | "user" | "invitation";

export interface PolicyEntry {
  access: AccessClass;
  /** tenant: path parameters and the object each names. */
  objects?: Record<string, ObjectKind>;
  /** tenant/admin: a well-formed body per method, so a refusal is about who asks, not the input. */
  bodies?: Partial<Record<"POST" | "PATCH" | "PUT" | "DELETE", unknown>>;
  /** Why, when the class alone does not say it. */
  note?: string;
}

export const POLICY: Record<string, PolicyEntry> = {
  "/": { access: "anyone" },
  "/search": { access: "anyone", note: "results are filtered by lib/access (e2e/search.spec.ts)" },
  "/api/search": { access: "anyone", note: "results are filtered by lib/access" },
  "/healthz": { access: "anyone" },
  "/llms.txt": { access: "anyone", note: "public APIs only" },
  "/sitemap.xml": { access: "anyone", note: "public APIs only" },
  "/sitemaps/portal.xml": { access: "anyone", note: "public APIs only" },
  "/sitemaps/apis/[api]/[file]": { access: "docs" },
  "/bench/empty": { access: "anyone", note: "an empty page, the benchmark's JavaScript baseline" },

  "/signin": { access: "anyone" },
  "/signout": { access: "anyone" },
  "/auth/check-email": { access: "anyone" },
  "/auth/confirm": { access: "anyone", note: "the token is spent only by its POST" },
  "/api/auth/[...nextauth]": { access: "anyone", note: "next-auth: CSRF token + Origin check" },
  "/dev/mailbox": { access: "anyone", note: "only without SMTP, on a loopback PORTAL_URL, from loopback (lib/mail/dev-mailbox.ts)" },

  "/account": { access: "signed-in" },
  "/account/subscriptions": { access: "signed-in", note: "server actions re-read the viewer; endpoint and delivery ids are matched with the caller's user id (lib/delivery/subscriptions.ts)" },

  "/feeds/me/[token]/atom.xml": { access: "anyone", note: "the secret token is the credential (feed readers carry no session); unknown/revoked → one identical 404; scoped to the owner's APIs (lib/personal-feed)" },
  "/feeds/me/[token]/feed.json": { access: "anyone", note: "as atom.xml" },
  "/feeds/me/[token]/rss.xml": { access: "anyone", note: "as atom.xml" },

  "/subscribe": { access: "anyone", note: "public APIs only; no account needed (double opt-in)" },
  "/subscribe/check-email": { access: "anyone" },
  "/subscribe/confirm/[token]": { access: "anyone", note: "the token is spent only by the POST to /api/subscriptions/confirm" },
  "/subscribe/done": { access: "anyone" },
  "/unsubscribe/[token]": { access: "anyone", note: "GET changes nothing; the button POSTs to /api/unsubscribe/[token]" },
  "/api/subscriptions": { access: "anyone", note: "same-origin form POST; one confirmation per address per 24 h, 429 beyond" },
  "/api/subscriptions/confirm": { access: "anyone", note: "same-origin; spends a one-time 48 h token" },
  "/api/unsubscribe/[token]": { access: "anyone", note: "RFC 8058 one-click: the HMAC token is the authority (no cookies, no Origin); tampered tokens get the same answer" },
  "/api/account/sessions": { access: "signed-in", note: "form POST; only the caller's own sessions" },
  "/account/security": { access: "signed-in", note: "the caller's own second factor" },
  "/account/security/verify": { access: "signed-in", note: "step-up of the caller's own session; `next` must be a portal path" },
  "/api/account/security/enrol": { access: "signed-in", note: "form POST; the caller's own factor" },
  "/api/account/security/confirm": { access: "signed-in", note: "form POST; the caller's own factor" },
  "/api/account/security/codes-saved": { access: "signed-in", note: "form POST; clears the caller's recovery-code cookie" },
  "/api/account/security/disable": { access: "signed-in", note: "form POST; needs a current code" },
  "/api/account/security/verify": { access: "signed-in", note: "form POST; marks the caller's own session" },

  "/admin": { access: "admin" },

  "/account/apps": { access: "signed-in", note: "the caller's own apps and their organizations'" },
  "/account/apps/[appId]": { access: "tenant", objects: { appId: "app" }, note: "forms are server actions that call lib/data/apps.ts" },
  "/account/apps/[appId]/keys/[keyId]": { access: "tenant", objects: { appId: "app", keyId: "key" } },
  "/account/orgs": { access: "signed-in" },
  "/account/orgs/[slug]": { access: "tenant", objects: { slug: "org" }, note: "forms are server actions that call lib/data/orgs.ts" },
  "/account/invitations/[token]": { access: "anyone", note: "the token is the credential; accepting needs the invited, verified address (lib/data/orgs.ts)" },

  "/admin/specs": { access: "admin" },
  "/admin/notices": { access: "admin" },
  "/admin/notices/[id]": { access: "admin" },
  "/api/admin/notices": { access: "admin", note: "form POST (lib/notices/admin-forms.ts)" },
  "/api/admin/notices/[id]": { access: "admin", note: "form POST (lib/notices/admin-forms.ts)" },
  "/admin/changelog": { access: "admin" },
  "/admin/changelog/[id]": { access: "admin" },
  "/api/admin/changelog": { access: "admin", bodies: { POST: { api: "weather", title: "authz probe" } }, note: "form POST (lib/changes/admin-entry-forms.ts)" },
  "/api/admin/changelog/[id]": { access: "admin", bodies: { POST: { action: "delete" } }, note: "form POST; publish/unpublish/delete need a fresh second factor" },
  "/admin/access-requests": { access: "admin" },
  "/admin/users": { access: "admin" },
  "/admin/orgs": { access: "admin" },
  "/admin/apps": { access: "admin" },
  "/admin/audit": { access: "admin" },
  "/admin/suppressions": { access: "admin", note: "read-only list of suppressed mail addresses" },
  "/admin/audit.csv": { access: "admin" },
  "/api/admin/access-requests/[requestId]": { access: "admin", bodies: { POST: { decision: "approve" } }, note: "and a fresh second factor (lib/admin/step-up.ts)" },
  "/api/admin/users/[userId]": { access: "admin", bodies: { POST: { action: "disable" } }, note: "and a fresh second factor" },
  "/api/admin/keys/[keyId]/revoke": { access: "admin", bodies: { POST: { reason: "authz probe" } }, note: "and a fresh second factor" },

  "/apis": { access: "anyone", note: "catalog filtered by lib/access" },
  "/apis/[api]": { access: "docs" },
  "/apis/[api]/[version]": { access: "docs" },
  "/apis/[api]/[version]/openapi.json": { access: "docs" },
  "/apis/[api]/[version]/openapi.yaml": { access: "docs" },
  "/apis/[api]/[version]/operations/[slug]": { access: "docs" },
  "/apis/[api]/[version]/schemas": { access: "docs" },
  "/apis/[api]/[version]/schemas/[name]": { access: "docs" },
  "/apis/[api]/[version]/tags/[tag]": { access: "docs" },
  "/apis/[api]/[version]/webhooks": { access: "docs" },
  "/apis/[api]/[version]/webhooks/[slug]": { access: "docs" },
  "/apis/[api]/changelog": { access: "docs" },
  "/apis/[api]/changelog/[filter]": { access: "docs" },
  "/apis/[api]/changelog/atom.xml": { access: "docs" },
  "/apis/[api]/changelog/feed.json": { access: "docs" },
  "/apis/[api]/changelog/feed.xml": { access: "docs" },
  "/apis/[api]/diff": { access: "docs" },
  "/apis/[api]/diff/[range]": { access: "docs" },
  "/changelog": { access: "anyone", note: "public APIs only" },
  "/changelog/[filter]": { access: "anyone", note: "public APIs only" },
  "/changelog/atom.xml": { access: "anyone", note: "public APIs only" },
  "/changelog/feed.json": { access: "anyone", note: "public APIs only" },
  "/changelog/feed.xml": { access: "anyone", note: "public APIs only" },
  "/api/v1/apis/[api]/changes": { access: "docs" },
  "/api/v1/deprecations": { access: "anyone", note: "anonymous callers get public APIs only" },
  "/apis/[api]/deprecations": { access: "docs" },
  "/apis/[api]/deprecations/atom.xml": { access: "docs" },
  "/apis/[api]/deprecations/feed.json": { access: "docs" },
  "/apis/[api]/deprecations/feed.xml": { access: "docs" },
  "/apis/[api]/deprecations/sunsets.ics": { access: "docs" },
  "/deprecations": { access: "anyone", note: "public APIs only" },
  "/deprecations/atom.xml": { access: "anyone", note: "public APIs only" },
  "/deprecations/feed.json": { access: "anyone", note: "public APIs only" },
  "/deprecations/feed.xml": { access: "anyone", note: "public APIs only" },
  "/deprecations/sunsets.ics": { access: "anyone", note: "public APIs only" },

  "/md/[...path]": { access: "internal" },
  "/restricted-apis/[api]/[version]": { access: "internal" },
  "/restricted-apis/[api]/[version]/operations/[slug]": { access: "internal" },
  "/restricted-apis/[api]/[version]/schemas": { access: "internal" },
  "/restricted-apis/[api]/[version]/schemas/[name]": { access: "internal" },
  "/restricted-apis/[api]/[version]/tags/[tag]": { access: "internal" },
  "/restricted-apis/[api]/[version]/webhooks": { access: "internal" },
  "/restricted-apis/[api]/[version]/webhooks/[slug]": { access: "internal" },
  "/restricted-apis/[api]/changelog": { access: "internal" },
  "/restricted-apis/[api]/changelog/[filter]": { access: "internal" },
  "/restricted-apis/[api]/diff/[range]": { access: "internal" },
  "/restricted-apis/[api]/deprecations": { access: "internal" },

  "/api/v1/apps": { access: "signed-in", note: "lists and creates the caller's own apps", bodies: { POST: { name: "authz probe" } } },
  "/api/v1/apps/[appId]": { access: "tenant", objects: { appId: "app" }, bodies: { PATCH: { name: "taken over" } } },
  "/api/v1/apps/[appId]/access": { access: "tenant", objects: { appId: "app" }, bodies: { POST: { apiId: "weather" } } },
  "/api/v1/apps/[appId]/keys": { access: "tenant", objects: { appId: "app" }, bodies: { POST: { name: "stolen", scopes: ["weather:read"] } } },
  "/api/v1/apps/[appId]/keys/[keyId]": { access: "tenant", objects: { appId: "app", keyId: "key" } },
  "/api/v1/apps/[appId]/keys/[keyId]/rotate": { access: "tenant", objects: { appId: "app", keyId: "key" }, bodies: { POST: { gracePeriodSeconds: 0 } } },
  "/api/v1/apps/[appId]/keys/[keyId]/usage": { access: "tenant", objects: { appId: "app", keyId: "key" } },
  "/api/v1/apps/[appId]/try-it-keys": { access: "tenant", objects: { appId: "app" }, bodies: { POST: { api: "weather" } }, note: "one-hour test keys for the docs' Try-it console (lib/data/try-it-keys.ts)" },
  "/api/v1/apis/[api]/try-it": { access: "signed-in", note: "the caller's own apps that may call the API; an API the caller cannot see answers 404" },

  "/api/v1/orgs": { access: "signed-in", note: "lists the caller's organizations; creates one owned by the caller", bodies: { POST: { name: "authz probe" } } },
  "/api/v1/orgs/[slug]": { access: "tenant", objects: { slug: "org" } },
  "/api/v1/orgs/[slug]/members/[userId]": { access: "tenant", objects: { slug: "org", userId: "user" }, bodies: { PATCH: { role: "owner" } } },
  "/api/v1/orgs/[slug]/invitations": { access: "tenant", objects: { slug: "org" }, bodies: { POST: { email: "intruder@example.test", role: "owner" } } },
  "/api/v1/orgs/[slug]/invitations/[invitationId]": { access: "tenant", objects: { slug: "org", invitationId: "invitation" } },

  "/api/v1/keys/leaked": { access: "anyone", note: "leaked-key reports: always 202, revokes only live keys it is given, rate limited per IP (lib/keys/leaked.ts)" },
  "/api/v1/keys/verify": { access: "gateway" },
  "/api/v1/mail/bounces": { access: "gateway", note: "the mail server's own credential (ptl_mail_…, not a gateway's): bounce and complaint reports (lib/delivery/bounces.ts)" },
  "/api/v1/keys/verify/auth-request/[[...path]]": { access: "gateway" },
};
