import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildCodeSamples, exampleForMedia, exampleForSchema, type CodeSample, type SampleInput } from "./samples";

type Json = Record<string, unknown>;

const byId = (samples: CodeSample[]) => Object.fromEntries(samples.map((s) => [s.id, s.code]));

const stationsDoc: Json = {
  openapi: "3.0.3",
  security: [{ key: [] }],
  components: {
    securitySchemes: {
      key: { type: "apiKey", in: "header", name: "X-API-Key" },
      bearer: { type: "http", scheme: "bearer" },
      basic: { type: "http", scheme: "basic" },
      oauth: { type: "oauth2", flows: {} },
      queryKey: { type: "apiKey", in: "query", name: "api_key" },
    },
    parameters: {
      StationId: { name: "stationId", in: "path", required: true, schema: { type: "string" }, example: "EHAM" },
    },
  },
};

const getStation: SampleInput = {
  doc: stationsDoc,
  method: "get",
  path: "/stations/{stationId}/observations",
  serverUrl: "https://api.weather.portolan.example/v2",
  operation: {
    parameters: [
      { $ref: "#/components/parameters/StationId" },
      { name: "start", in: "query", required: true, schema: { type: "string", format: "date-time" }, example: "2026-01-01T00:00:00Z" },
      { name: "limit", in: "query", required: true, schema: { type: "integer", default: 20 } },
      { name: "units", in: "query", required: true, schema: { type: "string", enum: ["metric", "imperial"] } },
      { name: "cursor", in: "query", schema: { type: "string" } }, // optional: left out
      { name: "X-Request-Id", in: "header", required: true, schema: { type: "string" } },
    ],
  },
};

describe("buildCodeSamples", () => {
  it("builds curl for a GET with path and query parameters and an API key header", () => {
    const samples = buildCodeSamples(getStation);
    expect(samples.map((s) => s.id)).toEqual(["curl", "javascript", "python", "go"]);
    expect(byId(samples).curl).toBe(
      [
        "curl --request GET \\",
        "  --url 'https://api.weather.portolan.example/v2/stations/EHAM/observations?start=2026-01-01T00:00:00Z&limit=20&units=metric' \\",
        "  --header 'X-API-Key: YOUR_API_KEY' \\",
        "  --header 'X-Request-Id: X_REQUEST_ID'",
      ].join("\n"),
    );
  });

  it("puts the URL and method in the JavaScript, Python and Go samples", () => {
    const code = byId(buildCodeSamples({ ...getStation, method: "delete" }));
    const url = "https://api.weather.portolan.example/v2/stations/EHAM/observations?start=2026-01-01T00:00:00Z&limit=20&units=metric";
    expect(code.javascript).toContain(`fetch('${url}', options)`);
    expect(code.javascript).toContain("method: 'DELETE'");
    expect(code.python).toContain(`url = "${url}"`);
    expect(code.python).toContain("requests.delete(url");
    expect(code.go).toContain(`url := "${url}"`);
    expect(code.go).toContain('http.NewRequest("DELETE", url, nil)');
    expect(code.go).toContain('req.Header.Add("X-API-Key", "YOUR_API_KEY")');
  });

  it("uses a placeholder for path parameters without an example, and the default server", () => {
    const code = byId(
      buildCodeSamples({
        doc: {},
        method: "get",
        path: "/users/{userId}/repos/{repo_name}",
        serverUrl: null,
        operation: { parameters: [{ name: "userId", in: "path", required: true, schema: { type: "integer", minimum: 7 } }] },
      }),
    );
    expect(code.curl).toContain("--url https://api.example.com/users/7/repos/REPO_NAME");
  });

  it.each([
    ["bearer", "Authorization: Bearer YOUR_TOKEN"],
    ["basic", "Authorization: Basic "],
    ["oauth", "Authorization: Bearer YOUR_ACCESS_TOKEN"],
  ])("adds placeholder credentials for %s security", (scheme, header) => {
    const code = byId(buildCodeSamples({ ...getStation, operation: { security: [{ [scheme]: [] }] } }));
    expect(code.curl).toContain(header);
    expect(code.curl).not.toContain("X-API-Key");
  });

  it("puts a query API key in the query, and sends no credentials for `security: []`", () => {
    const inQuery = byId(buildCodeSamples({ ...getStation, path: "/ping", operation: { security: [{ queryKey: [] }] } }));
    expect(inQuery.curl).toContain("https://api.weather.portolan.example/v2/ping?api_key=YOUR_API_KEY");
    const none = byId(buildCodeSamples({ ...getStation, path: "/ping", operation: { security: [] } }));
    expect(none.curl).toBe("curl --request GET \\\n  --url https://api.weather.portolan.example/v2/ping");
  });

  it("sends a form-urlencoded body as form fields", () => {
    const code = byId(
      buildCodeSamples({
        doc: {},
        method: "post",
        path: "/token",
        serverUrl: "https://auth.example.com",
        operation: {
          requestBody: {
            content: {
              "application/x-www-form-urlencoded": {
                schema: { type: "object", properties: { grant_type: { type: "string", enum: ["client_credentials"] } } },
              },
            },
          },
        },
      }),
    );
    expect(code.curl).toContain("--header 'Content-Type: application/x-www-form-urlencoded'");
    expect(code.curl).toContain("--data-urlencode grant_type=client_credentials");
    expect(code.python).toContain('"grant_type": "client_credentials"');
  });

  it("never throws on a broken operation", () => {
    const broken: SampleInput = {
      doc: { components: { schemas: { Loop: { $ref: "#/components/schemas/Loop" } } } },
      method: "patch",
      path: "/things/{id}",
      serverUrl: "not a url",
      operation: {
        parameters: [null, 42, { $ref: "#/nowhere" }, { name: "id", in: "path", schema: { $ref: "external.yaml#/Id" } }],
        security: [{ missing: [] }],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Loop" } } } },
      },
    };
    const samples = buildCodeSamples(broken);
    expect(samples).toHaveLength(4);
    for (const sample of samples) expect(sample.code).toContain("/things/ID");
  });
});

