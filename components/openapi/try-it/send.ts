// Sends the built request from the browser and turns whatever happens into an Outcome: the
// response (body read, JSON pretty-printed, size capped) or an error a reader can act on.
import type { BuiltRequest } from "@/lib/openapi/try-it";

export const TIMEOUT_MS = 30_000;

/** Bodies are shown up to this many characters. */
const MAX_SHOWN = 200_000;

export type Outcome =
  | { kind: "response"; status: number; statusText: string; ms: number; bytes: number; headers: [string, string][]; body: string; note?: string }
  | { kind: "error"; title: string; message: string; ms: number };

const TEXTUAL = /json|text\/|xml|javascript|yaml|x-www-form-urlencoded|html|csv/i;

/** Reads a fetch() response into an Outcome. */
export async function readResponse(res: Response, started: number): Promise<Outcome> {
  const buf = await res.arrayBuffer();
  const ms = Math.round(performance.now() - started);
  const type = res.headers.get("content-type") ?? "";
  const headers = [...res.headers.entries()];
  const base = { kind: "response" as const, status: res.status, statusText: res.statusText, ms, bytes: buf.byteLength, headers };
  if (buf.byteLength === 0) return { ...base, body: "" };
  if (type && !TEXTUAL.test(type)) return { ...base, body: "", note: `Binary body (${type}), not shown.` };
  let body = new TextDecoder().decode(buf);
  if (/json/i.test(type) || (!type && /^\s*[[{]/.test(body))) {
    try {
      body = JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      // not JSON after all: shown as it came
    }
  }
  if (body.length > MAX_SHOWN) return { ...base, body: `${body.slice(0, MAX_SHOWN)}\n…`, note: `Showing the first ${MAX_SHOWN.toLocaleString("en")} characters.` };
  return { ...base, body };
}

/** fetch() with the console's policy; `signal` cancels (the Cancel button), TIMEOUT_MS aborts. */
export async function sendRequest(request: BuiltRequest, signal: AbortSignal): Promise<Outcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, TIMEOUT_MS);
  const cancel = () => controller.abort();
  signal.addEventListener("abort", cancel, { once: true });
  const started = performance.now();
  try {
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      // The API's cookies are not the reader's intent; the portal's URL is none of its business.
      credentials: "omit",
      referrerPolicy: "no-referrer",
      cache: "no-store",
      redirect: "follow",
    });
    return await readResponse(res, started);
  } catch (err) {
    const ms = Math.round(performance.now() - started);
    if (timedOut) return { kind: "error", title: "No answer", message: `The server did not answer within ${TIMEOUT_MS / 1000} seconds.`, ms };
    if (signal.aborted) return { kind: "error", title: "Cancelled", message: "The request was cancelled.", ms };
    const detail = err instanceof Error && err.message && err.message !== "Failed to fetch" ? ` (${err.message})` : "";
    return {
      kind: "error",
      title: "The request did not reach the API",
      message: `The server did not allow a request from this page (CORS) or is unreachable. Check the server URL, or send the same request from a terminal with "Copy as curl".${detail}`,
      ms,
    };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", cancel);
  }
}
