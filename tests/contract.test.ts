// The contract checker itself: documented bodies pass, extra or missing fields fail.
import { expect, it } from "vitest";
import { assertDocumented } from "@/tests/contract";
it("refuses undocumented fields and missing ones, so a contract test can fail", () => {
  const key = { id: "k", name: "n", display: "d", prefix: "ptl_live_", last4: "abcd", scopes: [], status: "active", expiresAt: null, revokedAt: null, replacedById: null, lastUsedAt: null, createdAt: "2026-01-01T00:00:00Z" };
  expect(() => assertDocumented("GET", "/apps/{appId}/keys", 200, { data: [key] })).not.toThrow();
  expect(() => assertDocumented("GET", "/apps/{appId}/keys", 200, { data: [{ ...key, hash: "x" }] })).toThrow(/unevaluated|additional/);
  expect(() => assertDocumented("POST", "/apps/{appId}/keys", 201, { ...key, secret: "ptl_live_" + "a".repeat(36) })).not.toThrow();
  expect(() => assertDocumented("POST", "/apps/{appId}/keys", 201, key)).toThrow(/secret/);
  expect(() => assertDocumented("GET", "/apps/{appId}", 404, { error: { code: "x", message: "y", stack: "z" } })).toThrow();
});
