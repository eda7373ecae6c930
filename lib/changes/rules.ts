// Every kind of change Portolan reports, with its severity. Ids are oasdiff's where oasdiff has
// the check (https://www.oasdiff.com, checker/rules.go), with oasdiff's level beside it; `own`
// marks Portolan's additions. Where the severity differs from oasdiff's level (ERR = breaking),
// `differs` says why; the README's Changelog section lists the same.
import type { Severity } from "./types";

export type OasdiffLevel = "ERR" | "WARN" | "INFO" | "own";

export interface Rule {
  severity: Severity;
  oasdiff: OasdiffLevel;
  differs?: string;
}

const R = (severity: Severity, oasdiff: OasdiffLevel, differs?: string): Rule => ({ severity, oasdiff, ...(differs ? { differs } : {}) });

const REMOVED_AFTER_DEPRECATION = "still breaks every client that has not moved; the deprecation only announced it";
const RESPONSE_ENUM_REMOVED = "clients branch on response values and send them back in later requests; the issue asks for it";

const FIXED: Record<string, Rule> = {
  // Paths and operations
  "api-path-removed-without-deprecation": R("breaking", "ERR"),
  "api-path-removed-with-deprecation": R("breaking", "INFO", REMOVED_AFTER_DEPRECATION),
  "api-removed-without-deprecation": R("breaking", "ERR"),
  "api-removed-with-deprecation": R("breaking", "INFO", REMOVED_AFTER_DEPRECATION),
  "request-path-parameter-removed": R("breaking", "own"),
  "request-path-parameter-renamed": R("breaking", "own", "oasdiff reports a removed parameter (WARN) and a new path parameter (ERR); generated clients name path parameters, so one breaking change"),
  "endpoint-added": R("non-breaking", "INFO"),
  "endpoint-deprecated": R("deprecation", "INFO"),
  "endpoint-reactivated": R("non-breaking", "INFO"),
  "api-sunset-changed": R("deprecation", "own"),
  "api-operation-id-removed": R("non-breaking", "INFO"),
  "webhook-added": R("non-breaking", "INFO"),
  "webhook-removed": R("breaking", "ERR"),
  "webhook-deprecated": R("deprecation", "own"),
  // Parameters
  "new-required-request-parameter": R("breaking", "ERR"),
  "new-optional-request-parameter": R("non-breaking", "INFO"),
  "request-parameter-removed": R("breaking", "WARN", "the server ignores it from then on: a client silently loses what it asked for (a filter, a format)"),
  "request-parameter-removed-with-deprecation": R("breaking", "INFO", REMOVED_AFTER_DEPRECATION),
  "request-parameter-became-required": R("breaking", "ERR"),
  "request-parameter-became-optional": R("non-breaking", "INFO"),
  "request-parameter-deprecated": R("deprecation", "INFO"),
  "request-parameter-reactivated": R("non-breaking", "INFO"),
  // Request body
  "request-body-added-required": R("breaking", "ERR"),
  "request-body-added-optional": R("non-breaking", "INFO"),
  "request-body-removed": R("breaking", "ERR"),
  "request-body-became-required": R("breaking", "ERR"),
  "request-body-became-optional": R("non-breaking", "INFO"),
  "request-body-media-type-removed": R("breaking", "ERR"),
  "request-body-media-type-added": R("non-breaking", "INFO"),
  // Properties (request and response schemas)
  "new-required-request-property": R("breaking", "ERR"),
  "new-optional-request-property": R("non-breaking", "INFO"),
  "request-property-removed": R("non-breaking", "WARN"),
  "request-property-removed-closed": R("breaking", "own", "the schema refuses unknown properties (additionalProperties: false), so requests that still send it fail"),
  "request-property-became-required": R("breaking", "ERR"),
  "request-property-became-optional": R("non-breaking", "INFO"),
  "response-required-property-removed": R("breaking", "ERR"),
  "response-optional-property-removed": R("breaking", "WARN", "clients read an optional property whenever it is there; after the change they never get it"),
  "response-required-property-added": R("non-breaking", "INFO"),
  "response-optional-property-added": R("non-breaking", "INFO"),
  "response-property-became-optional": R("breaking", "ERR"),
  "response-property-became-required": R("non-breaking", "INFO"),
  "request-property-deprecated": R("deprecation", "INFO"),
  "response-property-deprecated": R("deprecation", "INFO"),
  // Responses
  "response-success-status-removed": R("breaking", "ERR"),
  "response-non-success-status-removed": R("breaking", "INFO", "a removed error status usually means the condition is now answered another way, which client error handling does not expect"),
  "response-success-status-added": R("non-breaking", "INFO"),
  "response-non-success-status-added": R("non-breaking", "INFO"),
  "response-media-type-removed": R("breaking", "ERR"),
  "response-media-type-added": R("non-breaking", "INFO"),
  "required-response-header-removed": R("breaking", "ERR"),
  "optional-response-header-removed": R("breaking", "WARN", "as for optional response properties"),
  "response-header-added": R("non-breaking", "INFO"),
  "response-header-became-optional": R("breaking", "ERR"),
  // Security
  "api-security-required": R("breaking", "own", "oasdiff files a first security requirement under api-security-added (INFO); for clients calling without credentials it is breaking"),
  "api-security-added": R("non-breaking", "INFO"),
  "api-security-removed": R("breaking", "ERR"),
  "api-security-scope-added": R("breaking", "ERR"),
  "api-security-scope-removed": R("non-breaking", "INFO"),
  "api-global-security-required": R("breaking", "own", "as api-security-required, for the document's default"),
  "api-global-security-added": R("non-breaking", "INFO"),
  "api-global-security-removed": R("breaking", "ERR"),
  "api-global-security-scope-added": R("breaking", "ERR"),
  "api-global-security-scope-removed": R("non-breaking", "INFO"),
  "api-security-component-removed": R("breaking", "INFO", "clients authenticating with the removed scheme can no longer call (the issue asks for it)"),
  "api-security-component-added": R("non-breaking", "INFO"),
  "api-security-component-type-changed": R("breaking", "INFO", "credentials of the old type stop working"),
  "api-security-component-api-key-changed": R("breaking", "own"),
  "api-security-component-oauth-scope-removed": R("breaking", "INFO", "token requests naming the scope fail (invalid_scope)"),
  "api-security-component-oauth-scope-added": R("non-breaking", "INFO"),
  "api-security-component-oauth-url-changed": R("non-breaking", "INFO"),
  "api-security-component-oauth-token-url-changed": R("non-breaking", "INFO"),
  // Components and documentation
  "api-schema-removed": R("non-breaking", "INFO"),
  "api-schema-added": R("non-breaking", "own"),
  "api-servers-changed": R("non-breaking", "own"),
  "api-tag-added": R("documentation", "INFO"),
  "api-tag-removed": R("documentation", "INFO"),
  "api-info-changed": R("documentation", "own"),
  "operation-documentation-changed": R("documentation", "own"),
  "schema-documentation-changed": R("documentation", "own"),
};

