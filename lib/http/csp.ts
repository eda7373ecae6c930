// The Content-Security-Policy of the account and sign-in pages (proxy.ts sets it per request):
// scripts only with this request's nonce ('strict-dynamic' lets Next's own chunks load), plus
// the constant theme script by hash. Every other page has the static policy of next.config.js
// ('unsafe-inline' scripts: statically rendered pages cannot carry a per-request nonce).
import crypto from "node:crypto";
import { THEME_SCRIPT } from "@/components/layout/theme-script-source";

/** Paths that get the nonce policy; the static policy in next.config.js skips exactly these. */
export const NONCE_PAGE_PATTERN = /^\/(signin|signout|account|admin|auth\/|dev\/mailbox|subscribe|unsubscribe\/)/;

export const THEME_SCRIPT_HASH = `'sha256-${crypto.createHash("sha256").update(THEME_SCRIPT, "utf8").digest("base64")}'`;

export function newNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

export interface NoncePolicyOptions {
  nonce: string;
  /** Origins a sign-in form may end up at (OAuth and OpenID providers' authorize pages). */
  formActionOrigins?: string[];
  dev?: boolean;
}

export function noncePolicy({ nonce, formActionOrigins = [], dev = false }: NoncePolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${THEME_SCRIPT_HASH}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Browsers apply form-action to the redirects after a submit too: the provider's origin.
    ["form-action 'self'", ...formActionOrigins].join(" "),
    "frame-ancestors 'none'",
  ].join("; ");
}