describe("request bodies from schemas", () => {
  const petsDoc: Json = {
    openapi: "3.1.0",
    components: {
      schemas: {
        Entity: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "string", readOnly: true, example: "pet_1" }, createdAt: { type: "string", format: "date-time", readOnly: true } },
        },
        Pet: {
          allOf: [
            { $ref: "#/components/schemas/Entity" },
            {
              type: "object",
              required: ["name", "kind"],
              properties: {
                name: { type: "string", example: "Rex" },
                password: { type: "string", writeOnly: true, example: "s3cret" },
                kind: {
                  oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
                  discriminator: { propertyName: "petType", mapping: { dog: "#/components/schemas/Dog", cat: "Cat" } },
                },
              },
            },
          ],
        },
        Cat: { type: "object", properties: { petType: { type: "string" }, lives: { type: "integer", example: 9 } } },
        Dog: { type: "object", properties: { petType: { type: "string" }, goodBoy: { type: "boolean" } } },
      },
    },
  };
  const createPet: SampleInput = {
    doc: petsDoc,
    method: "post",
    path: "/pets",
    serverUrl: "https://pets.example.com",
    operation: {
      security: [],
      requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
    },
  };

  it("leaves readOnly out of requests, writeOnly out of responses, and follows the discriminator", () => {
    const request = exampleForSchema({ $ref: "#/components/schemas/Pet" }, petsDoc, { mode: "request" });
    expect(request).toEqual({ name: "Rex", password: "s3cret", kind: { petType: "dog", goodBoy: true } });
    const response = exampleForSchema({ $ref: "#/components/schemas/Pet" }, petsDoc);
    expect(response).toMatchObject({ id: "pet_1", name: "Rex", kind: { petType: "dog" } });
    expect(response).not.toHaveProperty("password");
  });

  it("sends the generated example as the JSON body in every language", () => {
    const code = byId(buildCodeSamples(createPet));
    expect(code.curl).toContain("curl --request POST");
    expect(code.curl).toContain("--header 'Content-Type: application/json'");
    expect(code.curl).toContain('"petType": "dog"');
    expect(code.curl).not.toContain('"id"');
    expect(code.javascript).toContain("body: JSON.stringify({");
    expect(code.javascript).toContain("petType: 'dog'");
    expect(code.python).toContain("response = requests.post(url, json=payload, headers=headers)");
    expect(code.python).toContain('"name": "Rex"');
    expect(code.go).toContain('http.NewRequest("POST", url, payload)');
    expect(code.go).toContain('"petType": "dog"');
    for (const sample of Object.values(code)) expect(sample).toContain("https://pets.example.com/pets");
  });

  it("names the subtype in its discriminator property when a subtype is sampled on its own", () => {
    const doc: Json = {
      components: {
        schemas: {
          Shape: { type: "object", required: ["shapeType"], properties: { shapeType: { type: "string" } }, discriminator: { propertyName: "shapeType" } },
          Circle: { allOf: [{ $ref: "#/components/schemas/Shape" }, { type: "object", properties: { radius: { type: "number" } } }] },
        },
      },
    };
    expect(exampleForSchema({ $ref: "#/components/schemas/Circle" }, doc)).toEqual({ shapeType: "Circle", radius: 0 });
  });

  it("escapes example strings for each language", () => {
    const text = `it's "quoted" \\ $(whoami)\nline 2`;
    const code = byId(
      buildCodeSamples({
        ...createPet,
        operation: { requestBody: { content: { "application/json": { example: { [`k"ey`]: text } } } } },
      }),
    );
    expect(code.curl).toContain("--data @- <<'EOF'"); // quoted heredoc: no $(...) expansion
    expect(code.python).toContain(String.raw`"k\"ey": "it's \"quoted\" \\ $(whoami)\nline 2"`);
    expect(code.javascript).toContain(String.raw`'k"ey': 'it\'s "quoted" \\ $(whoami)\nline 2'`);
    // Every sample parses, and yields the original text back.
    const body = /body: JSON\.stringify\((\{[^]*?\})\)\n/.exec(code.javascript!)?.[1];
    expect(new Function(`return ${body};`)()).toEqual({ [`k"ey`]: text });
  });
});