// Schema rules, one per place a schema sits: a parameter, a body's root, a property inside one.
const REQUEST_PREFIXES = ["request-parameter", "request-body", "request-property"] as const;
const RESPONSE_PREFIXES = ["response-body", "response-property"] as const;

const REQUEST_SCHEMA: Record<string, Rule> = {
  "type-changed": R("breaking", "ERR"),
  "type-generalized": R("non-breaking", "INFO"),
  "became-not-nullable": R("breaking", "ERR"),
  "became-nullable": R("non-breaking", "INFO"),
  "enum-value-removed": R("breaking", "ERR"),
  "enum-value-added": R("non-breaking", "INFO"),
  "became-enum": R("breaking", "ERR"),
  "became-not-enum": R("non-breaking", "INFO"),
  "max-decreased": R("breaking", "ERR"),
  "max-set": R("breaking", "ERR"),
  "max-increased": R("non-breaking", "INFO"),
  "max-unset": R("non-breaking", "INFO"),
  "min-increased": R("breaking", "ERR"),
  "min-set": R("breaking", "ERR"),
  "min-decreased": R("non-breaking", "INFO"),
  "min-unset": R("non-breaking", "INFO"),
  "max-length-decreased": R("breaking", "ERR"),
  "max-length-set": R("breaking", "ERR"),
  "max-length-increased": R("non-breaking", "INFO"),
  "max-length-unset": R("non-breaking", "INFO"),
  "min-length-increased": R("breaking", "ERR"),
  "min-length-decreased": R("non-breaking", "INFO"),
  "max-items-decreased": R("breaking", "ERR"),
  "max-items-set": R("breaking", "ERR"),
  "max-items-increased": R("non-breaking", "INFO"),
  "max-items-unset": R("non-breaking", "INFO"),
  "min-items-increased": R("breaking", "ERR"),
  "min-items-set": R("breaking", "ERR"),
  "min-items-decreased": R("non-breaking", "INFO"),
  "min-items-unset": R("non-breaking", "INFO"),
  "pattern-added": R("breaking", "ERR"),
  "pattern-changed": R("breaking", "WARN", "a changed pattern is breaking unless it only widens, which cannot be told from the two regular expressions; we say so rather than stay quiet"),
  "pattern-removed": R("non-breaking", "INFO"),
  "one-of-added": R("non-breaking", "INFO"),
  "one-of-removed": R("breaking", "ERR"),
};

