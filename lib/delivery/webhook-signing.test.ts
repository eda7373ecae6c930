// SEC-E1: our signer against the official `standardwebhooks` library, both ways, and rotation.
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signatureOf, signWebhook } from "./webhook-signing";

describe("Standard Webhooks signing", () => {
  it("secrets are whsec_ + base64 of 32 random bytes", () => {
    const s = newWebhookSecret();
    expect(s).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(s.slice(6), "base64")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(s);
  });

  it("what we sign, the reference library verifies (100 messages)", () => {
    for (let i = 0; i < 100; i++) {
      const secret = newWebhookSecret();
      const body = JSON.stringify({ type: "deprecation.published", i, text: "ünïcödé ✓", data: { api: "weather" } });
      const headers = signWebhook([secret], `msg_${i}`, body);
      expect(Object.keys(headers).sort()).toEqual(["webhook-id", "webhook-signature", "webhook-timestamp"]);
      expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    }
  });

  it("matches the reference library's own signature byte for byte", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const ts = new Date(1_614_265_330_000);
    const body = '{"test": 2432232314}';
    expect(signatureOf(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1_614_265_330, body)).toBe(new Webhook(secret).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", ts, body));
    // The Standard Webhooks spec's published test vector.
    expect(signatureOf(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1_614_265_330, body)).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("during a rotation both secrets sign and either verifies; a tampered body does not", () => {
    const oldS = newWebhookSecret();
    const newS = newWebhookSecret();
    const body = '{"type":"x"}';
    const headers = signWebhook([newS, oldS], "msg_rot", body);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(oldS).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(newS).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(newS).verify('{"type":"y"}', { ...headers })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
  });

  it("a replay older than five minutes is rejected by the receiver library", () => {
    const s = newWebhookSecret();
    const headers = signWebhook([s], "msg_old", "{}", Date.now() - 6 * 60_000);
    expect(() => new Webhook(s).verify("{}", { ...headers })).toThrow();
  });
});