describe("exampleForSchema", () => {
  it("terminates on recursive schemas", () => {
    const doc: Json = {
      components: {
        schemas: {
          Node: {
            type: "object",
            properties: {
              name: { type: "string" },
              children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
              parent: { $ref: "#/components/schemas/Node" },
            },
          },
          A: { type: "object", properties: { b: { $ref: "#/components/schemas/B" } } },
          B: { type: "object", properties: { a: { $ref: "#/components/schemas/A" } } },
        },
      },
    };
    expect(exampleForSchema({ $ref: "#/components/schemas/Node" }, doc)).toEqual({ name: "string", children: [{}], parent: {} });
    expect(exampleForSchema({ $ref: "#/components/schemas/A" }, doc)).toEqual({ b: { a: {} } });
    // A cycle of plain JS objects (a dereferenced document), not of $refs.
    const node: Json = { type: "object", properties: { name: { type: "string" } } };
    (node.properties as Json).self = node;
    expect(exampleForSchema(node, {})).toEqual({ name: "string", self: { name: "string", self: {} } });
  });

  it("uses the first of a huge enum and keeps arrays and strings small", () => {
    const values = Array.from({ length: 100_000 }, (_, i) => `v${i}`);
    const schema = {
      type: "object",
      properties: {
        color: { type: "string", enum: values },
        tags: { type: "array", minItems: 10_000_000, items: { type: "string" } },
        blob: { type: "string", minLength: 1_000_000_000 },
      },
    };
    const example = exampleForSchema(schema, {}) as { color: string; tags: string[]; blob: string };
    expect(example.color).toBe("v0");
    expect(example.tags).toEqual(["string"]);
    expect(example.blob.length).toBeLessThanOrEqual(64);
  });

  it("cuts a huge schema off at a readable depth", () => {
    // 6 levels of 40 distinct object properties each: 40^6 leaves if fully expanded.
    const schemas: Json = {};
    for (let level = 0; level < 6; level++) {
      const properties: Json = {};
      for (let i = 0; i < 40; i++) {
        properties[`field_${i}`] = level === 5 ? { type: "string" } : { $ref: `#/components/schemas/L${level + 1}_${i}` };
      }
      for (let i = 0; i < 40; i++) schemas[`L${level}_${i}`] = { type: "object", properties };
    }
    const example = exampleForSchema({ $ref: "#/components/schemas/L0_0" }, { components: { schemas } });
    const text = JSON.stringify(example);
    expect(Object.keys(example as Json)).toHaveLength(40);
    expect(text.length).toBeLessThan(10_000);
  });

  it("returns a placeholder instead of throwing on bad schemas", () => {
    expect(exampleForSchema(undefined, {})).toBeNull();
    expect(exampleForSchema("nonsense", {})).toBeNull();
    expect(exampleForSchema({ $ref: "#/components/schemas/Missing" }, {})).toBeNull();
    const external = { type: "object", properties: { a: { $ref: "other.yaml#/A" }, b: { type: "integer" } } };
    expect(exampleForSchema(external, {})).toEqual({ a: null, b: 0 });
    expect(exampleForSchema({ type: "array", items: { type: "boolean" } }, {})).toEqual([true]);
  });
});

