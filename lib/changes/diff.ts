// The diff engine's entry point: two OpenAPI 3.x documents (document.json of two versions; Swagger
// 2.0 is converted at ingest) → classified changes. Pure and synchronous; bounded by a work
// budget so a pathological pair cannot run away (the result then says `truncated`).
//
// Order of work: document-level parts (info, servers, tags, security), operations (operations.ts),
// webhooks, then every component schema that both versions reference from the same place, once
// per direction (request, response), then components added or removed.
import { isObj, webhooksOf } from "@/lib/openapi/document";
import { operationsOf } from "@/lib/specs/normalize";
import { Collector, type Place } from "./emit";
import { compareOperations } from "./operations";
import { compareSchemas, newSchemaContext, type Dir } from "./schema-diff";
import { compareGlobalSecurity, compareSecuritySchemes } from "./security";
import { code } from "./text";
import { sortChanges, type DiffResult } from "./types";
import { entries, mediaKey, obj, str, type Obj, type Walk } from "./walk";

export interface DiffOptions {
  /** Work budget in schema comparisons; GitHub's description needs about 10^5. */
  limit?: number;
}

const schemasOf = (doc: Obj): Obj => (isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {});

export function diffDocuments(before: Obj, after: Obj, options: DiffOptions = {}): DiffResult {
  const out = new Collector();
  // Who uses which component: "GET /alerts" → Alert, "schema:Alert" → Severity.
  const uses = new Map<string, Set<string>>();
  const queue: [string, Dir][] = [];
  const queued = new Set<string>();
  let user = "";
  const schemas = newSchemaContext(
    before,
    after,
    (name, dir) => {
      let set = uses.get(user);
      if (!set) uses.set(user, (set = new Set()));
      set.add(name);
      const key = `${dir} ${name}`;
      if (!queued.has(key)) {
        queued.add(key);
        queue.push([name, dir]);
      }
    },
    options.limit,
  );
  const w: Walk = { before, after, out, schemas, setUser: (u) => void (user = u) };

  compareInfo(w);
  compareSecuritySchemes(w);
  compareGlobalSecurity(w);
  compareOperations(w);
  compareWebhooks(w);

  const sb = schemasOf(before);
  const sa = schemasOf(after);
  while (queue.length) {
    const [name, dir] = queue.shift()!;
    if (!(name in sb) || !(name in sa)) continue;
    user = `schema:${name}`;
    const place: Place = { schema: name, phrase: `schema ${code(name)}`, suffix: ` (in ${dir === "request" ? "requests" : "responses"})`, label: `schema ${code(name)}`, level: "component", dir, ptr: ["components", "schemas", name] };
    out.findings(place, compareSchemas(schemas, sb[name], sa[name], dir));
  }
  for (const name of Object.keys(sb)) if (!(name in sa)) out.add("api-schema-removed", `Removed schema ${code(name)}`, { schema: name }, ["components", "schemas", name]);
  for (const name of Object.keys(sa)) if (!(name in sb)) out.add("api-schema-added", `Added schema ${code(name)}`, { schema: name }, ["components", "schemas", name]);

  const changes = sortChanges(out.finish());
  return { changes, schemaUsers: schemaUsers(changes, uses), truncated: schemas.truncated };
}

/** For each changed component: the operations reaching it, directly or through other components. */
function schemaUsers(changes: DiffResult["changes"], uses: Map<string, Set<string>>): Record<string, string[]> {
  const usedBy = new Map<string, Set<string>>();
  for (const [user, names] of uses) for (const n of names) (usedBy.get(n) ?? usedBy.set(n, new Set()).get(n)!).add(user);
  const result: Record<string, string[]> = {};
  for (const name of new Set(changes.flatMap((c) => (c.schema && !c.operation ? [c.schema] : [])))) {
    const ops = new Set<string>();
    const seen = new Set([`schema:${name}`]);
    const todo = [name];
    while (todo.length) {
      for (const u of usedBy.get(todo.pop()!) ?? []) {
        if (seen.has(u)) continue;
        seen.add(u);
        if (u.startsWith("schema:")) todo.push(u.slice(7));
        else if (u) ops.add(u);
      }
    }
    if (ops.size) result[name] = [...ops].sort();
  }
  return result;
}

