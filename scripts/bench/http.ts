// Plain HTTP for the benchmark: node:http (not fetch) so that the bytes on the wire are what we
// count; fetch would decompress them out of sight.
import http from "node:http";
import zlib from "node:zlib";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Closes idle keep-alive connections (a server that is stopping waits for them). */
export function closeConnections(): void {
  for (const sockets of Object.values(agent.freeSockets)) for (const s of sockets ?? []) s.destroy();
}

export interface Fetched {
  status: number;
  /** Time until the whole body arrived. */
  ms: number;
  /** Bytes as sent (compressed when the server compressed). */
  wireBytes: number;
  encoding: string;
  body: Buffer;
}

/** GET with `Accept-Encoding: gzip` (what browsers send and `next start` answers); body decoded. */
export function get(url: string, acceptEncoding = "gzip"): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, { agent, headers: { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const ms = performance.now() - started;
        const wire = Buffer.concat(chunks);
        const encoding = String(res.headers["content-encoding"] ?? "identity");
        try {
          const body = encoding === "gzip" ? zlib.gunzipSync(wire) : encoding === "br" ? zlib.brotliDecompressSync(wire) : wire;
          resolve({ status: res.statusCode ?? 0, ms, wireBytes: wire.length, encoding, body });
        } catch (e) {
          reject(e as Error);
        }
      });
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
  });
}

export const gzipSize = (b: Buffer) => zlib.gzipSync(b).length;
/** Brotli at quality 11: what a CDN or a build step would store for a page that is cached. */
export const brotliSize = (b: Buffer) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
