import { afterEach, describe, expect, it } from "vitest";
import { clientIp, isLoopbackAddress, isLoopbackHostname, peerAddress } from "./client-ip";

const PEER = Symbol.for("portolan.peerHeader");
const g = globalThis as Record<symbol, unknown>;
afterEach(() => delete g[PEER]);

describe("client address", () => {
  it("is unknown without the peer preload, even if a client sends the header", () => {
    expect(peerAddress(new Headers({ "x-portolan-peer": "127.0.0.1" }))).toBeNull();
  });

  it("is the TCP peer when no proxy is trusted; X-Forwarded-For from clients is ignored", () => {
    g[PEER] = "x-portolan-peer";
    const h = new Headers({ "x-portolan-peer": "::ffff:198.51.100.7", "x-forwarded-for": "127.0.0.1" });
    expect(clientIp(h, 0)).toBe("198.51.100.7");
  });

  it("with N trusted proxies, is the address the outermost trusted proxy saw", () => {
    g[PEER] = "x-portolan-peer";
    const h = new Headers({ "x-portolan-peer": "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.1" });
    expect(clientIp(h, 1)).toBe("10.0.0.1");
    expect(clientIp(h, 2)).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-portolan-peer": "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("knows loopback addresses and names", () => {
    for (const ip of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(ip), ip).toBe(true);
    for (const ip of ["10.0.0.1", "0.0.0.0", "::", "128.0.0.1", "::ffff:10.0.0.1", null]) expect(isLoopbackAddress(ip), String(ip)).toBe(false);
    for (const h of ["localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "[::1]"]) expect(isLoopbackHostname(h), h).toBe(true);
    for (const h of ["localhost.example.com", "example.com", "10.0.0.1"]) expect(isLoopbackHostname(h), h).toBe(false);
  });
});
