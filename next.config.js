// @ts-check
const dev = process.env.NODE_ENV === "development";

// Security headers (SEC-D1). The account and sign-in pages get a per-request nonce policy from
// proxy.ts (lib/http/csp.ts); every other page gets this static policy. Statically rendered docs
// pages cannot carry a nonce, and Next's App Router bootstraps them with inline scripts whose
// content differs per page (the RSC payload), so hashes cannot list them either: script-src
// keeps 'unsafe-inline' here. That is the documented residual: on these pages the CSP does not
// stop an injected inline script; escaping and sanitising spec content does (SEC-D3). It still
// refuses scripts from other origins, eval, plugins, <base> changes, framing and foreign forms.
const STATIC_CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  // The Try-it console on operation pages sends the reader's requests to the API's own servers,
  // wherever they are (https, or http for local and internal ones).
  "connect-src 'self' https: http:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Paths with the nonce policy: keep in step with NONCE_PAGE_PATTERN and proxy.ts's matcher. */
const NOT_NONCE_PAGES = "/((?!signin|signout|account|admin|auth/|dev/mailbox).*)";

const EVERY_RESPONSE = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // Browsers ignore HSTS on plain http (a local install), so it is sent unconditionally: the
  // build does not know whether it will be served over https.
  { key: "Strict-Transport-Security", value: "max-age=31536000" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Loaded by Node at run time, not bundled: native/worker-heavy or ESM-only server packages.
  serverExternalPackages: ["pino", "@redocly/openapi-core", "@prisma/adapter-pg", "pg"],
  // Rendered public docs pages live in a bounded in-memory LRU per instance, not on disk beside
  // the build (see the file for why).
  cacheHandler: require.resolve("./server/page-cache.cjs"),
  cacheMaxMemorySize: 0,
  experimental: {
    // The stylesheet (~8 KB compressed) goes inside each page instead of a render-blocking
    // request: a docs page paints as soon as its HTML is parsed (npm run bench, "Visible").
    inlineCss: true,
  },
  // CDNs may serve a cached docs page for a day while it is re-rendered (stale-while-revalidate).
  expireTime: 86400,
  // The build must not depend on which database or specs folder a machine has.
  typescript: { ignoreBuildErrors: false },
  async headers() {
    return [
      { source: "/:path*", headers: EVERY_RESPONSE },
      {
        source: NOT_NONCE_PAGES,
        headers: [
          { key: "Content-Security-Policy", value: STATIC_CSP },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
