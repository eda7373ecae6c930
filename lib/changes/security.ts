// Security: an operation's requirement is an OR of ANDs (`security: [{A: []}, {B: [], C: []}]`).
// A client keeps working when the alternative it uses is still there with no more scopes; it
// breaks when that alternative disappears, gains a scope, or when an operation that needed no
// credentials starts to need some. Also the security schemes themselves (components).
import { isObj } from "@/lib/openapi/document";
import { code } from "./text";
import type { Target } from "./emit";
import { entries, str, type Obj, type Walk } from "./walk";

type Requirement = Map<string, string[]>;

function requirements(list: unknown): Requirement[] | null {
  if (!Array.isArray(list)) return null;
  return list.filter(isObj).map((r) => new Map(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : []])));
}

const altKey = (r: Requirement) => [...r.keys()].sort().join(" + ");
const anonymous = (rs: Requirement[]) => rs.length === 0 || rs.some((r) => r.size === 0);
const names = (rs: Requirement[]) => rs.filter((r) => r.size).map((r) => code(altKey(r))).join(" or ");

/**
 * Compares two requirement lists. `who` names the caller side ("GET /alerts", or "Operations
 * without their own security" for the document's default); `global` picks the api-global-* ids.
 */
export function compareRequirements(w: Walk, before: Requirement[], after: Requirement[], who: string, target: Target, ptr: string[], global: boolean): void {
  const id = (k: string) => (global ? k.replace("api-security", "api-global-security") : k);
  if (anonymous(before) && !anonymous(after)) {
    w.out.add(id("api-security-required"), `${who} now require${global ? "" : "s"} authentication with ${names(after)}`, target, ptr);
    return;
  }
  if (anonymous(after)) return;
  const beforeByKey = new Map(before.filter((r) => r.size).map((r) => [altKey(r), r]));
  const afterByKey = new Map(after.filter((r) => r.size).map((r) => [altKey(r), r]));
  for (const [key, rb] of beforeByKey) {
    const ra = afterByKey.get(key);
    if (!ra) {
      // Still fine when a remaining alternative asks for a subset of the same schemes.
      const subset = [...afterByKey.values()].some((r) => [...r.keys()].every((k) => rb.has(k)) && [...r].every(([k, s]) => s.every((x) => rb.get(k)!.includes(x))));
      if (!subset) w.out.add(id("api-security-removed"), `${who} can no longer be called with ${code(key)}`, target, ptr);
      continue;
    }
    for (const [scheme, scopes] of ra) {
      const old = rb.get(scheme) ?? [];
      const added = scopes.filter((s) => !old.includes(s));
      const removed = old.filter((s) => !scopes.includes(s));
      if (added.length) w.out.add(id("api-security-scope-added"), `${who} now need${global ? "" : "s"} scope ${added.map(code).join(", ")} of ${code(scheme)}`, target, ptr);
      if (removed.length) w.out.add(id("api-security-scope-removed"), `${who} no longer need${global ? "" : "s"} scope ${removed.map(code).join(", ")} of ${code(scheme)}`, target, ptr);
    }
  }
  if (anonymous(before)) return;
  for (const key of afterByKey.keys()) {
    if (!beforeByKey.has(key)) w.out.add(id("api-security-added"), `${who} can now also be called with ${code(key)}`, target, ptr);
  }
}

/** An operation's own `security` when either version has one; the document default is compared once (diff.ts). */
export function compareOperationSecurity(w: Walk, opB: Obj, opA: Obj, who: string, target: Target, ptr: string[]): void {
  if (!Array.isArray(opB.security) && !Array.isArray(opA.security)) return;
  const eff = (doc: Obj, op: Obj) => requirements(Array.isArray(op.security) ? op.security : doc.security) ?? [];
  compareRequirements(w, eff(w.before, opB), eff(w.after, opA), who, target, [...ptr, "security"], false);
}

export function compareGlobalSecurity(w: Walk): void {
  compareRequirements(w, requirements(w.before.security) ?? [], requirements(w.after.security) ?? [], "Operations without their own security", {}, ["security"], true);
}

function scopesOf(scheme: Obj): Map<string, string[]> {
  return new Map(entries(scheme.flows).map(([flow, f]) => [flow, isObj(f) && isObj(f.scopes) ? Object.keys(f.scopes) : []]));
}

export function compareSecuritySchemes(w: Walk): void {
  const schemes = (doc: Obj) => (isObj(doc.components) && isObj(doc.components.securitySchemes) ? doc.components.securitySchemes : {});
  const sb = schemes(w.before);
  const sa = schemes(w.after);
  for (const [name, raw] of Object.entries(sb)) {
    const ptr = ["components", "securitySchemes", name];
    const b = isObj(raw) ? raw : {};
    const a = isObj(sa[name]) ? (sa[name] as Obj) : undefined;
    if (!a) {
      w.out.add("api-security-component-removed", `Removed security scheme ${code(name)}`, {}, ptr);
      continue;
    }
    if (b.type !== a.type || (b.type === "http" && str(b.scheme)?.toLowerCase() !== str(a.scheme)?.toLowerCase())) {
      const label = (s: Obj) => [str(s.type), str(s.scheme)].filter(Boolean).join(" ");
      w.out.add("api-security-component-type-changed", `Security scheme ${code(name)} changed from ${code(label(b))} to ${code(label(a))}`, {}, ptr);
      continue;
    }
    if (b.type === "apiKey" && (b.name !== a.name || b.in !== a.in)) {
      w.out.add("api-security-component-api-key-changed", `Security scheme ${code(name)} now takes the key in ${str(a.in)} ${code(str(a.name) ?? "")} instead of ${str(b.in)} ${code(str(b.name) ?? "")}`, {}, ptr);
    }
    const fb = scopesOf(b);
    const fa = scopesOf(a);
    for (const [flow, scopes] of fb) {
      const now = fa.get(flow);
      if (!now) continue;
      const removed = scopes.filter((s) => !now.includes(s));
      const added = now.filter((s) => !scopes.includes(s));
      if (removed.length) w.out.add("api-security-component-oauth-scope-removed", `Removed scope ${removed.map(code).join(", ")} from the ${flow} flow of ${code(name)}`, {}, [...ptr, "flows", flow]);
      if (added.length) w.out.add("api-security-component-oauth-scope-added", `Added scope ${added.map(code).join(", ")} to the ${flow} flow of ${code(name)}`, {}, [...ptr, "flows", flow]);
      const flowB = (b.flows as Obj)[flow] as Obj;
      const flowA = (a.flows as Obj)[flow] as Obj;
      if (flowB.tokenUrl !== flowA.tokenUrl) w.out.add("api-security-component-oauth-token-url-changed", `The token URL of the ${flow} flow of ${code(name)} is now ${code(str(flowA.tokenUrl) ?? "")}`, {}, [...ptr, "flows", flow]);
      if (flowB.authorizationUrl !== flowA.authorizationUrl) w.out.add("api-security-component-oauth-url-changed", `The authorization URL of the ${flow} flow of ${code(name)} is now ${code(str(flowA.authorizationUrl) ?? "")}`, {}, [...ptr, "flows", flow]);
    }
    for (const flow of fa.keys()) if (!fb.has(flow)) w.out.add("api-security-component-added", `Security scheme ${code(name)} now also offers the OAuth 2.0 ${flow} flow`, {}, [...ptr, "flows", flow]);
  }
  for (const name of Object.keys(sa)) {
    if (!(name in sb)) w.out.add("api-security-component-added", `Added security scheme ${code(name)}`, {}, ["components", "securitySchemes", name]);
  }
}
