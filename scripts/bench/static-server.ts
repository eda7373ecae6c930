// A small static server for the peers: each peer's standalone page, its bundle files and the
// spec, on 127.0.0.1. Like `next start` it answers gzip when asked; compressed bodies are kept in
// memory after the first request, so only the first (discarded warm-up) load pays for gzip.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg"]);

export interface StaticRoutes {
  /** Exact paths answered with generated HTML. */
  pages: Record<string, string>;
  /** URL prefix (e.g. "/redoc3/") → folder on disk. */
  folders: Record<string, string>;
  /** Exact paths answered with one file (e.g. "/spec.json"). */
  files: Record<string, string>;
}

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

interface Body {
  raw: Buffer;
  gzip?: Buffer;
  type: string;
}

function resolve(routes: StaticRoutes, urlPath: string): { file?: string; html?: string } | null {
  if (routes.pages[urlPath] !== undefined) return { html: routes.pages[urlPath] };
  if (routes.files[urlPath]) return { file: routes.files[urlPath] };
  for (const [prefix, dir] of Object.entries(routes.folders)) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = path.resolve(dir, "." + urlPath.slice(prefix.length - 1));
    // Never outside the folder (../ in a URL).
    if (file.startsWith(path.resolve(dir) + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) return { file };
  }
  return null;
}

export function startStaticServer(routes: StaticRoutes, port: number): Promise<StaticServer> {
  const bodies = new Map<string, Body>();
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const found = resolve(routes, urlPath);
    if (!found) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    let body = bodies.get(urlPath);
    if (!body) {
      const ext = found.html !== undefined ? ".html" : path.extname(found.file!).toLowerCase();
      const raw = found.html !== undefined ? Buffer.from(found.html) : fs.readFileSync(found.file!);
      body = { raw, type: TYPES[ext] ?? "application/octet-stream", gzip: COMPRESSIBLE.has(ext) ? zlib.gzipSync(raw) : undefined };
      bodies.set(urlPath, body);
    }
    const gzip = body.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const data = gzip ? body.gzip! : body.raw;
    res.writeHead(200, {
      "content-type": body.type,
      "content-length": data.length,
      "cache-control": "no-store",
      vary: "accept-encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : data);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({
        origin: `http://127.0.0.1:${actual}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

/** The first of `port` … `port + 8` that is free (another checkout may hold one). */
export async function startStaticServerNear(routes: StaticRoutes, port: number): Promise<StaticServer> {
  for (let p = port; ; p++) {
    try {
      return await startStaticServer(routes, p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE" || p >= port + 8) throw e;
    }
  }
}
