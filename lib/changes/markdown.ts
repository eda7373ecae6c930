// Markdown renderings of the changelog pages and the diff view (`.md` and Accept: text/markdown),
// built as mdast like the reference pages' (lib/markdown-export), so spec and entry text stays
// text. Links are absolute and point at other Markdown renderings where there are some. Pure.
import { absolute, changelogPath, diffPath, feedPath, markdownPath } from "@/lib/discovery/urls";
import { code, heading, link, list, listItem, paragraph, serialize, specMarkdown, text, type Block, type Inline } from "@/lib/markdown-export/mdast";
import type { CatalogApi } from "@/lib/specs/model";
import { filterChanges, filterEntries, type Release } from "./changelog";
import { pageOf, targetOf, type Side } from "./links";
import { SEVERITIES, sortChanges, type Change, type DiffResult, type Severity } from "./types";

const HEADING: Record<Severity, string> = { breaking: "Breaking changes", deprecation: "Deprecations", "non-breaking": "Non-breaking changes", documentation: "Documentation" };

/** A change's line as inline Markdown: `backticked` parts as code spans. */
export function changeInline(line: string): Inline[] {
  return line.split(/(`[^`]+`)/g).flatMap((p): Inline[] => (!p ? [] : p.length > 1 && p.startsWith("`") && p.endsWith("`") ? [code(p.slice(1, -1))] : [text(p)]));
}

function feedLinks(origin: string, apiId: string | null): Block {
  return paragraph(
    text("Feeds: "),
    link(absolute(origin, feedPath(apiId, "rss")), "RSS"),
    text(", "),
    link(absolute(origin, feedPath(apiId, "atom")), "Atom"),
    text(", "),
    link(absolute(origin, feedPath(apiId, "json")), "JSON Feed"),
    text("."),
  );
}

function releaseBlocks(origin: string, r: Release, filter: Severity | null, depth: number, withApi: boolean): Block[] {
  const changes = sortChanges(filterChanges(r.diff?.changes ?? [], filter));
  const entries = filterEntries(r.entries, filter);
  if (filter && !changes.length && !entries.length) return [];
  const blocks: Block[] = [heading(depth, `${withApi ? `${r.api.name} ` : ""}${r.version.id}${r.date ? ` (${r.date})` : ""}`)];
  blocks.push(
    r.previous
      ? paragraph(text(`Changes since ${r.previous.id}: `), link(absolute(origin, markdownPath(diffPath(r.api.id, r.previous.id, r.version.id))), `every change from ${r.previous.id} to ${r.version.id}`), text("."))
      : paragraph("The first version in this portal."),
  );
  for (const e of entries) {
    blocks.push(heading(depth + 1, `${e.title} (${e.date}${e.severity ? `, ${e.severity}` : ""})`), ...specMarkdown(e.body, depth + 1));
  }
  for (const s of SEVERITIES) {
    const group = changes.filter((c) => c.severity === s);
    if (group.length) blocks.push(heading(depth + 1, `${HEADING[s]} (${group.length})`), list(group.map((c) => listItem(paragraph(...changeInline(c.text))))));
  }
  return blocks;
}

export function apiChangelogMarkdown(origin: string, api: CatalogApi, releases: Release[], filter: Severity | null): string {
  const blocks: Block[] = [
    heading(1, `${api.name} changelog${filter ? ` (${filter})` : ""}`),
    paragraph(text("What changed in each version, breaking changes first. "), link(absolute(origin, changelogPath(api.id, filter)), "HTML version"), text(".")),
    feedLinks(origin, api.id),
  ];
  for (const r of releases) blocks.push(...releaseBlocks(origin, r, filter, 2, false));
  return serialize(blocks);
}

export function globalChangelogMarkdown(origin: string, releases: Release[], filter: Severity | null): string {
  const blocks: Block[] = [
    heading(1, `Changelog${filter ? ` (${filter})` : ""}`),
    paragraph(text("Every new version of the public APIs on this portal, newest first. "), link(absolute(origin, changelogPath(null, filter)), "HTML version"), text(".")),
    feedLinks(origin, null),
  ];
  for (const r of releases) if (r.previous || r.entries.length) blocks.push(...releaseBlocks(origin, r, filter, 2, true));
  return serialize(blocks);
}

function targetLabel(c: Change): string {
  if (c.operation) return `${c.operation.method.toUpperCase()} ${c.operation.path}`;
  if (c.webhook) return `Webhook ${c.webhook}`;
  if (c.schema) return `Schema ${c.schema}`;
  return "The whole API";
}

export function diffMarkdown(origin: string, api: CatalogApi, from: Side, to: Side, diff: DiffResult | null): string {
  const blocks: Block[] = [
    heading(1, `${api.name}: ${from.versionId} → ${to.versionId}`),
    paragraph(text(`Every change a client of ${from.versionId} meets when it moves to ${to.versionId}. `), link(absolute(origin, diffPath(api.id, from.versionId, to.versionId)), "HTML version"), text(".")),
  ];
  if (!diff) return serialize([...blocks, paragraph("The changes between these versions could not be computed.")]);
  const changes = sortChanges(diff.changes);
  if (!changes.length) blocks.push(paragraph("No differences between these versions."));
  for (const s of SEVERITIES) {
    const group = changes.filter((c) => c.severity === s);
    if (!group.length) continue;
    blocks.push(heading(2, `${HEADING[s]} (${group.length})`));
    const byTarget = new Map<string, Change[]>();
    for (const c of group) byTarget.set(targetOf(c), [...(byTarget.get(targetOf(c)) ?? []), c]);
    for (const items of byTarget.values()) {
      const first = items[0]!;
      const pages = [
        [from, pageOf(from, first, true)],
        [to, pageOf(to, first, false)],
      ] as const;
      const refs = pages.flatMap(([side, page], i): Inline[] => (page ? [...(i && pages[0][1] ? [text(", ")] : []), link(absolute(origin, markdownPath(page)), side.versionId)] : []));
      blocks.push(heading(3, code(targetLabel(first)), ...(refs.length ? [text(" ("), ...refs, text(")")] : [])), list(items.map((c) => listItem(paragraph(...changeInline(c.text))))));
    }
  }
  return serialize(blocks);
}
