// Ranking on a small GitHub-like description: exact path or operationId first, then prefixes and
// path fragments, then full text; odd queries answer quickly and never throw.
import { describe, expect, it } from "vitest";
import { normalize } from "../specs/normalize";
import { buildSearchIndex } from "./build";
import { loadIndex, parseQuery, rankIndex } from "./rank";

const op = (operationId: string, summary: string, extra: Record<string, unknown> = {}) => ({
  operationId,
  summary,
  responses: { "200": { description: "ok" } },
  ...extra,
});

export const DOC = {
  openapi: "3.1.0",
  info: { title: "Code hosting", version: "1" },
  paths: {
    "/repos/{owner}/{repo}": { get: op("repos/get", "Get a repository") },
    "/repos/{owner}/{repo}/pulls": {
      get: op("pulls/list", "List pull requests", { tags: ["pulls"] }),
      post: op("pulls/create", "Create a pull request", { tags: ["pulls"] }),
    },
    "/repos/{owner}/{repo}/pulls/{pull_number}": {
      get: op("pulls/get", "Get a pull request", { tags: ["pulls"] }),
      patch: op("pulls/update", "Update a pull request", { tags: ["pulls"] }),
    },
    "/repos/{owner}/{repo}/pulls/{pull_number}/reviews": { get: op("pulls/list-reviews", "List reviews for a pull request", { tags: ["pulls"] }) },
    "/repos/{owner}/{repo}/issues": {
      get: op("issues/list-for-repo", "List repository issues", {
        description: "Lists issues. GitHub's REST API considers every pull request an issue, but not every issue is a pull request.",
      }),
    },
    "/repos/{owner}/{repo}/keys": { get: op("repos/list-deploy-keys", "List deploy keys", { deprecated: true }) },
    "/repos/{owner}/{repo}/deploy-keys": { get: op("repos/list-deploy-keys-v2", "List deploy keys") },
    "/user": { get: op("users/get-authenticated", "Get the authenticated user") },
    "/user/repos": {
      get: op("repos/list-for-authenticated-user", "List repositories for the authenticated user", {
        parameters: [{ name: "per_page", in: "query", schema: { type: "integer" } }],
      }),
    },
    "/users/{username}": { get: op("users/get-by-username", "Get a user") },
    "/rate_limit": { get: op("rate-limit/get", "Get rate limit status") },
  },
  webhooks: { "pull-request-opened": { post: op("onPullRequestOpened", "Pull request opened") } },
  components: {
    schemas: {
      "pull-request": { type: "object", description: "Pull requests let you tell others about changes." },
      "simple-user": { type: "object", title: "Simple User" },
    },
  },
};

const index = loadIndex(JSON.parse(JSON.stringify(buildSearchIndex(DOC, normalize(DOC)))));
const search = (q: string, limit = 20) => {
  const parsed = parseQuery(q);
  return parsed ? rankIndex(index, parsed, limit) : [];
};
const labels = (q: string, n = 3) => search(q).slice(0, n).map((r) => (r.entry.method ? `${r.entry.method.toUpperCase()} ${r.entry.path}` : `${r.entry.kind} ${r.entry.title}`));

describe("search ranking: exact matches first", () => {
  it("puts the operations of an exact path first", () => {
    const hits = search("/repos/{owner}/{repo}/pulls");
    expect(hits.slice(0, 2).map((h) => h.entry.operationId).sort()).toEqual(["pulls/create", "pulls/list"]);
    expect(hits[0]!.match).toBe("exact");
  });

  it("puts an exact operationId first, ahead of longer ids that start with it", () => {
    const hits = search("pulls/list");
    expect(hits[0]).toMatchObject({ match: "exact", entry: { operationId: "pulls/list" } });
    expect(hits.findIndex((h) => h.entry.operationId === "pulls/list-reviews")).toBeGreaterThan(0);
  });

  it("ignores parameter names, and matches a concrete path against its template", () => {
    expect(labels("/repos/{o}/{r}/pulls/{n}", 1)).toEqual(["GET /repos/{owner}/{repo}/pulls/{pull_number}"]);
    expect(labels("/repos/:owner/:repo/pulls/:pull_number", 1)).toEqual(["GET /repos/{owner}/{repo}/pulls/{pull_number}"]);
    expect(labels("/repos/octocat/hello-world/pulls/42", 1)).toEqual(["GET /repos/{owner}/{repo}/pulls/{pull_number}"]);
    expect(labels("https://api.example.com/repos/octocat/hello/issues?state=open", 1)).toEqual(["GET /repos/{owner}/{repo}/issues"]);
    // A literal segment beats a parameter: /user, not /users/{username}… and not a guess.
    expect(labels("/user", 1)).toEqual(["GET /user"]);
  });

  it("keeps only the named method when the query starts with one", () => {
    expect(labels("POST /repos/{owner}/{repo}/pulls", 1)).toEqual(["POST /repos/{owner}/{repo}/pulls"]);
    expect(labels("patch /repos/{owner}/{repo}/pulls/{pull_number}", 1)).toEqual(["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"]);
  });

  it("finds a schema or webhook by its exact name", () => {
    expect(labels("pull-request", 1)).toEqual(["schema pull-request"]);
    expect(labels("Simple-User", 1)).toEqual(["schema simple-user"]);
    expect(search("pull-request-opened")[0]).toMatchObject({ match: "exact", entry: { kind: "webhook" } });
    expect(search("onPullRequestOpened")[0]).toMatchObject({ match: "exact", entry: { kind: "webhook" } });
  });

  it("counts a title typed in full as exact", () => {
    expect(search("get the authenticated user")[0]).toMatchObject({ match: "exact", entry: { operationId: "users/get-authenticated" } });
  });
});

