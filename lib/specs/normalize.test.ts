import { describe, expect, it } from "vitest";
import { detectFormat, normalize } from "./normalize";
import { toOpenApi3 } from "./to-openapi3";

describe("normalize", () => {
  it("reads Swagger 2.0 (converted to 3.0) and OpenAPI 3.x into one model", async () => {
    const s2doc = { swagger: "2.0", info: { title: "A", version: "1" }, host: "api.example.com", basePath: "/v1", paths: { "/a": { get: { operationId: "getA", responses: { 200: { description: "ok" } } } } }, definitions: { X: { type: "object" } }, securityDefinitions: { key: { type: "apiKey", in: "header", name: "X-Key" } } };
    const s2 = normalize(await toOpenApi3(s2doc), detectFormat(s2doc));
    expect(s2).toMatchObject({ format: "swagger-2.0", title: "A", schemaNames: ["X"], servers: [{ url: "https://api.example.com/v1" }] });
    expect(s2.securitySchemes).toEqual([{ name: "key", type: "apiKey", description: null, details: ["header parameter `X-Key`"] }]);
    expect(s2.operations[0]).toMatchObject({ slug: "geta", method: "get", path: "/a", title: "GET /a" });

    const o31 = normalize({ openapi: "3.1.0", info: { title: "B", version: "2" }, webhooks: { ping: { post: { summary: "Ping" } } }, components: { schemas: { Y: {}, Z: {} } } });
    expect(o31).toMatchObject({ format: "openapi-3.1", schemaNames: ["Y", "Z"], webhooks: [{ slug: "ping", name: "ping", method: "post", title: "Ping" }], operations: [] });
  });

  it("gives operations without operationId, summary or tags a stable slug and title", () => {
    const m = normalize({
      openapi: "3.0.3",
      info: { title: "C", version: "1" },
      paths: { "/users/{id}/keys": { get: {}, post: { summary: "Create a key" } } },
    });
    expect(m.operations.map((o) => [o.slug, o.title, o.tags])).toEqual([
      ["get-users-id-keys", "GET /users/{id}/keys", []],
      ["post-users-id-keys", "Create a key", []],
    ]);
  });

  it("keeps slugs unique when operationIds repeat", () => {
    const m = normalize({
      openapi: "3.0.3",
      info: { title: "D", version: "1" },
      paths: { "/a": { get: { operationId: "dup" } }, "/b": { get: { operationId: "dup" } }, "/c": { get: { operationId: "Unique_Op" } } },
    });
    expect(m.operations.map((o) => o.slug)).toEqual(["get-a", "get-b", "unique-op"]);
  });

  it("does not throw on junk where objects are expected", () => {
    expect(() => normalize({ openapi: "3.1.0", info: 5, paths: { "/x": "nope", "/y": { get: [] } }, tags: [1, null, { name: "t" }] })).not.toThrow();
  });
});

describe("webhooks and sunsets", () => {
  it("reads 3.0 `x-webhooks` like 3.1 `webhooks`, and x-sunset dates of operations", () => {
    const model = normalize({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/a": { get: { deprecated: true, "x-sunset": "2027-06-30", responses: {} }, post: { "x-sunset": "soon", responses: {} } } },
      "x-webhooks": { "repo-created": { post: { summary: "Repository created", responses: {} } } },
    });
    expect(model.webhooks).toEqual([expect.objectContaining({ name: "repo-created", method: "post", title: "Repository created" })]);
    expect(model.operations.map((o) => [o.method, o.sunset])).toEqual([
      ["get", "2027-06-30"],
      ["post", null],
    ]);
  });

  it("titles a webhook by its name when the summary is a paragraph rather than a heading", () => {
    const paragraph = `This event occurs when there is activity on a pull request. For more information, see "[About pull requests](https://docs.github.com/x)."\n\nTo subscribe…`;
    const model = normalize({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      webhooks: { "pull-request-opened": { post: { summary: paragraph, responses: {} } }, long: { post: { summary: "x".repeat(121), responses: {} } } },
    });
    expect(model.webhooks.map((w) => w.title)).toEqual(["pull-request-opened", "long"]);
  });
});

describe("Swagger 2.0 servers", () => {
  it("gives a description without schemes an https server, not a protocol-relative one", async () => {
    const doc = await toOpenApi3({ swagger: "2.0", info: { title: "t", version: "1" }, host: "api.example.com", basePath: "/v1", paths: {} });
    expect(doc.servers).toEqual([{ url: "https://api.example.com/v1" }]);
    const withSchemes = await toOpenApi3({ swagger: "2.0", info: { title: "t", version: "1" }, host: "api.example.com", schemes: ["http"], paths: {} });
    expect(withSchemes.servers).toEqual([{ url: "http://api.example.com" }]);
  });
});
