// Finds the documented operation a gateway saw a request for: "GET /v2/forecast/paris?x=1" →
// GET /forecast/{city}. Gateways know the concrete request, not the template, so usage and
// deprecation answers start here. Literal segments win over parameters, left to right, the way
// OpenAPI says concrete paths take precedence over templated ones.
import type { OperationSummary, VersionModel } from "@/lib/specs/model";

interface Compiled {
  op: OperationSummary;
  /** Per segment: a literal string, or a regex for segments holding {params}. */
  segments: (string | RegExp)[];
}

function splitPath(p: string): string[] {
  return p.split("/").filter((s) => s.length > 0);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compileSegment(seg: string): string | RegExp {
  if (!seg.includes("{")) return seg;
  const parts = seg.split(/(\{[^}]*\})/).filter(Boolean);
  return new RegExp("^" + parts.map((p) => (p.startsWith("{") ? "[^/]+?" : escapeRegex(p))).join("") + "$");
}

/** Path prefixes of the version's servers ("https://x/v2" → "/v2"), longest first. */
function basePaths(model: VersionModel): string[] {
  const out = new Set<string>();
  for (const s of model.servers) {
    const m = /^(?:[a-z][a-z0-9+.-]*:)?(?:\/\/[^/]*)?(\/[^?#]*)?/i.exec(s.url);
    const base = (m?.[1] ?? "").replace(/\/+$/, "");
    if (base && !base.includes("{")) out.add(base);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

export type OperationMatcher = (method: string, requestPath: string) => OperationSummary | null;

export function createOperationMatcher(model: VersionModel): OperationMatcher {
  // method → segment count → candidates
  const index = new Map<string, Map<number, Compiled[]>>();
  for (const op of model.operations) {
    const segments = splitPath(op.path).map(compileSegment);
    const byCount = index.get(op.method) ?? new Map<number, Compiled[]>();
    index.set(op.method, byCount);
    const list = byCount.get(segments.length) ?? [];
    list.push({ op, segments });
    byCount.set(segments.length, list);
  }
  const bases = basePaths(model);

  function matchPath(method: string, path: string): OperationSummary | null {
    const parts = splitPath(path);
    const candidates = index.get(method)?.get(parts.length);
    if (!candidates) return null;
    let best: Compiled | null = null;
    let bestScore = "";
    for (const c of candidates) {
      let score = "";
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = c.segments[i]!;
        if (typeof seg === "string") {
          ok = seg === parts[i];
          score += "2";
        } else {
          ok = seg.test(parts[i]!);
          score += "1";
        }
      }
      // Scores compare as strings of equal length: a literal earlier in the path wins.
      if (ok && (best === null || score > bestScore)) {
        best = c;
        bestScore = score;
      }
    }
    return best?.op ?? null;
  }

  return (rawMethod, requestPath) => {
    const method = rawMethod.toLowerCase();
    let path = requestPath.split(/[?#]/, 1)[0] ?? "";
    try {
      path = path
        .split("/")
        .map((s) => decodeURIComponent(s).replace(/\//g, "%2F"))
        .join("/");
    } catch {
      return null; // malformed percent-encoding
    }
    const direct = matchPath(method, path);
    if (direct) return direct;
    for (const base of bases) {
      if (path === base || path.startsWith(base + "/")) {
        const hit = matchPath(method, path.slice(base.length) || "/");
        if (hit) return hit;
      }
    }
    return null;
  };
}
