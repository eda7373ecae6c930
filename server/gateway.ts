// The lean HTTP path for key verification, run by `npm start` beside Next.js on GATEWAY_PORT.
// Gateways call it on every API request, so it is a bare node:http server: no framework, no
// per-request logging, keys looked up through an in-memory cache that PostgreSQL change
// notifications keep exact (lib/gateway/key-change-listener.ts). The portal serves the same
// protocol at the same paths on its own port, for setups that cannot reach this one.
import http from "node:http";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { AUTH_REQUEST_PATH, errorResponse, MAX_BODY_BYTES, VERIFY_PATH, type WireResponse } from "@/lib/gateway/protocol";
import { gatewayServices, type GatewayServiceOptions } from "@/lib/gateway/services";

export interface GatewayServerOptions extends GatewayServiceOptions {
  port: number;
  host?: string;
  databaseUrl: string;
}

export interface GatewayServer {
  url: string;
  db: Db;
  stop(): Promise<void>;
}

function send(res: http.ServerResponse, r: WireResponse): void {
  res.writeHead(r.status, r.headers);
  res.end(r.body);
}

export async function startGatewayServer(opts: GatewayServerOptions): Promise<GatewayServer> {
  const db = createDbClient(opts.databaseUrl, { poolSize: 4 });
  const services = gatewayServices(db, opts.databaseUrl, opts);
  const { protocol } = services;

  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    const path = url.split("?", 1)[0]!;
    const fail = (e: unknown) => {
      opts.log?.error({ err: String(e), path }, "verification failed");
      if (!res.headersSent) send(res, errorResponse(503, "unavailable", "Verification is temporarily unavailable."));
    };
    if (path === "/healthz") return send(res, { status: 200, headers: { "content-type": "text/plain" }, body: "ok" });
    if (path === AUTH_REQUEST_PATH || path.startsWith(AUTH_REQUEST_PATH + "/")) {
      protocol.verifyAuthRequest(req.headers, url).then((r) => send(res, r), fail);
      req.resume();
      return;
    }
    if (path !== VERIFY_PATH) return send(res, errorResponse(404, "not_found", "No such endpoint."));
    if (req.method !== "POST") return send(res, { ...errorResponse(405, "method_not_allowed", "Use POST."), headers: { allow: "POST" } });
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        send(res, errorResponse(413, "too_large", `The body is limited to ${MAX_BODY_BYTES} bytes.`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) return;
      protocol.verifyJson(req.headers, url, Buffer.concat(chunks).toString("utf8")).then((r) => send(res, r), fail);
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const addr = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${addr.port}`,
    db,
    async stop() {
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
      await services.stop();
      await db.$disconnect();
    },
  };
}
