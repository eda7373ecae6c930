// Portolan's own model of one API version, whatever format the description was written in
// (Swagger 2.0, OpenAPI 3.0, 3.1, 3.2). Pages read this; they never see the raw document.

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type SpecFormat = "swagger-2.0" | "openapi-3.0" | "openapi-3.1" | "openapi-3.2";

export interface OperationSummary {
  /** Stable URL segment: the operationId when usable, otherwise derived from method + path. */
  slug: string;
  method: HttpMethod;
  path: string;
  operationId: string | null;
  /** Summary, or "METHOD /path" when the description has none. */
  title: string;
  tags: string[];
  deprecated: boolean;
  /** From `x-sunset`: when the operation stops working (ISO date), if the spec says. */
  sunset: string | null;
}

export interface TagSummary {
  name: string;
  description: string | null;
}

export interface ServerSummary {
  url: string;
  description: string | null;
}

export interface SecuritySchemeSummary {
  /** The key under components.securitySchemes. */
  name: string;
  type: string;
  description: string | null;
  /** Readable details: "header X-API-Key", "bearer (JWT)", "OAuth 2.0 clientCredentials" … */
  details: string[];
}

export interface WebhookSummary {
  slug: string;
  name: string;
  method: HttpMethod;
  title: string;
  deprecated: boolean;
}

/**
 * The navigation-sized model of one version (model.json). Full operation and schema objects are
 * read from the version's OpenAPI 3.x document (document.json) only when a page needs them.
 */
export interface VersionModel {
  /** Format of the description as written; document.json is always OpenAPI 3.x. */
  format: SpecFormat;
  /** The document's own version string, e.g. "3.1.0" or "2.0". */
  formatVersion: string;
  title: string;
  /** info.version */
  infoVersion: string;
  description: string | null;
  servers: ServerSummary[];
  securitySchemes: SecuritySchemeSummary[];
  tags: TagSummary[];
  operations: OperationSummary[];
  /** Names under components.schemas (definitions in Swagger 2.0), in document order. */
  schemaNames: string[];
  webhooks: WebhookSummary[];
}

// --- The catalog: what the ingest step found, written to DATA_DIR/specs-cache/manifest.json ---

import type { Lifecycle, Visibility } from "./api-meta";
import type { SpecProblem } from "./problems";

export type VersionStatus = "ok" | "failed";

export interface CatalogVersion {
  id: string;
  lifecycle: Lifecycle;
  deprecated: string | null;
  sunset: string | null;
  /** `released` from api.yaml (YYYY-MM-DD), when given. */
  released?: string | null;
  status: VersionStatus;
  format: SpecFormat | null;
  title: string | null;
  operationCount: number;
  errorCount: number;
  warningCount: number;
  /** sha256 over the files the description is made of. */
  contentHash: string;
  /** Why a failed version could not be loaded (the first error), for its problem page. */
  failure: SpecProblem | null;
}

export interface CatalogApi {
  id: string;
  name: string;
  summary: string | null;
  /** null when api.yaml is invalid: the API is withheld from everyone but admins. */
  visibility: Visibility | null;
  owners: { name: string; email?: string }[];
  /** Oldest first. */
  versions: CatalogVersion[];
  /** The version `latest` points to: newest current, else newest not retired, else newest. */
  latestVersion: string | null;
  /** Problems of the API folder itself (api.yaml, missing entry files). */
  catalogErrorCount: number;
}

export interface Catalog {
  generatedAt: string;
  apis: CatalogApi[];
}
