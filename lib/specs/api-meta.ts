// The optional `specs/<api>/api.yaml`. Exactly these keys; anything else is a mistake we report
// rather than ignore, because a typo in `visibility` must never publish an internal API.
import { z } from "zod";

export const LIFECYCLES = ["beta", "current", "deprecated", "retired"] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const VISIBILITIES = ["public", "partner", "internal"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.iso.date({ message: "must be a date written YYYY-MM-DD" }));

const VersionMetaSchema = z
  .object({
    lifecycle: z.enum(LIFECYCLES).default("current"),
    /** When the version was published: dates its entry in the changelog and its feeds. */
    released: isoDate.optional(),
    deprecated: isoDate.optional(),
    sunset: isoDate.optional(),
  })
  .strict();

export const ApiMetaSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    summary: z.string().trim().max(300).optional(),
    visibility: z.enum(VISIBILITIES).default("public"),
    owners: z
      .array(z.object({ name: z.string().trim().min(1), email: z.email().optional() }).strict())
      .default([]),
    versions: z.record(z.string(), VersionMetaSchema.nullable()).default({}),
  })
  .strict();

export type ApiMeta = z.infer<typeof ApiMetaSchema>;
export type VersionMeta = z.infer<typeof VersionMetaSchema>;

export const DEFAULT_VERSION_META: VersionMeta = { lifecycle: "current" };
