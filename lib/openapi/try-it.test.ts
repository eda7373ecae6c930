import { describe, expect, it } from "vitest";
import { buildRequest, jsonError, keyTargets, resolveServerUrl, toCurl, type TryItInput, type TryItParam, type TryItSpec } from "./try-it";
import { tryItSpecFor } from "./try-it-spec";

const param = (p: Partial<TryItParam> & Pick<TryItParam, "name" | "in">): TryItParam => ({
  required: false,
  array: false,
  style: p.in === "query" || p.in === "cookie" ? "form" : "simple",
  explode: p.in === "query" || p.in === "cookie",
  type: "string",
  ...p,
});

const spec = (over: Partial<TryItSpec> = {}): TryItSpec => ({
  method: "get",
  path: "/stations/{stationId}/observations",
  servers: [],
  parameters: [param({ name: "stationId", in: "path", required: true })],
  bodies: [],
  bodyRequired: false,
  schemes: [],
  requirements: [],
  ...over,
});

const input = (over: Partial<TryItInput> = {}): TryItInput => ({
  serverUrl: "https://api.example.com/v2",
  values: { "path:stationId": "AMS-01" },
  body: null,
  requirement: 0,
  credentials: {},
  ...over,
});

function built(s: TryItSpec, i: TryItInput, origin?: string) {
  const r = buildRequest(s, i, origin);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe("Try it: building the request", () => {
  it("fills path templates, percent-encoding each value", () => {
    const r = built(spec(), input({ values: { "path:stationId": "a/b c?#ü" } }));
    expect(r.request.url).toBe("https://api.example.com/v2/stations/a%2Fb%20c%3F%23%C3%BC/observations");
    expect(r.request.method).toBe("GET");
  });

  it("joins the server URL and path with exactly one slash, keeping a query the server URL has", () => {
    expect(built(spec(), input({ serverUrl: "https://api.example.com/v2/" })).request.url).toBe("https://api.example.com/v2/stations/AMS-01/observations");
    expect(built(spec(), input({ serverUrl: "https://api.example.com" })).request.url).toBe("https://api.example.com/stations/AMS-01/observations");
    expect(built(spec(), input({ serverUrl: "http://127.0.0.1:8080/base?tenant=t1" })).request.url).toBe("http://127.0.0.1:8080/base/stations/AMS-01/observations?tenant=t1");
  });

  it("marks missing required parameters and a missing or relative server URL", () => {
    const r = buildRequest(spec({ parameters: [param({ name: "stationId", in: "path", required: true }), param({ name: "date", in: "query", required: true })] }), input({ serverUrl: "/v2", values: {} }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(["path:stationId", "query:date", "server"]);
    expect(r.errors.find((e) => e.field === "server")?.message).toMatch(/full URL/);
  });

  it("serialises query arrays by style and explode, and skips empty optional values", () => {
    const s = spec({
      path: "/alerts",
      parameters: [
        param({ name: "region", in: "query", array: true }),
        param({ name: "ids", in: "query", array: true, explode: false }),
        param({ name: "tags", in: "query", array: true, style: "pipeDelimited", explode: false }),
        param({ name: "words", in: "query", array: true, style: "spaceDelimited", explode: false }),
        param({ name: "q", in: "query" }),
        param({ name: "unused", in: "query" }),
      ],
    });
    const r = built(s, input({ values: { "query:region": "NL-NH, NL-ZH", "query:ids": "1,2", "query:tags": "a,b", "query:words": "x,y", "query:q": "rain & wind=yes", "query:unused": "  " } }));
    expect(r.request.url).toBe("https://api.example.com/v2/alerts?region=NL-NH&region=NL-ZH&ids=1,2&tags=a|b&words=x%20y&q=rain%20%26%20wind%3Dyes");
  });

  it("sends header parameters, and says why forbidden headers and cookies are not sent", () => {
    const s = spec({ path: "/x", parameters: [param({ name: "X-Request-Id", in: "header" }), param({ name: "Host", in: "header" }), param({ name: "session", in: "cookie" })] });
    const r = built(s, input({ values: { "header:X-Request-Id": "r-1", "header:Host": "evil", "cookie:session": "s" } }));
    expect(r.request.headers).toEqual([["X-Request-Id", "r-1"]]);
    expect(r.warnings.join(" ")).toMatch(/Host not sent.*Cookie session not sent/);
  });

  it("places API keys in a header or the query, per the chosen security requirement", () => {
    const s = spec({
      path: "/x",
      parameters: [],
      schemes: [
        { id: "HeaderKey", kind: "apiKey", in: "header", name: "X-API-Key" },
        { id: "QueryKey", kind: "apiKey", in: "query", name: "api_key" },
        { id: "CookieKey", kind: "apiKey", in: "cookie", name: "k" },
      ],
      requirements: [["HeaderKey"], ["QueryKey"], ["CookieKey"], []],
    });
    const creds = { HeaderKey: { token: "hk" }, QueryKey: { token: "q k/1" }, CookieKey: { token: "c" } };
    expect(built(s, input({ requirement: 0, credentials: creds })).request.headers).toEqual([["X-API-Key", "hk"]]);
    const q = built(s, input({ requirement: 1, credentials: creds }));
    expect(q.request.url).toBe("https://api.example.com/v2/x?api_key=q%20k/1");
    expect(q.request.headers).toEqual([]);
    expect(built(s, input({ requirement: 2, credentials: creds })).warnings[0]).toMatch(/cookie k not sent/);
    expect(built(s, input({ requirement: 3, credentials: creds })).request.headers).toEqual([]);
  });

  it("sends bearer, OAuth 2 and basic credentials as Authorization, and nothing when empty", () => {
    const s = spec({
      path: "/x",
      parameters: [],
      schemes: [
        { id: "Bearer", kind: "http", scheme: "bearer" },
        { id: "OAuth2", kind: "oauth2" },
        { id: "Basic", kind: "http", scheme: "basic" },
      ],
      requirements: [["Bearer"], ["OAuth2"], ["Basic"]],
    });
    expect(built(s, input({ requirement: 0, credentials: { Bearer: { token: "t0k" } } })).request.headers).toEqual([["Authorization", "Bearer t0k"]]);
    expect(built(s, input({ requirement: 0, credentials: { Bearer: { token: "Bearer t0k" } } })).request.headers).toEqual([["Authorization", "Bearer t0k"]]);
    expect(built(s, input({ requirement: 1, credentials: { OAuth2: { token: "at" } } })).request.headers).toEqual([["Authorization", "Bearer at"]]);
    expect(built(s, input({ requirement: 2, credentials: { Basic: { username: "zoë", password: "p:w" } } })).request.headers).toEqual([["Authorization", `Basic ${Buffer.from("zoë:p:w").toString("base64")}`]]);
    expect(built(s, input({ requirement: 0 })).request.headers).toEqual([]);
  });

  it("never sends credentials to the portal's own origin", () => {
    const s = spec({ path: "/x", parameters: [], schemes: [{ id: "K", kind: "apiKey", in: "header", name: "X-Key" }], requirements: [["K"]] });
    const r = buildRequest(s, input({ serverUrl: "https://portal.example/api", credentials: { K: { token: "secret" } } }), "https://portal.example");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/portal itself/);
    expect(buildRequest(s, input({ serverUrl: "https://portal.example/api" }), "https://portal.example").ok).toBe(true);
  });

  it("flags an invalid JSON body before sending, with line and column", () => {
    const s = spec({ method: "post", path: "/x", parameters: [], bodies: [{ mediaType: "application/json", example: "{}" }], bodyRequired: true });
    const bad = buildRequest(s, input({ body: { mediaType: "application/json", text: '{\n  "a": 1,\n}' } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ field: "body", message: expect.stringMatching(/not valid JSON.*line 3, column 1/) });
    const empty = buildRequest(s, input({ body: { mediaType: "application/json", text: " " } }));
    expect(!empty.ok && empty.errors[0]?.message).toMatch(/required/);
    const good = built(s, input({ body: { mediaType: "application/merge-patch+json", text: '{"a":1}' } }));
    expect(good.request).toMatchObject({ method: "POST", body: '{"a":1}', headers: [["Content-Type", "application/merge-patch+json"]] });
    expect(jsonError("[1,2]")).toBeNull();
  });

  it("substitutes server variables (the reader's, else defaults) and completes protocol-relative URLs", () => {
    const server = { url: "https://{region}.api.example.com/{version}", variables: [{ name: "region", default: "eu", enum: ["eu", "us"] }, { name: "version", default: "v2" }] };
    expect(resolveServerUrl(server)).toBe("https://eu.api.example.com/v2");
    expect(resolveServerUrl(server, { region: "us" })).toBe("https://us.api.example.com/v2");
    expect(resolveServerUrl({ url: "//api.example.com/base", variables: [] })).toBe("https://api.example.com/base");
    const r = buildRequest(spec(), input({ serverUrl: "https://{region}.api.example.com" }));
    expect(!r.ok && r.errors[0]?.message).toMatch(/server variables/);
  });

  it("writes the same request as curl, quoted for the shell", () => {
    expect(toCurl({ method: "POST", url: "https://x/a?b=1", headers: [["X-Key", "it's"]], body: '{"a":1}' })).toBe(
      `curl --request POST 'https://x/a?b=1' \\\n  --header 'X-Key: it'\\''s' \\\n  --data '{"a":1}'`,
    );
  });
});

describe("Try it: where a minted test key goes", () => {
  const schemes: TryItSpec["schemes"] = [
    { id: "ApiKeyAuth", kind: "apiKey", in: "header", name: "X-API-Key" },
    { id: "QueryKey", kind: "apiKey", in: "query", name: "key" },
    { id: "CookieKey", kind: "apiKey", in: "cookie", name: "key" },
    { id: "Bearer", kind: "http", scheme: "bearer" },
    { id: "Basic", kind: "http", scheme: "basic" },
    { id: "OAuth2", kind: "oauth2" },
  ];
  it("fills API keys in a header or the query and bearer tokens of the chosen requirement", () => {
    expect(keyTargets(spec({ schemes, requirements: [["OAuth2"], ["ApiKeyAuth", "QueryKey"]] }), 1)).toEqual({ requirement: 1, ids: ["ApiKeyAuth", "QueryKey"] });
    expect(keyTargets(spec({ schemes, requirements: [["Bearer"]] }), 0)).toEqual({ requirement: 0, ids: ["Bearer"] });
  });
  it("switches to the first requirement that takes a key when the chosen one does not", () => {
    expect(keyTargets(spec({ schemes, requirements: [["OAuth2"], ["Basic"], ["ApiKeyAuth"]] }), 0)).toEqual({ requirement: 2, ids: ["ApiKeyAuth"] });
  });
  it("offers nothing for cookies, basic, OAuth or no security", () => {
    expect(keyTargets(spec({ schemes, requirements: [["CookieKey"], ["Basic"], ["OAuth2"], []] }), 0)).toBeNull();
    expect(keyTargets(spec(), 0)).toBeNull();
  });
});

describe("Try it: what the server passes to the console", () => {
  const doc = {
    openapi: "3.1.0",
    servers: [{ url: "https://{region}.api.example.com", description: "Main\nsecond line", variables: { region: { default: "eu", enum: ["eu", "us"] } } }],
    security: [{ Key: [] }, { OAuth: ["read"] }],
    components: {
      securitySchemes: { Key: { type: "apiKey", in: "header", name: "X-API-Key" }, OAuth: { type: "oauth2", flows: {} }, Unused: { type: "http", scheme: "basic" } },
      schemas: { Region: { type: "string", enum: ["NL-NH", "NL-ZH"] } },
    },
  };
  const pathItem = { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, example: "s-1" }] };
  const operation = {
    parameters: [{ name: "region", in: "query", schema: { type: "array", items: { $ref: "#/components/schemas/Region" } } }],
    requestBody: {
      required: true,
      content: {
        "application/json": { schema: { type: "object", properties: { name: { type: "string", example: "Home" } } } },
        "multipart/form-data": { schema: { type: "object" } },
      },
    },
  };

  it("keeps only this operation's parameters, editable bodies with examples, servers and used schemes", () => {
    const s = tryItSpecFor(doc, "post", "/things/{id}", pathItem, operation);
    expect(s.parameters).toEqual([
      expect.objectContaining({ name: "id", in: "path", required: true, example: "s-1", array: false }),
      expect.objectContaining({ name: "region", in: "query", array: true, enum: ["NL-NH", "NL-ZH"], style: "form", explode: true }),
    ]);
    expect(s.bodies).toEqual([{ mediaType: "application/json", example: JSON.stringify({ name: "Home" }, null, 2) }]);
    expect(s.bodyRequired).toBe(true);
    expect(s.servers).toEqual([{ url: "https://{region}.api.example.com", description: "Main", variables: [{ name: "region", default: "eu", enum: ["eu", "us"] }] }]);
    expect(s.schemes).toEqual([
      { id: "Key", kind: "apiKey", in: "header", name: "X-API-Key" },
      { id: "OAuth", kind: "oauth2" },
    ]);
    expect(s.requirements).toEqual([["Key"], ["OAuth"]]);
    expect(JSON.stringify(s)).not.toContain("Unused");
  });
});
