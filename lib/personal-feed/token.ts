// The secret in a personal feed URL: "pfeed_" + 43 base62 characters (≈ 256 bits from the CSPRNG).
// Only its SHA-256 is stored. The prefix lets secret scanners recognise a leaked feed URL, and
// the shape is checked before any database lookup.
import crypto from "node:crypto";
import { randomBase62 } from "@/lib/ids";

const TOKEN = /^pfeed_[0-9A-Za-z]{43}$/;

export const newFeedToken = (): string => `pfeed_${randomBase62(43)}`;
export const isFeedTokenShape = (token: string): boolean => TOKEN.test(token);
export const hashFeedToken = (token: string): string => crypto.createHash("sha256").update(token).digest("hex");
