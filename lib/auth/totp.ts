// Second factor: TOTP (RFC 6238) with otplib, one-time recovery codes, and encryption of the TOTP
// secret at rest. The secret has to be readable to check a code (unlike keys and recovery codes,
// which are stored as hashes), so a database dump alone must not reveal it: AES-256-GCM with a key
// derived from the server secret. Codes are accepted within ±30 s and never twice (the last
// accepted time step is stored and passed as the lower bound).
import crypto from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { BASE62 } from "@/lib/ids";

export const ISSUER = "Portolan";
const TOLERANCE_S = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 }); // 160 bits, base32, as authenticator apps expect
}

export function totpUri(accountLabel: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: accountLabel, secret });
}

/** The accepted time step, or null. `afterStep` is the last accepted one (replay protection). */
export async function checkTotp(secret: string, code: string, afterStep: number | null, now = Date.now()): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const r = await verify({
      secret,
      token,
      epoch: Math.floor(now / 1000),
      epochTolerance: TOLERANCE_S,
      ...(afterStep !== null && { afterTimeStep: afterStep }),
    });
    return r.valid && "timeStep" in r ? r.timeStep : null;
  } catch {
    return null; // malformed secret or an afterTimeStep from the future: never a pass
  }
}

// --- Recovery codes: shown once, stored as SHA-256, each usable once ----------------------------

const RECOVERY_ALPHABET = BASE62.replace(/[0OIl1]/g, ""); // nothing to misread on paper

export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    let raw = "";
    while (raw.length < 10) {
      const byte = crypto.randomBytes(1)[0]!;
      if (byte < Math.floor(256 / RECOVERY_ALPHABET.length) * RECOVERY_ALPHABET.length) raw += RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length];
    }
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return crypto.createHash("sha256").update(code.trim().replace(/-/g, "").toLowerCase()).digest("hex");
}

// --- Secret encryption at rest ------------------------------------------------------------------

function keyFrom(serverSecret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", serverSecret, "portolan", "totp-secret-v1", 32));
}

/** "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function sealSecret(plain: string, serverSecret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", keyFrom(serverSecret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function openSecret(sealed: string, serverSecret: string): string | null {
  const [v, iv, tag, body] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", keyFrom(serverSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** How recent a second factor must be for admin actions (approve access, grant roles, revoke others' keys). */
export const STEP_UP_MAX_AGE_MS = 10 * 60_000;

export function isFreshSecondFactor(at: Date | null | undefined, now = Date.now()): boolean {
  return !!at && now - at.getTime() <= STEP_UP_MAX_AGE_MS && at.getTime() <= now + 60_000;
}