function compareInfo(w: Walk): void {
  const ib = obj(w.before, w.before.info);
  const ia = obj(w.after, w.after.info);
  for (const field of ["title", "summary", "description", "termsOfService"]) {
    if (str(ib[field]) !== str(ia[field])) w.out.doc({}, "the API", field === "termsOfService" ? "terms of service" : field, ["info", field]);
  }
  const urls = (doc: Obj) => (Array.isArray(doc.servers) ? doc.servers.filter(isObj).map((s) => String(s.url)) : []);
  const ub = urls(w.before);
  const ua = urls(w.after);
  const gone = ub.filter((u) => !ua.includes(u));
  const fresh = ua.filter((u) => !ub.includes(u));
  if (gone.length || fresh.length) {
    const parts = [gone.length ? `removed ${gone.map(code).join(", ")}` : "", fresh.length ? `added ${fresh.map(code).join(", ")}` : ""].filter(Boolean);
    w.out.add("api-servers-changed", `Server URLs changed: ${parts.join("; ")}`, {}, ["servers"]);
  }
  const tags = (doc: Obj) => new Map((Array.isArray(doc.tags) ? doc.tags.filter(isObj) : []).map((t) => [String(t.name), str(t.description)]));
  const tb = tags(w.before);
  const ta = tags(w.after);
  for (const name of tb.keys()) if (!ta.has(name)) w.out.add("api-tag-removed", `Removed tag ${code(name)}`, {}, ["tags"]);
  for (const name of ta.keys()) if (!tb.has(name)) w.out.add("api-tag-added", `Added tag ${code(name)}`, {}, ["tags"]);
  for (const [name, d] of tb) if (ta.has(name) && ta.get(name) !== d) w.out.doc({}, "the API", "tag descriptions", ["tags"]);
}

/** Webhooks: what the API sends to the client. The payload is read by the client, as a response is. */
function compareWebhooks(w: Walk): void {
  const list = (doc: Obj) => new Map(entries(webhooksOf(doc)).flatMap(([name, item]) => operationsOf(obj(doc, item)).map(([m, op]) => [`${name} ${m}`, { name, method: m, op }] as const)));
  const hb = list(w.before);
  const ha = list(w.after);
  const key = isObj(w.after.webhooks) || !isObj(w.after["x-webhooks"]) ? "webhooks" : "x-webhooks";
  for (const [k, b] of hb) {
    const ptr = [key, b.name, b.method];
    const a = ha.get(k);
    if (!a) {
      w.out.add("webhook-removed", `Removed webhook ${code(b.name)}`, { webhook: b.name }, ptr);
      continue;
    }
    const label = `webhook ${code(a.name)}`;
    const target = { webhook: a.name };
    w.setUser(`webhook ${a.name}`);
    if (b.op.deprecated !== true && a.op.deprecated === true) w.out.add("webhook-deprecated", `Deprecated ${label}`, target, [...ptr, "deprecated"]);
    if (str(b.op.summary) !== str(a.op.summary) || str(b.op.description) !== str(a.op.description)) w.out.doc(target, label, "description", ptr);
    const content = (doc: Obj, op: Obj) => new Map(entries(obj(doc, op.requestBody).content).map(([m, c]) => [mediaKey(m), obj(doc, c).schema]));
    const cb = content(w.before, b.op);
    const ca = content(w.after, a.op);
    for (const [m, schema] of cb) {
      if (!ca.has(m)) continue;
      const place: Place = { ...target, phrase: `the payload of ${label}`, suffix: "", label, level: "body", dir: "response", ptr: [...ptr, "requestBody", "content", m, "schema"] };
      w.out.findings(place, compareSchemas(w.schemas, schema, ca.get(m), "response"));
    }
  }
  for (const [k, a] of ha) if (!hb.has(k)) w.out.add("webhook-added", `Added webhook ${code(a.name)}`, { webhook: a.name }, [key, a.name, a.method]);
}
