// Standard Webhooks signing (https://www.standardwebhooks.com): secret `whsec_` + base64 of 32
// random bytes; signature `v1,` + base64 HMAC-SHA256 of `${id}.${timestamp}.${body}` keyed with
// the decoded secret. During a rotation both secrets sign and both signatures are sent,
// space-separated, so a receiver on either secret verifies.
import crypto from "node:crypto";

const PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return PREFIX + crypto.randomBytes(32).toString("base64");
}

function keyOf(secret: string): Buffer {
  const b64 = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  const key = Buffer.from(b64, "base64");
  if (key.length < 24 || key.length > 64) throw new Error("webhook secret must hold 24 to 64 bytes");
  return key;
}

export function signatureOf(secret: string, id: string, timestamp: number, body: string): string {
  return "v1," + crypto.createHmac("sha256", keyOf(secret)).update(`${id}.${timestamp}.${body}`, "utf8").digest("base64");
}

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** Headers for one attempt: the id stays, the timestamp (seconds) and signatures are fresh. */
export function signWebhook(secrets: string[], id: string, body: string, now = Date.now()): SignedHeaders {
  const timestamp = Math.floor(now / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((s) => signatureOf(s, id, timestamp, body)).join(" "),
  };
}
