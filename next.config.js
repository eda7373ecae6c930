// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Loaded by Node at run time, not bundled: native/worker-heavy or ESM-only server packages.
  serverExternalPackages: ["pino", "@redocly/openapi-core", "@prisma/adapter-pg", "pg"],
  // The build must not depend on which database or specs folder a machine has.
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;
