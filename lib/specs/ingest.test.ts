// The ingest pipeline on hostile and broken input: each bad description fails alone, with a
// problem that says why, and every other API is still served.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSpecs, type IngestReport } from "./ingest";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-ingest-"));
const specsDir = path.join(root, "specs");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string) {
  const file = path.join(specsDir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const GOOD = `openapi: 3.0.3
info: { title: Good API, version: 1.0.0 }
paths:
  /things:
    get:
      responses: { "200": { description: ok } }
`;

// Nine levels of nine aliases: ~387 million nodes if expanded ("billion laughs").
function yamlBomb(): string {
  let y = 'openapi: 3.0.0\ninfo: { title: bomb, version: "1" }\na0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i <= 9; i++) y += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(",")}]\n`;
  return y + "paths: {}\n";
}

let requestsToRemote = 0;
const remote = http.createServer((_req, res) => {
  requestsToRemote++;
  res.end("type: object\n");
});
let report: IngestReport;

beforeAll(async () => {
  await new Promise<void>((r) => remote.listen(0, "127.0.0.1", r));
  const port = (remote.address() as { port: number }).port;
  write("good/v1/openapi.yaml", GOOD);
  write("bomb/v1/openapi.yaml", yamlBomb());
  write("remote/v1/openapi.yaml", GOOD.replace("responses:", `responses:\n        "201": { description: x, content: { application/json: { schema: { $ref: "http://127.0.0.1:${port}/s.yaml" } } } }\n      x-unused:`));
  write("escape/v1/openapi.yaml", GOOD.replace("responses:", 'requestBody: { content: { application/json: { schema: { $ref: "../../../outside.yaml" } } } }\n      responses:'));
  fs.writeFileSync(path.join(root, "outside.yaml"), "type: string\n");
  write("cyclic/v1/openapi.yaml", `openapi: 3.1.0
info: { title: Cyclic, version: "1" }
paths:
  /nodes:
    get:
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Node" } } } }
components:
  schemas:
    Node: { type: object, properties: { children: { type: array, items: { $ref: "#/components/schemas/Node" } } } }
`);
  write("notopenapi/v1/openapi.yaml", "- just\n- a list\n");
  report = await ingestSpecs({
    specsDir,
    cacheDir: path.join(root, "cache"),
    rulesetPath: path.resolve("redocly.yaml"),
    timeoutMs: 8_000,
    memoryMb: 512,
  });
}, 120_000);
afterAll(() => new Promise<void>((r) => remote.close(() => r())));

const version = (api: string) => report.versions.find((v) => v.apiId === api)!;

describe("ingestSpecs on hostile input", () => {
  it("loads the good API and the cyclic one", () => {
    expect(version("good")).toMatchObject({ status: "ok" });
    expect(version("cyclic")).toMatchObject({ status: "ok" });
    expect(version("cyclic").model?.operations.map((o) => `${o.method} ${o.path}`)).toEqual(["get /nodes"]);
  });

  it("stops a YAML alias bomb at the time limit and says so", () => {
    expect(version("bomb").status).toBe("failed");
    expect(version("bomb").problems[0]).toMatchObject({ file: "bomb/v1/openapi.yaml", severity: "error" });
    expect(version("bomb").problems[0]!.rule).toMatch(/^(timeout|limits|crash|parse)$/);
  });

  it("never fetches a remote $ref", () => {
    expect(requestsToRemote).toBe(0);
    expect(version("remote").problems.some((p) => /remote \$ref not allowed/.test(p.message))).toBe(true);
  });

  it("never reads a file outside the spec folder", () => {
    expect(version("escape").problems.some((p) => /outside the spec folder/.test(p.message))).toBe(true);
  });

  it("rejects a document that is not OpenAPI with a clear message", () => {
    expect(version("notopenapi")).toMatchObject({ status: "failed" });
    expect(version("notopenapi").problems[0]!.message).toMatch(/not an OpenAPI or Swagger document/);
  });

  it("writes a catalog in which the broken APIs are marked and the rest is usable", () => {
    const byId = Object.fromEntries(report.catalog.apis.map((a) => [a.id, a]));
    expect(byId.good!.latestVersion).toBe("v1");
    expect(byId.bomb!.versions[0]).toMatchObject({ status: "failed", failure: { rule: expect.any(String) } });
  });
});

describe("ingest cache", () => {
  it("reuses unchanged versions and reloads only the changed one", async () => {
    write("good/v1/openapi.yaml", GOOD.replace("Good API", "Better API"));
    const again = await ingestSpecs({ specsDir, cacheDir: path.join(root, "cache"), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 8_000, memoryMb: 512 });
    const v = (api: string) => again.versions.find((x) => x.apiId === api)!;
    expect(v("good")).toMatchObject({ fromCache: false, status: "ok" });
    expect(v("good").model?.title).toBe("Better API");
    expect(v("cyclic").fromCache).toBe(true);
    // Failures from time limits are not cached: they are retried on the next start.
    expect(v("bomb").fromCache).toBe(false);
  }, 120_000);
});
