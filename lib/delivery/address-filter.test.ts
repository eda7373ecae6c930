// SEC-E3 level 1 (no network) and SEC-G3: the address filter and the registration check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressAllowed, allowListFrom, ipv6Bytes, isPublicAddress } from "./address-filter";
import { checkWebhookUrl } from "./webhook-url";

const noDns = async () => {
  throw new Error("no dns in unit tests");
};

describe("isPublicAddress", () => {
  it.each([
    "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254",
    "0.0.0.0", "127.0.0.1", "127.255.255.255", "224.0.0.1", "239.255.255.250", "255.255.255.255", "198.18.0.1", "192.0.2.1",
    "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:7f00:1",
    "::127.0.0.1", "64:ff9b::a00:1", "2002:a00:1::", "2002:7f00:1::1", "2001:db8::1", "2001::1", "::ffff:0:a00:1",
  ])("refuses %s", (a) => {
    expect(isPublicAddress(a)).toBe(false);
  });

  it.each(["93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"])("allows %s", (a) => {
    expect(isPublicAddress(a)).toBe(true);
  });

  it("reads IPv6 in every spelling", () => {
    expect(ipv6Bytes("[::ffff:127.0.0.1]")).toEqual(ipv6Bytes("0:0:0:0:0:ffff:7f00:0001"));
    expect(ipv6Bytes("fe80::1%eth0")).toEqual(ipv6Bytes("fe80:0:0:0:0:0:0:1"));
    expect(ipv6Bytes("not an address")).toBeNull();
  });

  it("private IPv4 never passes, in any IPv6 wrapping (property)", () => {
    const privateV4 = fc.oneof(
      fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.integer({ min: 224, max: 255 }), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(0), fc.nat(255), fc.nat(255), fc.nat(255)),
    );
    fc.assert(
      fc.property(privateV4, ([a, b, c, d]) => {
        const dotted = `${a}.${b}.${c}.${d}`;
        const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        for (const s of [dotted, `::ffff:${dotted}`, `::ffff:${hex}`, `0:0:0:0:0:ffff:${hex}`, `64:ff9b::${hex}`, `2002:${hex}::1`]) {
          if (isPublicAddress(s)) return false;
        }
        // What URL parsing makes of decimal, hex and octal spellings is the dotted address.
        for (const host of [String(a * 2 ** 24 + b * 2 ** 16 + c * 256 + d), `0x${((a * 2 ** 24 + b * 2 ** 16 + c * 256 + d) >>> 0).toString(16)}`, `0${a.toString(8)}.${b}.${c}.${d}`]) {
          if (isPublicAddress(new URL(`http://${host}/`).hostname)) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it("random IPv6 outside 2000::/3 never passes (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }), (h) => {
        const s = h.map((x) => x.toString(16)).join(":");
        const first = h[0]!;
        if ((first & 0xe000) !== 0x2000 && !(first === 0 || first === 0x64)) return !isPublicAddress(s);
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on arbitrary strings (property)", () => {
    fc.assert(fc.property(fc.string(), (s) => typeof isPublicAddress(s) === "boolean"), { numRuns: 1000 });
  });

  it("lets the test allow-list through and nothing else", () => {
    const allow = allowListFrom("127.0.0.2, [::1]");
    expect(addressAllowed("127.0.0.2", allow)).toBe(true);
    expect(addressAllowed("::1", allow)).toBe(true);
    expect(addressAllowed("127.0.0.1", allow)).toBe(false);
  });
});

describe("checkWebhookUrl (registration)", () => {
  const none = new Set<string>();
  it.each([
    "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/",
    "http://0.0.0.0/", "http://[fc00::1]/", "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/", "http://metadata.google.internal/",
    "file:///etc/passwd", "gopher://example.com/", "ftp://example.com/", "http://127.0.0.1/", "http://localhost/", "http://[::1]/",
    "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/",
    "http://user@127.0.0.1/", "http://user:pw@example.com/", "http://foo.localhost/", "not a url",
  ])("refuses %s", async (u) => {
    expect((await checkWebhookUrl(u, none, noDns)).ok).toBe(false);
  });

  it("refuses a name that resolves to loopback, accepts one that resolves to public addresses", async () => {
    expect((await checkWebhookUrl("https://rebind.example.com/hook", none, async () => ["127.0.0.1"])).ok).toBe(false);
    expect((await checkWebhookUrl("https://mixed.example.com/hook", none, async () => ["93.184.216.34", "10.0.0.1"])).ok).toBe(false);
    expect((await checkWebhookUrl("https://hooks.example.com/in", none, async () => ["93.184.216.34"])).ok).toBe(true);
  });
});
