// Swagger 2.0 → OpenAPI 3.0, so pages, samples and diffs handle one shape. swagger2openapi is the
// standard converter; it gets an already-bundled document (internal refs only) and is told not
// to resolve anything, so it never reads files or the network.
import { createRequire } from "node:module";

type Obj = Record<string, unknown>;
const require = createRequire(import.meta.url);

interface Converter {
  convertObj(doc: Obj, options: Obj): Promise<{ openapi: Obj }>;
}

export async function toOpenApi3(doc: Obj): Promise<Obj> {
  if (doc.swagger !== "2.0") return doc;
  const s2o = require("swagger2openapi") as Converter;
  // patch: fix small errors the converter knows about; warnOnly: never refuse a document that
  // bundled and linted (lint already reported its problems).
  const { openapi } = await s2o.convertObj(structuredClone(doc), { patch: true, warnOnly: true, resolve: false, direct: false });
  // Without `schemes`, Swagger 2.0 means "the scheme the description was fetched with", which the
  // converter writes as a protocol-relative URL ("//host/base"). Readers copy these URLs into
  // code, so they get https, the scheme every public API is served with.
  if (Array.isArray(openapi.servers)) {
    for (const server of openapi.servers as Obj[]) {
      if (typeof server.url === "string" && server.url.startsWith("//")) server.url = `https:${server.url}`;
    }
  }
  return openapi;
}
