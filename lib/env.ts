// Configuration, read once and validated at start. A bad value stops the process with a message
// naming the variable (server/start.ts prints it). Every variable is documented in README.md.
import path from "node:path";
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);
const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), "must be a postgres:// or postgresql:// URL");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: port.default(3000),
  /** Unset: an embedded PostgreSQL (PGlite) under DATA_DIR is started by `npm start`. */
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  SPECS_DIR: z.string().min(1).default("specs"),
  /** Public origin of the portal, used for absolute links (sitemap, feeds, emails). */
  PORTAL_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Slug of the organization whose members may see and request internal APIs. */
  INTERNAL_ORG_SLUG: z.string().regex(/^[a-z0-9-]{1,60}$/).optional(),
  /** Port of the lean key-verification server for API gateways; default PORT + 1, 0 turns it off. */
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Port of the embedded database's local socket; 0 picks a free one. */
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** A spec that takes longer than this to load (a YAML bomb, say) is reported as broken. */
  SPEC_INGEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  /** Heap limit of each spec-loading child process. */
  SPEC_INGEST_MEMORY_MB: z.coerce.number().int().min(256).default(2048),
});

export type Env = z.infer<typeof EnvSchema> & {
  /** Absolute paths, resolved against the working directory. */
  dataDir: string;
  specsDir: string;
  portalUrl: string;
  /** GATEWAY_PORT resolved; 0 when the gateway server is off. */
  gatewayPort: number;
};

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      "Invalid configuration:\n" +
        issues.map((i) => `  ${i.variable}: ${i.message}`).join("\n") +
        "\nSee README.md, section Configuration.",
    );
    this.name = "EnvError";
  }
}

/** Parses a set of variables; throws EnvError naming every bad variable. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((k) => [k, source[k] === "" ? undefined : source[k]]),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((i) => ({ variable: String(i.path[0] ?? "?"), message: i.message })),
    );
  }
  const env = result.data;
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    specsDir: path.resolve(env.SPECS_DIR),
    portalUrl: (env.PORTAL_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    gatewayPort: env.GATEWAY_PORT ?? (env.PORT < 65535 ? env.PORT + 1 : 0),
  };
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
