// Ids for this slice's rows, in the format of lib/ids.ts (prefix + 20 base62 ≈ 119 bits).
import { randomBase62 } from "@/lib/ids";

export function deliveryId(prefix: "sub" | "whe" | "dlv" | "att"): string {
  return `${prefix}_${randomBase62(20)}`;
}
