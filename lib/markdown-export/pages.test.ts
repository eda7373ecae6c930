import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import type { CatalogApi, CatalogVersion, VersionModel } from "@/lib/specs/model";
import { normalize } from "@/lib/specs/normalize";
import { catalogMarkdown, operationMarkdown, overviewMarkdown, schemaMarkdown, type VersionContext } from "./pages";

type Obj = Record<string, unknown>;
const ORIGIN = "https://portal.example";

const doc: Obj = {
  openapi: "3.1.0",
  info: { title: "Pets", version: "1.0.0", description: "Pets for everyone.\n\n# Getting started\n\nSay hi." },
  servers: [{ url: "https://api.pets.example/v1" }],
  security: [{ key: [] }],
  tags: [{ name: "Pets", description: "All about pets." }],
  paths: {
    "/pets/{petId}": {
      parameters: [{ $ref: "#/components/parameters/PetId" }],
      put: {
        operationId: "updatePet",
        summary: "Update a pet",
        description: "Replaces the pet. **Careful**: this cannot be undone.",
        tags: ["Pets"],
        deprecated: true,
        "x-sunset": "2027-01-31",
        parameters: [
          { name: "dryRun", in: "query", description: "Only validate.\nNothing is stored.", schema: { type: "boolean", default: false } },
          { name: "X-Request-Id", in: "header", required: true, schema: { type: "string", format: "uuid" } },
        ],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/PetInput" } } },
        },
        responses: {
          "200": {
            description: "The updated pet",
            headers: { "RateLimit-Remaining": { description: "Calls left", schema: { type: "integer" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" }, example: { id: "p1", name: "Rex", kind: "dog" } } },
          },
          "404": { description: "No such pet" },
        },
      },
    },
  },
  components: {
    securitySchemes: { key: { type: "apiKey", in: "header", name: "X-API-Key" } },
    parameters: { PetId: { name: "petId", in: "path", required: true, description: "The pet's id", schema: { type: "string", minLength: 2 } } },
    schemas: {
      PetInput: {
        type: "object",
        required: ["name"],
        properties: {
          id: { type: "string", readOnly: true },
          name: { type: "string", maxLength: 40, description: "What the pet answers to" },
          kind: { type: "string", enum: ["dog", "cat"] },
        },
      },
      Pet: {
        allOf: [{ $ref: "#/components/schemas/PetInput" }, { type: "object", properties: { parent: { $ref: "#/components/schemas/Pet" } } }],
      },
    },
  },
};

const api: CatalogApi = {
  id: "pets",
  name: "Pets API",
  summary: "Pets, for everyone.",
  visibility: "public",
  owners: [],
  versions: [],
  latestVersion: "v1",
  catalogErrorCount: 0,
};
const version: CatalogVersion = {
  id: "v1",
  lifecycle: "current",
  deprecated: null,
  sunset: null,
  status: "ok",
  format: "openapi-3.1",
  title: "Pets",
  operationCount: 1,
  errorCount: 0,
  warningCount: 0,
  contentHash: "x",
  failure: null,
};
api.versions = [version];

function ctxFor(d: Obj): VersionContext {
  const model: VersionModel = normalize(d);
  return { origin: ORIGIN, api, version, model };
}

function updatePet(d: Obj = doc) {
  const paths = d.paths as Record<string, Obj>;
  const pathItem = paths["/pets/{petId}"]!;
  const op = ctxFor(d).model!.operations[0]!;
  return operationMarkdown(ctxFor(d), d, { kind: "operation", slug: op.slug, method: op.method, path: op.path, title: op.title, pathItem, operation: pathItem.put as Obj });
}

/** Parses Markdown back, to assert on structure rather than on exact text. */
function parse(md: string) {
  return fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function nodesOf(md: string, type: string) {
  const out: Obj[] = [];
  visit(parse(md), type, (n) => void out.push(n as unknown as Obj));
  return out;
}

describe("operation Markdown", () => {
  const md = updatePet();

  it("starts with the title, method and path, and links back to the version and the HTML page", () => {
    expect(md.startsWith("# Update a pet\n\n`PUT /pets/{petId}`\n")).toBe(true);
    expect(md).toContain(`[Pets API v1](${ORIGIN}/apis/pets/v1.md)`);
    expect(md).toContain(`(${ORIGIN}/apis/pets/v1/operations/updatepet)`);
    expect(md).toContain("operationId `updatePet`");
  });

  it("states deprecation with the sunset date, and the description", () => {
    expect(md).toContain("> **Deprecated.** This operation stops working on 2027-01-31.");
    expect(md).toContain("Replaces the pet. **Careful**: this cannot be undone.");
  });

  it("lists security with the scheme's details", () => {
    expect(md).toMatch(/## Authorization\n\n- \[`key`\]\([^)]+\) \(header parameter `X-API-Key`\)/);
  });

  it("has one parameters table with path-level and operation parameters", () => {
    const tables = nodesOf(md, "table");
    const params = tables[0]!;
    const rows = (params.children as Obj[]).map((r) => (r.children as Obj[]).map((c) => JSON.stringify(c)));
    expect(rows).toHaveLength(4); // header + petId + dryRun + X-Request-Id
    expect(md).toContain("| `petId` | path | `string` | yes | The pet's id (at least 2 characters) |");
    expect(md).toContain("| `dryRun` | query | `boolean` | no | Only validate. Nothing is stored. (default `false`) |");
    expect(md).toContain("| `X-Request-Id` | header | `string<uuid>` | yes | |");
  });

  it("outlines the request body schema (readOnly hidden) with a generated example", () => {
    const body = md.slice(md.indexOf("## Request body"), md.indexOf("## Responses"));
    expect(body).toContain("Required.");
    expect(body).toContain("### `application/json`");
    expect(body).toContain(`Type: [\`PetInput\`](${ORIGIN}/apis/pets/v1/schemas/PetInput.md)`);
    expect(body).toContain("- `name` `string`, required: What the pet answers to (at most 40 characters)");
    expect(body).toContain('- `kind` `string` (one of `"dog"`, `"cat"`)');
    expect(body).not.toContain("`id`");
    expect(body).toContain("Example (generated from the schema):\n\n```json\n{");
  });

  it("lists responses with headers, schema (allOf merged, recursion as a link) and the spec's example", () => {
    const responses = md.slice(md.indexOf("## Responses"), md.indexOf("## Example request"));
    expect(responses).toContain("### `200` The updated pet");
    expect(responses).toContain("| `RateLimit-Remaining` | header | `integer` | no | Calls left |");
    expect(responses).toContain("- `id` `string`, read-only");
    expect(responses).toMatch(/- `parent` \[`Pet`\]\([^)]+\)\n\s+Recursive: the same structure as \[`Pet`\]/);
    expect(responses).toContain('```json\n{\n  "id": "p1",\n  "name": "Rex",\n  "kind": "dog"\n}\n```');
    expect(responses).toContain("### `404` No such pet");
  });

  it("ends with one curl sample", () => {
    const code = nodesOf(md, "code").filter((c) => c.lang === "sh");
    expect(code).toHaveLength(1);
    expect(String(code[0]!.value)).toMatch(/^curl --request PUT \\\n\s+--url 'https:\/\/api\.pets\.example\/v1\/pets\/PET_ID\?dryRun=false'|^curl --request PUT/);
    expect(String(code[0]!.value)).toContain("X-API-Key: YOUR_API_KEY");
  });
});

describe("schema Markdown", () => {
  const md = schemaMarkdown(ctxFor(doc), doc, "Pet");
  it("shows the merged properties, the recursion and an example", () => {
    expect(md.startsWith("# `Pet`\n")).toBe(true);
    expect(md).toContain("- `name` `string`, required: What the pet answers to (at most 40 characters)");
    expect(md).toContain("- `parent` [`Pet`]");
    expect(md).toContain("Example:\n\n```json\n{");
  });
});

describe("overview and catalog Markdown", () => {
  it("lists servers, authentication and operations by tag; description headings sit below the page's", () => {
    const md = overviewMarkdown(ctxFor(doc));
    expect(md).toContain("# Pets API v1");
    expect(md).toContain("## Getting started"); // "# Getting started" in the spec, moved one level down
    expect(md).toContain("- `https://api.pets.example/v1`");
    expect(md).toContain("### `key`\n\nheader parameter `X-API-Key`");
    expect(md).toContain(`### [Pets](${ORIGIN}/apis/pets/v1/tags/Pets.md)`);
    expect(md).toContain(`- \`PUT /pets/{petId}\` [Update a pet](${ORIGIN}/apis/pets/v1/operations/updatepet.md) (deprecated)`);
  });

  it("the catalog links each version's Markdown", () => {
    const md = catalogMarkdown(ORIGIN, [api]);
    expect(md).toContain("## Pets API");
    expect(md).toContain(`- [v1](${ORIGIN}/apis/pets/v1.md) (current, latest, 1 operations)`);
  });
});

describe("hostile spec text stays text", () => {
  const hostile = structuredClone(doc);
  const put = ((hostile.paths as Record<string, Obj>)["/pets/{petId}"]!.put as Obj);
  put.summary = "<script>alert(1)</script> [x](javascript:alert(2))";
  put.description = [
    "<img src=x onerror=alert(3)>",
    "[click](javascript:alert(4)) and <a href=\"javascript:alert(5)\">a</a>",
    "![img](data:image/svg+xml;base64,PHN2Zz4=)",
    "# Injected top-level heading",
    "```",
    "an unclosed fence that would swallow the rest of the page",
  ].join("\n\n");
  (put.parameters as Obj[])[0]!.name = "a|b`c";
  (put.parameters as Obj[])[0]!.description = "cell | breaker\n\n| x | y |\n|---|---|\n| 1 | 2 |";
  const md = updatePet(hostile);
  const tree = parse(md);

  it("produces no raw HTML and no script-capable links", () => {
    expect(nodesOf(md, "html")).toHaveLength(0);
    const urls = [...nodesOf(md, "link"), ...nodesOf(md, "image"), ...nodesOf(md, "definition")].map((n) => String(n.url));
    expect(urls.filter((u) => !/^(https?:|mailto:|\/|#|\.)/.test(u))).toEqual([]);
    // The text is still there, as text.
    expect(md).toContain("\\<script>alert(1)\\</script>");
    expect(md).toContain("\\<img src=x onerror=alert(3)>");
  });

  it("keeps the page's structure: one H1, every section, the parameters table intact", () => {
    const h1 = tree.children.filter((n) => n.type === "heading" && n.depth === 1);
    expect(h1).toHaveLength(1);
    const h2 = tree.children.filter((n) => n.type === "heading" && n.depth === 2).map((n) => JSON.stringify(n));
    expect(h2.join()).toMatch(/Parameters.*Request body.*Responses.*Example request/);
    const table = nodesOf(md, "table")[0]!;
    expect(table.children as Obj[]).toHaveLength(4);
    for (const row of table.children as Obj[]) expect(row.children as Obj[]).toHaveLength(5);
  });
});
