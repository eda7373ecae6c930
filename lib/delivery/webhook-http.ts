// One webhook POST with the SSRF and resource limits of SEC-E3/E4/E5:
// - the address is checked where the socket gets it: a `lookup` hook (host names) or before the
//   request (IP literals, which Node connects to without a lookup), so what is checked is what
//   is connected to, even if DNS answers differently than at registration;
// - redirects are not followed (a 3xx is a failed attempt); one deadline for the whole attempt
//   (connect, send, headers, body); at most 64 KB of the response is read, then the socket is
//   dropped. The response body is never returned: errors name a status or a class, nothing the
//   receiver wrote.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { addressAllowed } from "./address-filter";

export const WEBHOOK_TIMEOUT_MS = 15_000;
export const RESPONSE_CAP_BYTES = 64 * 1024;

export type LookupFn = (hostname: string, callback: (err: Error | null, addresses: { address: string; family: number }[]) => void) => void;

const systemLookup: LookupFn = (hostname, cb) => dns.lookup(hostname, { all: true, verbatim: true }, (err, addrs) => cb(err, addrs ?? []));

export interface PostResult {
  /** HTTP status, or null when no response came. */
  status: number | null;
  ok: boolean;
  /** Short, ours: "http 500", "timeout", "blocked address", "redirect not followed", … */
  error?: string;
  retryAfter?: string;
  durationMs: number;
}

export class BlockedAddressError extends Error {
  constructor() {
    super("blocked address");
  }
}

export interface PostOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  allow: Set<string>;
  timeoutMs?: number;
  lookup?: LookupFn;
}

export function postWebhook(opts: PostOptions): Promise<PostResult> {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (r: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: Date.now() - started });
    };
    let url: URL;
    try {
      url = new URL(opts.url);
    } catch {
      return done({ status: null, ok: false, error: "invalid url" });
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return done({ status: null, ok: false, error: "scheme not allowed" });
    if (url.username || url.password) return done({ status: null, ok: false, error: "credentials in url" });
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (net.isIP(host) && !addressAllowed(host, opts.allow)) return done({ status: null, ok: false, error: "blocked address" });

    const lookup = opts.lookup ?? systemLookup;
    // Node's net.connect calls this for host names; every address returned must pass, and the
    // one connected to is one of them.
    const guardedLookup = (hostname: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
      lookup(hostname, (err, addrs) => {
        if (err) return cb(err);
        if (addrs.length === 0) return cb(new Error("no address"));
        if (!addrs.every((a) => addressAllowed(a.address, opts.allow))) return cb(new BlockedAddressError());
        if (options?.all) return cb(null, addrs);
        cb(null, addrs[0]!.address, addrs[0]!.family);
      });
    };

    const mod = url.protocol === "https:" ? https : http;
    const req = mod.request(url, {
      method: "POST",
      agent: false, // no pooled socket checked for another address
      lookup: guardedLookup as unknown as typeof dns.lookup,
      headers: { ...opts.headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(opts.body)), "user-agent": "Portolan-Webhooks/1" },
    });
    timer = setTimeout(() => {
      req.destroy();
      done({ status: null, ok: false, error: "timeout" });
    }, timeoutMs);
    req.on("error", (e) => done({ status: null, ok: false, error: e instanceof BlockedAddressError ? "blocked address" : errorClass(e) }));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const retryAfter = typeof res.headers["retry-after"] === "string" ? res.headers["retry-after"] : undefined;
      let read = 0;
      const finish = () => {
        if (status >= 200 && status < 300) done({ status, ok: true, retryAfter });
        else if (status >= 300 && status < 400) done({ status, ok: false, error: "redirect not followed", retryAfter });
        else done({ status, ok: false, error: `http ${status}`, retryAfter });
      };
      res.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > RESPONSE_CAP_BYTES) {
          // Enough: the status is what counts; drop the rest.
          res.destroy();
          finish();
        }
      });
      res.on("end", finish);
      res.on("error", () => finish());
    });
    req.end(opts.body);
  });
}

function errorClass(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" && /^[A-Z_]{2,40}$/.test(code) ? `network ${code}` : "network error";
}
