// Configuration, read once and validated at start. A bad value stops the process with a message
// naming the variable (server/start.ts prints it). Every variable is documented in README.md.
import path from "node:path";
import { z } from "zod";
import { normalizeEmail } from "@/lib/auth/email-address";

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

  // --- Accounts and sign-in (lib/auth) ---
  /** Keys next-auth's CSRF and email-token hashes. Required when PORTAL_URL is https. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  /** smtp:// or smtps:// URL of the mail server for sign-in links. Unset: dev mailbox (local installs only). */
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  /** Sender of sign-in mail, e.g. `Portolan <no-reply@example.com>`. Required with SMTP_URL. */
  MAIL_FROM: z.string().trim().max(200).optional(),
  GITHUB_ID: z.string().trim().optional(),
  GITHUB_SECRET: z.string().trim().optional(),
  /** Company single sign-on (any OpenID Connect provider): issuer URL, client id and secret. */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().trim().optional(),
  OIDC_CLIENT_SECRET: z.string().trim().optional(),
  /** Button label: "Sign in with <OIDC_NAME>". */
  OIDC_NAME: z.string().trim().max(60).default("Company SSO"),
  /** Comma-separated emails promoted to portal admin when they sign in with a verified address. */
  ADMIN_EMAILS: z.string().optional(),
  /** Reverse proxies in front of the portal that append to X-Forwarded-For (0: clients connect directly). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),

  // --- Delivery (lib/delivery) ---
  /** Tests only: comma-separated IP addresses webhooks may reach although private/loopback. */
  WEBHOOK_ALLOW_HOSTS: z.string().trim().max(500).optional(),
});

/** Variables that only work together: each group is all set or all unset. */
const TOGETHER: [string, string[]][] = [
  ["GitHub sign-in", ["GITHUB_ID", "GITHUB_SECRET"]],
  ["OpenID Connect sign-in", ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]],
];

export type Env = z.infer<typeof EnvSchema> & {
  /** Absolute paths, resolved against the working directory. */
  dataDir: string;
  specsDir: string;
  portalUrl: string;
  /** GATEWAY_PORT resolved; 0 when the gateway server is off. */
  gatewayPort: number;
  /** ADMIN_EMAILS normalised (lib/auth/email-address.ts). */
  adminEmails: string[];
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
  const issues: { variable: string; message: string }[] = [];
  for (const [what, names] of TOGETHER) {
    const set = names.filter((n) => cleaned[n] !== undefined);
    if (set.length > 0 && set.length < names.length) {
      for (const n of names.filter((x) => !set.includes(x))) issues.push({ variable: n, message: `${what} needs ${names.join(", ")}` });
    }
  }
  if (env.SMTP_URL && !env.MAIL_FROM) issues.push({ variable: "MAIL_FROM", message: "required when SMTP_URL is set" });
  const portalUrl = (env.PORTAL_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  // A public deployment must not depend on a secret kept in its own database (lib/auth/secret.ts).
  if (portalUrl.startsWith("https://") && !env.NEXTAUTH_SECRET) issues.push({ variable: "NEXTAUTH_SECRET", message: "required when PORTAL_URL is https (a deployment others use)" });
  const adminEmails: string[] = [];
  for (const raw of (env.ADMIN_EMAILS ?? "").split(",").map((x) => x.trim()).filter(Boolean)) {
    const parsed = normalizeEmail(raw);
    if (parsed.ok) adminEmails.push(parsed.email);
    else issues.push({ variable: "ADMIN_EMAILS", message: `not a valid address: ${JSON.stringify(raw.slice(0, 80))} (${parsed.reason})` });
  }
  if (issues.length) throw new EnvError(issues);
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    specsDir: path.resolve(env.SPECS_DIR),
    portalUrl,
    gatewayPort: env.GATEWAY_PORT ?? (env.PORT < 65535 ? env.PORT + 1 : 0),
    adminEmails,
  };
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
