import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,server,scripts,prisma,tests,components}/**/*.test.{ts,tsx}"],
    environment: "node",
    // Starts the embedded PostgreSQL (or uses DATABASE_URL) and applies migrations once.
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
