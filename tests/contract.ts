// Contract checks: a response of the portal's REST API against the portal's own description
// (specs/portolan/v1/openapi.yaml), with ajv's JSON Schema 2020-12 (OpenAPI 3.1's dialect).
// Response schemas say additionalProperties: false, so an extra field (a hash, a secret) fails.
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";

type Obj = Record<string, any>;
const SPEC_ID = "https://portolan.example/portal-api.json";
const doc = parse(fs.readFileSync(path.resolve("specs/portolan/v1/openapi.yaml"), "utf8")) as Obj;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addKeyword({ keyword: "example" });
ajv.addSchema({ ...doc, $id: SPEC_ID });

function resolve(node: Obj): Obj {
  return typeof node?.$ref === "string" ? resolve(node.$ref.slice(2).split("/").reduce((o: Obj, k: string) => o[k], doc)) : node;
}

/** Throws with ajv's messages when the body does not match the documented response. */
export function assertDocumented(method: string, template: string, status: number, body: unknown): void {
  const op = doc.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`${method} ${template} is not in the portal's OpenAPI description`);
  const response = op.responses[String(status)];
  if (!response) throw new Error(`${method} ${template} does not document status ${status}`);
  const media = resolve(response).content?.["application/json"];
  if (!media) {
    if (body !== null && body !== undefined && body !== "") throw new Error(`${method} ${template} ${status} documents no body`);
    return;
  }
  const pointer = `${SPEC_ID}#/paths/${template.replace(/~/g, "~0").replace(/\//g, "~1")}/${method.toLowerCase()}/responses/${status}`;
  const schemaRef = response.$ref ? `${SPEC_ID}${response.$ref}/content/application~1json/schema` : `${pointer}/content/application~1json/schema`;
  const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
  if (!validate(body)) throw new Error(`${method} ${template} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
}
