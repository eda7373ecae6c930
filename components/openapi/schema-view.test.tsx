import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { newSchemaTree, SchemaView, type SchemaCtx } from "./schema-view";

// A miniature of GitHub's shapes: a pull request holds users and repositories, a repository
// holds users, and every one of them is a named component.
function props(n: number, prefix: string) {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}_${i}`, { type: "string" }]));
}
const doc = {
  openapi: "3.1.0",
  components: {
    schemas: {
      user: { type: "object", properties: { login: { type: "string" }, ...props(20, "user") } },
      repo: { type: "object", properties: { owner: { $ref: "#/components/schemas/user" }, parent: { $ref: "#/components/schemas/repo" }, ...props(60, "repo") } },
      pull: {
        type: "object",
        required: ["title"],
        properties: {
          title: { type: "string" },
          user: { $ref: "#/components/schemas/user" },
          head: { type: "object", properties: { repo: { $ref: "#/components/schemas/repo" }, user: { $ref: "#/components/schemas/user" } } },
          base: { type: "object", properties: { repo: { $ref: "#/components/schemas/repo" } } },
        },
      },
    },
  },
};
const ctx = (tree = newSchemaTree()): SchemaCtx => ({ doc, base: "/apis/x/v1", stack: [], depth: 0, tree });
const render = (name: string, c: SchemaCtx) => renderToStaticMarkup(<SchemaView schema={{ $ref: `#/components/schemas/${name}` }} ctx={c} />);
const count = (html: string, text: string) => html.split(text).length - 1;

describe("SchemaView", () => {
  it("expands each named component once per page and links to it afterwards", () => {
    const html = render("pull", ctx());
    expect(count(html, ">user_0<")).toBe(1);
    expect(count(html, ">repo_0<")).toBe(1);
    expect(html).toContain('href="/apis/x/v1/schemas/user"');
    expect(html).toMatch(/Shown above on this page; also at <a[^>]*href="\/apis\/x\/v1\/schemas\/repo"/);
  });

  it("shows recursion as a link, not a tree", () => {
    const html = render("repo", ctx());
    expect(html).toMatch(/Recursive: the same structure as <a[^>]*>repo<\/a>/);
  });

  it("stops expanding nested components when the page's row budget is spent", () => {
    const html = render("pull", ctx(newSchemaTree(10)));
    expect(html).toMatch(/Properties listed at <a[^>]*>repo<\/a>/);
    expect(html).not.toContain(">repo_0<");
  });

  it("shares one budget across the trees of a page", () => {
    const tree = newSchemaTree();
    render("repo", ctx(tree));
    const second = render("repo", ctx(tree));
    expect(second).toMatch(/Shown above on this page/);
    expect(second).not.toContain(">repo_0<");
  });

  it("marks required properties", () => {
    expect(render("pull", ctx())).toMatch(/>title<\/code><span class="sch-type">string<\/span><span class="sch-req">required/);
  });
});
