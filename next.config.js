// @ts-check
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
  // CDNs may serve a cached docs page for a day while it is re-rendered (stale-while-revalidate).
  expireTime: 86400,
  // The build must not depend on which database or specs folder a machine has.
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;
