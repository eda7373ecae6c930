// /llms.txt (https://llmstxt.org): an H1, a one-paragraph summary in a blockquote, then one H2
// section per API listing a link to the Markdown rendering of each version, then "Optional".
// Built as mdast and serialised, like the Markdown renderings, so API names and summaries from
// api.yaml or a spec stay text. Pure: the caller passes only the APIs anyone may see.
import { blockquote, heading, link, list, listItem, paragraph, serialize, text, type Block } from "@/lib/markdown-export/mdast";
import type { CatalogApi, CatalogVersion } from "@/lib/specs/model";
import { absolute, CATALOG_PATH, markdownPath, versionPath } from "./urls";

/** One line: a newline in a name would end a list item or a heading early. */
const line = (s: string): string => s.replace(/\s+/g, " ").trim();

function versionNote(v: CatalogVersion): string {
  const parts: string[] = [v.lifecycle];
  if (v.lifecycle === "deprecated" && v.sunset) parts.push(`sunset ${v.sunset}`);
  if (v.status === "failed") parts.push("description could not be loaded");
  else parts.push(`${v.operationCount} operation${v.operationCount === 1 ? "" : "s"}`);
  return parts.join(", ");
}

const entry = (url: string, title: string, about: string) => listItem(paragraph(link(url, line(title)), text(`: ${line(about)}`)));

export function llmsTxt(origin: string, apis: readonly CatalogApi[], siteName = "Portolan"): string {
  const blocks: Block[] = [
    heading(1, siteName),
    blockquote(
      paragraph(
        `API reference for ${apis.length} public API${apis.length === 1 ? "" : "s"}. Every reference page (API overview, operation, tag, schema, webhook) has a plain Markdown rendering at the same URL with .md appended, or when requested with Accept: text/markdown.`,
      ),
    ),
    paragraph(
      "Versions marked deprecated stop working on their sunset date; prefer the version marked current. Each version's OpenAPI description can be downloaded as openapi.json or openapi.yaml below its URL.",
    ),
  ];
  for (const api of apis) {
    // Sections hold link lists only (as the proposal has them): the API's summary goes with its latest version.
    blocks.push(
      heading(2, line(api.name)),
      list(
        [...api.versions].reverse().map((v) => {
          const isLatest = v.id === api.latestVersion;
          const note = `${versionNote(v)}${isLatest ? ", latest" : ""}`;
          return entry(absolute(origin, markdownPath(versionPath(api.id, v.id))), `${api.name} ${v.id}`, isLatest && api.summary ? `${api.summary} (${note})` : note);
        }),
      ),
    );
  }
  blocks.push(
    heading(2, "Optional"),
    list([
      entry(absolute(origin, markdownPath(CATALOG_PATH)), "API catalog", "every public API with its versions"),
      entry(absolute(origin, "/sitemap.xml"), "Sitemap", "every public reference page (HTML)"),
      ...apis.flatMap((api) =>
        api.latestVersion ? [entry(absolute(origin, `${versionPath(api.id, api.latestVersion)}/openapi.json`), `${api.name} ${api.latestVersion} OpenAPI description`, "the whole description as JSON")] : [],
      ),
    ]),
  );
  return serialize(blocks);
}