const RESPONSE_SCHEMA: Record<string, Rule> = {
  "type-changed": R("breaking", "ERR"),
  "type-specialized": R("non-breaking", "own"),
  "became-nullable": R("breaking", "ERR"),
  "became-not-nullable": R("non-breaking", "INFO"),
  "enum-value-removed": R("breaking", "INFO", RESPONSE_ENUM_REMOVED),
  "enum-value-added": R("non-breaking", "WARN", "a growing set of values is the normal way an API evolves; clients are expected to tolerate unknown values"),
  "became-enum": R("non-breaking", "own"),
  "became-not-enum": R("non-breaking", "own"),
  "max-increased": R("breaking", "ERR"),
  "max-unset": R("breaking", "ERR"),
  "max-decreased": R("non-breaking", "own"),
  "max-set": R("non-breaking", "own"),
  "min-decreased": R("breaking", "ERR"),
  "min-unset": R("breaking", "ERR"),
  "min-increased": R("non-breaking", "own"),
  "min-set": R("non-breaking", "own"),
  "max-length-increased": R("breaking", "ERR"),
  "max-length-unset": R("breaking", "ERR"),
  "max-length-decreased": R("non-breaking", "own"),
  "max-length-set": R("non-breaking", "own"),
  "min-length-decreased": R("breaking", "ERR"),
  "min-length-increased": R("non-breaking", "own"),
  "min-items-decreased": R("breaking", "ERR"),
  "min-items-unset": R("breaking", "ERR"),
  "min-items-increased": R("non-breaking", "own"),
  "min-items-set": R("non-breaking", "own"),
  "max-items-increased": R("non-breaking", "own"),
  "max-items-unset": R("non-breaking", "own"),
  "max-items-decreased": R("non-breaking", "own"),
  "max-items-set": R("non-breaking", "own"),
  "pattern-added": R("non-breaking", "own"),
  "pattern-changed": R("non-breaking", "own"),
  "pattern-removed": R("non-breaking", "own"),
  "one-of-added": R("non-breaking", "INFO"),
  "one-of-removed": R("non-breaking", "INFO"),
};

export const RULES: Record<string, Rule> = {
  ...FIXED,
  ...Object.fromEntries(REQUEST_PREFIXES.flatMap((p) => Object.entries(REQUEST_SCHEMA).map(([k, r]) => [`${p}-${k}`, r]))),
  ...Object.fromEntries(RESPONSE_PREFIXES.flatMap((p) => Object.entries(RESPONSE_SCHEMA).map(([k, r]) => [`${p}-${k}`, r]))),
};

export function severityOf(kind: string): Severity {
  const rule = RULES[kind];
  if (!rule) throw new Error(`unknown change kind ${kind}`);
  return rule.severity;
}
