// /llms.txt (https://llmstxt.org): an H1, a one-paragraph summary in a blockquote, then one H2
// section per API with a link to the Markdown rendering of each version. Pure: the caller passes
// only the APIs the reader may see.
import type { CatalogApi, CatalogVersion } from "@/lib/specs/model";
import { absolute, CATALOG_PATH, markdownPath, versionPath } from "./urls";

/** Text for one line of llms.txt: no newlines, and nothing that ends a link title early. */
function line(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Link text inside [...]: brackets and backslashes escaped so spec-provided names can't form other links. */
function linkText(s: string): string {
  return line(s).replace(/[\\[\]]/g, "\\$&");
}

function versionNote(v: CatalogVersion): string {
  const parts: string[] = [v.lifecycle];
  if (v.lifecycle === "deprecated" && v.sunset) parts.push(`sunset ${v.sunset}`);
  if (v.status === "failed") parts.push("description could not be loaded");
  else parts.push(`${v.operationCount} operation${v.operationCount === 1 ? "" : "s"}`);
  return parts.join(", ");
}

export function llmsTxt(origin: string, apis: readonly CatalogApi[], siteName = "Portolan"): string {
  const out: string[] = [`# ${siteName}`, ""];
  out.push(
    `> API reference for ${apis.length} public API${apis.length === 1 ? "" : "s"}. Every reference page (API overview, operation, tag, schema, webhook) has a plain Markdown rendering at the same URL with \`.md\` appended, or when requested with \`Accept: text/markdown\`.`,
    "",
    `Versions marked deprecated stop working on their sunset date; prefer the version marked current. Each version's OpenAPI description can be downloaded as \`openapi.json\` or \`openapi.yaml\` below its URL.`,
    "",
  );
  for (const api of apis) {
    // Sections hold link lists only (as the proposal has them): the API's summary goes with its latest version.
    out.push(`## ${line(api.name)}`, "");
    for (const v of [...api.versions].reverse()) {
      const isLatest = v.id === api.latestVersion;
      const note = `${versionNote(v)}${isLatest ? ", latest" : ""}`;
      const about = isLatest && api.summary ? `${line(api.summary)} (${note})` : note;
      out.push(`- [${linkText(`${api.name} ${v.id}`)}](${absolute(origin, markdownPath(versionPath(api.id, v.id)))}): ${about}`);
    }
    out.push("");
  }
  out.push(
    "## Optional",
    "",
    `- [API catalog](${absolute(origin, markdownPath(CATALOG_PATH))}): every public API with its versions`,
    `- [Sitemap](${absolute(origin, "/sitemap.xml")}): every public reference page (HTML)`,
  );
  for (const api of apis) {
    const v = api.latestVersion;
    if (v) out.push(`- [${linkText(`${api.name} ${v} OpenAPI description`)}](${absolute(origin, `${versionPath(api.id, v)}/openapi.json`)}): the whole description as JSON`);
  }
  return out.join("\n") + "\n";
}