describe("search ranking: prefixes and fragments", () => {
  it("finds operations by a path fragment, the closest first", () => {
    expect(labels("pulls/{pull_number}", 2).sort()).toEqual([
      "GET /repos/{owner}/{repo}/pulls/{pull_number}",
      "PATCH /repos/{owner}/{repo}/pulls/{pull_number}",
    ]);
    expect(search("pulls/{pull_number}")[0]!.match).toBe("fragment");
  });

  it("ranks the collection first for a single word, and path matches above text matches", () => {
    const hits = search("pulls");
    expect(hits.slice(0, 2).map((h) => h.entry.path)).toEqual(["/repos/{owner}/{repo}/pulls", "/repos/{owner}/{repo}/pulls"]);
    // The issues operation only mentions pull requests in its description: after every path match.
    const issues = hits.findIndex((h) => h.entry.operationId === "issues/list-for-repo");
    const lastStructural = hits.map((h) => h.match !== "text").lastIndexOf(true);
    expect(issues === -1 || issues > lastStructural).toBe(true);
  });

  it("completes a path or an operationId typed halfway", () => {
    expect(search("/repos/{owner}/{repo}/pu").slice(0, 5).every((h) => h.match === "prefix" && h.entry.path!.includes("/pulls"))).toBe(true);
    const user = labels("/user", 2);
    expect(user).toEqual(["GET /user", "GET /user/repos"]);
    expect(search("repos/list-for")[0]).toMatchObject({ match: "prefix", entry: { operationId: "repos/list-for-authenticated-user" } });
  });

  it("reads words as the path or id they spell (check runs → check-runs, rate limit → rate_limit)", () => {
    expect(labels("rate limit", 1)).toEqual(["GET /rate_limit"]);
    expect(labels("deploy keys", 1)).toEqual(["GET /repos/{owner}/{repo}/deploy-keys"]);
  });

  it("puts a deprecated operation after an equal one that is not", () => {
    const hits = search("list deploy keys");
    expect(hits[0]!.entry.deprecated).toBeUndefined();
    expect(hits[1]!.entry.deprecated).toBe(true);
  });
});

describe("search ranking: full text", () => {
  it("finds titles, descriptions, parameter names and tolerates a typo", () => {
    expect(labels("list repositories for the authenticated user", 1)).toEqual(["GET /user/repos"]);
    expect(labels("repositroies authenticated", 1)).toEqual(["GET /user/repos"]);
    expect(labels("per_page", 1)).toEqual(["GET /user/repos"]);
    expect(search("considers every pull request an issue").some((h) => h.entry.operationId === "issues/list-for-repo")).toBe(true);
    expect(search("tell others about changes")[0]).toMatchObject({ match: "text", entry: { kind: "schema", title: "pull-request" } });
  });
});

describe("search ranking: odd queries", () => {
  it("answers nothing for empty and blank queries", () => {
    expect(parseQuery("")).toBeNull();
    expect(parseQuery("   \n\t ")).toBeNull();
    expect(search("")).toEqual([]);
  });

  it("caps long queries and stays fast", () => {
    const long = "pull request ".repeat(400);
    expect(parseQuery(long)!.text.length).toBeLessThanOrEqual(200);
    const started = performance.now();
    search(long);
    search("x".repeat(10_000));
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("never throws on garbage, and finds nothing where nothing matches", () => {
    for (const q of ["}}}{{{///", "((((", ".*+?[]\\", "%00\u0000\u0007", "/", "{", "{}", "?", "#", "GET", "get ", "💥🔥", "' OR 1=1 --", "<script>alert(1)</script>"]) {
      expect(() => search(q), q).not.toThrow();
    }
    expect(search("zzzzzz")).toEqual([]);
    expect(search("<script>alert(1)</script>")).toEqual([]);
  });

  it("limits the number of results", () => {
    expect(search("repos", 3)).toHaveLength(3);
  });
});
