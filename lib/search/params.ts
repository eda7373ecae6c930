// The search request as the JSON endpoint and the /search page accept it (zod, one place).
import { z } from "zod";
import { MAX_QUERY_CHARS } from "./rank";

/** Same shape as API and version folder names (lib/specs/catalog.ts). */
const ID = /^[a-z0-9][a-z0-9._-]{0,79}$/i;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;

export const SearchParamsSchema = z
  .object({
    q: z
      .string({ error: "q is required" })
      .trim()
      .min(1, "q is required")
      .max(MAX_QUERY_CHARS, `q is longer than ${MAX_QUERY_CHARS} characters`),
    api: z.string().regex(ID, "api is not an API id").optional(),
    version: z.string().regex(ID, "version is not a version id").optional(),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`)
      .default(DEFAULT_LIMIT),
  })
  .refine((p) => !p.version || p.api, { message: "version needs api", path: ["version"] });

export type SearchParams = z.infer<typeof SearchParamsSchema>;

/** Reads the first value of each known parameter; empty strings count as absent (a plain form sends them). */
export function parseSearchParams(get: (name: string) => string | null | undefined) {
  const value = (name: string) => {
    const v = get(name);
    return v === null || v === undefined || v === "" ? undefined : v;
  };
  return SearchParamsSchema.safeParse({ q: get("q") ?? undefined, api: value("api"), version: value("version"), limit: value("limit") });
}
