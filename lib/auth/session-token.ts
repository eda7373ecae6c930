// Session tokens: 256 random bits in the cookie (not a UUID), only their SHA-256 in the database.
// Someone who reads the Session table (a backup, a replica, an SQL injection) gets hashes that
// cannot be replayed as cookies. No salt or slow hash is needed: the token is not guessable.
import crypto from "node:crypto";

export function generateSessionToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashSessionToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}
