import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { devMailboxAccess, devMailboxMode } from "./dev-mailbox";

const PEER = Symbol.for("portolan.peerHeader");
const local = parseEnv({ PORT: "3000" }); // PORTAL_URL http://localhost:3000
const headers = (h: Record<string, string>) => new Headers(h);

describe("dev mailbox", () => {
  beforeEach(() => {
    (globalThis as Record<symbol, unknown>)[PEER] = "x-portolan-peer";
  });
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[PEER];
  });

  it("is a mode of local installs without SMTP only", () => {
    expect(devMailboxMode(local)).toBe(true);
    expect(devMailboxMode(parseEnv({ PORTAL_URL: "http://127.0.0.1:3210" }))).toBe(true);
    expect(devMailboxMode(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "a@b.test" }))).toBe(false);
    expect(devMailboxMode(parseEnv({ PORTAL_URL: "http://portal.internal.example:3000" }))).toBe(false);
    expect(devMailboxMode(parseEnv({ PORTAL_URL: "http://10.0.0.5:3000" }))).toBe(false);
    expect(devMailboxMode(parseEnv({ TRUSTED_PROXY_HOPS: "1" }))).toBe(false);
  });

  it("opens for a request from this machine to the configured host", () => {
    const direct = { host: "localhost:3000", "x-portolan-forwarded": "0" };
    expect(devMailboxAccess(local, headers({ ...direct, "x-portolan-peer": "127.0.0.1" }))).toEqual({ ok: true });
    expect(devMailboxAccess(local, headers({ ...direct, "x-portolan-peer": "::1" }))).toEqual({ ok: true });
    expect(devMailboxAccess(local, headers({ ...direct, "x-portolan-peer": "::ffff:127.0.0.1" }))).toEqual({ ok: true });
    // Next adds X-Forwarded-For from the socket itself: that alone does not close the mailbox.
    expect(devMailboxAccess(local, headers({ ...direct, "x-portolan-peer": "127.0.0.1", "x-forwarded-for": "127.0.0.1" }))).toEqual({ ok: true });
  });

  it("stays closed for remote peers, whatever headers they send", () => {
    const remote = { host: "localhost:3000", "x-portolan-peer": "192.0.2.10", "x-portolan-forwarded": "0" };
    expect(devMailboxAccess(local, headers(remote))).toEqual({ ok: false, reason: "not-loopback" });
    // A client cannot claim loopback: X-Forwarded-For is not what decides.
    expect(devMailboxAccess(local, headers({ ...remote, "x-forwarded-for": "127.0.0.1", "x-portolan-forwarded": "1" }))).toMatchObject({ ok: false });
    // A proxy on this machine that says it relays someone (the preload saw forwarding headers).
    expect(devMailboxAccess(local, headers({ host: "localhost:3000", "x-portolan-peer": "127.0.0.1", "x-portolan-forwarded": "1" }))).toEqual({ ok: false, reason: "forwarded" });
  });

  it("refuses other Host names (DNS rebinding) and fails closed without the peer preload", () => {
    expect(devMailboxAccess(local, headers({ host: "rebind.attacker.example:3000", "x-portolan-peer": "127.0.0.1", "x-portolan-forwarded": "0" }))).toEqual({ ok: false, reason: "wrong-host" });
    delete (globalThis as Record<symbol, unknown>)[PEER];
    expect(devMailboxAccess(local, headers({ host: "localhost:3000", "x-portolan-peer": "127.0.0.1" }))).toEqual({ ok: false, reason: "not-loopback" });
  });

  it("is closed whenever SMTP is configured", () => {
    const smtp = parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "a@b.test" });
    expect(devMailboxAccess(smtp, headers({ host: "localhost:3000", "x-portolan-peer": "127.0.0.1" }))).toEqual({ ok: false, reason: "smtp-configured" });
  });
});