describe("exampleForMedia", () => {
  const doc: Json = {
    components: {
      examples: {
        Amsterdam: { summary: "Amsterdam", value: { city: "Amsterdam" } },
        Alias: { $ref: "#/components/examples/Amsterdam" },
      },
    },
  };

  it("prefers example, then the first of examples (following $refs), then the schema", () => {
    const schema = { type: "object", properties: { city: { type: "string" } } };
    expect(exampleForMedia({ example: { city: "Oslo" }, schema }, doc, "response")).toEqual({ value: { city: "Oslo" }, source: "example" });
    expect(
      exampleForMedia({ examples: { first: { $ref: "#/components/examples/Alias" }, second: { value: 2 } }, schema }, doc, "response"),
    ).toEqual({ value: { city: "Amsterdam" }, source: "examples" });
    expect(exampleForMedia({ examples: { ext: { externalValue: "https://x" } }, schema }, doc, "request")).toEqual({
      value: { city: "string" },
      source: "schema",
    });
    expect(exampleForMedia({}, doc, "request")).toBeNull();
    expect(exampleForMedia(undefined, doc, "request")).toBeNull();
  });

  it("returns a copy: editing the example doesn't edit the spec", () => {
    const media = { example: { nested: { a: 1 } } };
    const result = exampleForMedia(media, doc, "request");
    (result?.value as { nested: { a: number } }).nested.a = 2;
    expect(media.example.nested.a).toBe(1);
  });
});

describe("the weather demo spec", () => {
  const doc = parse(readFileSync(new URL("../../specs/weather/v2/openapi.yaml", import.meta.url), "utf8")) as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const input = (path: string, method: string): SampleInput => ({
    doc,
    method,
    path,
    operation: paths[path]![method]!,
    serverUrl: "https://api.weather.portolan.example/v2",
  });

  it("POST /subscriptions sends the documented example with an API key", () => {
    const code = byId(buildCodeSamples(input("/subscriptions", "post")));
    expect(code.curl).toMatch(/^curl --request POST \\\n {2}--url https:\/\/api\.weather\.portolan\.example\/v2\/subscriptions \\\n/);
    expect(code.curl).toContain("--header 'X-API-Key: YOUR_API_KEY'");
    expect(code.curl).toContain("--header 'Content-Type: application/json'");
    expect(code.curl).toContain('"url": "https://hooks.acme-logistics.example/weather"');
    expect(code.go).toContain('req.Header.Add("X-API-Key", "YOUR_API_KEY")');
    expect(code.go).toContain('"secret": "whsec_3d9f1c0b8a7e6d5c4b3a2f1e"');
    expect(code.python).toContain("requests.post(url, json=payload, headers=headers)");
  });

  it("generates a Subscription request without its readOnly fields", () => {
    const example = exampleForSchema({ $ref: "#/components/schemas/Subscription" }, doc, { mode: "request" }) as Json;
    expect(Object.keys(example).sort()).toEqual(["events", "kinds", "regions", "secret", "severities", "url"]);
    const response = exampleForSchema({ $ref: "#/components/schemas/Subscription" }, doc, { mode: "response" }) as Json;
    expect(response).toHaveProperty("id", "sub_7Hq2mX9kTz");
    expect(response).not.toHaveProperty("secret");
  });

  it("GET /forecast fills the required query parameters only", () => {
    const code = byId(buildCodeSamples(input("/forecast", "get")));
    expect(code.curl).toBe(
      [
        "curl --request GET \\",
        "  --url 'https://api.weather.portolan.example/v2/forecast?lat=52.37&lon=4.89' \\",
        "  --header 'X-API-Key: YOUR_API_KEY'",
      ].join("\n"),
    );
    const media = ((paths["/forecast"]!.get!.responses as Json)["200"] as { content: Record<string, Json> }).content["application/json"];
    const example = exampleForMedia(media, doc, "response");
    expect(example?.source).toBe("examples");
    expect(example?.value).toMatchObject({ location: { name: "Amsterdam" }, units: "metric" });
  });

  it("generates an Alert from its discriminated oneOf", () => {
    expect(exampleForSchema({ $ref: "#/components/schemas/Alert" }, doc)).toMatchObject({ kind: "storm", windGustMax: 0 });
  });
});
