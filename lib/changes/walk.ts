// State shared by the parts of one comparison (diff.ts drives it).
import { deref, isObj } from "@/lib/openapi/document";
import type { Collector } from "./emit";
import type { SchemaDiffContext } from "./schema-diff";

export type Obj = Record<string, unknown>;

export interface Walk {
  before: Obj;
  after: Obj;
  out: Collector;
  schemas: SchemaDiffContext;
  /** Who is using the component schemas reached from now on ("GET /alerts", "schema:Alert"). */
  setUser(user: string): void;
}

/** A `$ref`-resolved object, or an empty one. */
export const obj = (doc: Obj, v: unknown): Obj => deref(doc, v) ?? {};

export const entries = (v: unknown): [string, unknown][] => (isObj(v) ? Object.entries(v) : []);

export const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** Media type without parameters, lower case: matching ignores `; charset=utf-8`. */
export const mediaKey = (m: string): string => m.split(";")[0]!.trim().toLowerCase();
