// One response and error format for the whole portal REST API (/api/v1/…):
//   success: the resource as JSON;  error: {"error": {"code", "message", "issues"?}}
// Unknown and forbidden objects both answer 404 (no existence oracle); unexpected errors answer
// a generic 500 and are logged without request data.
import { z } from "zod";
import { log } from "@/lib/log";
import { errorBody, type ErrorIssue } from "./error-body";

const NO_STORE = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
  }
}

export const notFound = () => new ApiError(404, "not_found", "No such resource.");
export const unauthenticated = () => new ApiError(401, "unauthenticated", "Sign in, or send a personal access token as `Authorization: Bearer ptl_pat_…`.");
export const forbidden = (message = "You may not do this.") => new ApiError(403, "forbidden", message);

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function errorJson(e: ApiError): Response {
  return Response.json(errorBody(e.code, e.message, e.issues), { status: e.status, headers: NO_STORE });
}

/** Parses a JSON body against a strict schema: unknown fields are refused (mass assignment). */
export async function readBody<T extends z.ZodType>(req: Request, schema: T, maxBytes = 16 * 1024): Promise<z.infer<T>> {
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new ApiError(413, "too_large", `The body is limited to ${maxBytes} bytes.`);
  let raw: unknown;
  try {
    raw = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

export function invalid(error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
  return new ApiError(400, "invalid_request", issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
}

/** Wraps a route handler: ApiErrors become their response, anything else a logged generic 500. */
export function handler<A extends unknown[]>(fn: (req: Request, ...rest: A) => Promise<Response>) {
  return async (req: Request, ...rest: A): Promise<Response> => {
    try {
      return await fn(req, ...rest);
    } catch (e) {
      if (e instanceof ApiError) return errorJson(e);
      log.error({ err: e instanceof Error ? { name: e.name, message: e.message } : String(e), path: new URL(req.url).pathname }, "API request failed");
      return errorJson(new ApiError(500, "internal", "Something went wrong on our side."));
    }
  };
}
